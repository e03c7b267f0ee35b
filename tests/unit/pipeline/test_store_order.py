"""The order a batch is stored in does not depend on which page finished first."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime

from newsloom.pipeline.refresh import store_order
from newsloom.records import Article, Candidate

REFRESHED = datetime(2026, 6, 3, 12, 0, tzinfo=UTC)


def _undated(source_id: int, url: str, guid: str, title: str) -> Candidate:
    # An entry without a date carries the refresh's instant, like every other undated entry.
    article = Article(
        source_id=source_id,
        url=url,
        canonical_url=url,
        title=title,
        text=f"{title}. The harbour board met on Tuesday.",
        published=REFRESHED,
        fetched_at=REFRESHED,
    )
    return Candidate(article=article, entry_url=url, guid=guid)


def test_undated_linkless_entries_of_two_outlets_are_stored_in_one_order_whatever_arrived_first() -> (
    None
):
    batch = [
        _undated(1, "", "courier-17", "Ferry timetable changes"),
        _undated(2, "", "gazette-4", "Ferry timetable changes"),
        _undated(2, "", "gazette-5", "Harbour wall repaired"),
        _undated(1, "https://courier.example/wall", "courier-18", "Harbour wall repaired"),
    ]
    orders = {tuple(c.guid for c in store_order(list(p))) for p in itertools.permutations(batch)}
    assert orders == {("courier-17", "gazette-4", "gazette-5", "courier-18")}


def test_dated_entries_are_stored_oldest_first() -> None:
    late = _undated(1, "https://courier.example/b", "b", "Later report")
    early = Candidate(
        article=Article(
            source_id=1,
            url="https://courier.example/z",
            canonical_url="https://courier.example/z",
            title="Earlier report",
            text="Earlier report.",
            published=datetime(2026, 6, 3, 9, 0, tzinfo=UTC),
            fetched_at=REFRESHED,
        ),
        entry_url="https://courier.example/z",
        guid="z",
    )
    assert [c.guid for c in store_order([late, early])] == ["z", "b"]
