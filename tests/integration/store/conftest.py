"""Database fixtures: every store test runs on SQLite (tmp_path) and on PostgreSQL.

The PostgreSQL variant needs NEWSLOOM_TEST_PG_URL (``scripts/start-postgres.sh`` prints it). Without
it the variant is skipped, unless CI is set: then a missing server is a failure, not a skip.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text

import newsloom.store as db
from newsloom.records import Article, Source
from newsloom.settings import Settings
from newsloom.store import Store
from newsloom.store.engine import normalise_url
from newsloom.store.schema import metadata

PG_ENV = "NEWSLOOM_TEST_PG_URL"
NOW = datetime(2026, 3, 14, 12, 0, tzinfo=UTC)


def pg_url_or_skip() -> str:
    url = os.environ.get(PG_ENV, "")
    if url:
        return url
    if os.environ.get("CI"):
        pytest.fail(f"{PG_ENV} is not set but CI is: run scripts/start-postgres.sh first")
    pytest.skip(f"{PG_ENV} not set (run scripts/start-postgres.sh)")


TABLES = [t.name for t in reversed(metadata.sorted_tables)]


@pytest.fixture(scope="session")
def pg_engine() -> Iterator[Engine]:
    """One admin engine per session for cleaning the test database between tests."""
    engine = create_engine(normalise_url(pg_url_or_skip()))
    yield engine
    engine.dispose()


def empty_postgres(engine: Engine) -> None:
    """Truncate every table (fast); the schema stays migrated."""
    with engine.begin() as conn:
        if conn.execute(text("SELECT to_regclass('alembic_version')")).scalar() is None:
            return  # nothing migrated yet: Store.open will create it all
        names = ", ".join(f'"{name}"' for name in TABLES)
        conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))


def drop_postgres(engine: Engine) -> None:
    """Drop every table and Alembic's bookkeeping so the next open migrates afresh."""
    with engine.begin() as conn:
        for name in ["alembic_version", *TABLES]:
            conn.execute(text(f'DROP TABLE IF EXISTS "{name}" CASCADE'))


BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@pytest.fixture(params=BACKENDS)
def settings(request: pytest.FixtureRequest, tmp_path: Path) -> Settings:
    """Settings for an empty database of each backend (PostgreSQL: migrated, then emptied)."""
    if request.param == "sqlite":
        return Settings(data_dir=tmp_path / "data")
    empty_postgres(request.getfixturevalue("pg_engine"))
    return Settings(data_dir=tmp_path / "data", database_url=pg_url_or_skip())


@pytest.fixture(params=BACKENDS)
def fresh_settings(request: pytest.FixtureRequest, tmp_path: Path) -> Settings:
    """Settings for a database with no tables at all, for migration tests."""
    if request.param == "sqlite":
        return Settings(data_dir=tmp_path / "data")
    drop_postgres(request.getfixturevalue("pg_engine"))
    return Settings(data_dir=tmp_path / "data", database_url=pg_url_or_skip())


@pytest.fixture
def store(settings: Settings) -> Iterator[Store]:
    opened = Store.open(settings)
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture
def source_id(store: Store) -> int:
    """One stored source, "Harbour Gazette"."""
    with store.write() as conn:
        stored = db.add_source(
            conn, Source(url="https://gazette.example/feed", title="Harbour Gazette")
        )
    assert stored.id is not None
    return stored.id


MakeArticle = Callable[..., Article]


@pytest.fixture
def make_article() -> MakeArticle:
    """Builds an unstored article; keyword arguments override any field."""
    counter = iter(range(1, 10_000))

    def make(source_id: int, **fields: object) -> Article:
        n = next(counter)
        base = Article(
            source_id=source_id,
            url=f"https://gazette.example/news/{n}?utm_source=feed",
            canonical_url=f"https://gazette.example/news/{n}",
            title=f"Ferry line {n} reopens",
            text=f"The council of Gullhaven voted to reopen ferry line {n} after ten years.",
            published=NOW - timedelta(hours=n),
            fetched_at=NOW,
            guid=f"gazette-{n}",
            lead="The council voted.",
            content_hash=f"{n:064x}",
            simhash=n,
        )
        return replace(base, **fields)  # type: ignore[arg-type]

    return make
