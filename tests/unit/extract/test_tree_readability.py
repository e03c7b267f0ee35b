"""readability read from the page's tree, without naming elements for its debug lines: the same
summary as readability's own reading of the tree, and its describers are back afterwards."""

from __future__ import annotations

import trafilatura
from lxml import etree
from readability import Document
from readability import debug as readability_debug
from readability import readability as readability_module

from newsloom.extract.readable import TreeReadability, _clean_text, readability_body
from newsloom.extract.sequence import pruned

_PROSE = (
    "The harbour board met on Tuesday evening to decide the future of the old lighthouse, "
    "which has stood on the northern pier for more than a century and a half, and voted to keep it."
)
PAGE_WITH_SIDEBAR = f"""<html><head><title>Lighthouse</title></head><body>
<div id="sidebar" class="widget"><a href="/a">Most read</a><a href="/b">Weather</a></div>
<div class="article-body"><p>{_PROSE}</p><p>{_PROSE}</p><p>{_PROSE}</p></div>
<div class="footer">Contact us</div></body></html>"""


def test_the_summary_is_readabilitys_and_the_describers_are_put_back() -> None:
    tree = trafilatura.load_html(PAGE_WITH_SIDEBAR)
    assert tree is not None
    ours = TreeReadability(tree).summary(html_partial=True)
    assert ours == Document(PAGE_WITH_SIDEBAR).summary(html_partial=True)
    assert "harbour board" in ours and "Most read" not in ours
    assert readability_module.describe is readability_debug.describe
    assert readability_module.text_content is readability_debug.text_content
    assert readability_module.clean is _READABILITY_CLEAN


_READABILITY_CLEAN = readability_module.clean


def test_the_cheaper_clean_gives_readabilitys_text_for_every_kind_of_whitespace() -> None:
    # Texts as pages give them: plain words, indented lines, tabs, non-breaking and ideographic
    # spaces, a run of padding long enough for readability's first pattern, a lone line break.
    texts = [
        "",
        "Plain words",
        "  Lead and trailing  ",
        "Line one\n    line two\r\n\tline three",
        "Tab\tseparated\t\tcells",
        "Non\u00a0breaking\u3000spaces\u00a0\u00a0twice",
        "Padding" + " \u00a0" * 200 + "end",
        "\n" * 300 + "after" + "\t " * 150,
        "one\nline",
        "Tab then space\t after, space then tab \t after, two tabs\t\tafter",
        "Carriage\rreturn, form\x0cfeed, line\u2028separator, next\x85line",
        "Long run with a break" + " " * 200 + "\n" + " " * 100 + "end",
        "Long run of tabs" + "\t" * 300 + "end\n\n\n",
    ]
    for text in texts:
        assert _clean_text(text) == _READABILITY_CLEAN(text), repr(text)


# Unlikely names readability keeps all the same: inside <pre>, around an <article>, or with a
# name that may be a candidate ("sidebar" with "article"), next to one it drops ("share").
PAGE_WITH_UNLIKELY_NAMES_KEPT = f"""<html><head><title>Harbour</title></head><body>
<div class="sidebar-wrapper"><article><p>{_PROSE}</p><p>{_PROSE}</p></article></div>
<pre><span class="comment">// kept inside code</span></pre>
<div class="share-tools"><a href="/s">Share</a></div>
<div class="article sidebar"><p>{_PROSE}</p></div></body></html>"""


def test_unlikely_candidates_are_dropped_and_kept_as_readability_does() -> None:
    tree = trafilatura.load_html(PAGE_WITH_UNLIKELY_NAMES_KEPT)
    assert tree is not None
    ours = TreeReadability(tree).summary(html_partial=True)
    assert ours == Document(PAGE_WITH_UNLIKELY_NAMES_KEPT).summary(html_partial=True)
    assert "harbour board" in ours and "Share" not in ours


# <div>s used as paragraphs: one of text and inline elements only, one whose <span> holds a
# <p>, and one holding only an element whose tag starts like a block's (<progress>), which
# readability's block pattern takes for a block.
PAGE_WITH_MISUSED_DIVS = f"""<html><head><title>Harbour</title></head><body>
<div class="story"><div>{_PROSE} <b>Bold</b> and <a href="/x">a link</a>.</div>
<div>Lead text <span><p>{_PROSE}</p></span> tail text.</div>
<div>{_PROSE} <progress value="1">half</progress></div>
<div><em>{_PROSE}</em><br/>After the break.</div></div></body></html>"""


def test_misused_divs_become_paragraphs_as_readability_makes_them() -> None:
    tree = trafilatura.load_html(PAGE_WITH_MISUSED_DIVS)
    assert tree is not None
    ours = TreeReadability(tree).summary(html_partial=True)
    assert ours == Document(PAGE_WITH_MISUSED_DIVS).summary(html_partial=True)
    assert "harbour board" in ours and "After the break" in ours


# Links inside nested candidates (each paragraph's parent and grandparent measure them), and a
# link-heavy block whose score the links' share lowers.
PAGE_WITH_LINKS_IN_NESTED_BLOCKS = f"""<html><head><title>Harbour</title></head><body>
<div class="main"><div class="text"><p>{_PROSE} <a href="/l">The lighthouse</a> stays.</p>
<p>{_PROSE} See <a href="/b">the board</a>.</p></div></div>
<div class="more"><p><a href="/1">{_PROSE}</a></p><p><a href="/2">{_PROSE}</a></p></div>
</body></html>"""


def test_link_density_is_readabilitys_with_each_link_measured_once() -> None:
    tree = trafilatura.load_html(PAGE_WITH_LINKS_IN_NESTED_BLOCKS)
    assert tree is not None
    ours = TreeReadability(tree).summary(html_partial=True)
    assert ours == Document(PAGE_WITH_LINKS_IN_NESTED_BLOCKS).summary(html_partial=True)
    assert "The lighthouse" in ours


# A blog post whose readers' comments hold more prose than the post, in a "comments-body" block
# (readability likes "body"), and an appended follow-up article: both pruned before reading.
BLOG_POST_WITH_LONG_COMMENT_THREAD = f"""<html><head><title>Lighthouse</title></head><body>
<div class="post-body"><p>{_PROSE}</p><p>{_PROSE}</p></div>
<div class="comments-body"><p>First reader: {_PROSE}</p>
<p>Second reader: {_PROSE}</p><p>Third reader: {_PROSE}</p></div>
<div class="infinite-scroll"><p>Next story: {_PROSE}</p></div></body></html>"""


def test_readability_on_the_shared_pruned_copy_reads_as_on_the_page() -> None:
    tree = trafilatura.load_html(BLOG_POST_WITH_LONG_COMMENT_THREAD)
    assert tree is not None
    shared = pruned(tree).tree
    on_page = readability_body(BLOG_POST_WITH_LONG_COMMENT_THREAD, tree)
    on_copy = readability_body(BLOG_POST_WITH_LONG_COMMENT_THREAD, tree, pruned=shared)
    assert on_page is not None and on_copy == on_page
    assert "First reader" not in on_page.text and "Next story" not in on_page.text
    # The page's own tree is left as it was for the readers after readability.
    assert etree.tostring(tree) == etree.tostring(
        trafilatura.load_html(BLOG_POST_WITH_LONG_COMMENT_THREAD)
    )


# A short notice: readability's ruthless pass keeps too little of it and it reads the page again
# leniently; its title is asked for after, which reads the page a third time.
SHORT_NOTICE_WITH_SIDEBAR = """<html><head><title>Quay closed | Harbour News</title></head><body>
<div class="sidebar"><p>Tide tables, ferry times and the harbour webcam.</p></div>
<div class="notice"><p>The north quay is closed on Sunday for repairs to the crane rails.</p></div>
<div class="comments"><p>Reader: about time too, the rails were rusting.</p></div>
</body></html>"""


def test_readability_passes_after_the_first_read_the_page_pruned_again() -> None:
    for page in (SHORT_NOTICE_WITH_SIDEBAR, BLOG_POST_WITH_LONG_COMMENT_THREAD):
        tree = trafilatura.load_html(page)
        assert tree is not None
        on_page = readability_body(page, tree, with_title=True)
        on_copy = readability_body(page, tree, with_title=True, pruned=pruned(tree).tree)
        assert on_page is not None and on_copy == on_page
        assert on_page.title and on_page.text
