"""Leases on due sources and named locks, on SQLite and PostgreSQL."""

from __future__ import annotations

import multiprocessing
import os
import socket
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text, update

from newsloom.errors import StoreError
from newsloom.pipeline.refresh import add_sources
from newsloom.pipeline.workers import release_dead_leases, worker_name
from newsloom.records import Source
from newsloom.settings import Settings
from newsloom.store import Store, update_source_after_fetch
from newsloom.store.locks import exclusive
from newsloom.store.schema import sources
from newsloom.store.sources import claim_due_sources, lease_owners, release_leases
from tests.integration.store.conftest import pg_url_or_skip
from tests.integration.workers.conftest import fresh_database

NOW = datetime(2026, 5, 1, 8, 0, tzinfo=UTC)
LEASE = timedelta(minutes=20)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def settings(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Settings]:
    if request.param == "sqlite":
        yield Settings(data_dir=tmp_path)
        return
    for url in fresh_database(pg_url_or_skip()):
        yield Settings(data_dir=tmp_path, database_url=url)


@pytest.fixture
def store(settings: Settings) -> Iterator[Store]:
    opened = Store.open(settings)
    try:
        # Six feeds: 1-4 due (3 and 4 overdue the longest), 5 never checked, 6 not due yet.
        stored = add_sources(
            opened, [Source(url=f"https://feeds.example/{n}.xml") for n in range(6)]
        )
        checks = [NOW - timedelta(minutes=m) for m in (5, 5, 60, 30)] + [
            None,
            NOW + timedelta(days=1),
        ]
        with opened.write() as conn:
            for source, check in zip(stored, checks, strict=True):
                conn.execute(
                    update(sources).where(sources.c.id == source.id).values(next_check=check)
                )
        yield opened
    finally:
        opened.close()


def claim(store: Store, worker: str, limit: int | None, now: datetime = NOW) -> list[int]:
    with store.write() as conn:
        claimed = claim_due_sources(conn, worker=worker, now=now, limit=limit, lease=LEASE)
    return [s.id for s in claimed if s.id is not None]


def test_workers_claim_disjoint_due_sources_most_overdue_first(store: Store) -> None:
    first = claim(store, "host-a:1", 3)
    second = claim(store, "host-b:1", None)
    assert first == [5, 3, 4]  # never checked, then the longest overdue
    assert sorted(second) == [1, 2]
    assert claim(store, "host-c:1", None) == []  # the rest is leased, or not due
    with store.read() as conn:
        assert lease_owners(conn, NOW) == ["host-a:1", "host-b:1"]


def test_recording_a_fetch_ends_the_lease_and_release_gives_back_the_rest(store: Store) -> None:
    claimed = claim(store, "host-a:1", None)
    with store.write() as conn:
        update_source_after_fetch(
            conn,
            claimed[0],
            now=NOW,
            status=200,
            error=None,
            etag=None,
            last_modified=None,
            next_check=NOW + timedelta(hours=1),
        )
        assert release_leases(conn, worker="host-b:1") == 0  # not hers
        assert release_leases(conn, worker="host-a:1") == len(claimed) - 1
    # Released sources are due again; the recorded one is scheduled for later.
    assert sorted(claim(store, "host-b:1", None)) == sorted(claimed[1:])


def test_a_lease_expires_so_a_dead_workers_sources_come_back(store: Store) -> None:
    claimed = claim(store, "gone-host:1", None)
    assert claim(store, "host-b:1", None, now=NOW + LEASE - timedelta(seconds=1)) == []
    assert sorted(claim(store, "host-b:1", None, now=NOW + LEASE)) == sorted(claimed)


def test_leases_of_dead_processes_on_this_host_are_released_at_once(store: Store) -> None:
    host = worker_name().rpartition(":")[0]
    dead = multiprocessing.get_context("spawn").Process(target=os.getpid)
    dead.start()
    dead.join()
    claim(store, f"{host}:{dead.pid}", 1)  # a worker of this host that has exited
    claim(store, f"{host}:1", 1)  # alive (init)
    claim(store, f"other-{socket.gethostname()}:{dead.pid}", 1)  # another host: wait for expiry
    assert release_dead_leases(store, NOW) == [f"{host}:{dead.pid}"]
    with store.read() as conn:
        assert lease_owners(conn, NOW) == sorted(
            [f"{host}:1", f"other-{socket.gethostname()}:{dead.pid}"]
        )


def test_worker_names_are_checked(store: Store) -> None:
    with pytest.raises(StoreError), store.write() as conn:
        claim_due_sources(conn, worker="", now=NOW, limit=1, lease=LEASE)


@pytest.mark.postgres
def test_concurrent_claims_on_postgres_skip_locked_rows_without_waiting(tmp_path: Path) -> None:
    for url in fresh_database(pg_url_or_skip()):
        settings = Settings(data_dir=tmp_path, database_url=url)
        store = Store.open(settings)
        try:
            add_sources(store, [Source(url=f"https://feeds.example/{n}.xml") for n in range(5)])
            with store.engine.connect() as a, store.engine.connect() as b, a.begin():
                first = claim_due_sources(a, worker="a:1", now=NOW, limit=2, lease=LEASE)
                with b.begin():
                    # Would wait on a's row locks without SKIP LOCKED: fail fast instead.
                    b.execute(text("SET LOCAL lock_timeout = '2s'"))
                    second = claim_due_sources(b, worker="b:1", now=NOW, limit=None, lease=LEASE)
            assert len(first) == 2 and len(second) == 3
            assert {s.id for s in first}.isdisjoint({s.id for s in second})
        finally:
            store.close()


class GaveUp(Exception):
    pass


def _hold_lock(settings: Settings, held: object, release: object) -> None:
    store = Store.open(settings)
    with exclusive(store, "stories"):
        held.set()  # type: ignore[attr-defined]
        release.wait(60)  # type: ignore[attr-defined]
    store.close()


@pytest.mark.slow  # several processes
def test_a_named_lock_is_held_by_one_process_at_a_time(store: Store, settings: Settings) -> None:
    context = multiprocessing.get_context("spawn")
    held, release = context.Event(), context.Event()
    holder = context.Process(target=_hold_lock, args=(settings, held, release))
    holder.start()
    try:
        assert held.wait(60)
        waits: list[int] = []

        def give_up() -> None:
            waits.append(1)
            if len(waits) >= 3:
                raise GaveUp

        with pytest.raises(GaveUp), exclusive(store, "stories", waiting=give_up):
            pass
        with exclusive(store, "articles"):  # another name is free
            pass
    finally:
        release.set()
        holder.join(60)
    with exclusive(store, "stories"):  # released with the holder
        pass
