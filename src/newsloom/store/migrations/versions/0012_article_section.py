"""Articles keep the section their feed item was filed under (categorize_story's vote).

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Articles stored before keep "": their items' categories were not read then.
    op.add_column(
        "articles", sa.Column("section", sa.String(32), nullable=False, server_default="")
    )


def downgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("section")
