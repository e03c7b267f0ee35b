"""Story corrections (merges and splits made by hand).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Kept literal (not imported from schema.py) so this revision never changes when the schema evolves.
WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "story_corrections",
        sa.Column("id", sa.Integer, autoincrement=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column(
            "story_id", sa.Integer, sa.ForeignKey("stories.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column(
            "target_id", sa.Integer, sa.ForeignKey("stories.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column(
            "article_id",
            sa.Integer,
            sa.ForeignKey("articles.id", ondelete="CASCADE"),
            nullable=True,
        ),
        sa.Column("created", WHEN, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_story_corrections"),
    )
    for column in ("story_id", "target_id", "article_id"):
        op.create_index(f"ix_story_corrections_{column}", "story_corrections", [column])


def downgrade() -> None:
    op.drop_table("story_corrections")
