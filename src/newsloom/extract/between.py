"""Headings and lists precision mode dropped from between two paragraphs of the article.

trafilatura's precision mode drops an article's own subheadings and the short items of its lists
(bullet points, "Pros" and "Cons", the steps of a how-to) with the boxes of links around it. One
place tells them apart on any layout: the article's container. Headings and lists standing, as
siblings in one container, right between two paragraphs of the body that follow each other in
the body too, interrupt the article at that point; a sidebar's heading or a box of links stands
in another container, or outside the article's span, or between paragraphs the body does not
hold side by side. Page builders wrap each section: a paragraph opening (or closing) its
wrapper, up to _CLIMB wrappers deep, stands beside what stands beside the wrapper. Lists that
are mostly links leading off the page (related stories inside the
article) and galleries (items holding pictures: their text is captions) stay out. A heading
linking off the page stays in: in the article's run it names what the section is about (a
listicle's entry linking to the product); an in-page link (a table of contents pointing at the
heading) says nothing of the heading either way, so only the heading's own links are read, not
the page's.

Where the body's paragraphs stand on the page is known from the walk ``choose.doubtful`` makes
anyway (the blocks it ``met``): the repair looks only around those, making no walk of its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cached_property

from lxml import html as lxml_html

from newsloom.extract.choose import BLOCKS, PICTURES, Body

HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
_LISTS = frozenset({"ul", "ol"})
_GAPS = HEADINGS | _LISTS
# Siblings that hold no text of the article's: passed over between a gap and its neighbours.
SILENT = frozenset({"figure", "img", "picture", "br", "hr", "script", "style", "noscript"})
# Characters of a neighbour's end (or start) that must be a body paragraph's end (or start).
_PROBE = 60
# A list this much of whose text is link text leading off the page is a box of links.
LINK_TEXT_SHARE = 0.5
# Wrappers climbed out of to find what stands beside a paragraph that opens (or closes) them.
_CLIMB = 2
# Fewer characters than this could end or begin many a paragraph.
_PROBE_MIN = 20


def element_text(element: lxml_html.HtmlElement) -> str:
    return " ".join(element.text_content().split())


def blank_text(text: str) -> bool:
    """True for a text of one letter or digit at most: a stray symbol in an empty paragraph
    (a zero-width space or joiner decoded in the wrong charset reads "â" and two controls)."""
    if not text:
        return True  # most tails and texts between elements: settled without counting
    return len(text) < _PROBE_MIN and sum(char.isalnum() for char in text) <= 1


def _probe(text: str, *, last: bool) -> str:
    """The last (or first) _PROBE characters of ``text``, whitespace normalised: only that end
    of a long paragraph is normalised."""
    end = text[-3 * _PROBE :] if last else text[: 3 * _PROBE]
    words = " ".join(end.split())
    return words[-_PROBE:] if last else words[:_PROBE]


class Paragraphs:
    """The body's paragraphs, found by how they begin or end (looked up only on pages where a
    heading or a list stands beside a body paragraph). The body's paragraphs have their
    whitespace normalised already (see ``article._paragraphs``)."""

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def paras(self) -> list[str]:
        return self.text.split("\n\n")

    @cached_property
    def starts(self) -> dict[str, int]:
        return {para[:_PROBE]: at for at, para in reversed(list(enumerate(self.paras)))}

    @cached_property
    def ends(self) -> dict[str, int]:
        return {para[-_PROBE:]: at for at, para in reversed(list(enumerate(self.paras)))}

    @cached_property
    def whole(self) -> frozenset[str]:
        return frozenset(self.paras)

    def holds(self, text: str) -> bool:
        """True when the body holds ``text`` (its start, or the whole of a short one)."""
        if len(text) < _PROBE_MIN:
            return text in self.whole
        return text[:_PROBE] in self.text

    def beginning(self, text: str) -> int | None:
        """Index of the body paragraph beginning as ``text`` does."""
        probe = _probe(text, last=False)
        return self.starts.get(probe) if len(probe) >= _PROBE_MIN else None

    def ending(self, text: str) -> int | None:
        """Index of the body paragraph ending as ``text`` does."""
        probe = _probe(text, last=True)
        return self.ends.get(probe) if len(probe) >= _PROBE_MIN else None


def _may_lead_to_gap(sibling: lxml_html.HtmlElement | None) -> bool:
    """False when ``sibling``, next to a body paragraph, shows that no heading or list stands
    beside that paragraph: there is none, or it is a block opening with text (its own, or its
    first inline child's: most cases, settled without reading the sibling's whole text), or
    inline text."""
    if sibling is None:
        return False
    tag = sibling.tag
    if tag in _GAPS or tag in SILENT:
        return True
    if not blank_text((sibling.text or "").strip()):
        return False
    if not len(sibling):
        return True  # blank
    if tag not in BLOCKS:
        return False
    first = sibling[0]
    return first.tag in BLOCKS or blank_text((first.text or "").strip())


def _outer(anchor: lxml_html.HtmlElement, *, preceding: bool) -> lxml_html.HtmlElement:
    """``anchor``, or the wrapper it opens (or closes) up to _CLIMB levels up: a section's
    first paragraph stands beside its heading when the heading stands outside the wrapper."""
    node = anchor
    for _ in range(_CLIMB):
        side = node.getprevious() if preceding else node.getnext()
        parent = node.getparent()
        if side is not None or parent is None:
            break
        node = parent
    return node


def _beside(anchor: lxml_html.HtmlElement, *, preceding: bool) -> Iterator[lxml_html.HtmlElement]:
    """The siblings before (or after) ``anchor``, nearest first, then its wrapper's, up to
    _CLIMB wrappers up when the anchor opens (or closes) them."""
    node = anchor
    for _ in range(_CLIMB + 1):
        yield from node.itersiblings(preceding=preceding)
        node = node.getparent()
        if node is None:
            return


def _run(
    anchor: lxml_html.HtmlElement, body: Paragraphs, *, preceding: bool
) -> tuple[list[lxml_html.HtmlElement], str | None]:
    """The headings and lists the body lacks right before (or after) ``anchor`` among its
    siblings, in page order, and the text of the sibling beyond them (None when some inline
    text stands in between: a widget's, a menu's). A heading or list the body holds is beyond
    them too."""
    run: list[lxml_html.HtmlElement] = []
    for sibling in _beside(anchor, preceding=preceding):
        tag = sibling.tag
        if not isinstance(tag, str) or tag in SILENT:
            continue
        if tag not in BLOCKS:
            if len(sibling) or (sibling.text or "").strip():
                break
            continue
        text = sibling.text_content()
        if blank_text(text.strip()):
            continue
        if tag not in _GAPS:
            return (run[::-1] if preceding else run), text
        if (body.ending(text) if preceding else body.beginning(text)) is not None:
            return (run[::-1] if preceding else run), text
        run.append(sibling)
    return run, None


def _gap(
    anchor: lxml_html.HtmlElement, body: Paragraphs, *, preceding: bool
) -> tuple[int, list[lxml_html.HtmlElement]] | None:
    """The headings and lists standing between ``anchor``, a block holding a body paragraph,
    and its sibling before (or after) them, with the index of the body paragraph that follows
    them; None unless that sibling holds the body paragraph next to the anchor's."""
    run, beyond = _run(anchor, body, preceding=preceding)
    if not run or beyond is None:
        return None
    first, second = (
        (beyond, anchor.text_content()) if preceding else (anchor.text_content(), beyond)
    )
    before = body.ending(first)
    at = body.beginning(second)
    if before is None or at is None or at <= before:
        return None
    if not all(blank_text(para) for para in body.paras[before + 1 : at]):
        return None  # the body holds text between the two: not a gap it left
    return at, run


def _linked(element: lxml_html.HtmlElement, text: str) -> bool:
    """True when most of ``text``, ``element``'s, is the text of links leading off the page (a
    box of related stories, a teaser's headline); a link to a place on the page (a heading's
    own anchor) leads nowhere else."""
    away = sum(
        len(element_text(link))
        for link in element.iter("a")
        if not (link.get("href") or "").startswith("#")
    )
    return away >= LINK_TEXT_SHARE * len(text)


def _dropped(element: lxml_html.HtmlElement) -> list[str]:
    """The heading's text, or the list's items, unless they are link text or captions."""
    if element.tag in _LISTS:
        if next(element.iter(*PICTURES), None) is not None:
            return []  # a gallery: its items' text is captions
        items = [text for item in element.iterchildren("li") if (text := element_text(item))]
        if items and _linked(element, " ".join(items)):
            return []
        return items
    # A heading in the article's run may link to what it names (a listicle's entries).
    return [text] if (text := element_text(element)) else []


def with_dropped_sections(body: Body, held: Iterable[lxml_html.HtmlElement]) -> Body:
    """``body`` with the headings and lists put back that stand, in their container, right
    between two of its paragraphs that follow each other in it. ``held`` is the page's blocks
    holding the body's paragraphs (``choose.doubtful``)."""
    known = Paragraphs(body.text)
    inserts: dict[int, list[str]] = {}
    for anchor in dict.fromkeys(held):
        for preceding in (True, False):
            side = anchor.getprevious() if preceding else anchor.getnext()
            if side is None:
                # Opening (or closing) its wrapper: a heading or list right outside it counts.
                outer = _outer(anchor, preceding=preceding)
                side = outer.getprevious() if preceding else outer.getnext()
                if side is None or side.tag not in _GAPS:
                    continue
            elif not _may_lead_to_gap(side):
                continue
            gap = _gap(anchor, known, preceding=preceding)
            if gap is None or gap[0] in inserts:
                continue
            if any(known.holds(element_text(part)) for part in gap[1]):
                continue  # the body holds some of it: not a gap it left
            found = [item for part in gap[1] for item in _dropped(part)]
            if found:
                inserts[gap[0]] = found
    if not inserts:
        return body
    text = [line for i, para in enumerate(known.paras) for line in [*inserts.get(i, []), para]]
    return Body("\n\n".join(text), body.title, body.method)
