"""/feeds/top.xml: valid RSS 2.0 of the top stories with absolute story links."""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path

import feedparser
from fastapi.testclient import TestClient

import newsloom.store as db
from newsloom.records import Article, Source
from newsloom.settings import Settings
from newsloom.store import Store
from newsloom.web import create_app
from tests.unit.web.conftest import SPORTS_STORIES, Newsroom


def test_top_feed_is_valid_rss_with_story_items(newsroom: Newsroom) -> None:
    response = newsroom.client.get("/feeds/top.xml")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/rss+xml; charset=utf-8"
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0
    assert feed.version == "rss20"
    assert feed.feed.title == "Loom: top stories"
    assert len(feed.entries) == SPORTS_STORIES + 3
    top = feed.entries[0]
    link = f"https://news.example.org/science/moon-race-heats-up-{newsroom.moon}"
    assert top.title == "Moon race heats up"
    assert top.link == link and top.id == link
    assert top.summary.splitlines() == [
        "• Two alliances plan lunar bases.",
        "• A joint research station is planned.",
        "• Geopolitics drives the race.",
    ]
    assert top.published == "Wed, 03 Jun 2026 12:00:00 GMT"
    assert parsedate_to_datetime(feed.feed.updated).hour == 17  # newest story update


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
        feed = feedparser.parse(
            TestClient(create_app(settings, store)).get("/feeds/top.xml").content
        )
        assert feed.bozo == 0 and len(feed.entries) == 50
        assert feed.entries[0].summary == "Item 54"  # no summary yet: the headline stands in
    finally:
        store.close()
