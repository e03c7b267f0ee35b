"""The personal layer: users, sessions, login attempts, follows, mutes, saved stories, read state,
Google Reader API tokens and per-user feed tokens.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Kept literal (not imported from schema.py) so this revision never changes when the schema evolves.
WHEN = sa.DateTime(timezone=True)


def _user_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["user_id"], ["users.id"], name=f"fk_{table}_user_id_users", ondelete="CASCADE"
    )


def _story_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["story_id"], ["stories.id"], name=f"fk_{table}_story_id_stories", ondelete="CASCADE"
    )


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("password_hash", sa.Text(), nullable=False),
        sa.Column("api_password_hash", sa.Text(), nullable=False),
        sa.Column("is_admin", sa.Boolean(), nullable=False),
        sa.Column("email", sa.Text(), nullable=False),
        sa.Column("digest", sa.Boolean(), nullable=False),
        sa.Column("created", WHEN, nullable=False),
        sa.Column("last_visit", WHEN, nullable=True),
        sa.Column("previous_visit", WHEN, nullable=True),
        sa.Column("digest_sent", WHEN, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_users"),
        sa.UniqueConstraint("name", name="uq_users_name"),
    )
    op.create_table(
        "sessions",
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("csrf", sa.String(64), nullable=False),
        sa.Column("created", WHEN, nullable=False),
        sa.Column("expires", WHEN, nullable=False),
        sa.PrimaryKeyConstraint("token_hash", name="pk_sessions"),
        _user_fk("sessions"),
    )
    op.create_index("ix_sessions_user_id", "sessions", ["user_id"])
    op.create_index("ix_sessions_expires", "sessions", ["expires"])
    op.create_table(
        "login_attempts",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("account", sa.String(64), nullable=False),
        sa.Column("client", sa.String(64), nullable=False),
        sa.Column("at", WHEN, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_login_attempts"),
    )
    for column in ("account", "client", "at"):
        op.create_index(f"ix_login_attempts_{column}", "login_attempts", [column])
    for table in ("follows", "mutes"):
        op.create_table(
            table,
            sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
            sa.Column("user_id", sa.Integer(), nullable=False),
            sa.Column("kind", sa.String(16), nullable=False),
            sa.Column("value", sa.String(200), nullable=False),
            sa.Column("created", WHEN, nullable=False),
            sa.PrimaryKeyConstraint("id", name=f"pk_{table}"),
            sa.UniqueConstraint("user_id", "kind", "value", name=f"uq_{table}_user_id_kind_value"),
            _user_fk(table),
        )
        op.create_index(f"ix_{table}_user_id", table, ["user_id"])
    op.create_table(
        "saved",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("story_id", sa.Integer(), nullable=False),
        sa.Column("saved_at", WHEN, nullable=False),
        sa.PrimaryKeyConstraint("user_id", "story_id", name="pk_saved"),
        _user_fk("saved"),
        _story_fk("saved"),
    )
    op.create_index("ix_saved_story_id", "saved", ["story_id"])
    op.create_table(
        "read_state",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("story_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("read_at", WHEN, nullable=False),
        sa.PrimaryKeyConstraint("user_id", "story_id", name="pk_read_state"),
        _user_fk("read_state"),
        _story_fk("read_state"),
    )
    op.create_index("ix_read_state_story_id", "read_state", ["story_id"])
    op.create_table(
        "api_tokens",
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("created", WHEN, nullable=False),
        sa.PrimaryKeyConstraint("token_hash", name="pk_api_tokens"),
        _user_fk("api_tokens"),
    )
    op.create_index("ix_api_tokens_user_id", "api_tokens", ["user_id"])
    op.create_table(
        "feed_tokens",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("created", WHEN, nullable=False),
        sa.PrimaryKeyConstraint("user_id", name="pk_feed_tokens"),
        sa.UniqueConstraint("token_hash", name="uq_feed_tokens_token_hash"),
        _user_fk("feed_tokens"),
    )


def downgrade() -> None:
    for table in (
        "feed_tokens",
        "api_tokens",
        "read_state",
        "saved",
        "mutes",
        "follows",
        "login_attempts",
        "sessions",
        "users",
    ):
        op.drop_table(table)
