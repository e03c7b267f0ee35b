"""JSON Feed 1.1: required keys and types, RFC 3339 dates, inert markup, newsloom reads it back."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from newsloom.ingest.parse import parse_feed
from newsloom.publish import (
    JSONFEED_CONTENT_TYPE,
    FeedChannel,
    FeedItem,
    jsonfeed_document,
    render_jsonfeed,
)

CHANNEL = FeedChannel(
    title="Loom",
    link="https://news.example.org/",
    description="Stories.",
    self_url="https://news.example.org/feeds/top.json",
)
WHEN = datetime(2026, 6, 3, 18, 30, tzinfo=UTC)


def _item(n: int, **extra: object) -> FeedItem:
    return FeedItem(
        title=f"Story {n}",
        link=f"https://news.example.org/world/story-{n}",
        published=WHEN - timedelta(hours=n),
        guid=f"https://news.example.org/story/{n}",
        **extra,  # type: ignore[arg-type]
    )


def test_required_keys_and_types() -> None:
    document = jsonfeed_document(CHANNEL, [_item(1, description="• One.", updated=WHEN), _item(2)])
    assert document["version"] == "https://jsonfeed.org/version/1.1"
    assert document["title"] == "Loom"
    assert document["feed_url"] == CHANNEL.self_url
    first, second = document["items"]
    assert first["id"] == "https://news.example.org/story/1" and isinstance(first["id"], str)
    assert first["url"] == "https://news.example.org/world/story-1"
    assert first["content_text"] == "• One." and first["summary"] == "• One."
    assert first["date_published"] == "2026-06-03T17:30:00Z"
    assert first["date_modified"] == "2026-06-03T18:30:00Z"
    assert second["content_text"] == "Story 2"  # content is required: the title stands in
    assert "date_modified" not in second and "summary" not in second
    assert JSONFEED_CONTENT_TYPE == "application/feed+json; charset=utf-8"


def test_markup_is_data_and_the_body_has_no_raw_angle_brackets() -> None:
    hostile = "<script>alert(1)</script> & more"
    body = render_jsonfeed(CHANNEL, [_item(1, description=hostile, content_html="<p>x</p>")])
    assert b"<" not in body and b">" not in body and b"&" not in body
    document = json.loads(body)
    assert document["items"][0]["summary"] == hostile
    assert document["items"][0]["content_html"] == "<p>x</p>"


def test_newsloom_reads_its_own_feed() -> None:
    body = render_jsonfeed(CHANNEL, [_item(1, language="fr", categories=("World",))])
    parsed = parse_feed(body, CHANNEL.self_url)
    assert parsed.format == "json" and not parsed.warnings
    assert parsed.entries[0].url == "https://news.example.org/world/story-1"
    assert parsed.entries[0].published == WHEN - timedelta(hours=1)
