"""Outgoing feeds: RSS 2.0, Atom 1.0 and JSON Feed 1.1 for top stories, categories and a search.

Each document is checked against its specification's requirements (required elements and keys,
date formats, unique ids, absolute URLs) and parsed by feedparser without a bozo flag.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import pytest
from fastapi.testclient import TestClient

import newsloom.store as db
from newsloom.ingest.parse import parse_feed
from newsloom.records import Article, Source
from newsloom.settings import Settings
from newsloom.store import Store
from newsloom.web import create_app
from tests.unit.web.conftest import HOSTILE_HEADLINE, LIVE_STORIES, SPORTS_STORIES, Newsroom

ATOM = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")
FEEDS = ("top", "science", "sports")


def _absolute(url: str | None) -> bool:
    parts = urlsplit(url or "")
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def _get(newsroom: Newsroom, path: str) -> bytes:
    response = newsroom.client.get(path)
    assert response.status_code == 200, path
    return response.content


def assert_valid_rss(body: bytes) -> ET.Element:
    root = ET.fromstring(body)
    assert root.tag == "rss" and root.get("version") == "2.0"
    channel = root.find("channel")
    assert channel is not None
    for tag in ("title", "link", "description"):
        assert channel.findtext(tag), tag
    assert _absolute(channel.findtext("link"))
    guids = []
    for item in channel.findall("item"):
        assert item.findtext("title") or item.findtext("description")
        assert _absolute(item.findtext("link"))
        guids.append(item.findtext("guid"))
        assert parsedate_to_datetime(item.findtext("pubDate") or "").tzinfo is not None
    assert len(guids) == len(set(guids)) and all(_absolute(g) for g in guids)
    assert feedparser.parse(body).bozo == 0
    return root


def assert_valid_atom(body: bytes) -> ET.Element:
    root = ET.fromstring(body)
    assert root.tag == f"{ATOM}feed"
    for tag in ("id", "title", "updated"):
        assert root.findtext(f"{ATOM}{tag}"), tag
    assert RFC3339.match(root.findtext(f"{ATOM}updated") or "")
    links = {link.get("rel"): link.get("href") for link in root.findall(f"{ATOM}link")}
    assert _absolute(links["self"]) and _absolute(links["alternate"])
    feed_author = root.find(f"{ATOM}author/{ATOM}name") is not None
    ids = []
    for entry in root.findall(f"{ATOM}entry"):
        for tag in ("id", "title", "updated"):
            assert entry.findtext(f"{ATOM}{tag}"), tag
        assert RFC3339.match(entry.findtext(f"{ATOM}updated") or "")
        assert RFC3339.match(entry.findtext(f"{ATOM}published") or "")
        assert feed_author or entry.find(f"{ATOM}author") is not None
        alternate = entry.find(f"{ATOM}link[@rel='alternate']")
        assert alternate is not None and _absolute(alternate.get("href"))
        ids.append(entry.findtext(f"{ATOM}id"))
    assert len(ids) == len(set(ids)) and all(_absolute(i) for i in ids)
    parsed = feedparser.parse(body)
    assert parsed.bozo == 0 and parsed.version == "atom10"
    return root


def assert_valid_jsonfeed(body: bytes) -> dict:
    document = json.loads(body)
    assert document["version"] == "https://jsonfeed.org/version/1.1"
    assert isinstance(document["title"], str) and document["title"]
    assert _absolute(document["home_page_url"]) and _absolute(document["feed_url"])
    assert isinstance(document["items"], list)
    ids = []
    for item in document["items"]:
        assert isinstance(item["id"], str) and item["id"]
        assert _absolute(item["url"])
        assert isinstance(item.get("content_html", item.get("content_text")), str)
        assert RFC3339.match(item["date_published"])
        if "date_modified" in item:
            assert RFC3339.match(item["date_modified"])
        assert all(isinstance(t, str) for t in item.get("tags", []))
        ids.append(item["id"])
    assert len(ids) == len(set(ids))
    # feedparser 6.0 reads no JSON Feed; newsloom's own reader does, without a warning.
    parsed = parse_feed(body, document["feed_url"])
    assert parsed.format == "json" and not parsed.warnings
    assert [e.url for e in parsed.entries] == [i["url"] for i in document["items"]]
    return document


@pytest.mark.parametrize("name", FEEDS)
def test_every_feed_is_valid_in_every_format(newsroom: Newsroom, name: str) -> None:
    assert_valid_rss(_get(newsroom, f"/feeds/{name}.xml"))
    assert_valid_atom(_get(newsroom, f"/feeds/{name}.atom"))
    assert_valid_jsonfeed(_get(newsroom, f"/feeds/{name}.json"))


def test_content_types(newsroom: Newsroom) -> None:
    for ext, media_type in (
        ("xml", "application/rss+xml; charset=utf-8"),
        ("atom", "application/atom+xml; charset=utf-8"),
        ("json", "application/feed+json; charset=utf-8"),
    ):
        assert newsroom.client.get(f"/feeds/top.{ext}").headers["content-type"] == media_type


def test_top_rss_items_link_story_pages_with_summary(newsroom: Newsroom) -> None:
    feed = feedparser.parse(_get(newsroom, "/feeds/top.xml"))
    assert feed.feed.title == "Loom: top stories"
    assert len(feed.entries) == LIVE_STORIES
    top = feed.entries[0]
    link = f"https://news.example.org/science/moon-race-heats-up-{newsroom.moon}"
    assert top.title == "Moon race heats up"
    assert top.link == link
    assert top.id == f"https://news.example.org/story/{newsroom.moon}"  # survives a new headline
    assert top.summary.splitlines() == [
        "• Two alliances plan lunar bases.",
        "• A joint research station is planned.",
        "• Geopolitics drives the race.",
    ]
    assert "<li>Geopolitics drives the race.</li>" in top.content[0].value
    assert top.published == "Wed, 03 Jun 2026 12:00:00 GMT"
    assert parsedate_to_datetime(feed.feed.updated).hour == 17  # newest story update
    titles = [e.title for e in feed.entries]
    assert titles[:3] == ["Moon race heats up", HOSTILE_HEADLINE, "Moon race gains a third partner"]


def test_category_feed_holds_only_its_category(newsroom: Newsroom) -> None:
    atom = feedparser.parse(_get(newsroom, "/feeds/sports.atom"))
    assert len(atom.entries) == SPORTS_STORIES
    assert {e.tags[0].term for e in atom.entries} == {"Sports"}
    assert atom.feed.title == "Loom: Sports"
    document = json.loads(_get(newsroom, "/feeds/science.json"))
    assert [i["title"] for i in document["items"]] == [
        "Moon race heats up",
        "Moon race gains a third partner",
    ]
    assert document["home_page_url"] == "https://news.example.org/science"
    assert document["feed_url"] == "https://news.example.org/feeds/science.json"


def test_summary_markup_is_escaped_in_every_format(newsroom: Newsroom) -> None:
    rss = _get(newsroom, "/feeds/climate.xml")
    assert b"<i onerror" not in rss and b"<script>" not in rss
    atom = feedparser.parse(_get(newsroom, "/feeds/climate.atom"))
    entry = atom.entries[0]
    assert entry.title == HOSTILE_HEADLINE  # text, shown as text
    assert "&lt;i onerror=x&gt;" in entry.content[0].value  # HTML that shows the markup as text
    assert "<i " not in entry.content[0].value
    document = json.loads(_get(newsroom, "/feeds/climate.json"))
    assert "&lt;i onerror=x&gt;" in document["items"][0]["content_html"]
    assert b"<" not in _get(newsroom, "/feeds/climate.json")  # inert even if sniffed as HTML


def test_search_feed(newsroom: Newsroom) -> None:
    body = _get(newsroom, "/feeds/search.atom?q=moon")
    root = assert_valid_atom(body)
    titles = [e.findtext(f"{ATOM}title") for e in root.findall(f"{ATOM}entry")]
    assert "Moon race heats up" in titles and not any("Match" in t for t in titles if t)
    links = {link.get("rel"): link.get("href") for link in root.findall(f"{ATOM}link")}
    assert links["self"] == "https://news.example.org/feeds/search.atom?q=moon"
    assert_valid_rss(_get(newsroom, "/feeds/search.xml?q=moon"))
    assert_valid_jsonfeed(_get(newsroom, "/feeds/search.json?q=moon"))
    assert newsroom.client.get("/feeds/search.xml").status_code == 422


def test_unknown_feeds_are_404(newsroom: Newsroom) -> None:
    for path in ("/feeds/astrology.xml", "/feeds/top.rdf", "/feeds/top"):
        response = newsroom.client.get(path)
        assert response.status_code == 404, path
        assert response.headers["content-type"] == "application/json"


def test_feeds_answer_304_to_a_matching_etag(newsroom: Newsroom) -> None:
    first = newsroom.client.get("/feeds/top.atom")
    etag = first.headers["etag"]
    again = newsroom.client.get("/feeds/top.atom", headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert first.headers["last-modified"] == "Wed, 03 Jun 2026 17:00:00 GMT"


def test_top_feed_holds_at_most_fifty_items(tmp_path: Path) -> None:
    # Built separately: the shared newsroom has fewer than 50 stories.
    settings = Settings(data_dir=tmp_path)
    store = Store.open(settings)
    when = datetime(2026, 1, 1, tzinfo=UTC)
    with store.write() as conn:
        source = db.add_source(conn, Source(url="https://many.example/rss", title="Many"))
        assert source.id is not None
        for n in range(55):
            url = f"https://many.example/{n}"
            article = db.insert_article(
                conn, Article(source.id, url, url, f"Item {n}", "text", when, when)
            )
            assert article.id is not None
            story = db.create_story(conn, first_seen=when, category="world", headline=f"Item {n}")
            db.add_to_story(conn, story, article.id, similarity=1.0, reasons="", added=when)
    try:
        client = TestClient(create_app(settings, store))
        for ext in ("xml", "atom"):
            feed = feedparser.parse(client.get(f"/feeds/top.{ext}").content)
            assert feed.bozo == 0 and len(feed.entries) == 50
            assert feed.entries[0].summary == "Item 54"  # no summary yet: the headline stands in
        document = assert_valid_jsonfeed(client.get("/feeds/top.json").content)
        assert len(document["items"]) == 50 and document["items"][0]["summary"] == "Item 54"
    finally:
        store.close()
