"""Sources: idempotent adds, scheduling, fetch bookkeeping and error streaks."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import select

import newsloom.store as db
from newsloom.errors import StoreError
from newsloom.records import Source
from newsloom.store import Store
from newsloom.store.schema import fetches

FEED = "https://gazette.example/feed"
NOW = datetime(2026, 3, 14, 12, 0, tzinfo=UTC)


def test_add_source_twice_keeps_one_row_and_the_first_values(store: Store) -> None:
    with store.write() as conn:
        first = db.add_source(conn, Source(url=FEED, title="Harbour Gazette", section="local"))
        again = db.add_source(conn, Source(url=FEED, title="Something else"))
    with store.read() as conn:
        listed = db.list_sources(conn)
    assert first.id is not None
    assert again == first
    assert [s.url for s in listed] == [FEED]
    assert listed[0].title == "Harbour Gazette"
    assert listed[0].section == "local"


def test_get_source_unknown_id_is_none(store: Store, source_id: int) -> None:
    with store.read() as conn:
        assert db.get_source(conn, source_id + 99) is None
        found = db.get_source(conn, source_id)
    assert found is not None and found.title == "Harbour Gazette"


def test_due_sources_are_unchecked_or_overdue_most_overdue_first(store: Store) -> None:
    with store.write() as conn:
        for name, next_check in [
            ("future", NOW + timedelta(minutes=1)),
            ("exactly-now", NOW),
            ("never", None),
            ("overdue", NOW - timedelta(hours=3)),
        ]:
            db.add_source(conn, Source(url=f"https://{name}.example/feed", next_check=next_check))
    with store.read() as conn:
        due = db.due_sources(conn, NOW)
    assert [s.url.split("//")[1].split(".")[0] for s in due] == ["never", "overdue", "exactly-now"]


def test_due_sources_compares_instants_not_wall_clock(store: Store) -> None:
    # 13:30 at +02:00 is 11:30 UTC: due at NOW (12:00 UTC) although its wall clock is later.
    plus_two = timezone(timedelta(hours=2))
    with store.write() as conn:
        db.add_source(
            conn, Source(url=FEED, next_check=NOW.astimezone(plus_two) - timedelta(minutes=30))
        )
    with store.read() as conn:
        due = db.due_sources(conn, NOW)
    assert len(due) == 1
    assert due[0].next_check == NOW - timedelta(minutes=30)
    assert due[0].next_check is not None and due[0].next_check.tzinfo == UTC


def _fetched(
    store: Store, source_id: int, minutes: int, error: str | None, **extra: object
) -> None:
    with store.write() as conn:
        db.update_source_after_fetch(
            conn,
            source_id,
            now=NOW + timedelta(minutes=minutes),
            status=200 if error is None else 503,
            error=error,
            etag='"v1"' if error is None else None,
            last_modified="Sat, 14 Mar 2026 11:00:00 GMT" if error is None else None,
            next_check=NOW + timedelta(minutes=minutes + 15),
            **extra,  # type: ignore[arg-type]
        )


def test_errors_count_up_and_a_success_resets_them(store: Store, source_id: int) -> None:
    _fetched(store, source_id, 0, "fetch: HTTP 503 from gazette.example")
    _fetched(store, source_id, 15, "fetch: timed out after 20 s")
    with store.read() as conn:
        failing = db.get_source(conn, source_id)
    assert failing is not None
    assert failing.error_count == 2
    assert failing.last_error == "fetch: timed out after 20 s"
    assert failing.last_checked == NOW + timedelta(minutes=15)

    _fetched(store, source_id, 30, None, n_entries=12)
    with store.read() as conn:
        healthy = db.get_source(conn, source_id)
        history = conn.execute(
            select(fetches.c.status, fetches.c.error, fetches.c.n_entries, fetches.c.fetched_at)
            .where(fetches.c.source_id == source_id)
            .order_by(fetches.c.id)
        ).all()
    assert healthy is not None
    assert (healthy.error_count, healthy.last_error) == (0, None)
    assert healthy.etag == '"v1"'
    assert healthy.last_modified == "Sat, 14 Mar 2026 11:00:00 GMT"
    assert healthy.next_check == NOW + timedelta(minutes=45)
    assert [(h.status, h.n_entries) for h in history] == [(503, 0), (503, 0), (200, 12)]
    assert history[0].error == "fetch: HTTP 503 from gazette.example"
    assert history[2].fetched_at == NOW + timedelta(minutes=30)
    assert history[2].fetched_at.tzinfo == UTC


def test_fetch_sets_title_and_follows_a_permanent_redirect(store: Store, source_id: int) -> None:
    _fetched(store, source_id, 0, None, title="", new_url="https://gazette.example/rss")
    with store.read() as conn:
        moved = db.get_source(conn, source_id)
    assert moved is not None
    assert moved.url == "https://gazette.example/rss"
    assert moved.title == "Harbour Gazette"  # an empty title never blanks the stored one


def test_redirect_onto_another_sources_url_keeps_the_old_url(store: Store, source_id: int) -> None:
    with store.write() as conn:
        db.add_source(conn, Source(url="https://wire.example/feed"))
    _fetched(store, source_id, 0, None, new_url="https://wire.example/feed", title="Gazette")
    with store.read() as conn:
        kept = db.get_source(conn, source_id)
    assert kept is not None
    assert (kept.url, kept.title) == (FEED, "Gazette")


def test_update_unknown_source_raises_store_error(store: Store) -> None:
    with pytest.raises(StoreError, match=r"^store: no source with id 404"):
        _fetched(store, 404, 0, None)


def test_delete_source_removes_it_with_its_history(store: Store, source_id: int) -> None:
    _fetched(store, source_id, 0, None)
    with store.write() as conn:
        assert db.delete_source(conn, source_id) is True
        assert db.delete_source(conn, source_id) is False
    with store.read() as conn:
        assert db.list_sources(conn) == []
        assert conn.execute(select(fetches)).all() == []
