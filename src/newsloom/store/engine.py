"""The Store: engine, connections, SQLite pragmas, the writer lock and migrations to head."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event, make_url, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError, OperationalError, SQLAlchemyError
from sqlalchemy.pool import StaticPool

from newsloom.errors import StoreError
from newsloom.retry import retrying
from newsloom.settings import Settings

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
BUSY_TIMEOUT_MS = 30_000
# Any constant works; it only has to be the same in every newsloom process.
MIGRATION_LOCK_KEY = 0x6E657773  # "news"
# A PostgreSQL restart or failover takes seconds: connecting and whole write transactions are
# retried this many times, waiting 0.25 s, 0.5 s, ... up to RETRY_MAX_WAIT between tries (~25 s).
RETRY_ATTEMPTS = 9
RETRY_MAX_WAIT = 5.0

T = TypeVar("T")
log = logging.getLogger("newsloom.store")

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


# SQLSTATE prefixes worth another try: connection exceptions, transaction rollbacks
# (serialization failure, deadlock), server shutdown or start-up (not a cancelled statement).
RETRY_SQLSTATES = ("08", "40", "57P")
# A refused connection carries no SQLSTATE; these say the settings are wrong, not the server down.
PERMANENT_CONNECT_ERRORS = ("authentication failed", "does not exist", "pg_hba.conf", "denied")


def connection_lost(exc: BaseException) -> bool:
    """True when ``exc`` (or an error it was raised from) says the server went away, or a
    transaction was rolled back for concurrency (serialization, deadlock): worth one more try.
    A wrong password or a missing database is not: those fail at once."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, DBAPIError):
            if seen.connection_invalidated:
                return True
            code = getattr(seen.orig, "sqlstate", None)  # None: refused, reset, no server
            if code is None:
                permanent = any(p in str(seen.orig) for p in PERMANENT_CONNECT_ERRORS)
                return isinstance(seen, OperationalError) and not permanent
            return str(code).startswith(RETRY_SQLSTATES)
        seen = seen.__cause__
    return False


def _retry_wait(attempt: int) -> float:
    return float(min(RETRY_MAX_WAIT, 0.25 * 2**attempt))


def _warn(message: str) -> Callable[[Exception], None]:
    def warn(exc: Exception) -> None:
        log.warning("%s: %s", message, exc, extra={"stage": "store"})

    return warn


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


def sqlite_path(url: URL) -> Path | None:
    """The file of a SQLite URL; None for another backend or an in-memory database."""
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database)


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
        """Create the data dir and engine, then migrate to head (safe from several processes).

        Only the data dir is created: a ``database_url`` naming another directory that does not
        exist is a typo, and silently starting an empty database there would hide it.
        """
        try:
            settings.data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"store: cannot create data dir {settings.data_dir}: {exc}") from exc
        url = normalise_url(settings.db_url)
        path = sqlite_path(url)
        if path is not None and not path.parent.is_dir():
            raise StoreError(f"store: no directory {path.parent} for the database {path}")
        where = str(path) if path is not None else url.render_as_string(hide_password=True)
        try:
            engine = _make_engine(url)
        except (SQLAlchemyError, OSError) as exc:
            raise StoreError(
                f"store: cannot open {url.get_backend_name()} database {where}: {exc}"
            ) from exc
        store = cls(engine)
        try:
            store.migrate()
        except StoreError as exc:
            engine.dispose()
            if where in str(exc):
                raise
            raise StoreError(f"store: database {where}: {exc}") from exc
        except BaseException:
            engine.dispose()
            raise
        return store

    def migrate(self, revision: str = "head") -> None:
        """Alembic upgrade in one transaction; concurrent openers wait rather than race."""
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS_DIR))
        if revision == "head" and self._at_head(config):
            return  # nothing to write: read-only commands work on a read-only database
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

    def _at_head(self, config: Config) -> bool:
        try:
            with self.read() as conn:
                current = MigrationContext.configure(conn).get_current_heads()
        except StoreError:
            return False  # let the migration say what is wrong
        return set(current) == set(ScriptDirectory.from_config(config).get_heads())

    def connect(self) -> Connection:
        """A new connection; PostgreSQL: retried while the server is unreachable (a restart)."""
        try:
            return retrying(
                self.engine.connect,  # pool_pre_ping replaces a connection that died
                attempts=1 if self.dialect == "sqlite" else RETRY_ATTEMPTS,
                retry_on=connection_lost,
                exceptions=SQLAlchemyError,
                wait=_retry_wait,
                on_retry=_warn("store: cannot connect, retrying"),
            )
        except SQLAlchemyError as exc:
            raise StoreError(f"store: cannot connect: {exc}") from exc

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A plain connection for reads; whatever it began is rolled back on exit."""
        try:
            with self.connect() as conn:
                yield conn
        except SQLAlchemyError as exc:
            raise StoreError(f"store: read failed: {exc}") from exc

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """One transaction: commit on success, rollback on error. SQLite: one writer at a time."""
        if self.dialect != "sqlite":
            with self._wrap_errors(), self.connect() as conn, conn.begin():
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

    def write_retrying(self, work: Callable[[Connection], T]) -> T:
        """``work`` in one write transaction, run again from the start (bounded) when the
        connection to PostgreSQL dropped mid-way; ``work`` must be safe to repeat after a
        rollback. SQLite has no connection to lose, so its errors are raised at once."""

        def attempt() -> T:
            with self.write() as conn:
                return work(conn)

        return self._retrying(attempt, "store: write failed, retrying")

    def read_retrying(self, work: Callable[[Connection], T]) -> T:
        """``work`` on a read connection, run again (bounded) when PostgreSQL dropped it."""

        def attempt() -> T:
            with self.read() as conn:
                return work(conn)

        return self._retrying(attempt, "store: read failed, retrying")

    def _retrying(self, attempt: Callable[[], T], warning: str) -> T:
        """``attempt`` again while PostgreSQL lost the connection (SQLite: never)."""
        return retrying(
            attempt,
            attempts=1 if self.dialect == "sqlite" else RETRY_ATTEMPTS,
            retry_on=connection_lost,
            exceptions=StoreError,
            wait=_retry_wait,
            on_retry=_warn(warning),
        )

    @staticmethod
    @contextmanager
    def _wrap_errors() -> Iterator[None]:
        try:
            yield
        except SQLAlchemyError as exc:
            raise StoreError(f"store: write failed: {exc}") from exc

    def close(self) -> None:
        self.engine.dispose()
