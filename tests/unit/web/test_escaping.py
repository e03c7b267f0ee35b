"""Hostile text from feeds (titles, outlet names, links) comes out as inert text everywhere."""

from __future__ import annotations

import feedparser
from lxml import html

from tests.unit.web.conftest import HOSTILE_HEADLINE, HOSTILE_OUTLET, Newsroom


def _assert_inert(body: str) -> None:
    assert "<script>" not in body
    assert "<img src=x" not in body
    assert "<b onmouseover" not in body
    assert "javascript:" not in body


def test_hostile_headline_is_escaped_on_every_page(newsroom: Newsroom) -> None:
    for path in ("/", "/climate", f"/story/{newsroom.dam}", "/no-such-page"):
        response = newsroom.client.get(path, follow_redirects=True)
        _assert_inert(response.text)
    story = newsroom.client.get(f"/story/{newsroom.dam}", follow_redirects=True)
    page = html.fromstring(story.text)
    assert page.cssselect("h1")[0].text_content() == HOSTILE_HEADLINE  # shown, as text
    assert not page.cssselect("script, img, [onerror], [onmouseover]")
    og = {m.get("property"): m.get("content") for m in page.cssselect("meta[property]")}
    assert og["og:title"] == HOSTILE_HEADLINE


def test_hostile_outlet_and_title_in_sources_are_escaped(newsroom: Newsroom) -> None:
    response = newsroom.client.get(f"/story/{newsroom.moon}", follow_redirects=True)
    _assert_inert(response.text)
    page = html.fromstring(response.text)
    assert page.cssselect("#source-3 .outlet")[0].text_content() == HOSTILE_OUTLET
    assert not page.cssselect("#source-3 b")


def test_javascript_article_url_is_not_linked(newsroom: Newsroom) -> None:
    response = newsroom.client.get(f"/story/{newsroom.dam}", follow_redirects=True)
    page = html.fromstring(response.text)
    source = page.cssselect("#source-1")[0]
    assert not source.cssselect("a")
    assert HOSTILE_HEADLINE in source.text_content()


def test_hostile_headline_survives_the_feed_and_api_as_text(newsroom: Newsroom) -> None:
    feed = feedparser.parse(newsroom.client.get("/feeds/top.xml").content)
    assert feed.bozo == 0
    raw = newsroom.client.get("/feeds/top.xml").text
    assert "<script>" not in raw and "&lt;script&gt;" in raw
    api = newsroom.client.get(f"/api/stories/{newsroom.dam}").json()
    assert api["headline"] == HOSTILE_HEADLINE  # JSON carries data; escaping is the reader's job


def test_pages_forbid_scripts_by_policy(newsroom: Newsroom) -> None:
    response = newsroom.client.get("/")
    policy = response.headers["content-security-policy"]
    assert "script-src 'none'" in policy
    assert response.headers["x-content-type-options"] == "nosniff"
