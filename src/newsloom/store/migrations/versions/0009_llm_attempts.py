"""The LLM rewrite queue's memory: the article set each story was last sent to the LLM with.

A story is rewritten when its latest summary is extractive and its article set is not the one
of its last attempt (``articles_key``), so an unchanged story is never sent twice, whether the
last reply was used or refused.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "llm_attempts",
        sa.Column("story_id", sa.Integer, nullable=False),
        sa.Column("articles_key", sa.String(64), nullable=False),
        sa.Column("outcome", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text, nullable=True),
        sa.Column("seconds", sa.Float, nullable=False, server_default="0"),
        sa.Column("attempted_at", WHEN, nullable=False),
        sa.ForeignKeyConstraint(
            ["story_id"],
            ["stories.id"],
            name="fk_llm_attempts_story_id_stories",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("story_id", name="pk_llm_attempts"),
    )


def downgrade() -> None:
    op.drop_table("llm_attempts")
