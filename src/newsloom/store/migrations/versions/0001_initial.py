"""Initial schema: sources, fetches, articles, links, vectors, stories, summaries, categories.

Revision ID: 0001
Revises:
Create Date: 2025-01-01
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Kept literal (not imported from schema.py) so this revision never changes when the schema evolves.
WHEN = sa.DateTime(timezone=True)


def _fk(target: str, ondelete: str) -> sa.ForeignKey:
    return sa.ForeignKey(target, ondelete=ondelete)


def upgrade() -> None:
    op.create_table(
        "sources",
        sa.Column("id", sa.Integer, autoincrement=True),
        sa.Column("url", sa.Text, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("site_url", sa.Text, nullable=False),
        sa.Column("section", sa.String(64), nullable=False),
        sa.Column("language", sa.String(16), nullable=False),
        sa.Column("etag", sa.Text),
        sa.Column("last_modified", sa.Text),
        sa.Column("next_check", WHEN),
        sa.Column("last_checked", WHEN),
        sa.Column("error_count", sa.Integer, nullable=False),
        sa.Column("last_error", sa.Text),
        sa.Column("created", WHEN, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_sources"),
        sa.UniqueConstraint("url", name="uq_sources_url"),
    )
    op.create_index("ix_sources_next_check", "sources", ["next_check"])

    op.create_table(
        "fetches",
        sa.Column("id", sa.Integer, autoincrement=True),
        sa.Column("source_id", sa.Integer, _fk("sources.id", "CASCADE"), nullable=False),
        sa.Column("fetched_at", WHEN, nullable=False),
        sa.Column("status", sa.Integer, nullable=False),
        sa.Column("error", sa.Text),
        sa.Column("n_entries", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_fetches"),
    )
    op.create_index("ix_fetches_source_id", "fetches", ["source_id"])

    op.create_table(
        "articles",
        sa.Column("id", sa.Integer, autoincrement=True),
        sa.Column("canonical_url", sa.Text, nullable=False),
        sa.Column("url", sa.Text, nullable=False),
        sa.Column("guid", sa.Text, nullable=False),
        sa.Column("source_id", sa.Integer, _fk("sources.id", "CASCADE"), nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("lead", sa.Text, nullable=False),
        sa.Column("published", WHEN, nullable=False),
        sa.Column("fetched_at", WHEN, nullable=False),
        sa.Column("language", sa.String(16), nullable=False),
        sa.Column("author", sa.Text, nullable=False),
        sa.Column("image", sa.Text, nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("simhash", sa.BigInteger, nullable=False),
        sa.Column("extraction_method", sa.String(32), nullable=False),
        sa.Column("paywalled", sa.Boolean, nullable=False),
        sa.Column("copy_of", sa.Integer, _fk("articles.id", "SET NULL"), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_articles"),
        sa.UniqueConstraint("canonical_url", name="uq_articles_canonical_url"),
    )
    op.create_index("ix_articles_source_id", "articles", ["source_id"])
    op.create_index("ix_articles_published", "articles", ["published"])
    op.create_index("ix_articles_content_hash", "articles", ["content_hash"])
    op.create_index("ix_articles_copy_of", "articles", ["copy_of"])
    op.create_index("ix_articles_guid_source_id", "articles", ["guid", "source_id"])

    op.create_table(
        "article_links",
        sa.Column("id", sa.Integer, autoincrement=True),
        sa.Column("article_id", sa.Integer, _fk("articles.id", "CASCADE"), nullable=False),
        sa.Column("url", sa.Text, nullable=False),
        sa.Column("source_id", sa.Integer, _fk("sources.id", "CASCADE"), nullable=False),
        sa.Column("guid", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_article_links"),
        sa.UniqueConstraint("url", "source_id", name="uq_article_links_url_source_id"),
    )
    op.create_index("ix_article_links_article_id", "article_links", ["article_id"])
    op.create_index("ix_article_links_guid_source_id", "article_links", ["guid", "source_id"])

    op.create_table(
        "article_vectors",
        sa.Column("article_id", sa.Integer, _fk("articles.id", "CASCADE"), nullable=False),
        sa.Column("dim", sa.Integer, nullable=False),
        sa.Column("vector", sa.LargeBinary, nullable=False),
        sa.PrimaryKeyConstraint("article_id", name="pk_article_vectors"),
    )

    op.create_table(
        "stories",
        sa.Column("id", sa.Integer, autoincrement=True),
        sa.Column("first_seen", WHEN, nullable=False),
        sa.Column("last_updated", WHEN, nullable=False),
        sa.Column("category", sa.String(64), nullable=False),
        sa.Column("importance", sa.Float, nullable=False),
        sa.Column("headline", sa.Text, nullable=False),
        sa.Column("merged_into", sa.Integer, _fk("stories.id", "SET NULL"), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_stories"),
    )
    op.create_index("ix_stories_last_updated", "stories", ["last_updated"])
    op.create_index("ix_stories_category", "stories", ["category"])
    op.create_index("ix_stories_importance", "stories", ["importance"])

    op.create_table(
        "story_articles",
        sa.Column("article_id", sa.Integer, _fk("articles.id", "CASCADE"), nullable=False),
        sa.Column("story_id", sa.Integer, _fk("stories.id", "CASCADE"), nullable=False),
        sa.Column("similarity", sa.Float, nullable=False),
        sa.Column("reasons", sa.Text, nullable=False),
        sa.Column("added", WHEN, nullable=False),
        sa.PrimaryKeyConstraint("article_id", name="pk_story_articles"),
    )
    op.create_index("ix_story_articles_story_id", "story_articles", ["story_id"])

    op.create_table(
        "summaries",
        sa.Column("id", sa.Integer, autoincrement=True),
        sa.Column("story_id", sa.Integer, _fk("stories.id", "CASCADE"), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("headline", sa.Text, nullable=False),
        sa.Column("bullets", sa.JSON, nullable=False),
        sa.Column("paragraphs", sa.JSON, nullable=False),
        sa.Column("takeaways", sa.JSON, nullable=False),
        sa.Column("whats_new", sa.JSON, nullable=False),
        sa.Column("method", sa.String(16), nullable=False),
        sa.Column("article_ids", sa.JSON, nullable=False),
        sa.Column("created", WHEN, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_summaries"),
        sa.UniqueConstraint("story_id", "version", name="uq_summaries_story_id_version"),
    )
    op.create_index("ix_summaries_story_id", "summaries", ["story_id"])

    op.create_table(
        "categories",
        sa.Column("slug", sa.String(64), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("description", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("slug", name="pk_categories"),
    )


def downgrade() -> None:
    for table in (
        "categories",
        "summaries",
        "story_articles",
        "stories",
        "article_vectors",
        "article_links",
        "articles",
        "fetches",
        "sources",
    ):
        op.drop_table(table)
