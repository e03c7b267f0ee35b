"""Several refresh workers on one database: who refreshes which source.

Each worker claims due sources a chunk at a time under a lease (``store.sources``), so workers on
one or more hosts refresh disjoint sets; recording a source's fetch ends its lease. A lease held
by a worker that died comes back when it expires, or at once when the dead worker ran on this
host (its process id is gone), so a killed worker's sources are refreshed by the next run.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
from collections import deque
from datetime import datetime, timedelta

from newsloom import shutdown
from newsloom.errors import StoreError
from newsloom.pipeline.alive import process_alive
from newsloom.records import Source
from newsloom.store import Store
from newsloom.store.articles import last_article_id as stored_last_article_id
from newsloom.store.sources import (
    claim_due_sources,
    lease_owners,
    list_sources,
    release_leases,
)

# Longer than a chunk of sources takes to fetch and record: a slow but living worker keeps its
# sources. When a lease runs out anyway, another worker fetches the source again (harmless:
# storing is idempotent), never a worker less.
LEASE = timedelta(minutes=20)

log = logging.getLogger("newsloom.refresh")


def last_article_id(store: Store) -> int:
    """The highest article id stored (0 for none): it moves when any worker stores one."""
    return store.read_retrying(stored_last_article_id)


def worker_name() -> str:
    """``host:pid``: unique among living workers, and tells whether one on this host died."""
    return f"{socket.gethostname()[:100]}:{os.getpid()}"


def _dead_here(owner: str, host: str) -> bool:
    owner_host, _, pid = owner.rpartition(":")
    if owner_host != host or not pid.isdigit() or int(pid) == os.getpid():
        return False
    return not process_alive(int(pid))


def release_dead_leases(store: Store, now: datetime) -> list[str]:
    """Give back the leases of workers of this host whose process is gone; their names."""
    host = worker_name().rpartition(":")[0]
    with store.read() as conn:
        dead = [owner for owner in lease_owners(conn, now) if _dead_here(owner, host)]
    if dead:
        store.write_retrying(lambda conn: sum(release_leases(conn, worker=o) for o in dead))
    return dead


class SourceQueue:
    """The sources of one refresh pass, handed out one at a time to concurrent fetch tasks.

    Due sources are claimed ``chunk`` at a time when the queue runs dry, so a claimed source
    waits little before its fetch and other workers take the rest. ``every_source`` (refresh
    --all) hands out every stored source that is not paused once, without leases: the operator asked for all.
    A shutdown request stops the handing out; ``release`` gives back what was not recorded.
    """

    def __init__(
        self, store: Store, *, now: datetime, chunk: int, every_source: bool = False
    ) -> None:
        self.store, self.now, self.chunk = store, now, max(1, chunk)
        self.worker = worker_name()
        self.claimed = 0
        self._every_source = every_source
        self._queue: deque[Source] = deque()
        self._exhausted = False
        self._lock = asyncio.Lock()

    async def next(self) -> Source | None:
        """The next source to refresh; None once there is none left (or a shutdown began)."""
        async with self._lock:
            if shutdown.requested():
                return None
            if not self._queue and not self._exhausted:
                batch = await asyncio.to_thread(self._claim)
                self._exhausted = not batch or self._every_source
                self._queue.extend(batch)
                self.claimed += len(batch)
            return self._queue.popleft() if self._queue else None

    def _claim(self) -> list[Source]:
        if self._every_source:
            with self.store.read() as conn:  # a paused source waits for `sources resume`
                return [s for s in list_sources(conn) if s.paused_at is None]
        release_dead_leases(self.store, self.now)
        return self.store.write_retrying(
            lambda conn: claim_due_sources(
                conn, worker=self.worker, now=self.now, limit=self.chunk, lease=LEASE
            )
        )

    def release(self) -> int:
        """Give back this worker's leases on sources it did not record (shutdown, failure)."""
        if self._every_source or not self.claimed:
            return 0
        try:
            return self.store.write_retrying(lambda conn: release_leases(conn, worker=self.worker))
        except StoreError as exc:  # the database is gone: the leases expire on their own
            log.warning("refresh: leases not released: %s", exc, extra={"stage": "refresh"})
            return 0
