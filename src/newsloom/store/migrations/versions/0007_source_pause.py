"""Paused sources: an operator's pause, or the automatic one after too many failures in a row.

A paused source is never due; ``paused_reason`` says why (shown by ``sources list`` and /sources).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Kept literal (not imported from schema.py) so this revision never changes when the schema evolves.
WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.add_column("sources", sa.Column("paused_at", WHEN, nullable=True))
    op.add_column("sources", sa.Column("paused_reason", sa.Text, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sources") as batch:
        batch.drop_column("paused_reason")
        batch.drop_column("paused_at")
