"""Alembic revisions, applied in order by ``Store.open``."""
