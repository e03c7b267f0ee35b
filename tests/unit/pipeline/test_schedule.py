import itertools
from datetime import UTC, datetime, timedelta

from newsloom.pipeline.schedule import next_check_after
from newsloom.records import FetchResult, ParsedFeed, Source
from newsloom.settings import Settings

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
SETTINGS = Settings(refresh_interval_minutes=15, min_check_minutes=5, max_check_minutes=240)
SOURCE = Source(url="https://example.org/feed.xml", id=1)


def _result(status: int = 200, **headers: str) -> FetchResult:
    return FetchResult(
        url=SOURCE.url, final_url=SOURCE.url, status=status, fetched_at=NOW, headers=headers
    )


def test_healthy_feed_uses_refresh_interval() -> None:
    when = next_check_after(SETTINGS, SOURCE, ParsedFeed("rss"), _result(), NOW, failed=False)
    assert when == NOW + timedelta(minutes=15)


def test_ttl_and_cache_control_stretch_the_interval_within_bounds() -> None:
    parsed = ParsedFeed("rss", ttl_minutes=60)
    assert next_check_after(
        SETTINGS, SOURCE, parsed, _result(), NOW, failed=False
    ) == NOW + timedelta(minutes=60)
    cached = _result(**{"cache-control": "public, max-age=360000"})
    assert next_check_after(SETTINGS, SOURCE, None, cached, NOW, failed=False) == NOW + timedelta(
        minutes=240
    )


def test_failures_back_off_exponentially_up_to_the_maximum() -> None:
    delays = [
        next_check_after(
            SETTINGS, Source(url=SOURCE.url, id=1, error_count=n), None, None, NOW, failed=True
        )
        - NOW
        for n in range(8)
    ]
    assert delays[0] == timedelta(minutes=10)
    assert delays[1] == timedelta(minutes=20)
    assert all(a <= b for a, b in itertools.pairwise(delays))
    assert delays[-1] == timedelta(minutes=240)


def test_retry_after_is_honoured_in_seconds_and_as_a_date() -> None:
    seconds = _result(503, **{"retry-after": "3600"})
    assert next_check_after(SETTINGS, SOURCE, None, seconds, NOW, failed=True) == NOW + timedelta(
        minutes=60
    )
    date = _result(429, **{"retry-after": "Sun, 01 Mar 2026 14:00:00 GMT"})
    assert next_check_after(SETTINGS, SOURCE, None, date, NOW, failed=True) == NOW + timedelta(
        hours=2
    )
