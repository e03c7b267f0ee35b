"""readability-lxml, the second opinion, reading the page's already parsed tree, and cheaper.

``TreeReadability`` reads a copy of the tree ``extract_article`` parsed once, instead of parsing
the page again and running lxml's full HTML Cleaner on each pass; it leaves out what trafilatura
prunes (readers' comment sections, appended articles); and it replaces a few of readability's
own steps by ones that give the same result for less (the unit tests compare them with
readability's own). It follows readability-lxml 0.9's internals, the series pyproject.toml pins.
"""

from __future__ import annotations

import copy
import re
from functools import lru_cache
from typing import Any

from lxml import etree
from lxml import html as lxml_html
from readability import Document as ReadabilityDocument
from readability import readability as readability_module
from readability.readability import REGEXES as READABILITY_PATTERNS
from readability.readability import Unparseable

from newsloom.extract.choose import Body
from newsloom.extract.prune import without_pruned_sections
from newsloom.extract.text import text_from_html

# What the parsing libraries raise deep inside on hostile markup; the page then counts as read
# with nothing found.
LIBRARY_ERRORS = (AssertionError, ValueError, TypeError, RecursionError, etree.LxmlError)


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


# What ``TreeReadability.summary`` puts in readability's module while it reads.
_READING = {"describe": _unnamed, "text_content": _unnamed, "clean": _clean_text}
_READABILITY_OWN = {name: getattr(readability_module, name) for name in _READING}


# readability's tests of an unlikely candidate that is kept all the same (see
# ``TreeReadability.remove_unlikely_candidates``).
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


class TreeReadability(ReadabilityDocument):
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
        return self._prepared(without_pruned_sections(copy.deepcopy(input)))

    def _prepared(self, doc: lxml_html.HtmlElement) -> lxml_html.HtmlElement:
        """``doc`` (already without the pruned sections) as readability's ``_parse`` leaves it."""
        self.encoding = "utf-8"
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


class PrunedTreeReadability(TreeReadability):
    """``TreeReadability`` whose first pass reads ``pruned`` itself, the page's tree already
    pruned as it prunes its copies (``sequence.pruned``'s copy, which trafilatura's runs leave
    as it is): the last reader of that copy, it changes it instead of copying it. A later pass
    (the lenient retry, ``short_title``) reads a copy of the page's tree pruned again, the same
    tree as ``pruned`` was."""

    def __init__(self, pruned: lxml_html.HtmlElement, tree: lxml_html.HtmlElement) -> None:
        super().__init__(tree)
        self._unread: lxml_html.HtmlElement | None = pruned

    def _parse(self, input: lxml_html.HtmlElement) -> lxml_html.HtmlElement:
        unread, self._unread = self._unread, None
        return super()._parse(input) if unread is None else self._prepared(unread)


def readability_body(
    page: str,
    tree: lxml_html.HtmlElement | None,
    *,
    with_title: bool = True,
    pruned: lxml_html.HtmlElement | None = None,
) -> Body | None:
    """readability's body, read from the page's tree when there is one (copying a tree costs far
    less than parsing the page again): from ``pruned``, when given, the tree already without the
    sections trafilatura prunes (``sequence.pruned``'s copy, the same as pruning a copy again),
    which is read in place and left changed: no reader may need it after."""
    try:
        if pruned is not None and tree is not None:
            document: ReadabilityDocument = PrunedTreeReadability(pruned, tree)
        elif tree is not None:
            document = TreeReadability(tree)
        else:
            document = ReadabilityDocument(page)
        text = text_from_html(document.summary(html_partial=True))
        # short_title parses the page once more: only when the title is still wanted.
        title = (document.short_title() or "") if with_title else ""
        return Body(text=text, title=title, method="readability")
    except (Unparseable, *LIBRARY_ERRORS):
        return None
