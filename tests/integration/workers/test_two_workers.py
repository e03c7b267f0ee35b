"""Two ``newsloom refresh`` processes on one PostgreSQL database share the demo newsroom."""

from __future__ import annotations

from pathlib import Path

from newsloom.demo.server import DemoServer
from tests.integration.workers.conftest import start_worker
from tests.integration.workers.newsroom import (
    assert_consistent,
    demo_time,
    fetches_per_source,
    open_demo_store,
)


def test_two_workers_refresh_disjoint_sources_and_store_everything_once(
    pg_database: str, tmp_path: Path
) -> None:
    with DemoServer(base_time=demo_time()) as server:
        store = open_demo_store(pg_database, tmp_path / "test", server)
        try:
            workers = [start_worker(pg_database, tmp_path / f"w{i}", f"w{i}") for i in (1, 2)]
            for worker in workers:
                assert worker.wait() == 0, worker.output()
            # Leases: each due source was fetched by one worker, once.
            fetched = fetches_per_source(store)
            assert len(fetched) == len(server.feed_urls())
            assert set(fetched.values()) == {1}, fetched
            assert_consistent(store, server)
        finally:
            store.close()
