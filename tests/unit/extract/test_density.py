"""``density.link_density_test`` answers as trafilatura's own test does, element by element."""

from __future__ import annotations

import pytest
import trafilatura
from lxml import html as lxml_html
from trafilatura import htmlprocessing
from trafilatura.htmlprocessing import collect_link_info, convert_tags, tree_cleaning
from trafilatura.settings import Extractor

from newsloom.extract import sequence
from newsloom.extract.density import _link_info, _text, link_density_test

_PROSE = (
    "The ferry between the two villages resumed service on Monday after the winter storms had "
    "damaged the landing stage, and the first crossing carried forty passengers."
)
_LINKS = "".join(f'<a href="/story/{n}">Story number {n} of the week</a> ' for n in range(8))
_CARDS = "".join(
    f'<p><a href="/card/{n}">{_PROSE[: 60 + n]}</a></p>' for n in range(6)
)  # a listing: each link alone in its paragraph
# A news page with what the link-density test is for, and what it must keep: a "latest news"
# sidebar of links (short and long), a menu list, a teaser paragraph that is one long link, a
# list item whose paragraph is its links, a heading linking off the page, a pull quote with a
# link, an image container of links, prose with an inline link, a listing of cards, nested
# wrappers, a link without text, links whose label holds markup: an icon's empty span (stripped),
# a line break (kept as a child: such a link's text is read from its children too).
NEWS_PAGE_WITH_LINK_FARMS = f"""<html><head><title>Ferry</title></head><body>
<div class="wrap"><div class="main">
<h2><a href="/ferry">Ferry resumes service</a></h2>
<p>{_PROSE} <a href="/timetable">See the timetable</a> for the crossings.</p>
<p><a href="/more">Read the whole story of the ferry and its landing stage, repaired at last</a></p>
<p><a href="/short">Short teaser</a></p>
<blockquote><a href="/quote">"We missed it"</a>, said a passenger.</blockquote>
<div class="farm"><div>{_LINKS}</div><div><p>{_LINKS}</p></div></div>
<ul class="menu"><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul>
<ul class="icons"><li><a href="/live"><span class="icon"></span>Live</a></li>
<li><a href="/sport">Sport<br>results</a></li><li><a href="/w">Weather<br>map</a></li></ul>
<ul class="stories"><li><p><a href="/a">One</a> <a href="/b">Two</a></p></li></ul>
<div class="gallery"><a href="/photo"><img src="/ferry.jpg"></a> <a href="/p2">Photos</a></div>
<div class="cards">{_CARDS}</div>
<p>{_PROSE}</p>
<div><div><div><a href="/x">x</a> <a href="/y">y</a> <a href="/z"></a></div></div></div>
<p>{_PROSE.replace("Monday", "Tuesday")}</p>
</div></div>
<div class="latest">{_LINKS}{_LINKS} and a few words of text around the links here</div>
<div class="wide">{_PROSE} {_PROSE} {_PROSE} {_LINKS}</div>
</body></html>"""


def _converted() -> lxml_html.HtmlElement:
    """The page as trafilatura's extraction reads it: cleaned, its tags converted (``ref``,
    ``list``, ``item``, ``head``, ``quote``, ``graphic``)."""
    options = Extractor(output_format="python", fast=True, comments=False, tables=True)
    tree = trafilatura.load_html(NEWS_PAGE_WITH_LINK_FARMS)
    assert tree is not None
    return convert_tags(tree_cleaning(tree, options), options)


@pytest.mark.parametrize("favor_precision", [False, True])
def test_answers_as_trafilaturas_test_on_every_element(favor_precision: bool) -> None:
    answers = []
    for element in _converted().iter("div", "list", "p", "head", "quote", "item"):
        theirs = htmlprocessing.link_density_test(element, favor_precision)
        assert link_density_test(element, favor_precision) == theirs
        answers.append(theirs)
    # The fixture holds elements of each kind of answer.
    assert {(True, False), (False, False), (True, True), (False, True)} <= set(answers)


def test_reads_each_text_as_text_content_does() -> None:
    converted = _converted()
    childless = [element for element in converted.iter("ref") if not len(element)]
    assert childless and len(childless) < len(list(converted.iter("ref")))
    for element in converted.iter():
        assert _text(element) == element.text_content()
        links = list(element.iterdescendants("ref"))
        assert _link_info(links) == collect_link_info(links)[:3]


def test_runs_use_it_and_put_trafilaturas_back() -> None:
    with sequence._finders():
        assert htmlprocessing.link_density_test is link_density_test
    assert htmlprocessing.link_density_test is not link_density_test
