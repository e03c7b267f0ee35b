"""Adaptive polling: the pace a source posts at, its TTL and Cache-Control, within the bounds."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from newsloom.pipeline.schedule import next_check_after, posting_interval_minutes
from newsloom.records import FeedEntry, FetchResult, ParsedFeed, Source
from newsloom.settings import Settings

NOW = datetime(2026, 5, 4, 12, 0, tzinfo=UTC)
SETTINGS = Settings(refresh_interval_minutes=15, min_check_minutes=5, max_check_minutes=720)
SOURCE = Source(url="https://gazette.example/feed.xml", id=1)
OK = FetchResult(url=SOURCE.url, final_url=SOURCE.url, status=200, fetched_at=NOW)


def feed_posting_every(minutes: float, count: int = 10, ttl: int | None = None) -> ParsedFeed:
    entries = tuple(
        FeedEntry(
            url=f"https://gazette.example/{i}", published=NOW - timedelta(minutes=minutes * i)
        )
        for i in range(1, count + 1)
    )
    return ParsedFeed("rss", entries=entries, ttl_minutes=ttl)


def when(parsed: ParsedFeed | None, result: FetchResult = OK) -> timedelta:
    return next_check_after(SETTINGS, SOURCE, parsed, result, NOW, failed=False) - NOW


def test_busy_feed_is_polled_faster_but_never_below_the_minimum() -> None:
    assert when(feed_posting_every(20)) == timedelta(minutes=10)  # (200 min / 10 posts) / 2
    assert when(feed_posting_every(1)) == timedelta(minutes=5)


def test_quiet_feed_is_polled_rarely_up_to_the_maximum() -> None:
    assert when(feed_posting_every(120)) == timedelta(minutes=60)
    assert when(feed_posting_every(24 * 60)) == timedelta(minutes=720)


def test_feed_listing_only_old_entries_is_polled_at_the_maximum() -> None:
    stale = ParsedFeed(
        "rss",
        entries=tuple(
            FeedEntry(url=f"https://gazette.example/{i}", published=NOW - timedelta(days=400 + i))
            for i in range(5)
        ),
    )
    assert when(stale) == timedelta(minutes=720)


def test_too_few_dates_fall_back_to_the_refresh_interval() -> None:
    undated = ParsedFeed("rss", entries=(FeedEntry(url="https://gazette.example/1"),) * 5)
    assert posting_interval_minutes(undated, NOW) is None
    assert when(undated) == timedelta(minutes=15)
    assert when(feed_posting_every(30, count=2)) == timedelta(minutes=15)
    assert when(None) == timedelta(minutes=15)


def test_ttl_and_max_age_still_stretch_a_busy_feed() -> None:
    assert when(feed_posting_every(1, ttl=60)) == timedelta(minutes=60)
    cached = FetchResult(
        url=SOURCE.url,
        final_url=SOURCE.url,
        status=200,
        fetched_at=NOW,
        headers={"cache-control": "max-age=1800"},
    )
    assert when(feed_posting_every(1), cached) == timedelta(minutes=30)
