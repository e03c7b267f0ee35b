"""The page's tree parsed with C-level element classes is trafilatura's tree, element for
element."""

from __future__ import annotations

import pytest
import trafilatura
from lxml import etree
from lxml import html as lxml_html
from trafilatura.utils import repair_faulty_html

from newsloom.extract.tree import load_page, repaired

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
    "xhtml_doctype_with_a_dtd_url": (
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
        '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n<html><body><p>X</p></body></html>'
    ),
    "doctype_without_a_line_break": "<!DOCTYPE html><html><body><p>One line</p></body></html>",
    "noncharacters_in_the_text": "<html><body><p>Bad \ufffe bytes \uffff here</p></body></html>",
}


@pytest.mark.parametrize("page", PAGES.values(), ids=PAGES.keys())
def test_the_tree_is_trafilaturas(page: str) -> None:
    ours, theirs = load_page(page), trafilatura.load_html(page)
    assert (ours is None) == (theirs is None)
    if ours is not None and theirs is not None:
        assert etree.tostring(ours) == etree.tostring(theirs)
        assert all(isinstance(element, lxml_html.HtmlElement) for element in ours.iter())


@pytest.mark.parametrize("page", PAGES.values(), ids=PAGES.keys())
def test_the_repair_is_trafilaturas(page: str) -> None:
    # Text as decode_html gives it (no C0 controls): the repair skips only the search for them.
    beginning = page[:50].lower()
    assert repaired(page, beginning) == repair_faulty_html(page, beginning)
