"""RSS 2.0 rendering: valid per feedparser, escaped by the XML library, RFC 822 dates."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta, timezone

import feedparser

from newsloom.publish import RSS_CONTENT_TYPE, FeedChannel, FeedItem, render_rss, rfc822

CHANNEL = FeedChannel(
    title="Loom & friends <top>",
    link="https://news.example.org/",
    description="Stories from many outlets.",
    self_url="https://news.example.org/feeds/top.xml",
)
WHEN = datetime(2026, 6, 3, 18, 30, tzinfo=UTC)


def _item(title: str, n: int = 1, **extra: object) -> FeedItem:
    return FeedItem(
        title=title,
        link=f"https://news.example.org/world/story-{n}",
        published=WHEN - timedelta(hours=n),
        **extra,  # type: ignore[arg-type]
    )


def test_document_parses_cleanly_and_keeps_order() -> None:
    items = [_item("First", 1, description="• One.\n• Two."), _item("Second", 2)]
    body = render_rss(CHANNEL, items)
    assert body.startswith(b"<?xml version='1.0' encoding='utf-8'?>")
    feed = feedparser.parse(body)
    assert feed.bozo == 0 and feed.version == "rss20"
    assert feed.feed.title == "Loom & friends <top>"
    assert [e.title for e in feed.entries] == ["First", "Second"]
    assert feed.entries[0].id == "https://news.example.org/world/story-1"
    assert feed.entries[0].summary == "• One.\n• Two."
    assert "description" not in feed.entries[1]
    assert RSS_CONTENT_TYPE == "application/rss+xml; charset=utf-8"


def test_required_channel_and_item_elements_per_spec() -> None:
    root = ET.fromstring(render_rss(CHANNEL, [_item("Only", categories=("World",))]))
    assert root.tag == "rss" and root.get("version") == "2.0"
    channel = root.find("channel")
    assert channel is not None
    for tag in ("title", "link", "description", "lastBuildDate"):
        assert channel.findtext(tag), tag
    self_link = channel.find("{http://www.w3.org/2005/Atom}link")
    assert self_link is not None and self_link.get("rel") == "self"
    item = channel.find("item")
    assert item is not None
    guid = item.find("guid")
    assert guid is not None and guid.get("isPermaLink") == "true"
    assert item.findtext("category") == "World"
    assert item.findtext("pubDate") == "Wed, 03 Jun 2026 17:30:00 GMT"


def test_hostile_markup_is_escaped_text() -> None:
    hostile = '<script>alert("x")</script> & <img src=x onerror=alert(1)>'
    body = render_rss(CHANNEL, [_item(hostile, description=hostile)])
    assert b"<script>" not in body and b"<img" not in body
    feed = feedparser.parse(body)
    assert feed.bozo == 0
    root = ET.fromstring(body)
    assert root.findtext("channel/item/title") == hostile


def test_characters_xml_forbids_are_dropped() -> None:
    body = render_rss(CHANNEL, [_item("Bell\x07 and null\x00 and vt\x0b", description="ok\x1f")])
    root = ET.fromstring(body)  # would raise on a raw control character
    assert root.findtext("channel/item/title") == "Bell and null and vt"
    assert feedparser.parse(body).bozo == 0


def test_rfc822_converts_to_gmt() -> None:
    plus_two = timezone(timedelta(hours=2))
    assert rfc822(datetime(2026, 1, 2, 3, 4, 5, tzinfo=plus_two)) == "Fri, 02 Jan 2026 01:04:05 GMT"
    assert rfc822(datetime(2026, 1, 2, 3, 4, 5)) == "Fri, 02 Jan 2026 03:04:05 GMT"  # naive = UTC


def test_empty_feed_is_still_valid() -> None:
    body = render_rss(CHANNEL, [])
    feed = feedparser.parse(body)
    assert feed.bozo == 0 and feed.entries == []
    assert ET.fromstring(body).find("channel/lastBuildDate") is None
