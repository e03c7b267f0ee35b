"""What trafilatura prunes from a page before reading it, for the readers that come after it.

With readers' comments off, trafilatura deletes the page's comment sections and the containers
of appended follow-up articles before it looks for the article; readability and the list-item
repair (``gaps``) leave out the same sections, found by the Python tests that stand in for
trafilatura's own expressions (``sequence``: the same elements, without the EXSLT regex
callbacks that made the XPaths slow).
"""

from __future__ import annotations

from lxml import html as lxml_html

from newsloom.extract.sequence import COMMENTS_AND_LISTS_PRUNE, RAW_PRUNE, prune

PRUNED_SECTIONS = (*RAW_PRUNE, *COMMENTS_AND_LISTS_PRUNE)


def pruned_sections(document: lxml_html.HtmlElement) -> set[lxml_html.HtmlElement]:
    """The elements of ``document`` trafilatura prunes (with all they hold)."""
    return {
        element
        for tags, test in PRUNED_SECTIONS
        for element in document.iterdescendants(*tags)
        if test(element)
    }


def without_pruned_sections(document: lxml_html.HtmlElement) -> lxml_html.HtmlElement:
    """``document`` itself, its pruned sections deleted (their tail text stays, as trafilatura's
    pruning leaves it)."""
    return prune(document, PRUNED_SECTIONS)
