"""Workers stopped, killed or cut off from PostgreSQL mid-refresh lose nothing.

SIGTERM: the worker finishes the sources in flight and exits 0 with nothing half-written.
SIGKILL: the next run takes over the dead worker's leased sources at once and completes.
A PostgreSQL restart: the worker reconnects, re-runs the interrupted transaction and completes.
"""

from __future__ import annotations

import signal
import socket
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from newsloom.demo.server import DemoServer
from newsloom.store import Store
from newsloom.store.schema import sources
from tests.integration.workers.conftest import PrivateServer, start_worker
from tests.integration.workers.newsroom import (
    assert_consistent,
    demo_time,
    fetches_per_source,
    open_demo_store,
    wait_until,
)

# Processes killed or signalled, servers restarted: the complete suite (make test) only.
pytestmark = pytest.mark.slow


def _leases(store: Store) -> list[tuple[int, str | None]]:
    with store.read() as conn:
        query = select(sources.c.id, sources.c.lease_owner).where(
            sources.c.lease_owner.is_not(None)
        )
        return [(int(i), owner) for i, owner in conn.execute(query)]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_sigterm_finishes_the_sources_in_flight_and_exits_0(tmp_path: Path) -> None:
    database = f"sqlite:///{tmp_path / 'newsloom.db'}"
    with DemoServer(base_time=demo_time()) as server:
        store = open_demo_store(database, tmp_path, server)
        try:
            worker = start_worker(database, tmp_path, "stopped")
            assert wait_until(store, worker, lambda articles, _: articles > 0), worker.output()
            worker.process.send_signal(signal.SIGTERM)
            assert worker.wait() == 0, worker.output()
            assert "stopped early: shutdown requested" in worker.output()
            # Nothing half-written: no lease left behind, each source fetched at most once.
            assert _leases(store) == []
            assert set(fetches_per_source(store).values()) <= {1}
            # The next run resumes where the stopped one left off.
            resumed = start_worker(database, tmp_path, "resumed")
            assert resumed.wait() == 0, resumed.output()
            assert len(fetches_per_source(store)) == len(server.feed_urls())
            assert_consistent(store, server)
        finally:
            store.close()


def test_sigkilled_worker_loses_nothing(pg_database: str, tmp_path: Path) -> None:
    with DemoServer(base_time=demo_time()) as server:
        store = open_demo_store(pg_database, tmp_path, server)
        try:
            killed = start_worker(pg_database, tmp_path, "killed")
            assert wait_until(store, killed, lambda articles, _: articles > 0), killed.output()
            killed.process.send_signal(signal.SIGKILL)
            killed.wait()
            # The dead worker still holds leases on the sources it had claimed and not recorded.
            orphaned = {source_id for source_id, _ in _leases(store)}
            resumed = start_worker(pg_database, tmp_path, "resumed")
            assert resumed.wait() == 0, resumed.output()
            assert _leases(store) == []
            fetched = fetches_per_source(store)
            assert orphaned <= set(fetched), "the dead worker's sources were not refreshed"
            assert len(fetched) == len(server.feed_urls())
            assert_consistent(store, server)
        finally:
            store.close()


def test_postgres_restart_during_a_refresh_loses_nothing(
    private_server: PrivateServer, private_database: str, tmp_path: Path
) -> None:
    with DemoServer(base_time=demo_time()) as server:
        store = open_demo_store(private_database, tmp_path, server)
        try:
            worker = start_worker(private_database, tmp_path, "cut-off")
            assert wait_until(store, worker, lambda articles, _: articles > 0), worker.output()
            private_server.restart()
            # The store reconnects and re-runs the failed transaction: the run completes.
            assert worker.wait() == 0, worker.output()
            again = start_worker(private_database, tmp_path, "again")
            assert again.wait() == 0, again.output()
            assert _leases(store) == []
            assert_consistent(store, server)
        finally:
            store.close()


def test_sigterm_stops_newsloom_run_after_its_refresh_pass_is_safe(tmp_path: Path) -> None:
    database = f"sqlite:///{tmp_path / 'newsloom.db'}"
    with DemoServer(base_time=demo_time()) as server:
        store = open_demo_store(database, tmp_path, server)
        try:
            port = _free_port()
            worker = start_worker(database, tmp_path, "run", "--port", str(port), command="run")
            assert wait_until(store, worker, lambda articles, _: articles > 0), worker.output()
            # The web tier serves health and metrics while its refresh loop runs.
            health = httpx.get(f"http://127.0.0.1:{port}/healthz", params={"full": 1})
            assert health.status_code == 200 and health.json()["database"] == "ok"
            scraped = httpx.get(f"http://127.0.0.1:{port}/metrics").text
            assert "newsloom_fetch_seconds_bucket" in scraped
            worker.process.send_signal(signal.SIGTERM)
            assert worker.wait(120) == 0, worker.output()
            assert _leases(store) == []
            assert set(fetches_per_source(store).values()) <= {1}
        finally:
            store.close()
