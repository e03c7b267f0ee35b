"""Named locks shared by every newsloom process using one database, on any number of hosts.

Steps that read the store, decide, then write over several transactions (storing a batch of
articles with copy detection, assigning articles to stories) must not interleave with the same
step in another worker. PostgreSQL: a session advisory lock on a connection of its own, released
by the server if the process dies. SQLite (one host): an ``flock`` on a file next to the database,
released by the kernel if the process dies.
"""

from __future__ import annotations

import fcntl
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from newsloom.errors import StoreError
from newsloom.store.engine import Store

# Advisory lock keys live in one 64-bit space per database; this prefix keeps ours apart.
_KEY_PREFIX = 0x6E6C << 32  # "nl"
# Threads of one process (a web server's refresh loop, tests) queue here before the OS lock.
_local_locks: dict[tuple[str, str], threading.Lock] = {}
_local_guard = threading.Lock()
# Seconds between two tries while another worker holds the lock.
POLL_SECONDS = 0.2

Waiting = Callable[[], None]


def lock_key(name: str) -> int:
    """The advisory lock key of ``name``: the same in every process, unlike ``hash()``."""
    return _KEY_PREFIX | zlib.crc32(name.encode())


def _noop() -> None:
    return None


@contextmanager
def exclusive(store: Store, name: str, *, waiting: Waiting = _noop) -> Iterator[None]:
    """Hold the lock ``name`` until the block ends; waits while another worker holds it.

    ``waiting`` is called between tries while waiting; it may raise to give up (a shutdown).
    """
    url = store.engine.url.render_as_string(hide_password=True)
    with _local_guard:
        local = _local_locks.setdefault((url, name), threading.Lock())
    while not local.acquire(timeout=POLL_SECONDS):
        waiting()
    try:
        if store.dialect == "postgresql":
            with _advisory_lock(store, name, waiting):
                yield
        else:
            with _file_lock(store, name, waiting):
                yield
    finally:
        local.release()


@contextmanager
def _advisory_lock(store: Store, name: str, waiting: Waiting) -> Iterator[None]:
    key = lock_key(name)
    conn = store.connect()  # retried while the server restarts; StoreError when it stays down
    try:
        # Autocommit: the lock belongs to the session, and no transaction stays open meanwhile.
        conn = conn.execution_options(isolation_level="AUTOCOMMIT")
        try_lock = text("SELECT pg_try_advisory_lock(:key)")
        while not conn.execute(try_lock, {"key": key}).scalar_one():
            waiting()
            time.sleep(POLL_SECONDS)
    except BaseException as exc:
        conn.close()
        if isinstance(exc, SQLAlchemyError):
            raise StoreError(f"store: cannot take lock {name!r}: {exc}") from exc
        raise
    try:
        yield
    finally:
        try:
            conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": key})
        except SQLAlchemyError:
            # The connection died (server restart): the server dropped the lock with it.
            conn.invalidate()
        conn.close()


@contextmanager
def _file_lock(store: Store, name: str, waiting: Waiting) -> Iterator[None]:
    database = store.engine.url.database or ""
    if database in ("", ":memory:"):
        yield  # an in-memory database lives in this process alone: the thread lock is enough
        return
    path = Path(database).expanduser().with_name(f"{Path(database).name}.{name}.lock")
    try:
        handle = path.open("a")
    except OSError as exc:
        raise StoreError(f"store: cannot open lock file {path}: {exc}") from exc
    with handle:
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                waiting()
                time.sleep(POLL_SECONDS)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
