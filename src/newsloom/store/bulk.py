"""Loading and measuring whole stores at once, for the benches (``bench/``) and their tests.

Rows are given as plain dicts of column values, by table name: the benches write millions of
synthetic rows with explicit ids, below the typed functions the pipeline uses.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, func, select, text

from newsloom.store._errors import store_errors
from newsloom.store.schema import article_vectors, metadata, stories, story_articles

# Tables whose ids the benches write themselves (see ``reset_id_sequences``).
ID_TABLES = ("sources", "articles", "stories")


@store_errors
def insert_rows(conn: Connection, table: str, rows: Sequence[dict[str, Any]]) -> None:
    """Insert ``rows`` into ``table`` with one executemany."""
    if rows:
        conn.execute(metadata.tables[table].insert(), list(rows))


@store_errors
def bulk_insert(conn: Connection, table: str, rows: list[dict[str, Any]]) -> None:
    """Insert ``rows`` (same keys each) below the ORM layer: COPY on PostgreSQL, one driver
    executemany of tuples on SQLite (values still pass the columns' bind processors, so stored
    dates read back exactly as the store's own writes)."""
    if not rows:
        return
    columns = metadata.tables[table].c
    names = list(rows[0])
    if conn.dialect.name == "postgresql":
        driver = conn.connection.driver_connection
        assert driver is not None
        statement = f"COPY {table} ({', '.join(names)}) FROM STDIN"
        with driver.cursor() as cursor, cursor.copy(statement) as copy:
            for row in rows:
                copy.write_row([row[n] for n in names])
        return
    dialect = conn.dialect  # dialect_impl: SQLite's own DATETIME format, as SQLAlchemy writes it
    processors = [columns[n].type.dialect_impl(dialect).bind_processor(dialect) for n in names]
    values = [
        tuple(f(row[n]) if f else row[n] for f, n in zip(processors, names, strict=True))
        for row in rows
    ]
    marks = ", ".join("?" for _ in names)
    conn.exec_driver_sql(f"INSERT INTO {table} ({', '.join(names)}) VALUES ({marks})", values)


@store_errors
def reset_id_sequences(conn: Connection) -> None:
    """Explicit ids leave PostgreSQL's sequences behind; move them past the rows written."""
    if conn.dialect.name != "postgresql":
        return
    for table in ID_TABLES:
        conn.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT COALESCE(MAX(id), 1) FROM {table}))"
            )
        )


@store_errors
def analyze(conn: Connection) -> None:
    """Planner statistics after a bulk load, as PostgreSQL's autovacuum would gather them."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql("ANALYZE")


@store_errors
def database_bytes(conn: Connection) -> int:
    """The size of a PostgreSQL database on disk (SQLite's is its files' size)."""
    return int(conn.execute(text("SELECT pg_database_size(current_database())")).scalar_one())


@store_errors
def delete_vectors(conn: Connection) -> None:
    conn.execute(article_vectors.delete())


@store_errors
def vectors_in_order(conn: Connection) -> list[tuple[int, bytes]]:
    """(article id, float32 bytes) of every stored vector, by article id."""
    query = select(article_vectors.c.article_id, article_vectors.c.vector)
    rows = conn.execute(query.order_by(article_vectors.c.article_id))
    return [(int(row.article_id), bytes(row.vector)) for row in rows]


@store_errors
def story_extent(conn: Connection) -> tuple[int, datetime | None]:
    """The highest story id (0 for none) and the latest update of any story."""
    row = conn.execute(select(func.max(stories.c.id), func.max(stories.c.last_updated))).one()
    return int(row[0] or 0), row[1]


@store_errors
def largest_story_ids(conn: Connection, limit: int) -> list[int]:
    """The ids of the ``limit`` stories with the most articles."""
    size = func.count().label("size")
    query = select(story_articles.c.story_id).group_by(story_articles.c.story_id)
    return [int(i) for i in conn.execute(query.order_by(size.desc()).limit(limit)).scalars()]


@store_errors
def story_titles(conn: Connection, ids: Sequence[int]) -> dict[int, tuple[str, str]]:
    """(category, headline) of the stories with these ids: what their page paths are made of."""
    query = select(stories.c.id, stories.c.category, stories.c.headline)
    rows = conn.execute(query.where(stories.c.id.in_(list(ids))))
    return {int(r.id): (r.category, r.headline) for r in rows}
