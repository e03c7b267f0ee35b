"""The Store: engine, connections, SQLite pragmas, the writer lock and migrations to head."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, create_engine, event, make_url, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import StaticPool

from newsloom.errors import StoreError
from newsloom.settings import Settings

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
BUSY_TIMEOUT_MS = 30_000
# Any constant works; it only has to be the same in every newsloom process.
MIGRATION_LOCK_KEY = 0x6E657773  # "news"

# One writer per SQLite database in this process; other processes queue on BEGIN IMMEDIATE.
_writer_locks: dict[str, threading.Lock] = {}
_writer_locks_guard = threading.Lock()


def normalise_url(raw: str) -> URL:
    """SQLAlchemy URL for ``raw``: plain ``postgresql://`` becomes psycopg 3."""
    try:
        url = make_url(raw)
    except Exception as exc:  # ArgumentError and friends: say which setting is wrong
        raise StoreError(f"store: cannot parse database URL ({exc})") from exc
    if url.drivername in ("postgresql", "postgres", "postgresql+psycopg2"):
        url = url.set(drivername="postgresql+psycopg")
    if url.get_backend_name() not in ("sqlite", "postgresql"):
        raise StoreError(f"store: unsupported database {url.get_backend_name()!r}")
    return url


def _writer_lock(key: str) -> threading.Lock:
    with _writer_locks_guard:
        return _writer_locks.setdefault(key, threading.Lock())


def _sqlite_on_connect(dbapi_conn: Any, _record: Any) -> None:
    # Autocommit at the driver level: the "begin" hook below emits BEGIN itself, so SQLAlchemy
    # controls transactions (and write() can ask for BEGIN IMMEDIATE).
    dbapi_conn.isolation_level = None
    cursor = dbapi_conn.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.close()


def _sqlite_on_begin(conn: Connection) -> None:
    mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
    conn.exec_driver_sql(f"BEGIN {mode}")


def _make_engine(url: URL) -> Engine:
    if url.get_backend_name() == "postgresql":
        return create_engine(url, pool_pre_ping=True)
    database = url.database or ""
    if database in ("", ":memory:"):
        # One shared connection, or every checkout would see a different empty database.
        engine = create_engine(url, poolclass=StaticPool, connect_args={"check_same_thread": False})
    else:
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _sqlite_on_connect)
    event.listen(engine, "begin", _sqlite_on_begin)
    return engine


class Store:
    """A database handle. Typed functions in ``newsloom.store`` take the connections it yields."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.dialect: str = engine.dialect.name
        self._lock = _writer_lock(engine.url.render_as_string(hide_password=True))
        self._local = threading.local()

    @classmethod
    def open(cls, settings: Settings) -> Store:
        """Create the data dir and engine, then migrate to head (safe from several processes)."""
        try:
            settings.data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"store: cannot create data dir {settings.data_dir}: {exc}") from exc
        url = normalise_url(settings.db_url)
        try:
            engine = _make_engine(url)
        except (SQLAlchemyError, OSError) as exc:
            raise StoreError(
                f"store: cannot open {url.get_backend_name()} database: {exc}"
            ) from exc
        store = cls(engine)
        try:
            store.migrate()
        except BaseException:
            engine.dispose()
            raise
        return store

    def migrate(self, revision: str = "head") -> None:
        """Alembic upgrade in one transaction; concurrent openers wait rather than race."""
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS_DIR))
        try:
            with self.write() as conn:
                if self.dialect == "postgresql":
                    conn.execute(
                        text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY}
                    )
                config.attributes["connection"] = conn
                command.upgrade(config, revision)
        except StoreError:
            raise
        except Exception as exc:  # alembic raises its own types as well as SQLAlchemy's
            raise StoreError(f"store: migration to {revision} failed: {exc}") from exc

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A plain connection for reads; whatever it began is rolled back on exit."""
        try:
            with self.engine.connect() as conn:
                yield conn
        except SQLAlchemyError as exc:
            raise StoreError(f"store: read failed: {exc}") from exc

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """One transaction: commit on success, rollback on error. SQLite: one writer at a time."""
        if self.dialect != "sqlite":
            with self._wrap_errors(), self.engine.begin() as conn:
                yield conn
            return
        if getattr(self._local, "writing", False):
            raise StoreError("store: nested write() on SQLite would deadlock; reuse the connection")
        with self._lock:
            self._local.writing = True
            try:
                with self._wrap_errors(), self.engine.connect() as conn:
                    conn.execution_options(sqlite_begin="IMMEDIATE")
                    with conn.begin():
                        yield conn
            finally:
                self._local.writing = False

    @staticmethod
    @contextmanager
    def _wrap_errors() -> Iterator[None]:
        try:
            yield
        except SQLAlchemyError as exc:
            raise StoreError(f"store: write failed: {exc}") from exc

    def close(self) -> None:
        self.engine.dispose()
