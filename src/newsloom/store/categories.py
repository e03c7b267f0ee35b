"""The category taxonomy (slug, name, description)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, select
from sqlalchemy.dialects import postgresql, sqlite

from newsloom.records import Category
from newsloom.store._errors import store_errors, upsert_dialect
from newsloom.store.schema import categories


@store_errors
def ensure_categories(conn: Connection, items: Sequence[Category]) -> None:
    """Insert or update every category by slug (idempotent)."""
    if not items:
        return
    insert = postgresql.insert if upsert_dialect(conn) == "postgresql" else sqlite.insert
    for category in items:
        statement = insert(categories).values(
            slug=category.slug, name=category.name, description=category.description
        )
        conn.execute(
            statement.on_conflict_do_update(
                index_elements=["slug"],
                set_={
                    "name": statement.excluded.name,
                    "description": statement.excluded.description,
                },
            )
        )


@store_errors
def list_categories(conn: Connection) -> list[Category]:
    rows = conn.execute(select(categories).order_by(categories.c.slug))
    return [Category(slug=r.slug, name=r.name, description=r.description) for r in rows]


@store_errors
def get_category(conn: Connection, slug: str) -> Category | None:
    row = conn.execute(select(categories).where(categories.c.slug == slug)).one_or_none()
    if row is None:
        return None
    return Category(slug=row.slug, name=row.name, description=row.description)
