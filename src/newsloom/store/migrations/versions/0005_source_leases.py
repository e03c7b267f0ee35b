"""Leases on sources, so several workers refresh disjoint sets of due sources.

A worker claims a due source by writing its name in ``lease_owner`` and an expiry in
``lease_until``; recording the source's refresh clears both, and an expired lease (a killed worker)
lets the source be claimed again.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Kept literal (not imported from schema.py) so this revision never changes when the schema evolves.
WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.add_column("sources", sa.Column("lease_owner", sa.String(128), nullable=True))
    op.add_column("sources", sa.Column("lease_until", WHEN, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sources") as batch:
        batch.drop_column("lease_until")
        batch.drop_column("lease_owner")
