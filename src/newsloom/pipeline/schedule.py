"""When to check a source next: the feed's own hints, bounded by settings, with backoff on failure."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime

from newsloom.records import FetchResult, ParsedFeed, Source
from newsloom.settings import Settings

_MAX_AGE = re.compile(r"max-age\s*=\s*(\d+)")


def next_check_after(
    settings: Settings,
    source: Source,
    parsed: ParsedFeed | None,
    result: FetchResult | None,
    now: datetime,
    *,
    failed: bool,
) -> datetime:
    """The next time to poll ``source``.

    Failures back off exponentially from the minimum interval (2^errors, capped at the maximum) so a
    dead feed costs little; a ``Retry-After`` the server sent wins if it is later. Healthy feeds are
    polled at the refresh interval, or at the pace they post when their entries show one (see
    ``posting_interval_minutes``), stretched by the feed's TTL or Cache-Control max-age.
    """
    low, high = settings.min_check_minutes, settings.max_check_minutes
    if failed:
        minutes = min(high, low * 2 ** min(source.error_count + 1, 20))
    else:
        minutes = settings.refresh_interval_minutes
        observed = posting_interval_minutes(parsed, now)
        if observed is not None:
            minutes = observed
        if parsed is not None and parsed.ttl_minutes:
            minutes = max(minutes, float(parsed.ttl_minutes))
        max_age = _cache_max_age_minutes(result)
        if max_age is not None:
            minutes = max(minutes, max_age)
    retry_after = _retry_after_minutes(result, now)
    if retry_after is not None:
        minutes = max(minutes, retry_after)
    minutes = min(max(minutes, low), high)
    return now + timedelta(minutes=minutes)


# Entry dates older than this say nothing about how often a source posts now.
RATE_WINDOW = timedelta(days=14)
# Dated entries needed before the posting pace is trusted over the refresh interval.
MIN_DATED_ENTRIES = 3


def posting_interval_minutes(parsed: ParsedFeed | None, now: datetime) -> float | None:
    """Half the source's mean gap between posts over the last two weeks, or None when unknown.

    Polling at half the gap catches most new posts within one check while a quiet feed is asked
    rarely. The silence since the last post counts as a gap too, so a feed that stopped posting
    slows down; a feed that lists only old entries is taken to post once per window.
    """
    if parsed is None:
        return None
    dated = {e.published or e.updated for e in parsed.entries} - {None}
    if len(dated) < MIN_DATED_ENTRIES:
        return None
    recent = sorted(d for d in dated if d is not None and now - RATE_WINDOW <= d <= now)
    if not recent:
        return RATE_WINDOW.total_seconds() / 60 / 2
    mean_gap = (now - recent[0]).total_seconds() / 60 / len(recent)
    return mean_gap / 2


def _cache_max_age_minutes(result: FetchResult | None) -> float | None:
    if result is None:
        return None
    match = _MAX_AGE.search(result.headers.get("cache-control", ""))
    return int(match.group(1)) / 60 if match else None


def _retry_after_minutes(result: FetchResult | None, now: datetime) -> float | None:
    if result is None or result.status not in (429, 503):
        return None
    value = result.headers.get("retry-after", "").strip()
    if not value:
        return None
    if value.isdigit():
        return int(value) / 60
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        return None
    return max(0.0, (when - now).total_seconds() / 60)
