"""Readers' comments left in an article body, found by the name the page gives their section.

trafilatura prunes comment sections whose id or class *starts* with "comment" (``sequence``);
pages that name them otherwise ("readerComments", "user-comments", "post-page-root-comment-list")
keep their comments in the article's container, where neither extractor tells them from the
article's own prose (readers write sentences too). A section whose id or class says "comment"
(not "commentary") and that does not hold the start of the article is the readers' on any
layout: the body's paragraphs that come from it go, except those the page also shows outside
such sections (a reader quoting the article quotes the article's own words). Between like
comment sections of one list stand lines no name marks (who posted each comment and when): they
are the list's too (see ``_between``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Set

from lxml import html as lxml_html

from newsloom.extract.choose import (
    LISTING_MIN_REPEATS,
    SHARED_PARAGRAPH,
    Body,
    Shingle,
    coverage,
    paragraphs,
    shingles,
)

_COMMENTS = re.compile(r"comment(?!ary)", re.IGNORECASE)
# Elements that hold a section of a page (inline ones such as a "12 comments" link do not).
_SECTIONS = (
    "div", "section", "aside", "article", "form", "ul", "ol", "dl", "li", "dd", "table", "tr",
    "td", "p",
)  # fmt: skip
# The article's start is looked for by this many of its first characters.
_START_CHARS = 80


def _comment_sections(
    document: lxml_html.HtmlElement, start: str
) -> tuple[list[lxml_html.HtmlElement], str]:
    """The outermost sections named for comments that do not hold ``start``, and their text."""
    found: list[lxml_html.HtmlElement] = []
    texts: list[str] = []
    for element in document.iter(*_SECTIONS):
        # A plain substring test first, on each name apart ("omment" holds no space, so it is in
        # the two joined only when it is in one of them): most elements are named for something
        # else, and their names are then never joined.
        cls, ident = element.get("class") or "", element.get("id") or ""
        if "omment" not in cls and "omment" not in ident:
            continue
        if not _COMMENTS.search(f"{cls} {ident}"):
            continue
        if found and any(ancestor in found for ancestor in element.iterancestors()):
            continue
        text = " ".join(element.text_content().split())
        if text and start not in text:
            found.append(element)
            texts.append(text)
    for element in _between(found):
        text = " ".join(element.text_content().split())
        if text and start not in text:
            found.append(element)
            texts.append(text)
    return found, " ".join(texts)


def _between(sections: list[lxml_html.HtmlElement]) -> list[lxml_html.HtmlElement]:
    """The elements standing between the items of a list of comments, themselves no section:
    the lines under each comment (who posted it and when, a reply link). A list is made of
    like items: LISTING_MIN_REPEATS sections at least with one parent, tag and class. Only what
    stands between two of them is taken: before the first or after the last may be the
    article's own text when the comments share its container, and unlike sections (a comment
    count, a link to the form) may stand among the article's paragraphs."""
    items = Counter(
        (section.getparent(), section.tag, section.get("class")) for section in sections
    )
    taken = set(sections)
    between: list[lxml_html.HtmlElement] = []
    for section in sections:
        key = (section.getparent(), section.tag, section.get("class"))
        if items[key] < LISTING_MIN_REPEATS:
            continue
        run: list[lxml_html.HtmlElement] = []
        for sibling in section.itersiblings():
            if sibling in taken:
                between.extend(run)
                break
            if isinstance(sibling.tag, str):
                run.append(sibling)
    return between


def _text_outside(
    document: lxml_html.HtmlElement, sections: Set[lxml_html.HtmlElement]
) -> Iterator[str]:
    """The page's text in reading order, leaving out what is inside ``sections`` (their tails,
    which follow them on the page, stay)."""
    stack: list[lxml_html.HtmlElement | str] = [document]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            yield item
            continue
        if item.tail and item is not document:
            stack.append(item.tail)
        if item in sections:
            continue
        if isinstance(item.tag, str) and item.text:
            yield item.text
        stack.extend(reversed(item))


def _from(para: str, flat: str, known: Set[Shingle]) -> bool:
    """True when ``para`` is in ``flat`` word for word or mostly by its shingles ``known``."""
    return " ".join(para.split()) in flat or coverage(para, known) >= SHARED_PARAGRAPH


def without_comment_sections(body: Body, document: lxml_html.HtmlElement | None) -> Body:
    """``body`` without the paragraphs that come from the page's comment sections only; its first
    paragraph (the article's start, which tells the sections from the article) always stays."""
    paras = paragraphs(body.text)
    if document is None or len(paras) < 2:
        return body
    sections, flat = _comment_sections(document, " ".join(paras[0].split())[:_START_CHARS])
    if not sections:
        return body
    known = shingles(flat)
    dropped = [index for index, para in enumerate(paras[1:], 1) if _from(para, flat, known)]
    if not dropped:
        return body
    outside = " ".join(" ".join(_text_outside(document, set(sections))).split())
    elsewhere = shingles(outside)
    dropped = [index for index in dropped if not _from(paras[index], outside, elsewhere)]
    if not dropped:
        return body
    kept = [para for index, para in enumerate(paras) if index not in set(dropped)]
    return Body("\n\n".join(kept), body.title, body.method)
