"""The store's two-backend fixtures (SQLite and, with NEWSLOOM_TEST_PG_URL, PostgreSQL)."""

from tests.integration.store.conftest import (  # noqa: F401  (fixtures, found by name)
    fresh_settings,
    pg_engine,
    settings,
    store,
)
