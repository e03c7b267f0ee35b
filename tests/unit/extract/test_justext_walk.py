"""justext_walk: jusText's paragraphs and trafilatura's ``try_justext`` without SAX, unchanged."""

from __future__ import annotations

from justext.core import ParagraphMaker, classify_paragraphs, revise_paragraph_classification
from lxml import etree
from lxml import html as lxml_html
from trafilatura.external import try_justext as library_try_justext

from newsloom.extract.justext_walk import paragraphs, try_justext
from newsloom.extract.tree import load_page

STORY = (
    "The ferry company said on Tuesday that the evening crossing would stop for the winter, "
    "because too few passengers had used it since the bridge reopened in the spring."
)

# Pages whose markup trips the paragraph rules: <br><br> breaking a paragraph, a lone <br>,
# links inside and around text, headings before prose, a <select> menu, a copyright line,
# whitespace-only text, tails after closed blocks, inline tags around block tags, a table
# layout, a processing instruction left in a fragment and a namespaced (SVG-like) tag.
PAGES = [
    f"<html><body><div>{STORY}<br><br>{STORY}<br>tail after one break</div></body></html>",
    "<html><body><h2>Ferry news</h2><p>" + STORY + " <a href='/x'>Read more about the ferry "
    "company and its plans for the coming year</a></p><p>\n  \t </p>"
    "<div><span><p>nested in an inline " + STORY + "</p></span> a tail after it</div>"
    "<form><select><option>Home</option><option>News</option></select></form>"
    "<footer><p>\xa9 2024 The Quay Gazette</p></footer></body></html>",
    "<html><body><table><tr><td>Menu</td><td><a href='/'>Home</a> | <a href='/n'>News</a></td>"
    "</tr><tr><td colspan='2'><font>" + STORY + "</font><br>" + STORY + "</td></tr></table>"
    "<ul><li><a href='/a'>First linked headline of the day</a></li><li>" + STORY + "</li></ul>"
    "<h3>Short heading</h3><p>short</p><p>" + STORY * 2 + "</p></body></html>",
    "<html><body><?php echo 1 ?><div>Before <svg:g>inside a prefixed tag</svg:g> after, "
    + STORY
    + "</div><pre>line one\n\nline two "
    + STORY
    + "</pre></body></html>",
]


def _trees() -> list[lxml_html.HtmlElement]:
    trees = [load_page(page) for page in PAGES]
    assert all(tree is not None for tree in trees)
    return [tree for tree in trees if tree is not None]


def test_paragraphs_are_justexts_own() -> None:
    for tree in _trees():
        expected = ParagraphMaker.make_paragraphs(tree)
        found = paragraphs(tree)
        assert [
            (p.dom_path, p.text_nodes, p.chars_count_in_links, p.tags_count) for p in found
        ] == [(p.dom_path, p.text_nodes, p.chars_count_in_links, p.tags_count) for p in expected]
        assert found  # the fixtures hold text


def test_classes_are_justexts_own() -> None:
    stoplist = frozenset({"the", "on", "that", "would", "for", "because", "too", "had", "it"})
    for tree in _trees():
        expected = ParagraphMaker.make_paragraphs(tree)
        found = paragraphs(tree)
        for made in (expected, found):
            classify_paragraphs(made, stoplist, 50, 150, 0.1, 0.2, 0.25, True)
            revise_paragraph_classification(made, 150)
        assert [(p.text, p.cf_class, p.class_type) for p in found] == [
            (p.text, p.cf_class, p.class_type) for p in expected
        ]


def test_try_justext_keeps_what_trafilaturas_keeps() -> None:
    kept = 0
    for tree in _trees():
        ours = etree.tostring(try_justext(tree, "https://example.org/ferry"))
        assert ours == etree.tostring(library_try_justext(tree, "https://example.org/ferry", None))
        kept += ours.count(b"<p>")
    assert kept > 0
