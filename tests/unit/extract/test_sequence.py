"""trafilatura's run as extract_article makes it: the Python prunes find what trafilatura's XPaths
find, and a run from the page's shared pruned copy gives bare_extraction's text."""

from __future__ import annotations

import trafilatura
from lxml import html as lxml_html
from trafilatura import main_extractor
from trafilatura.core import RAW_TREE_PRUNE_XPATH
from trafilatura.settings import Extractor
from trafilatura.xpaths import REMOVE_COMMENTS_AND_LISTS_XPATH, REMOVE_COMMENTS_XPATH

from newsloom.extract.sequence import (
    BODY_FINDERS,
    COMMENTS_AND_LISTS_PRUNE,
    COMMENTS_PRUNE,
    RAW_PRUNE,
    SECTION_PRUNES,
    pruned,
    run,
)

_PROSE = (
    "The harbour board met on Tuesday evening to decide the future of the old lighthouse, "
    "which has stood on the northern pier for more than a century and a half."
)
# A blog post with every kind of block the prunes look for, and look-alikes they must keep.
BLOG_WITH_COMMENTS_AND_APPENDIX = f"""<html><head><title>Lighthouse</title></head><body>
<div class="post"><h1>Lighthouse saved</h1>
<p>{_PROSE}</p><p>{_PROSE.replace("Tuesday", "Monday")}</p>
<div class="elementor-share-buttons"><a href="/s">Share this</a></div>
<div class="commentary"><p>Commentary stays: {_PROSE}</p></div></div>
<div id="comments"><p>First! Great post about the harbour.</p></div>
<section class="post-comments other"><p>I disagree with the board.</p></section>
<div class="layout article-comments"><p>A comment section named in the middle of its class.</p></div>
<div id="dsq-comments"><p>Disqus comments under another id.</p></div>
<div class="COMMENTS"><p>Capitals the expressions do not match stay.</p></div>
<ol class="comment-list"><li>Reader one says hello.</li></ol>
<ul id="disqus_thread"><li>A list with a disqus id is no comment list.</li></ul>
<ul id="comol"><li>An old comment list.</li></ul>
<details id="Comment-7"><summary>Reply</summary></details>
<div class="infinite-scroll"><h1>Next article</h1><p>{_PROSE}</p></div>
<aside id="infinitescroll"><p>More to read.</p></aside>
<section class="x mvp-post-add-box"><h1>Appended</h1><p>{_PROSE}</p></section>
</body></html>"""


def _tree() -> lxml_html.HtmlElement:
    tree = trafilatura.load_html(BLOG_WITH_COMMENTS_AND_APPENDIX)
    assert tree is not None
    return tree


def test_the_python_prunes_find_what_trafilaturas_xpaths_find() -> None:
    tree = _tree()
    for xpaths, tests in (
        (RAW_TREE_PRUNE_XPATH, RAW_PRUNE),
        (REMOVE_COMMENTS_AND_LISTS_XPATH, COMMENTS_AND_LISTS_PRUNE),
        (REMOVE_COMMENTS_XPATH, COMMENTS_PRUNE),
    ):
        for xpath, (tags, test) in zip(xpaths, tests, strict=True):
            found = [element for element in tree.iterdescendants(*tags) if test(element)]
            assert found == xpath(tree)
            assert found  # the fixture holds something for each test to find


def test_a_run_from_the_shared_copy_gives_bare_extractions_text() -> None:
    tree = _tree()
    page = pruned(tree)
    for focus in ("precision", "balanced", "recall"):
        options = Extractor(
            output_format="python",
            fast=True,
            comments=False,
            precision=focus == "precision",
            recall=focus == "recall",
            url="https://example.org/lighthouse",
        )
        ran = run(page, options, "https://example.org/lighthouse")
        expected = trafilatura.bare_extraction(
            tree, url="https://example.org/lighthouse", options=options
        )
        assert ran is not None and expected is not None
        assert ran[0] == expected.text
        assert "Commentary stays" in ran[0] and "First!" not in ran[0]
    assert tree.find(".//div[@id='comments']") is not None  # the page's own tree is not pruned


def test_the_first_run_cleans_its_own_copy_and_later_readers_a_fresh_one() -> None:
    # A page read once is copied once: the first run cleans the copy made with the page. A second
    # run and the readers after it (readability, jusText) still start from an intact pruned copy.
    tree = _tree()
    page = pruned(tree)
    options = Extractor(output_format="python", fast=True, comments=False, precision=True)
    first = run(page, options, "")
    again = run(page, options, "")
    assert first is not None and again is not None
    assert first[0] == again[0]
    shared = page.tree
    assert shared is page.tree  # one copy shared by the readers after the runs
    assert shared.find(".//div[@id='comments']") is None  # pruned
    assert shared.find(".//h1") is not None  # and not cleaned by a run (which renames h1)
    assert "Commentary stays" in first[0] and "First!" not in first[0]


# Blocks named like boilerplate in every way trafilatura's section XPaths look at, including
# elements whose id and class both match and ones where only the attribute written second does
# (XPath's ``@id|@class`` reads the first one written).
TEMPLATE_WITH_NAMED_BLOCKS = f"""<html><body><header>Site header</header><main>
<div class="story"><p>{_PROSE}</p>
<div role="Navigation">Sections</div><span data-lp-replacement-content="">x</span>
<div data-component="MostPopularStories">Popular</div>
<div class="x" id="cookie-bar">Cookies</div><div id="main" class="cookie-bar">Cookies</div>
<div id="share-top">Share</div><p class="byline author">By a reporter</p>
<section class="related-stories">Related</section><div class="comments-title">3 comments</div>
<div id="x" class="reply-box">Reply</div><div class="reply-box" id="x">Reply</div>
<div style="display: none">Hidden</div><div id="hidden-ad">Ad</div>
<div style="color:red" id="hidden-2">Ad</div><p aria-hidden="true">Icon</p>
<div class="page bottom">Bottom</div><div id="footer-link" class="link">Link</div>
<div class="linkedin">In</div><div class="is-bottom x">End</div><div id="bottomless">Deep</div>
<div style="border: 1px">Boxed</div><div class="Teaser">Teaser</div>
<div id="photo-caption">A caption</div><p>{_PROSE}</p></div></main></body></html>"""


def test_the_section_finders_find_what_trafilaturas_xpaths_find() -> None:
    tree = trafilatura.load_html(TEMPLATE_WITH_NAMED_BLOCKS)
    assert tree is not None
    for name, finders in SECTION_PRUNES.items():
        xpaths = getattr(main_extractor, name)  # outside a run, trafilatura's own
        assert len(xpaths) == len(finders)
        for xpath, finder in zip(xpaths, finders, strict=True):
            assert finder(tree) == xpath(tree)
            assert finder(tree), name  # the fixture holds something for each finder to find


# Article containers named each way trafilatura's BODY_XPATH recognises one (its own names and
# ids, its regular expressions' alternatives, a class in another case, an id written after the
# class), on the tags it looks at and on a <p> it passes over, nested in one another and side by
# side: each page's first container in document order is the one found.
CONTAINER_NAMES = (
    'class="post"',
    'class="entry"',
    'itemprop="articleBody"',
    'id="articleContent"',
    'id="x-article__body"',
    'class="wide post_text"',
    'class="Wrap ArticleContent"',
    'class="x" id="body-text"',
    'role="article"',
    'id="story"',
    'class="cell"',
    'id="primary-column"',
    'class="FullText"',
    'class="article single"',
    'class="story-content"',
    'id="content"',
    'class="content"',
    'id="article"',
    'class="content-main"',
    'id="site-Main-Content"',
    'class="Page-Content"',
    'class="main-wrap"',
    'role="main"',
    "",
)


def _container_pages() -> list[lxml_html.HtmlElement]:
    pages = []
    for tag in ("div", "section", "main", "article", "p"):
        for name in CONTAINER_NAMES:
            for other in ('class="post"', 'id="content"', 'class="main"'):
                tree = trafilatura.load_html(
                    f"<html><body><div class='wrapper'><p {name}>Lead</p>"
                    f"<div><{tag} {name}><div {other}><p>{_PROSE}</p></div></{tag}></div>"
                    f"<div {other}><p>{_PROSE}</p></div><main><p>{_PROSE}</p></main>"
                    f"</div></body></html>"
                )
                assert tree is not None
                pages.append(tree)
    return pages


def _first(found: list[lxml_html.HtmlElement]) -> list[lxml_html.HtmlElement]:
    """What trafilatura reads of what a BODY_XPATH expression gives: its first element."""
    return [element for element in found if element is not None][:1]


def test_the_body_finders_find_what_trafilaturas_body_xpaths_find() -> None:
    xpaths = main_extractor.BODY_XPATH  # outside a run, trafilatura's own
    assert len(xpaths) == len(BODY_FINDERS)
    found = [0] * len(BODY_FINDERS)
    for tree in _container_pages():
        for at, (xpath, finder) in enumerate(zip(xpaths, BODY_FINDERS, strict=True)):
            expected = _first(xpath(tree))
            assert _first(finder(tree)) == expected
            found[at] += bool(expected)
    assert all(found)  # every expression finds something on some page
    # and no container at all is found on a page without one
    bare = trafilatura.load_html(f"<html><body><div><p>{_PROSE}</p></div></body></html>")
    assert bare is not None
    assert [finder(bare) for finder in BODY_FINDERS] == [[]] * len(BODY_FINDERS)
