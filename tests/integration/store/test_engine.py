"""Store.open, migrations, SQLite pragmas, transactions and concurrent writers."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

import newsloom.store as db
from newsloom.errors import StoreError
from newsloom.records import Source
from newsloom.settings import Settings
from newsloom.store import Store
from newsloom.store.engine import normalise_url
from newsloom.store.schema import metadata
from newsloom.store.search_index import outside_search

NOW = datetime(2026, 3, 14, 12, 0, tzinfo=UTC)


def head_revision() -> str:
    """The newest revision file: names start with a zero-padded number."""
    import newsloom.store.migrations.versions as versions

    names = [p.name for p in Path(versions.__file__).parent.glob("[0-9]*.py")]
    return max(names).split("_", 1)[0]


def test_open_twice_is_a_no_op_at_head(fresh_settings: Settings) -> None:
    for _ in range(2):
        store = Store.open(fresh_settings)
        with store.read() as conn:
            assert conn.execute(
                text("SELECT version_num FROM alembic_version")
            ).scalars().all() == [head_revision()]
        store.close()


def test_migrated_schema_matches_the_schema_module(store: Store) -> None:
    with store.read() as conn:
        # The full-text index (FTS5 tables, GIN expression indexes) exists only in migration 0004.
        opts = {"compare_type": True, "include_name": outside_search}
        context = MigrationContext.configure(conn, opts=opts)
        assert compare_metadata(context, metadata) == []


def test_store_reports_its_dialect(store: Store, settings: Settings) -> None:
    expected = "postgresql" if settings.database_url.startswith("postgresql") else "sqlite"
    assert store.dialect == expected == store.engine.dialect.name


def test_plain_postgresql_urls_use_psycopg_3() -> None:
    assert normalise_url("postgresql://u:p@127.0.0.1/db").drivername == "postgresql+psycopg"
    assert normalise_url("postgresql+psycopg://u:p@127.0.0.1/db").drivername == "postgresql+psycopg"
    assert normalise_url("sqlite:///x.db").drivername == "sqlite"
    with pytest.raises(StoreError, match=r"^store: unsupported database 'mysql'"):
        normalise_url("mysql://u:p@127.0.0.1/db")


def test_sqlite_connections_use_wal_foreign_keys_and_a_busy_timeout(tmp_path: Path) -> None:
    store = Store.open(Settings(data_dir=tmp_path / "nested" / "data"))
    try:
        with store.read() as conn:
            pragma = {
                name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
                for name in ("journal_mode", "foreign_keys", "busy_timeout", "synchronous")
            }
    finally:
        store.close()
    assert pragma == {
        "journal_mode": "wal",
        "foreign_keys": 1,
        "busy_timeout": 30000,
        "synchronous": 1,
    }
    assert (tmp_path / "nested" / "data" / "newsloom.db").exists()


def test_in_memory_sqlite_keeps_one_database(tmp_path: Path) -> None:
    store = Store.open(Settings(data_dir=tmp_path, database_url="sqlite://"))
    try:
        with store.write() as conn:
            db.add_source(conn, Source(url="https://gazette.example/feed"))
        with store.read() as conn:
            assert len(db.list_sources(conn)) == 1
    finally:
        store.close()


def test_write_rolls_back_everything_on_error(store: Store) -> None:
    with pytest.raises(RuntimeError, match="boom"), store.write() as conn:
        db.add_source(conn, Source(url="https://gazette.example/feed"))
        raise RuntimeError("boom")
    with store.read() as conn:
        assert db.list_sources(conn) == []


def test_database_failures_become_store_errors(store: Store) -> None:
    with store.write() as conn:
        story = db.create_story(conn, first_seen=NOW)
    # Article 31337 does not exist: the foreign key refuses the membership.
    with pytest.raises(StoreError, match=r"^store: add_to_story failed"), store.write() as conn:
        db.add_to_story(conn, story, 31337, similarity=1.0, reasons="", added=NOW)
    with store.read() as conn:
        assert db.story_membership(conn, story) == []


def test_nested_sqlite_write_is_refused_instead_of_deadlocking(tmp_path: Path) -> None:
    store = Store.open(Settings(data_dir=tmp_path))
    try:
        with (
            pytest.raises(StoreError, match=r"^store: nested write"),
            store.write(),
            store.write(),
        ):
            pass
        with store.write() as conn:  # the lock was released
            db.add_source(conn, Source(url="https://gazette.example/feed"))
    finally:
        store.close()


def test_threads_writing_at_once_all_succeed(store: Store) -> None:
    errors: list[BaseException] = []

    def add_many(worker: int) -> None:
        try:
            for i in range(10):
                with store.write() as conn:
                    db.add_source(conn, Source(url=f"https://w{worker}.example/{i}"))
                    db.add_source(conn, Source(url="https://shared.example/feed"))
        except BaseException as exc:  # collected: a thread's failure must fail the test
            errors.append(exc)

    threads = [threading.Thread(target=add_many, args=(w,)) for w in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with store.read() as conn:
        assert len(db.list_sources(conn)) == 4 * 10 + 1


WORKER = """
import sys
from pathlib import Path
import newsloom.store as db
from newsloom.records import Source
from newsloom.settings import Settings

settings = Settings(data_dir=Path(sys.argv[1]), database_url=sys.argv[2])
store = db.Store.open(settings)
for i in range(20):
    with store.write() as conn:
        db.add_source(conn, Source(url=f"https://p{sys.argv[3]}.example/{i}"))
        db.add_source(conn, Source(url="https://shared.example/feed"))
store.close()
"""


def test_processes_opening_and_writing_at_once_queue_up(
    fresh_settings: Settings, tmp_path: Path
) -> None:
    # Fresh database: each process also races to run the migration.
    url = fresh_settings.db_url
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, str(tmp_path / "data"), url, str(n)],
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(3)
    ]
    outcomes = [(w.communicate(timeout=120)[1], w.returncode) for w in workers]
    failures = [stderr for stderr, code in outcomes if code != 0]
    assert failures == []
    store = Store.open(fresh_settings)
    try:
        with store.read() as conn:
            assert len(db.list_sources(conn)) == 3 * 20 + 1
    finally:
        store.close()


def test_sqlite_write_takes_the_write_lock_up_front_and_reads_do_not(tmp_path: Path) -> None:
    store = Store.open(Settings(data_dir=tmp_path))
    other = sqlite3.connect(tmp_path / "newsloom.db", timeout=0, isolation_level=None)
    try:
        with store.write(), pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")  # BEGIN IMMEDIATE: writers queue at the start
        with store.read() as conn:
            conn.execute(text("SELECT count(*) FROM sources"))
            other.execute("BEGIN IMMEDIATE")  # an open read never blocks a writer (WAL)
            other.execute("ROLLBACK")
    finally:
        other.close()
        store.close()
