"""Atom 1.0 rendering (RFC 4287): required elements, RFC 3339 dates, escaping, empty feeds."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta, timezone

import feedparser

from newsloom.publish import ATOM_CONTENT_TYPE, FeedChannel, FeedItem, render_atom, rfc3339

A = "{http://www.w3.org/2005/Atom}"
CHANNEL = FeedChannel(
    title="Loom & friends <top>",
    link="https://news.example.org/",
    description="Stories from many outlets.",
    self_url="https://news.example.org/feeds/top.atom",
)
WHEN = datetime(2026, 6, 3, 18, 30, tzinfo=UTC)


def _item(title: str, n: int = 1, **extra: object) -> FeedItem:
    return FeedItem(
        title=title,
        link=f"https://news.example.org/world/story-{n}",
        published=WHEN - timedelta(hours=n),
        guid=f"https://news.example.org/story/{n}",
        **extra,  # type: ignore[arg-type]
    )


def test_feed_and_entries_have_the_required_elements() -> None:
    body = render_atom(CHANNEL, [_item("One", 1, updated=WHEN), _item("Two", 2)])
    root = ET.fromstring(body)
    assert root.tag == f"{A}feed"
    assert root.findtext(f"{A}id") == CHANNEL.self_url
    assert root.findtext(f"{A}title") == "Loom & friends <top>"
    assert root.findtext(f"{A}updated") == "2026-06-03T18:30:00Z"  # the newest entry
    assert root.findtext(f"{A}author/{A}name")
    entries = root.findall(f"{A}entry")
    assert [e.findtext(f"{A}id") for e in entries] == [
        "https://news.example.org/story/1",
        "https://news.example.org/story/2",
    ]
    assert entries[1].findtext(f"{A}updated") == entries[1].findtext(f"{A}published")
    feed = feedparser.parse(body)
    assert feed.bozo == 0 and feed.version == "atom10"
    assert feed.entries[0].link == "https://news.example.org/world/story-1"
    assert ATOM_CONTENT_TYPE == "application/atom+xml; charset=utf-8"


def test_summary_is_text_and_content_is_escaped_html() -> None:
    hostile = '<script>alert("x")</script> & <img src=x onerror=alert(1)>'
    body = render_atom(
        CHANNEL,
        [_item(hostile, description=hostile, content_html="<ul><li>a &lt;b&gt;</li></ul>")],
    )
    assert b"<script>" not in body and b"<img" not in body
    entry = feedparser.parse(body).entries[0]
    assert entry.title == hostile
    assert entry.summary_detail.type == "text/plain" and entry.summary == hostile
    assert entry.content[0].type == "text/html"
    assert entry.content[0].value == "<ul><li>a &lt;b&gt;</li></ul>"


def test_languages_and_categories() -> None:
    root = ET.fromstring(render_atom(CHANNEL, [_item("Un", language="fr", categories=("World",))]))
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    assert root.get(lang) == "en"
    entry = root.find(f"{A}entry")
    assert entry is not None and entry.get(lang) == "fr"
    assert entry.find(f"{A}category").get("term") == "World"  # type: ignore[union-attr]


def test_characters_xml_forbids_are_dropped() -> None:
    body = render_atom(CHANNEL, [_item("Bell\x07 and null\x00", description="ok\x1f")])
    assert ET.fromstring(body).findtext(f"{A}entry/{A}title") == "Bell and null"
    assert feedparser.parse(body).bozo == 0


def test_rfc3339_is_utc_with_z() -> None:
    plus_two = timezone(timedelta(hours=2))
    assert rfc3339(datetime(2026, 1, 2, 3, 4, 5, tzinfo=plus_two)) == "2026-01-02T01:04:05Z"
    assert rfc3339(datetime(2026, 1, 2, 3, 4, 5, 999)) == "2026-01-02T03:04:05Z"  # naive = UTC


def test_empty_feed_is_still_valid() -> None:
    body = render_atom(CHANNEL, [])
    root = ET.fromstring(body)
    assert root.findtext(f"{A}updated")  # required even without entries
    assert feedparser.parse(body).bozo == 0
