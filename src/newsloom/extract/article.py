"""One HTML page to its article: trafilatura reads it, readability-lxml too when in doubt.

The page is parsed once; that tree feeds trafilatura (which works on its own copy), readability
(likewise), the doubt check and the metadata read from the page's own markup (``fields``,
``metadata``). trafilatura runs in precision mode without its own second opinions (``fast``: they
would cost as much again on every page); when that keeps almost nothing it runs again with its
default balance. The second opinions run only when the page gives a reason to doubt that body
(``choose.doubtful``: prose left out; a body without the shape of an article; links or table rows
in it), jusText too when trafilatura kept a small part of the page (``justext``), and
``choose.choose_body`` decides between them.
"""

from __future__ import annotations

import logging
from copy import copy
from dataclasses import dataclass
from functools import cache
from typing import Any

import trafilatura
from lxml import etree
from lxml import html as lxml_html
from trafilatura.settings import Document, Extractor

from newsloom.errors import ExtractError
from newsloom.extract.between import with_dropped_sections
from newsloom.extract.choose import (
    Body,
    choose_body,
    doubtful,
    flattened,
    has_furniture,
    link_shingles,
    size,
    without_link_tail,
    without_repeated_block,
    without_tail,
)
from newsloom.extract.comments import without_comment_sections
from newsloom.extract.decode import decode_html
from newsloom.extract.edges import with_edges
from newsloom.extract.fields import page_fields
from newsloom.extract.gaps import with_dropped_items
from newsloom.extract.headings import with_dropped_headings
from newsloom.extract.justext import justext_body, rescue_due
from newsloom.extract.metadata import headline, page_language, published_time
from newsloom.extract.outside import without_outside_tail
from newsloom.extract.paywall import PAYWALL_QUALITY, is_teaser
from newsloom.extract.readable import LIBRARY_ERRORS, readability_body
from newsloom.extract.recalled import with_recalled_paragraphs
from newsloom.extract.sequence import Pruned, pruned, run
from newsloom.extract.tree import load_page
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


def _paragraphs(text: str) -> str:
    """trafilatura puts one paragraph per line; newsloom separates paragraphs with a blank line."""
    return "\n\n".join(" ".join(line.split()) for line in text.splitlines() if line.strip())


def _without_headline(text: str, *titles: str) -> str:
    """Drop a first paragraph that only repeats the headline (it is not article text)."""
    first, _, rest = text.partition("\n\n")
    first = " ".join(first.split()).casefold()
    same = any(title and first == " ".join(title.split()).casefold() for title in titles)
    return rest if same and rest else text


@dataclass(frozen=True)
class _Found:
    """trafilatura's body and whether it lacks the shape of an article (no paragraph, more
    tables than paragraphs, or mostly one layout-table row: ``choose.flattened``)."""

    body: Body
    deficient: bool


@cache
def _options(focus: str) -> Extractor:
    """trafilatura's options for a run in its ``precision``, ``balanced`` or ``recall`` mode,
    without the page's URL: building them reads a dozen settings through configparser, about
    0.1 ms, so each run copies these (a tenth of that) and sets its URL. Their date settings
    (today's date) are for trafilatura's metadata search, which these runs do not make."""
    return Extractor(
        output_format="python",
        fast=True,
        # Without readers' comments: trafilatura then prunes the page's comment sections
        # before reading it, which costs less than setting the comments apart (the second
        # opinions come without comments the same way: readability's copy of the page is
        # pruned by the same expressions, see extract/readable.py).
        comments=False,
        tables=True,
        precision=focus == "precision",
        recall=focus == "recall",
        dedup=False,
    )


def _run_options(focus: str, url: str) -> Extractor:
    """``_options(focus)`` for the page at ``url``, set as ``Extractor(url=url)`` sets them."""
    options = copy(_options(focus))
    options.url = url
    source = url or None  # as ``Extractor`` keeps it: None for no URL
    options.source = source and source.encode("utf-8", "replace").decode("utf-8")
    return options


def _trafilatura(
    tree: lxml_html.HtmlElement, page: Pruned | None, url: str, *, focus: str
) -> _Found:
    """trafilatura's body in its ``precision``, ``balanced`` or ``recall`` mode, without its own
    second opinions (``fast``): readability-lxml is asked here, and only when in doubt. Each run
    starts from ``page``, the copy of ``tree`` pruned once for all of them (``sequence``); a forum
    thread, whose prunes depend on the mode, is left to ``bare_extraction`` on ``tree``. ``page``
    is None when pruning the copy failed: trafilatura, pruning the same way, fails too."""
    options = _run_options(focus, url)
    found: tuple[str, Any] | None = None
    try:
        if page is not None and page.is_forum:
            document = trafilatura.bare_extraction(tree, url=url, options=options)
            found = (document.text or "", document.body) if isinstance(document, Document) else None
        elif page is not None:
            found = run(page, options, url)
    except LIBRARY_ERRORS:  # hostile markup trips assertions deep inside trafilatura
        found = None
    if found is None:  # trafilatura found nothing
        return _Found(Body("", "", "trafilatura"), True)
    text, body = found
    paragraphs = len(body.xpath(".//p[normalize-space()]")) if body is not None else 0
    tables = len(body.findall(".//table")) if body is not None else 0
    found_text = _paragraphs(text)
    return _Found(
        Body(found_text, "", "trafilatura"),
        deficient=paragraphs == 0 or tables > paragraphs or flattened(found_text),
    )


def _body(page: str, tree: lxml_html.HtmlElement | None, url: str) -> tuple[Body, Document]:
    fields = page_fields(tree, url) if tree is not None else Document()
    if tree is None:  # trafilatura refused the page: readability may still read it
        readable = readability_body(page, None)
        chosen = readable or Body("", "", "readability")
        title = _clean(fields.title) or (readable.title if readable else "")
        return Body(chosen.text, headline(title, "", url), chosen.method), fields
    try:
        shared: Pruned | None = pruned(tree)
    except LIBRARY_ERRORS:  # hostile markup, as inside trafilatura's own prunes
        shared = None
    first = _trafilatura(tree, shared, url, focus="precision")
    precise = True
    if size(first.body.text) < RETRY_BELOW_WORDS:
        balanced = _trafilatura(tree, shared, url, focus="balanced")
        if size(balanced.body.text) > size(first.body.text):
            first = balanced
            precise = False
    found = first.body
    links = link_shingles(tree)
    others: list[Body | None] = []
    recall: Body | None = None
    # The body's paragraphs and the blocks holding them, met by doubtful's walk (``between``
    # and ``outside`` read where the body stands on the page from them).
    met: list[tuple[str, lxml_html.HtmlElement]] = []
    headings: list[lxml_html.HtmlElement] = []
    doubt = doubtful(found, tree, MIN_WORDS, met, headings)
    if doubt:
        # Cut short? Two second opinions: trafilatura keeping all it can, and readability; and
        # when both trafilatura runs kept a small part of the page, jusText (``justext``).
        recall = _trafilatura(tree, shared, url, focus="recall").body
        others.append(recall)
        if shared is not None and rescue_due(found, recall):
            others.append(justext_body(found, shared.tree, url))
    readable = None
    if doubt or not precise or first.deficient or has_furniture(found, links):
        # Cut short, shaped like no article, or holding links or table rows: readability,
        # independent of trafilatura, tells which of them are the article's. It reads the
        # shared pruned copy in place, changing it: no reader below may need ``shared``.
        readable = readability_body(
            page,
            tree,
            with_title=not fields.title,
            pruned=shared.tree if shared is not None else None,
        )
        others.append(readable)
    chosen = choose_body(
        found, others, MIN_WORDS, links=links, deficient=first.deficient, precise=precise
    )
    if chosen is found:
        # The body as trafilatura kept it: the headings and lists it dropped from between
        # two of its paragraphs go back; and when precision mode kept it, the prose list items
        # it dropped elsewhere in the article too, and (on a page in doubt) the prose paragraphs
        # the recall run holds between two paragraphs that follow each other in it.
        chosen = with_dropped_sections(chosen, (block for _, block in met))
        if precise:
            chosen = with_dropped_items(chosen, tree, links)
            chosen = with_recalled_paragraphs(chosen, recall, links)
    # Whichever body won: the section headings it left out, found in page order between the
    # end of one of its paragraphs and the start of the next (sections in wrappers of their own).
    # (doubtful's walk met all the page's headings, unless it stopped early in doubt).
    chosen = with_dropped_headings(chosen, tree, None if doubt else headings)
    # Readers' comments in a section trafilatura's prunes do not recognise by its name.
    chosen = without_comment_sections(chosen, tree)
    # Past the article both readers agree on, what only one of them runs on with.
    chosen = without_tail(chosen, readable)
    if not doubt and chosen.method == found.method:
        # trafilatura's body, whose blocks the walk above met: what it read on with past the
        # article's container, in another part of the page.
        chosen = without_outside_tail(chosen, met)
    # The opening paragraph left out before the body, the teaser cards read past its end.
    chosen = with_edges(chosen, tree, page)
    # Links ending the body lead elsewhere: promotions, "more stories", footer links.
    chosen = without_link_tail(chosen, links)
    title = _clean(fields.title) or (readable.title if readable else "") or _document_title(tree)
    clean = headline(title, _clean(fields.sitename), url)
    text = _without_headline(without_repeated_block(chosen.text), title, clean)
    return Body(text, clean, chosen.method), fields


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


def _drop_inert(tree: lxml_html.HtmlElement) -> None:
    """Take out the scripts, styles and SVG drawings every reader of the tree skips (both
    extractors delete them before reading): each copy and each pass over the tree then costs
    less. JSON-LD scripts stay, for the metadata."""
    for element in list(tree.iter("script", "style", "svg")):
        kind = (element.get("type") or "").strip().lower()
        if element.tag != "script" or kind != "application/ld+json":
            element.drop_tree()


def _parse(page: str) -> tuple[lxml_html.HtmlElement | None, bool]:
    """The page's tree, parsed as trafilatura parses (comments dropped, broken markup repaired),
    and whether trafilatura accepted it: what it takes for a fragment is parsed by plain lxml,
    for metadata only."""
    try:
        tree = load_page(page)
    except LIBRARY_ERRORS:
        tree = None
    if tree is not None:
        _drop_inert(tree)
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
    found, fields = _body(page, document if accepted else None, url)
    if size(found.text) < MIN_WORDS:
        raise ExtractError(f"extract: no article text found ({url})")
    published = published_time(document) if document is not None else None
    teaser = is_teaser(found.text, document)
    return Extracted(
        text=found.text,
        title=plain_text(found.title),
        author=_clean(fields.author),
        published=published,
        language=page_language(document, _clean(fields.language), found.text),
        image=absolute_url(fields.image or "", url),
        canonical_url=absolute_url(fields.url or "", url),
        description=_clean(fields.description),
        method=found.method,
        quality=_quality(_confidence(found.text, page), teaser),
    )
