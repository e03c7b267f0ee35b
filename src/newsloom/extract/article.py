"""One HTML page to its article: trafilatura reads it, readability-lxml too when in doubt.

The page is parsed once; that tree feeds trafilatura (which works on its own copy), readability
(likewise), the doubt check and the metadata read from the page's own markup (``fields``,
``metadata``). trafilatura runs in precision mode without its own second opinions (``fast``: they
would cost as much again on every page); when that keeps almost nothing it runs again with its
default balance. The second opinions run only when the page gives a reason to doubt that body
(``choose.doubtful``: prose left out; a body without the shape of an article; links or table rows
in it), and ``choose.choose_body`` decides between them.
"""

from __future__ import annotations

import copy
import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import trafilatura
from lxml import etree
from lxml import html as lxml_html
from readability import Document as ReadabilityDocument
from readability import readability as readability_module
from readability.readability import REGEXES as READABILITY_PATTERNS
from readability.readability import Unparseable
from trafilatura.settings import Document, Extractor

from newsloom.errors import ExtractError
from newsloom.extract.choose import (
    Body,
    choose_body,
    doubtful,
    has_furniture,
    link_shingles,
    size,
    without_repeated_block,
)
from newsloom.extract.decode import decode_html
from newsloom.extract.fields import page_fields
from newsloom.extract.gaps import with_dropped_items
from newsloom.extract.metadata import headline, page_language, published_time
from newsloom.extract.paywall import PAYWALL_QUALITY, is_teaser
from newsloom.extract.prune import without_pruned_sections
from newsloom.extract.sequence import Pruned, pruned, run
from newsloom.extract.text import text_from_html
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


@dataclass(frozen=True)
class _Found:
    """trafilatura's body and whether it lacks the shape of an article (no paragraph, or more
    tables than paragraphs)."""

    body: Body
    deficient: bool


def _trafilatura(
    tree: lxml_html.HtmlElement, page: Pruned | None, url: str, *, focus: str
) -> _Found:
    """trafilatura's body in its ``precision``, ``balanced`` or ``recall`` mode, without its own
    second opinions (``fast``): readability-lxml is asked here, and only when in doubt. Each run
    starts from ``page``, the copy of ``tree`` pruned once for all of them (``sequence``); a forum
    thread, whose prunes depend on the mode, is left to ``bare_extraction`` on ``tree``. ``page``
    is None when pruning the copy failed: trafilatura, pruning the same way, fails too."""
    options = Extractor(
        output_format="python",
        fast=True,
        # Without readers' comments: trafilatura then prunes the page's comment sections
        # before reading it, which costs less than setting the comments apart (the second
        # opinions come without comments the same way: readability's copy of the page is
        # pruned by the same expressions, see _TreeReadability).
        comments=False,
        tables=True,
        precision=focus == "precision",
        recall=focus == "recall",
        dedup=False,
        url=url,
    )
    found: tuple[str, Any] | None = None
    try:
        if page is not None and page.is_forum:
            document = trafilatura.bare_extraction(tree, url=url, options=options)
            found = (document.text or "", document.body) if isinstance(document, Document) else None
        elif page is not None:
            found = run(page, options, url)
    except _LIBRARY_ERRORS:  # hostile markup trips assertions deep inside trafilatura
        found = None
    if found is None:  # trafilatura found nothing
        return _Found(Body("", "", "trafilatura"), True)
    text, body = found
    paragraphs = len(body.xpath(".//p[normalize-space()]")) if body is not None else 0
    tables = len(body.findall(".//table")) if body is not None else 0
    return _Found(
        Body(_paragraphs(text), "", "trafilatura"),
        deficient=paragraphs == 0 or tables > paragraphs,
    )


def _unnamed(*_: object, **__: object) -> str:
    return ""


# readability's ``clean`` (whitespace runs squeezed), its patterns compiled once.
_LONG_SPACE = re.compile(r"\s{255,}")
_LINE_BREAK = re.compile(r"\s*\n\s*")
_SPACE_RUN = re.compile(r"\t|[ \t]{2,}")
# The whitespace runs ``clean`` may change: two characters or more, a lone tab, a lone line
# break (found from its first character, each is the whole run).
_CHANGING_RUN = re.compile(r"\s{2,}|[\t\n]")
# Distinct runs kept cleaned (indentation repeats on every line of a page).
_KNOWN_RUNS = 4096


@lru_cache(maxsize=_KNOWN_RUNS)
def _cleaned_run(run: str) -> str:
    return _SPACE_RUN.sub(" ", _LINE_BREAK.sub("\n", _LONG_SPACE.sub(" " * 255, run)))


def _clean_run(match: re.Match[str]) -> str:
    return _cleaned_run(match.group())


def _clean_text(text: str) -> str:
    """readability's ``clean``, its result the same: it runs on the text of every element it
    scores and every link it measures (``text_length``), about a third of its time, scanning
    the text three times. Each of its patterns matches whitespace only, and each match is a
    whole run of it (or lies inside one), so each run is cleaned on its own: the text is
    scanned once, for the runs a pattern can change, and each distinct run is cleaned once."""
    return _CHANGING_RUN.sub(_clean_run, text).strip()


# What ``_TreeReadability.summary`` puts in readability's module while it reads.
_READING = {"describe": _unnamed, "text_content": _unnamed, "clean": _clean_text}
_READABILITY_OWN = {name: getattr(readability_module, name) for name in _READING}


# readability's tests of an unlikely candidate that is kept all the same (see
# ``_TreeReadability.remove_unlikely_candidates``).
_IN_CODE = etree.XPath("ancestor-or-self::pre | ancestor-or-self::code")
_HOLDS_ARTICLE = etree.XPath(
    "descendant-or-self::main | descendant-or-self::article | descendant-or-self::math"
)

# Distinct class-and-id strings kept judged (see ``_unlikely_names``).
_KNOWN_NAMES = 4096


@lru_cache(maxsize=_KNOWN_NAMES)
def _unlikely_names(names: str) -> bool:
    """readability's judgement of an element's class and id: an unlikely candidate's names."""
    return bool(
        READABILITY_PATTERNS["unlikelyCandidatesRe"].search(names)
        and not READABILITY_PATTERNS["okMaybeItsACandidateRe"].search(names)
    )


# The inline elements readability gathers into paragraphs of a <div> of blocks.
_INLINE_TAGS = frozenset(
    {"a", "b", "cite", "code", "em", "font", "i", "small", "span", "strong", "sub", "sup", "u"}
)
# Elements whose opening tag readability's block pattern finds (it matches the tag's start).
_BLOCK_TAGS = ("blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul")


def _holds_block(element: lxml_html.HtmlElement) -> bool:
    """True when a block element stands below ``element``: its opening tag is then in the
    markup of ``element``'s children, where readability's block pattern finds it."""
    return next(element.iterdescendants(*_BLOCK_TAGS), None) is not None


def _children_hold_block(div: lxml_html.HtmlElement) -> bool:
    """readability's test of a <div>'s children (its block pattern searched in their markup),
    the markup written only when no block stands below: the pattern may still find one there
    (an unknown tag starting like a block's)."""
    if _holds_block(div):
        return True
    markup = str(b"".join(etree.tostring(child, encoding="utf-8") for child in div))
    return bool(READABILITY_PATTERNS["divToPElementsRe"].search(markup))


def _inline_holds_block(child: lxml_html.HtmlElement) -> bool:
    """readability's test of an inline child (its block pattern searched in the child's
    markup), the markup written only when no block stands below it."""
    if _holds_block(child):
        return True
    markup = etree.tounicode(child, method="html")
    return bool(READABILITY_PATTERNS["divToPElementsRe"].search(markup))


class _TreeReadability(ReadabilityDocument):
    """readability-lxml reading a copy of an already parsed tree.

    readability's own ``_parse`` runs lxml's full HTML Cleaner (rewriting every link, scanning
    every attribute for javascript) on each of its passes: about 40% of its time, for output that
    only matters to a browser. The text depends only on what the Cleaner deletes with its content
    (scripts, styles, <link>s, comments, processing instructions), so that alone is done here,
    and each pass starts from a fresh copy (readability changes the tree it reads).

    The copy also loses what trafilatura prunes before it reads a page: readers' comment sections
    and containers of appended follow-up articles. readability would otherwise take a long thread
    of comments whose class it keeps ("comments-body": "body" marks content for it) for the
    article, since the thread holds more prose than the post above it.
    """

    def _parse(self, input: lxml_html.HtmlElement) -> lxml_html.HtmlElement:
        doc = copy.deepcopy(input)
        self.encoding = "utf-8"
        without_pruned_sections(doc)
        for element in doc.xpath("//*[@hidden]"):
            element.drop_tree()
        display_none = READABILITY_PATTERNS["displayNoneRe"]
        for element in doc.xpath("//*[@style]"):
            if display_none.search(element.get("style")):
                element.drop_tree()
        etree.strip_elements(
            doc,
            etree.Comment,
            etree.ProcessingInstruction,
            "script",
            "style",
            "link",
            with_tail=False,
        )
        return doc

    def remove_unlikely_candidates(self) -> None:
        """readability's own, asked only of the elements with a class or an id (it reads those
        two attributes alone and passes over an element without either, most elements of a
        page), with its XPaths compiled once (lxml compiles a string on every call) and its
        patterns asked once per distinct class and id (a page repeats them element after
        element)."""
        for elem in self.html.xpath(".//*[@class or @id]"):
            s = "{} {}".format(elem.get("class", ""), elem.get("id", ""))
            if len(s) < 2:
                continue
            if (
                _unlikely_names(s)
                and elem.tag not in ["html", "body"]
                and not _IN_CODE(elem)
                and not _HOLDS_ARTICLE(elem)
            ):
                elem.drop_tree()

    def transform_misused_divs_into_paragraphs(self) -> None:
        """readability's own, except how it tells a block inside an element (``_holds_block``):
        it serialized every <div>'s children (nested <div>s: the page's markup many times
        over) and every inline child's to look for a block's opening tag in the markup."""
        for elem in self.tags(self.html, "div"):
            if not _children_hold_block(elem):
                elem.tag = "p"

        for elem in self.tags(self.html, "div"):
            children = list(elem)
            paragraph = None
            if elem.text and elem.text.strip():
                p = lxml_html.fragment_fromstring("<p/>")
                p.text = elem.text
                elem.text = None
                elem.insert(0, p)
                paragraph = p

            for child in children:
                if child.tag == "br":
                    paragraph = None
                    continue
                if child.tag not in _INLINE_TAGS or _inline_holds_block(child):
                    paragraph = None
                    continue
                if paragraph is None:
                    paragraph = lxml_html.fragment_fromstring("<p/>")
                    child.addprevious(paragraph)
                paragraph.append(child)

            for pos, child in reversed(list(enumerate(elem))):
                if child.tail and child.tail.strip():
                    p = lxml_html.fragment_fromstring("<p/>")
                    p.text = child.tail
                    child.tail = None
                    elem.insert(pos + 1, p)
                if child.tag == "br":
                    child.drop_tree()

    # The text lengths of the links on the page while readability scores its paragraphs (None
    # otherwise): see ``get_link_density``.
    _link_lengths: dict[lxml_html.HtmlElement, int] | None = None

    def score_paragraphs(self) -> dict[lxml_html.HtmlElement, dict[str, Any]]:
        """readability's own, each link's text measured once (see ``get_link_density``)."""
        self._link_lengths = {}
        try:
            return dict(super().score_paragraphs())
        finally:
            self._link_lengths = None

    def get_link_density(self, elem: lxml_html.HtmlElement) -> float:
        """readability's own. While it scores paragraphs, which leaves the tree as it is, each
        link's text is measured once: it measured a link again for each candidate above it
        (the paragraph's parent and grandparent and their own, nested in one another)."""
        lengths = self._link_lengths
        if lengths is None:
            return float(super().get_link_density(elem))
        text_length = readability_module.text_length
        link_length = 0
        for link in elem.findall(".//a"):
            length = lengths.get(link)
            if length is None:
                length = lengths[link] = text_length(link)
            link_length += length
        total_length = text_length(elem)
        return float(link_length) / max(total_length, 1)

    def summary(self, html_partial: bool = False, keep_all_images: bool = False) -> str:
        """readability's summary, without the names of elements for its debug lines, and with a
        cheaper ``clean`` giving the same text (``_clean_text``).

        readability formats a debug line for each element it scores or drops, naming it with
        ``describe`` (which walks the element's ancestors), whether or not the line is logged: about
        7% of its time. The names serve only those lines, so none are made while it reads (its
        module's own functions are put back after, for any other reader)."""
        for name, replacement in _READING.items():
            setattr(readability_module, name, replacement)
        try:
            return str(super().summary(html_partial, keep_all_images))
        finally:
            for name, own in _READABILITY_OWN.items():
                setattr(readability_module, name, own)


def _readability(
    page: str, tree: lxml_html.HtmlElement | None, *, with_title: bool = True
) -> Body | None:
    """readability's body, read from the page's tree when there is one (copying a tree costs far
    less than parsing the page again)."""
    try:
        document = _TreeReadability(tree) if tree is not None else ReadabilityDocument(page)
        text = text_from_html(document.summary(html_partial=True))
        # short_title parses the page once more: only when the title is still wanted.
        title = (document.short_title() or "") if with_title else ""
        return Body(text=text, title=title, method="readability")
    except (Unparseable, *_LIBRARY_ERRORS):
        return None


def _body(page: str, tree: lxml_html.HtmlElement | None, url: str) -> tuple[Body, Document]:
    fields = page_fields(tree, url) if tree is not None else Document()
    if tree is None:  # trafilatura refused the page: readability may still read it
        readable = _readability(page, None)
        chosen = readable or Body("", "", "readability")
        title = _clean(fields.title) or (readable.title if readable else "")
        return Body(chosen.text, headline(title, "", url), chosen.method), fields
    try:
        shared: Pruned | None = pruned(tree)
    except _LIBRARY_ERRORS:  # hostile markup, as inside trafilatura's own prunes
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
    doubt = doubtful(found, tree, MIN_WORDS)
    if doubt:
        # Cut short? Two second opinions: trafilatura keeping all it can, and readability.
        others.append(_trafilatura(tree, shared, url, focus="recall").body)
    readable = None
    if doubt or not precise or first.deficient or has_furniture(found, links):
        # Cut short, shaped like no article, or holding links or table rows: readability,
        # independent of trafilatura, tells which of them are the article's.
        readable = _readability(page, tree, with_title=not fields.title)
        others.append(readable)
    chosen = choose_body(
        found, others, MIN_WORDS, links=links, deficient=first.deficient, precise=precise
    )
    if chosen is found and precise:
        # Precision mode's body as it stands: the prose list items it dropped go back.
        chosen = with_dropped_items(chosen, tree, links)
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
    """Take out the scripts, styles and SVG drawings every reader of the tree skips (both extractors delete them
    before reading): each copy and each pass over the tree then costs less. JSON-LD scripts stay,
    for the metadata."""
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
    except _LIBRARY_ERRORS:
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
