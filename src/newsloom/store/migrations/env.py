"""Alembic env: runs on the connection ``Store.open`` passes in ``config.attributes``.

Offline mode (SQL script output) is supported for operators who review DDL before applying it.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from newsloom.store.schema import metadata

config = context.config


def run_offline() -> None:
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=metadata,
        literal_binds=True,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_online(connection: Connection) -> None:
    # render_as_batch lets later ALTERs work on SQLite (table copy-and-move).
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_offline()
else:
    connection = config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("store: migrations run through Store.open, which passes a connection")
    run_online(connection)
