"""trafilatura's link-density test of one element, finding its links in C.

``trafilatura.htmlprocessing.link_density_test`` runs on every container, list, paragraph (and,
in precision mode, heading and quote) of each candidate body, twice over; it first looks for the
element's links with ``findall(".//ref")``, lxml's ElementPath, which walks the path in Python,
and for an image with ``find(".//graphic")``. ``iterdescendants`` finds the same elements in the
same order from C, in less than half the time. Each text is read as lxml's ``text_content``
reads it, except an element without children (most links): its text is all there is, and
``text_content`` would ask XPath for it. The rest is trafilatura's test (2.3) as written.
``sequence`` puts it in trafilatura's module for the runs it makes.
"""

from __future__ import annotations

from lxml.html import HtmlElement
from trafilatura.htmlprocessing import is_paragraph_listing
from trafilatura.utils import LINK_FARM_RATIO, trim


def _text(element: HtmlElement) -> str:
    """``element.text_content()``: ``len`` counts every child node (comments too), so an element
    without any holds its own text only."""
    return element.text_content() if len(element) else element.text or ""


def _link_info(links: list[HtmlElement]) -> tuple[int, int, int]:
    """trafilatura's ``collect_link_info`` without the texts: the links' total text length, how
    many have text, and how many of those are short (under 10 characters)."""
    lengths = [length for length in (len(trim(_text(link))) for link in links) if length]
    return sum(lengths), len(lengths), sum(1 for length in lengths if length < 10)


def link_density_test(element: HtmlElement, favor_precision: bool = False) -> tuple[bool, bool]:
    """Whether ``element`` is rich in links (boilerplate to remove), and whether it is short
    with links: trafilatura's ``link_density_test``, the same answers."""
    links = list(element.iterdescendants("ref"))
    if not links:
        return False, False
    # An image container stays.
    if next(element.iterdescendants("graphic"), None) is not None:
        return False, False
    text = trim(_text(element))
    if len(links) == 1:
        len_threshold = 10 if favor_precision else 100
        link_text = trim(_text(links[0]))
        if len(link_text) > len_threshold and len(link_text) > len(text) * 0.9:
            return True, False
    if element.tag == "p":
        limitlen = 60 if element.getnext() is None else 30
    elif element.getnext() is None:
        limitlen = 300
    else:
        limitlen = 100
    elemlen = len(text)
    if elemlen < limitlen:
        linklen, elemnum, shortelems = _link_info(links)
        if elemnum == 0:
            return True, False
        return linklen > elemlen * 0.8 or (elemnum > 1 and shortelems / elemnum > 0.8), True
    # A large farm of many links (a "latest news" sidebar), unless each is a card's (long) or
    # alone in its paragraph (a listing).
    if len(links) > 4:
        linklen, elemnum, _ = _link_info(links)
        if (
            linklen > len(text) * LINK_FARM_RATIO
            and linklen < 100 * elemnum
            and not is_paragraph_listing(links)
        ):
            return True, False
    return False, False
