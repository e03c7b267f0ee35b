"""Dates from feeds and pages, always timezone-aware UTC (naive values are taken as UTC)."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from feedparser.datetimes import _parse_date as feedparser_date

# Anything outside this range is a typo or a placeholder ("0001-01-01"), not a publication date.
_EARLIEST = datetime(1990, 1, 1, tzinfo=UTC)
_LATEST = datetime(2200, 1, 1, tzinfo=UTC)


def _plausible(moment: datetime) -> datetime | None:
    moment = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
    return moment if _EARLIEST <= moment < _LATEST else None


def from_struct(value: time.struct_time | None) -> datetime | None:
    """feedparser's ``*_parsed`` values are UTC struct_times."""
    if value is None:
        return None
    try:
        return _plausible(datetime(*value[:6], tzinfo=UTC))
    except (TypeError, ValueError, OverflowError):
        return None


def parse_datetime(value: str | None) -> datetime | None:
    """ISO 8601 / RFC 3339, RFC 822 and the many variants feedparser knows; None when unreadable."""
    if not value or not isinstance(value, str):
        return None
    text = value.strip()
    try:
        return _plausible(
            datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
        )
    except ValueError:
        pass
    try:
        return _plausible(parsedate_to_datetime(text))
    except (TypeError, ValueError, IndexError):
        pass
    return from_struct(feedparser_date(text))
