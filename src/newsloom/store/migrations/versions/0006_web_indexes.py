"""Indexes for the reading side, so no page reads more of stories than it shows.

``(category, last_updated, id)``: category pages, their cursor pages and related stories walk one
category newest first (or around a moment) and stop after a page. ``(category, importance)``: the
ranking's ceiling per category is one index probe. ``first_seen``: one day of the archive. The
index on ``category`` alone is dropped: the first two start with it.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        "ix_stories_category_last_updated_id", "stories", ["category", "last_updated", "id"]
    )
    op.create_index("ix_stories_category_importance", "stories", ["category", "importance"])
    op.create_index("ix_stories_first_seen", "stories", ["first_seen"])
    op.drop_index("ix_stories_category", table_name="stories")


def downgrade() -> None:
    op.create_index("ix_stories_category", "stories", ["category"])
    op.drop_index("ix_stories_first_seen", table_name="stories")
    op.drop_index("ix_stories_category_importance", table_name="stories")
    op.drop_index("ix_stories_category_last_updated_id", table_name="stories")
