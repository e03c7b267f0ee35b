"""One HTML page to its article: trafilatura reads it, readability-lxml too when in doubt.

The page is parsed once (with trafilatura's parser); that tree feeds trafilatura, the doubt check
and the metadata read from the page's own markup. trafilatura runs in precision mode; when that
keeps almost nothing it runs again with its default balance. readability-lxml runs only when the
page holds prose trafilatura left out (``choose.doubtful``), and its body replaces trafilatura's
when it clearly holds the article trafilatura cut short (``choose.choose_body``).
"""

from __future__ import annotations

import copy
import logging
from typing import Any

import trafilatura
from lxml import etree
from lxml import html as lxml_html
from readability import Document as ReadabilityDocument
from readability.readability import Unparseable
from trafilatura.settings import set_date_params

from newsloom.errors import ExtractError
from newsloom.extract.choose import (
    Body,
    choose_body,
    doubtful,
    has_furniture,
    link_shingles,
    size,
)
from newsloom.extract.decode import decode_html
from newsloom.extract.metadata import headline, page_language, published_time
from newsloom.extract.paywall import PAYWALL_QUALITY, is_teaser
from newsloom.extract.text import text_from_html
from newsloom.ingest.dates import parse_datetime
from newsloom.ingest.sanitize import absolute_url, plain_text
from newsloom.records import Extracted

# Fewer tokens than this is not an article (a cookie wall, an index page, an error page).
MIN_WORDS = 15
# Precision mode keeping fewer tokens than this has probably dropped the body: ask again.
RETRY_BELOW_WORDS = 50
# Parsing cost grows with size; an article page this big is bloated by inline data, not text.
MAX_PAGE_BYTES = 5_000_000

# Both log (with tracebacks) what they survive; failures that matter surface as ExtractError.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("readability").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)
_LIBRARY_ERRORS = (AssertionError, ValueError, TypeError, RecursionError, etree.LxmlError)


def _paragraphs(text: str) -> str:
    """trafilatura puts one paragraph per line; newsloom separates paragraphs with a blank line."""
    return "\n\n".join(" ".join(line.split()) for line in text.splitlines() if line.strip())


def _without_headline(text: str, *titles: str) -> str:
    """Drop a first paragraph that only repeats the headline (it is not article text)."""
    first, _, rest = text.partition("\n\n")
    first = " ".join(first.split()).casefold()
    same = any(title and first == " ".join(title.split()).casefold() for title in titles)
    return rest if same and rest else text


def _trafilatura(
    page: str | lxml_html.HtmlElement, url: str, *, precise: bool, recall: bool = False
) -> tuple[Body, Any]:
    """trafilatura's body (and, in the precise run, metadata and readers' comments); ``recall``
    asks for its recall mode instead of its default balance.

    ``page`` may be the parsed tree: trafilatura works on a copy of it, so it can be shared.
    """
    meta = None
    # Hostile markup trips assertions deep in trafilatura and htmldate (dropping a parentless
    # element): then the text without metadata, then nothing (readability may still find it).
    for with_metadata in (True, False) if precise else (False,):
        try:
            meta = trafilatura.bare_extraction(
                page,
                url=url,
                with_metadata=with_metadata,
                include_comments=precise,  # kept apart from the text; see choose.without
                include_tables=True,
                favor_precision=precise,
                favor_recall=recall and not precise,
                # The recall run is a second opinion on the body only: trafilatura's own
                # fallback extractors would just repeat readability's.
                fast=recall and not precise,
                deduplicate=False,
                # Markup and URL dates only: scanning the text for dates cost half the time of
                # extraction, and newsloom reads the page's own date markup itself.
                # (Built per call: its latest acceptable date is today, and workers live long.)
                date_extraction_params=set_date_params(extensive=False) if with_metadata else None,
            )
            break
        except _LIBRARY_ERRORS:
            continue
    text = _paragraphs(getattr(meta, "text", None) or "")
    return Body(text, getattr(meta, "title", None) or "", "trafilatura"), meta


def _readability(
    page: str, tree: lxml_html.HtmlElement | None, *, with_title: bool = True
) -> Body | None:
    """readability's body; it reads a copy of the page's tree when there is one (copying a tree
    costs far less than parsing the page again, and readability changes what it reads)."""
    try:
        document = ReadabilityDocument(copy.deepcopy(tree) if tree is not None else page)
        text = text_from_html(document.summary(html_partial=True))
        # short_title parses the page once more: only when the title is still wanted.
        title = (document.short_title() or "") if with_title else ""
        return Body(text=text, title=title, method="readability")
    except (Unparseable, *_LIBRARY_ERRORS):
        return None


def _body(page: str, tree: lxml_html.HtmlElement | None, url: str) -> tuple[Body, Any]:
    source = tree if tree is not None else page
    found, meta = _trafilatura(source, url, precise=True)
    if size(found.text) < RETRY_BELOW_WORDS:
        balanced, _ = _trafilatura(source, url, precise=False)
        if size(balanced.text) > size(found.text):
            found = Body(balanced.text, found.title, found.method)
    readable = None
    others: list[Body | None] = []
    links = link_shingles(tree)
    if doubtful(found, tree, MIN_WORDS):
        # Cut short? Two second opinions: trafilatura keeping all it can, and readability.
        others.append(_trafilatura(source, url, precise=False, recall=True)[0])
    if others or has_furniture(found, links):
        # Cut short, or holding links or table rows: readability, independent of trafilatura,
        # tells which of them are the article's.
        readable = _readability(page, tree, with_title=not found.title)
        others.append(readable)
    comments = getattr(meta, "comments", None) or ""
    chosen = choose_body(found, others, MIN_WORDS, comments, links)
    title = found.title or (readable.title if readable else "") or _document_title(tree)
    clean = headline(title, _clean(getattr(meta, "sitename", None)), url)
    return Body(_without_headline(chosen.text, title, clean), clean, chosen.method), meta


def _document_title(tree: lxml_html.HtmlElement | None) -> str:
    return _clean(tree.findtext(".//title")) if tree is not None else ""


def _confidence(text: str, page: str) -> float:
    """0..1 from length (400 tokens is plenty) and the share of the page that is article text."""
    length = min(1.0, size(text) / 400)
    ratio = min(1.0, (len(text) / max(1, len(page))) / 0.25)
    return 0.7 * length + 0.3 * ratio


def _quality(confidence: float, teaser: bool) -> float:
    """An article's quality is in [PAYWALL_QUALITY, 1]; a teaser's in (0, PAYWALL_QUALITY)."""
    if teaser:
        return round(0.05 + (PAYWALL_QUALITY - 0.1) * confidence, 3)
    return round(PAYWALL_QUALITY + (1 - PAYWALL_QUALITY) * confidence, 3)


def _parse(page: str) -> tuple[lxml_html.HtmlElement | None, bool]:
    """The page's tree, parsed as trafilatura parses (comments dropped, broken markup repaired),
    and whether trafilatura accepted it: what it takes for a fragment is parsed by plain lxml,
    for metadata only."""
    try:
        tree = trafilatura.load_html(page)
    except _LIBRARY_ERRORS:
        tree = None
    if tree is not None:
        return tree, True
    try:
        return lxml_html.document_fromstring(page), False
    except (etree.ParserError, ValueError):
        return None, False


def _check_size(html: bytes | str, url: str, max_bytes: int) -> None:
    length = len(html) if isinstance(html, bytes) else len(html.encode("utf-8", "surrogatepass"))
    if length > max_bytes:
        raise ExtractError(f"extract: page of {length} bytes exceeds the {max_bytes} cap ({url})")


def _clean(value: Any) -> str:
    # Metadata is text: markup in an og:title is the page's mischief, not part of the headline.
    return plain_text(str(value or ""))


def extract_article(
    html: bytes | str,
    url: str,
    *,
    content_type: str | None = None,
    max_bytes: int = MAX_PAGE_BYTES,
) -> Extracted:
    """Article text and metadata of one page; ExtractError when no article text is found.

    ``content_type`` is the HTTP Content-Type header; its charset is believed unless the bytes say
    otherwise (see ``decode``). Pages over ``max_bytes`` are refused before any parsing.
    """
    _check_size(html, url, max_bytes)
    page = decode_html(html, content_type)
    if not page.strip():
        raise ExtractError(f"extract: no article text found ({url})")
    document, accepted = _parse(page)
    found, meta = _body(page, document if accepted else None, url)
    if size(found.text) < MIN_WORDS:
        raise ExtractError(f"extract: no article text found ({url})")
    published = published_time(document, time_elements=False) if document is not None else None
    published = published or parse_datetime(getattr(meta, "date", None))
    if published is None and document is not None:
        published = published_time(document)
    teaser = is_teaser(found.text, document)
    return Extracted(
        text=found.text,
        title=plain_text(found.title),
        author=_clean(getattr(meta, "author", None)),
        published=published,
        language=page_language(document, _clean(getattr(meta, "language", None)), found.text),
        image=absolute_url(getattr(meta, "image", None) or "", url),
        canonical_url=absolute_url(getattr(meta, "url", None) or "", url),
        description=_clean(getattr(meta, "description", None)),
        method=found.method,
        quality=_quality(_confidence(found.text, page), teaser),
    )
