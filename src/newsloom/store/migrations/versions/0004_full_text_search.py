"""Full-text search (SQLite FTS5, PostgreSQL tsvector).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""

from __future__ import annotations

from collections.abc import Sequence

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass  # OWNER FILLS IN (session 2): must be replaced before commit


def downgrade() -> None:
    pass
