"""The full-text search index's own tables and indexes (migrations 0004 and 0006).

They are made by raw SQL in those migrations, per dialect, not declared in ``schema.py``, so schema
comparisons (Alembic autogenerate, the migration tests) leave them out. The queries that read them
are ``newsloom.search.backends``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

SEARCH_TABLES = ("article_fts", "story_fts")
SEARCH_INDEXES = ("ix_articles_search", "ix_story_fts_document", "ix_story_fts_last_updated")


def outside_search(name: str | None, type_: str, parent_names: Mapping[str, Any]) -> bool:
    """Alembic ``include_name`` hook: False for the search index's own tables and indexes."""
    if type_ == "table" and name is not None:
        return not any(name == t or name.startswith(t + "_") for t in SEARCH_TABLES)
    return not (type_ == "index" and name in SEARCH_INDEXES)
