"""List items trafilatura's precision mode dropped from the middle of the article it kept.

Precision mode prunes lists inside an article (a numbered how-to, a glossary of "Term: what it
means" items) along with the link lists around it; the article's own items are prose. Such an
item is put back when the page shows it between two paragraphs the body holds, in page order,
and outside what is never article: readers' comment sections and appended articles (pruned
by trafilatura's own expressions), figures, asides, navigation, headers, footers, forms and
quotes set apart, link text, and gallery slides (an item holding a picture: its text is a
caption). It goes back where it stood, before the body paragraph that follows it on the page;
a short body paragraph announcing a list (ending in a colon) counts as one, so the items go
right under their lead-in rather than under the next lead-in of the article. A sentence-like
item missing from the body opens the search; then an item of prose length goes back whether or
not it ends with a stop (writers end a list's items either way).
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import html as lxml_html

from newsloom.extract.choose import (
    BLOCKS,
    LINK_PARAGRAPH,
    PICTURES,
    PROSE_MIN_TOKENS,
    SENTENCE_ENDS,
    SHARED_PARAGRAPH,
    Body,
    Shingle,
    block_sentences,
    coverage,
    paragraphs,
    shingles,
    size,
)
from newsloom.extract.prune import pruned_sections

_ITEMS = ("li", "dd", "dt")
# A sentence announcing the list below it ends with a colon: it anchors the list's place.
_LEAD_IN_ENDS = frozenset({*SENTENCE_ENDS, ":"})
# Containers whose text is never the article's own, wherever they stand.
_SET_APART = frozenset(
    {"figure", "figcaption", "aside", "nav", "header", "footer", "form", "blockquote"}
)


def _missing_items(document: lxml_html.HtmlElement, flat: str) -> bool:
    """True when some list item of the page holds prose that ``flat`` lacks word for word: the
    cheap test that spares most pages the walk below."""
    return any(
        size(para) >= PROSE_MIN_TOKENS and para not in flat
        for item in document.iter(*_ITEMS)
        for para in block_sentences(item)
    )


def _walk(
    document: lxml_html.HtmlElement, skipped: set[lxml_html.HtmlElement]
) -> Iterator[tuple[str, lxml_html.HtmlElement | None]]:
    """The page's sentence-like paragraphs in page order, each with the list item holding it
    (None outside list items), leaving out whatever is inside ``skipped`` or set apart."""
    stack: list[tuple[lxml_html.HtmlElement, lxml_html.HtmlElement | None]] = [(document, None)]
    while stack:
        element, item = stack.pop()
        tag = element.tag
        if not isinstance(tag, str) or tag in _SET_APART or element in skipped:
            continue
        if tag in _ITEMS:
            item = element
        if tag in BLOCKS:
            # A list item is the article's whatever its ending; elsewhere only sentences and
            # lead-ins count.
            for para in block_sentences(element, None if tag in _ITEMS else _LEAD_IN_ENDS):
                yield para, item
        stack.extend((child, item) for child in reversed(element))


def with_dropped_items(
    body: Body, document: lxml_html.HtmlElement | None, links: set[Shingle]
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
    # Of those, the anchors that are prose: the article's span on the page lies between them.
    spans: list[int] = []
    anchored: set[int] = set()
    by_text = {para: at for at, para in reversed(list(enumerate(flats)))}
    for para, item in _walk(document, pruned_sections(document)):
        if size(para) < PROSE_MIN_TOKENS:
            # A short paragraph anchors only as a whole body paragraph announcing a list: the
            # items below it go after it, not after the next prose paragraph's.
            at = by_text.get(para) if para.endswith(":") else None
            if at is not None and at not in anchored:
                anchored.add(at)
                page.append((para, at))
            continue
        if para in flat:
            at = next((i for i, whole in enumerate(flats) if para in whole), None)
            # A later copy of a body paragraph (an excerpt, a teaser) anchors nothing.
            if at is not None and at not in anchored:
                anchored.add(at)
                spans.append(len(page))
                page.append((para, at))
            continue
        if item is None or next(item.iter(*PICTURES), None) is not None:
            continue  # not a list item, or a gallery slide's caption
        if coverage(para, known) >= SHARED_PARAGRAPH:
            continue  # in the body, written another way
        if links and coverage(para, links) >= LINK_PARAGRAPH:
            continue
        page.append((para, None))
    if len(spans) < 2:
        return body
    anchors = [index for index, (_, at) in enumerate(page) if at is not None]
    inserts: dict[int, list[str]] = {}
    for index in range(spans[0] + 1, spans[-1]):
        para, at = page[index]
        if at is None:
            following = next(page[j][1] for j in anchors if j > index)
            if following is not None and para not in inserts.get(following, []):
                inserts.setdefault(following, []).append(para)
    if not inserts:
        return body
    text = [line for i, para in enumerate(paras) for line in [*inserts.get(i, []), para]]
    return Body("\n\n".join(text), body.title, body.method)
