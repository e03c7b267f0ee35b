"""What trafilatura prunes from a page before reading it, for the readers that come after it.

With readers' comments off, trafilatura deletes the page's comment sections and the containers
of appended follow-up articles before it looks for the article; readability and the list-item
repair (``gaps``) leave out the same sections, by trafilatura's own expressions.
"""

from __future__ import annotations

from lxml import html as lxml_html
from trafilatura.xpaths import RAW_TREE_PRUNE_XPATH, REMOVE_COMMENTS_AND_LISTS_XPATH

PRUNED_SECTIONS = (*RAW_TREE_PRUNE_XPATH, *REMOVE_COMMENTS_AND_LISTS_XPATH)


def pruned_sections(document: lxml_html.HtmlElement) -> set[lxml_html.HtmlElement]:
    """The elements of ``document`` trafilatura prunes (with all they hold)."""
    return {element for expression in PRUNED_SECTIONS for element in expression(document)}
