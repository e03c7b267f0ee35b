"""List items and headings trafilatura's precision mode dropped from the middle of the article.

Precision mode prunes lists inside an article (a numbered how-to, a glossary of "Term: what it
means" items) along with the link lists around it; the article's own items are prose. Such an
item is put back when the page shows it between two paragraphs the body holds, in page order,
and outside what is never article: readers' comment sections and appended articles (pruned
by trafilatura's own expressions), figures, asides, navigation, headers, footers, forms and
quotes set apart, link text, and gallery slides (an item holding a picture: its text is a
caption). It goes back where it stood, before the body paragraph that follows it on the page.

Precision mode drops the article's own subheadings too. A heading goes back only where it stands
among the article's paragraphs on any layout: in the same container as the body paragraphs
right before and after it, which follow each other in the body as well, and heading the one
right after it. A sidebar's heading ("Related links", "Online today") stands in another
container, or heads text the body lacks.
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import html as lxml_html

from newsloom.extract.choose import (
    BLOCKS,
    LINK_PARAGRAPH,
    PROSE_MIN_TOKENS,
    SHARED_PARAGRAPH,
    Body,
    block_sentences,
    coverage,
    paragraphs,
    shingles,
    size,
)
from newsloom.extract.prune import pruned_sections

_ITEMS = ("li", "dd", "dt")
_HEADINGS = ("h2", "h3", "h4", "h5", "h6")
_PICTURES = ("img", "picture", "video")
# Containers whose text is never the article's own, wherever they stand.
_SET_APART = frozenset(
    {"figure", "figcaption", "aside", "nav", "header", "footer", "form", "blockquote"}
)


def _missing_items(document: lxml_html.HtmlElement, flat: str) -> bool:
    """True when some list item of the page holds prose that ``flat`` lacks word for word, or some
    heading ``flat`` lacks heads a paragraph ``flat`` holds: the cheap test that spares most
    pages the walk below."""
    return any(
        size(para) >= PROSE_MIN_TOKENS and para not in flat
        for item in document.iter(*_ITEMS)
        for para in block_sentences(item)
    ) or any(_heads_body(heading, flat) for heading in document.iter(*_HEADINGS))


def _heads_body(heading: lxml_html.HtmlElement, flat: str) -> bool:
    """True when ``heading`` is not in ``flat`` and the first prose paragraph after it, among
    its siblings, is."""
    if " ".join(heading.text_content().split()) in flat:
        return False
    for sibling in heading.itersiblings():
        for para in block_sentences(sibling) if isinstance(sibling.tag, str) else ():
            if size(para) >= PROSE_MIN_TOKENS:
                return para in flat
    return False


def _heading_in_place(
    page: list[tuple[str, int | None]],
    homes: list[lxml_html.HtmlElement | None],
    anchors: list[int],
    index: int,
) -> bool:
    """True when the heading at ``index`` of ``page`` stands in the article: in the container
    of the body paragraphs before and after it, which follow each other in the body too, and
    heading the one right after it (a heading whose section the body lacks heads nothing)."""
    before = max(j for j in anchors if j < index)
    after = min(j for j in anchors if j > index)
    home = homes[index]
    if homes[before] is not home or homes[after] is not home or after != index + 1:
        return False
    first, second = page[before][1], page[after][1]
    return first is not None and second == first + 1


def _walk(
    document: lxml_html.HtmlElement, skipped: set[lxml_html.HtmlElement]
) -> Iterator[tuple[str, lxml_html.HtmlElement | None, lxml_html.HtmlElement]]:
    """The page's sentence-like paragraphs and headings in page order, each with the list item
    holding it (None outside list items; a heading stands for itself) and the block it is in,
    leaving out whatever is inside ``skipped`` or set apart."""
    stack: list[tuple[lxml_html.HtmlElement, lxml_html.HtmlElement | None]] = [(document, None)]
    while stack:
        element, item = stack.pop()
        tag = element.tag
        if not isinstance(tag, str) or tag in _SET_APART or element in skipped:
            continue
        if tag in _ITEMS:
            item = element
        if tag in _HEADINGS:
            text = " ".join(element.text_content().split())
            if text:
                yield text, element, element
            continue
        if tag in BLOCKS:
            for para in block_sentences(element):
                yield para, item, element
        stack.extend((child, item) for child in reversed(element))


def with_dropped_items(
    body: Body, document: lxml_html.HtmlElement | None, links: set[tuple[str, ...]]
) -> Body:
    """``body`` with the prose list items the page shows between its paragraphs put back."""
    if document is None:
        return body
    paras = paragraphs(body.text)
    flats = [" ".join(para.split()) for para in paras]
    flat = " ".join(flats)
    if not _missing_items(document, flat):
        return body
    known = shingles(body.text)
    # Page paragraphs in order: a body paragraph's index (an anchor), or None for a dropped item.
    page: list[tuple[str, int | None]] = []
    # The container of each (a heading's or an anchor's; None for a list item).
    homes: list[lxml_html.HtmlElement | None] = []
    anchored: set[int] = set()
    for para, item, block in _walk(document, pruned_sections(document)):
        heading = item is not None and item.tag in _HEADINGS
        if heading:
            if para in flat or coverage(para, known) >= SHARED_PARAGRAPH:
                continue
            if links and coverage(para, links) >= LINK_PARAGRAPH:
                continue
            page.append((para, None))
            homes.append(block.getparent())
            continue
        if size(para) < PROSE_MIN_TOKENS:
            continue
        if para in flat:
            at = next((i for i, whole in enumerate(flats) if para in whole), None)
            # A later copy of a body paragraph (an excerpt, a teaser) anchors nothing.
            if at is not None and at not in anchored:
                anchored.add(at)
                page.append((para, at))
                homes.append(block.getparent())
            continue
        if item is None or next(item.iter(*_PICTURES), None) is not None:
            continue  # not a list item, or a gallery slide's caption
        if coverage(para, known) >= SHARED_PARAGRAPH:
            continue  # in the body, written another way
        if links and coverage(para, links) >= LINK_PARAGRAPH:
            continue
        page.append((para, None))
        homes.append(None)
    anchors = [index for index, (_, at) in enumerate(page) if at is not None]
    if len(anchors) < 2:
        return body
    inserts: dict[int, list[str]] = {}
    for index in range(anchors[0] + 1, anchors[-1]):
        para, at = page[index]
        if at is None:
            if homes[index] is not None and not _heading_in_place(page, homes, anchors, index):
                continue
            following = next(page[j][1] for j in anchors if j > index)
            if following is not None and para not in inserts.get(following, []):
                inserts.setdefault(following, []).append(para)
    if not inserts:
        return body
    text = [line for i, para in enumerate(paras) for line in [*inserts.get(i, []), para]]
    return Body("\n\n".join(text), body.title, body.method)
