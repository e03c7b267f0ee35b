"""The embedding model stored with every vector.

Vectors of two models are not comparable, so each row says which model made it; rows stored
before this revision were made by the only model newsloom has used, all-MiniLM-L6-v2 (int8 ONNX).
A store holding vectors of another model asks for ``newsloom reprocess --stage embed``.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Kept literal (not imported) so this revision never changes when the code evolves.
MODEL = "all-MiniLM-L6-v2-onnx-int8"


def upgrade() -> None:
    op.add_column(
        "article_vectors",
        sa.Column("model", sa.String(64), nullable=False, server_default=MODEL),
    )


def downgrade() -> None:
    with op.batch_alter_table("article_vectors") as batch:
        batch.drop_column("model")
