"""Raw page bodies kept for re-extraction.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Kept literal (not imported from schema.py) so this revision never changes when the schema evolves.
WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "raw_pages",
        sa.Column(
            "article_id",
            sa.Integer,
            sa.ForeignKey("articles.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("url", sa.Text, nullable=False),
        sa.Column("content_type", sa.String(200), nullable=False),
        sa.Column("fetched_at", WHEN, nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("truncated", sa.Boolean, nullable=False),
        sa.Column("body", sa.LargeBinary, nullable=False),
        sa.PrimaryKeyConstraint("article_id", name="pk_raw_pages"),
    )


def downgrade() -> None:
    op.drop_table("raw_pages")
