"""Subheadings left out of a body where the article's sections sit in wrappers of their own.

``between`` puts back the headings standing, as siblings in one container, between two
paragraphs of trafilatura's body. Page builders often set each section in a wrapper of its own
(a heading in one box, its text in the next, each box a few levels deep), where no sibling walk
finds it; and the second opinions drop such headings too. Read in page order, a section's
heading still stands right between the last text of one section and the first of the next, with
nothing but empty wrappers, spacing and pictures around it: when those two texts end one body
paragraph and begin the next, the heading interrupts the article at that point, whatever the
layout. What is not a section's heading stands apart in one of these ways:

- its box holds text of its own right after it (a sidebar's teaser, a menu), so the text after
  it is not the body's;
- it stands inside a list or a link (a box of related stories), or right above one;
- it labels an empty box (an advertisement's slot) or a widget (an embed, a script);
- it belongs to a teaser card: a picture linking to another page stands right before it.

Only the headings of the page are visited (a walk over its h2-h6 elements, cheap), and from each
only the stretch of page up to the text on either side, at most _STEPS elements each way.
"""

from __future__ import annotations

from collections.abc import Iterable

from lxml import html as lxml_html

from newsloom.extract.between import HEADINGS, SILENT, Paragraphs, blank_text, element_text
from newsloom.extract.choose import BLOCKS, Body

# Elements read on either side of a heading before giving up: wrappers nest a few levels.
_STEPS = 40
_PICTURES = frozenset({"img", "picture", "figure"})
# A link to a picture file enlarges the picture; a link elsewhere makes it a teaser.
_IMAGE_FILES = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif")
# Empty paragraphs and breaks: the spacing a page builder leaves between a heading and its text.
_BREAKS = frozenset({"p", "br", "hr"})
# Containers whose headings are not the article's sections: entries of a list or a table,
# links, the page's own furniture.
_NOT_SECTIONS = frozenset(
    {"a", "ul", "ol", "li", "dl", "table", "nav", "aside", "form", "header", "footer", "figure"}
)


def _holds_text(heading: lxml_html.HtmlElement, text: str | None = None) -> bool:
    """False for a heading (whose ``text`` is given, or read) holding a stray symbol at most; a
    numbered entry's ("1.") is short but holds its number."""
    text = element_text(heading) if text is None else text
    return not blank_text(text) or any(char.isdigit() for char in text)


class _Stop(Exception):
    """What stands next to the heading is neither a heading nor a section's text."""


def _inside(element: lxml_html.HtmlElement, container: lxml_html.HtmlElement) -> bool:
    return any(above is container for above in element.iterancestors())


def _block_text(element: lxml_html.HtmlElement, heading: lxml_html.HtmlElement) -> str:
    """The text of the nearest block around ``element`` (which holds text next to ``heading``)
    that does not hold the heading as well."""
    node = element
    while node.tag not in BLOCKS:
        parent = node.getparent()
        if parent is None or _inside(heading, parent):
            break
        node = parent
    return element_text(node)


class _Following:
    """From a heading on, in page order: the headings right after it, then the text of the
    block where the next text stands."""

    def __init__(self, heading: lxml_html.HtmlElement) -> None:
        self.heading = heading
        self.headings: list[lxml_html.HtmlElement] = [heading]
        self.steps = 0

    def _tail(self, element: lxml_html.HtmlElement) -> None:
        if not blank_text((element.tail or "").strip()):
            raise _Stop

    def _visit(self, element: lxml_html.HtmlElement) -> str | None:
        """The text of the block where the first text in ``element`` stands, None when it
        holds none; raises _Stop when what stands in the way is not a section's."""
        self.steps += 1
        if self.steps > _STEPS:
            raise _Stop
        tag = element.tag
        if not isinstance(tag, str) or tag in _PICTURES:
            pass
        elif tag in HEADINGS:
            if _holds_text(element):
                self.headings.append(element)
        elif tag in SILENT or tag in _NOT_SECTIONS:
            raise _Stop  # a widget's label, or a list's or a link box's heading
        elif not blank_text((element.text or "").strip()):
            return _block_text(element, self.heading)
        elif len(element):
            for child in element:
                if (found := self._visit(child)) is not None:
                    return found
        elif tag not in _BREAKS:
            raise _Stop  # an empty box's label (an advertisement's slot)
        self._tail(element)
        return None

    def text(self) -> str | None:
        """The text after the heading's run, None when something else stands in between."""
        node: lxml_html.HtmlElement | None = self.heading
        try:
            while node is not None:
                self._tail(node)
                for sibling in node.itersiblings():
                    if (found := self._visit(sibling)) is not None:
                        return found
                node = node.getparent()
        except _Stop:
            return None
        return None


def _card_picture(link: lxml_html.HtmlElement) -> bool:
    """True for a link made of a picture, leading to another page (a teaser card's)."""
    href = (link.get("href") or "").split("?")[0].lower()
    if href.endswith(_IMAGE_FILES) or not blank_text(element_text(link)):
        return False
    return next(link.iter(*_PICTURES), None) is not None


def _last_text(element: lxml_html.HtmlElement, budget: list[int]) -> lxml_html.HtmlElement | None:
    """The element holding the last text in ``element``, None when it holds none; raises _Stop
    at a heading (the one walked from is not the first of its run), at a teaser card's picture,
    or past the budget."""
    budget[0] -= 1
    if budget[0] < 0:
        raise _Stop
    tag = element.tag
    if not isinstance(tag, str) or tag in SILENT:
        return None
    if tag in HEADINGS:
        if _holds_text(element):
            raise _Stop
        return None
    if tag == "a" and _card_picture(element):
        raise _Stop
    for child in reversed(element):
        if not blank_text((child.tail or "").strip()):
            return element
        if (found := _last_text(child, budget)) is not None:
            return found
    return element if not blank_text((element.text or "").strip()) else None


def _previous_text(heading: lxml_html.HtmlElement) -> str | None:
    """The text of the block where the last text before ``heading`` stands, None when loose
    text, another heading or a teaser card's picture stands in between."""
    budget = [_STEPS]
    node = heading
    try:
        while (parent := node.getparent()) is not None:
            for sibling in node.itersiblings(preceding=True):
                if not blank_text((sibling.tail or "").strip()):
                    return None  # loose text in the wrapper: a label, a menu
                if (found := _last_text(sibling, budget)) is not None:
                    return _block_text(found, heading)
            if not blank_text((parent.text or "").strip()):
                return None
            node = parent
    except _Stop:
        return None
    return None


def _ending(known: Paragraphs, text: str) -> int | None:
    """Index of the body paragraph ending as ``text`` does (a list item's has a bullet)."""
    found = known.ending(text)
    return known.ending(f"- {text}") if found is None else found


def with_dropped_headings(
    body: Body,
    document: lxml_html.HtmlElement | None,
    met: Iterable[lxml_html.HtmlElement] | None = None,
) -> Body:
    """``body`` with the headings put back that stand, in page order and with nothing else
    around them, right between the end of one of its paragraphs and the start of the next.
    ``met`` is the page's headings in page order when a walk already met them all
    (``choose.doubtful``); None to find them here."""
    if document is None:
        return body
    known = Paragraphs(body.text)
    inserts: dict[int, list[str]] = {}
    for heading in document.iter(*HEADINGS) if met is None else met:
        text = element_text(heading)
        if not _holds_text(heading, text) or known.holds(text):
            continue
        if any(above.tag in _NOT_SECTIONS for above in heading.iterancestors()):
            continue
        previous = _previous_text(heading)
        if previous is None or (before := _ending(known, previous)) is None:
            continue
        run = _Following(heading)
        following = run.text()
        if following is None or (at := known.beginning(following)) is None:
            continue
        if at <= before or at in inserts:
            continue
        if not all(blank_text(para) for para in known.paras[before + 1 : at]):
            continue  # the body holds text between the two
        texts = [element_text(each) for each in run.headings]
        if any(known.holds(each) for each in texts):
            continue  # the body holds some of the run: not a run it left out
        inserts[at] = texts
    if not inserts:
        return body
    lines = [line for i, para in enumerate(known.paras) for line in [*inserts.get(i, []), para]]
    return Body("\n\n".join(lines), body.title, body.method)
