"""The Google Reader protocol's item ids, stream ids and timestamps."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from newsloom.accounts.greader_ids import (
    BadId,
    Stream,
    long_item_id,
    parse_item_id,
    parse_stream,
    parse_time,
)


def test_item_ids_in_both_forms() -> None:
    assert long_item_id(171) == "tag:google.com,2005:reader/item/00000000000000ab"
    assert parse_item_id("tag:google.com,2005:reader/item/00000000000000ab") == 171
    assert parse_item_id("171") == 171
    assert parse_item_id(long_item_id(2**62)) == 2**62


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "0",
        "-1",
        "abc",
        "tag:google.com,2005:reader/item/",
        "tag:google.com,2005:reader/item/xyz",
        "tag:google.com,2005:reader/item/ffffffffffffffff",
        "1" * 25,
    ],
)
def test_bad_item_ids(bad: str) -> None:
    with pytest.raises(BadId):
        parse_item_id(bad)


def test_streams() -> None:
    assert parse_stream("user/-/state/com.google/reading-list") == Stream("reading-list")
    assert parse_stream("user/12/state/com.google/starred") == Stream("starred")
    assert parse_stream("feed/7") == Stream("feed", "7")
    assert parse_stream("user/-/label/Outlets") == Stream("label", "Outlets")
    for bad in ("", "user/-/state/com.google/like", "user/-/label/", "nonsense"):
        with pytest.raises(BadId):
            parse_stream(bad)


def test_times_in_seconds_milliseconds_or_microseconds() -> None:
    moment = datetime(2026, 6, 3, 18, 0, tzinfo=UTC)
    seconds = int(moment.timestamp())
    for raw in (seconds, seconds * 1000, seconds * 1_000_000):
        assert parse_time(str(raw)) == moment
    for bad in ("-5", "soon", "9" * 30):
        with pytest.raises(BadId):
            parse_time(bad)
