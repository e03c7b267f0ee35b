"""The page's tree parsed with C-level element classes is trafilatura's tree, element for
element."""

from __future__ import annotations

import pytest
import trafilatura
from lxml import etree
from lxml import html as lxml_html

from newsloom.extract.tree import load_page

PAGES = {
    "plain": "<html><head><title>T</title></head><body><p>One <b>two</b></p></body></html>",
    "doctype_on_first_line": "<!DOCTYPE html><html><body><form><input value='x'></form></body></html>",
    "encoding_declared_in_a_string": (
        '<?xml version="1.0" encoding="utf-8"?><html><body><p>caf\u00e9</p></body></html>'
    ),
    "self_closing_html_tag": "<html/>\n<body><p>Text after a self-closing html tag</p></body>",
    "comments_and_instructions": "<html><body><!-- c --><?pi x?><p>Kept</p></body></html>",
    "fragment_without_html": "<p>only a paragraph</p>",
    "not_html_at_all": "just some words, no markup",
}


@pytest.mark.parametrize("page", PAGES.values(), ids=PAGES.keys())
def test_the_tree_is_trafilaturas(page: str) -> None:
    ours, theirs = load_page(page), trafilatura.load_html(page)
    assert (ours is None) == (theirs is None)
    if ours is not None and theirs is not None:
        assert etree.tostring(ours) == etree.tostring(theirs)
        assert all(isinstance(element, lxml_html.HtmlElement) for element in ours.iter())
