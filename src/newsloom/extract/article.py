"""One HTML page to its article: trafilatura first, readability-lxml when that finds little."""

from __future__ import annotations

import logging
from dataclasses import dataclass

import py3langid
import trafilatura
from lxml import etree
from lxml import html as lxml_html
from readability import Document as ReadabilityDocument
from readability.readability import Unparseable

from newsloom.errors import ExtractError
from newsloom.extract.decode import decode_html
from newsloom.extract.metadata import declared_language, published_time
from newsloom.extract.text import text_from_html
from newsloom.ingest.dates import parse_datetime
from newsloom.ingest.sanitize import absolute_url
from newsloom.records import Extracted

# Fewer words than this is not an article (a cookie wall, an index page, an error page).
MIN_WORDS = 15
# Below this, trafilatura may have missed the body; ask readability too.
FALLBACK_BELOW_WORDS = 150
# Readability keeps more boilerplate, so it must find clearly more to win.
READABILITY_ADVANTAGE = 1.25
MIN_CHARS_FOR_LANGID = 40

logging.getLogger("trafilatura").setLevel(logging.ERROR)
logging.getLogger("readability").setLevel(logging.ERROR)


@dataclass(frozen=True)
class _Body:
    text: str
    title: str
    method: str


def _paragraphs(text: str) -> str:
    """trafilatura puts one paragraph per line; newsloom separates paragraphs with a blank line."""
    return "\n\n".join(" ".join(line.split()) for line in text.splitlines() if line.strip())


def _without_headline(text: str, title: str) -> str:
    """Drop a first paragraph that only repeats the headline (it is not article text)."""
    first, _, rest = text.partition("\n\n")
    same = title and " ".join(first.split()).casefold() == " ".join(title.split()).casefold()
    return rest if same and rest else text


def _word_count(text: str) -> int:
    return len(text.split())


def _readability(page: str) -> _Body | None:
    try:
        document = ReadabilityDocument(page)
        text = text_from_html(document.summary(html_partial=True))
        return _Body(text=text, title=document.short_title() or "", method="readability")
    except (Unparseable, etree.ParserError, ValueError, TypeError):
        return None


def _quality(text: str, page: str, method: str) -> float:
    """0..1 from length (400 words is plenty) and the share of the page that is article text."""
    length = min(1.0, _word_count(text) / 400)
    ratio = min(1.0, (len(text) / max(1, len(page))) / 0.25)
    score = 0.7 * length + 0.3 * ratio
    return round(score * (0.9 if method == "readability" else 1.0), 3)


def _language(document: lxml_html.HtmlElement | None, declared: str, text: str) -> str:
    if declared:
        return declared
    if document is not None and (from_page := declared_language(document)):
        return from_page
    if len(text) < MIN_CHARS_FOR_LANGID:
        return ""
    language, _score = py3langid.classify(text)
    return str(language)


def _parse(page: str) -> lxml_html.HtmlElement | None:
    try:
        return lxml_html.document_fromstring(page)
    except (etree.ParserError, ValueError):
        return None


def extract_article(html: bytes | str, url: str, *, content_type: str | None = None) -> Extracted:
    """Article text and metadata of one page; ExtractError when no article text is found.

    ``content_type`` is the HTTP Content-Type header, whose charset wins over the page's <meta>.
    """
    page = decode_html(html, content_type)
    if not page.strip():
        raise ExtractError(f"extract: no article text found ({url})")
    meta = trafilatura.bare_extraction(
        page,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        deduplicate=False,
    )
    found = _Body(
        text=_paragraphs(getattr(meta, "text", None) or ""),
        title=getattr(meta, "title", None) or "",
        method="trafilatura",
    )
    if _word_count(found.text) < FALLBACK_BELOW_WORDS:
        other = _readability(page)
        if other and _word_count(other.text) > _word_count(found.text) * READABILITY_ADVANTAGE:
            found = _Body(other.text, found.title or other.title, other.method)
    found = _Body(_without_headline(found.text, found.title), found.title, found.method)
    if _word_count(found.text) < MIN_WORDS:
        raise ExtractError(f"extract: no article text found ({url})")
    document = _parse(page)
    published = published_time(document, time_elements=False) if document is not None else None
    published = published or parse_datetime(getattr(meta, "date", None))
    if published is None and document is not None:
        published = published_time(document)
    return Extracted(
        text=found.text,
        title=" ".join(found.title.split()),
        author=" ".join((getattr(meta, "author", None) or "").split()),
        published=published,
        language=_language(document, (getattr(meta, "language", None) or "").lower(), found.text),
        image=absolute_url(getattr(meta, "image", None) or "", url),
        canonical_url=absolute_url(getattr(meta, "url", None) or "", url),
        description=" ".join((getattr(meta, "description", None) or "").split()),
        method=found.method,
        quality=_quality(found.text, page, found.method),
    )
