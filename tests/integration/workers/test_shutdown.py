"""The shutdown flag: signals set it, the refresh stops at safe points, a second signal interrupts."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from newsloom import shutdown
from newsloom.pipeline.refresh import add_sources, run_refresh
from newsloom.records import Source
from newsloom.settings import Settings
from newsloom.store import Store, list_sources


@pytest.fixture(autouse=True)
def clear_flag() -> Iterator[None]:
    shutdown.reset()
    yield
    shutdown.reset()


def test_first_signal_requests_a_shutdown_and_a_second_interrupts() -> None:
    before = signal.getsignal(signal.SIGTERM)
    with shutdown.graceful_signals():
        os.kill(os.getpid(), signal.SIGTERM)
        assert shutdown.requested()
        with pytest.raises(KeyboardInterrupt):
            os.kill(os.getpid(), signal.SIGINT)
    assert signal.getsignal(signal.SIGTERM) is before


def test_checkpoint_stops_a_step_between_transactions() -> None:
    seen: list[tuple[str, int, int]] = []
    tick = shutdown.checkpoint(lambda phase, done, total: seen.append((phase, done, total)))
    tick("embed", 1, 2)
    shutdown.request()
    with pytest.raises(shutdown.ShutdownRequested):
        tick("embed", 2, 2)
    assert seen == [("embed", 1, 2)]


def test_a_refresh_asked_to_stop_claims_nothing_and_leaves_no_lease(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, allowed_hosts=("127.0.0.1",))
    store = Store.open(settings)
    try:
        add_sources(store, [Source(url="http://127.0.0.1:9/feed.xml")])
        shutdown.request()
        report = run_refresh(settings, store, now=datetime(2026, 5, 1, tzinfo=UTC))
        with store.read() as conn:
            (source,) = list_sources(conn)
    finally:
        store.close()
    assert report.stopped and report.sources == 0 and "stopped early" in report.one_line()
    assert source.last_checked is None  # untouched: the next run fetches it
