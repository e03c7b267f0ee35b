"""trafilatura's link-density test of one element, finding its links in C.

``trafilatura.htmlprocessing.link_density_test`` runs on every container, list, paragraph (and,
in precision mode, heading and quote) of each candidate body, twice over; it first looks for the
element's links with ``findall(".//ref")``, lxml's ElementPath, which walks the path in Python,
and for an image with ``find(".//graphic")``. ``iterdescendants`` finds the same elements in the
same order from C, in less than half the time. The rest is trafilatura's test (2.3) as written.
``sequence`` puts it in trafilatura's module for the runs it makes.
"""

from __future__ import annotations

from lxml.html import HtmlElement
from trafilatura.htmlprocessing import collect_link_info, is_paragraph_listing
from trafilatura.utils import LINK_FARM_RATIO, trim


def link_density_test(element: HtmlElement, favor_precision: bool = False) -> tuple[bool, bool]:
    """Whether ``element`` is rich in links (boilerplate to remove), and whether it is short
    with links: trafilatura's ``link_density_test``, the same answers."""
    links = list(element.iterdescendants("ref"))
    if not links:
        return False, False
    # An image container stays.
    if next(element.iterdescendants("graphic"), None) is not None:
        return False, False
    text = trim(element.text_content())
    if len(links) == 1:
        len_threshold = 10 if favor_precision else 100
        link_text = trim(links[0].text_content())
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
        linklen, elemnum, shortelems, _ = collect_link_info(links)
        if elemnum == 0:
            return True, False
        return linklen > elemlen * 0.8 or (elemnum > 1 and shortelems / elemnum > 0.8), True
    # A large farm of many links (a "latest news" sidebar), unless each is a card's (long) or
    # alone in its paragraph (a listing).
    if len(links) > 4:
        linklen, elemnum, _, _ = collect_link_info(links)
        if (
            linklen > len(text) * LINK_FARM_RATIO
            and linklen < 100 * elemnum
            and not is_paragraph_listing(links)
        ):
            return True, False
    return False, False
