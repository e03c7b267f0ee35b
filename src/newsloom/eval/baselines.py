"""The two extractors newsloom is measured against, run on the same bytes in the same run.

trafilatura.extract without readers' comments (the setting of the published trafilatura figures:
comments are not article text, and keeping them costs trafilatura about 0.005 F1) and
readability-lxml's summary (its HTML made plain text the
way newsloom makes any fragment plain text) are what the issue's F1 table compares with; running
them beside newsloom keeps the comparison honest on a shared, noisy machine.
"""

from __future__ import annotations

from newsloom.errors import ExtractError
from newsloom.records import Extracted


def trafilatura_extract(html: bytes, url: str) -> Extracted:
    import trafilatura

    text = trafilatura.extract(html, url=url or None, include_comments=False)
    if not text:
        raise ExtractError(f"extract: trafilatura found no text ({url})")
    return Extracted(text=text, method="trafilatura")


def readability_extract(html: bytes, url: str) -> Extracted:
    from lxml import etree
    from readability import Document
    from readability.readability import Unparseable

    from newsloom.extract.decode import decode_html
    from newsloom.extract.text import text_from_html

    try:
        summary = Document(decode_html(html, None)).summary(html_partial=True)
    except (Unparseable, AssertionError, ValueError, TypeError, etree.LxmlError) as exc:
        raise ExtractError(f"extract: readability failed ({url}): {exc}") from exc
    return Extracted(text=text_from_html(summary), method="readability")


BASELINES = {"trafilatura": trafilatura_extract, "readability": readability_extract}
