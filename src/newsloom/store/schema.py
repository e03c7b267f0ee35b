"""The one schema (SQLAlchemy Core). Migrations in ``migrations/versions`` must produce the same."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator[datetime]):
    """Stores UTC; always reads back aware UTC (SQLite drops the offset, so convert on both ways)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return as_utc(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if isinstance(value, str):  # raw SQLite text, e.g. from a func.max() without type info
            value = datetime.fromisoformat(value)
        return as_utc(value)


def as_utc(value: datetime) -> datetime:
    """Aware UTC; a naive value is taken to be UTC already (what SQLite hands back)."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

sources = Table(
    "sources",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("url", Text, nullable=False, unique=True),
    Column("kind", String(16), nullable=False, default="feed"),
    Column("title", Text, nullable=False, default=""),
    Column("site_url", Text, nullable=False, default=""),
    Column("section", String(64), nullable=False, default=""),
    Column("language", String(16), nullable=False, default=""),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("next_check", UTCDateTime, index=True),
    Column("last_checked", UTCDateTime),
    Column("error_count", Integer, nullable=False, default=0),
    Column("last_error", Text),
    Column("created", UTCDateTime, nullable=False),
    # The worker refreshing this source and until when (migration 0005); NULL when unclaimed.
    Column("lease_owner", String(128)),
    Column("lease_until", UTCDateTime),
    # Paused by the operator or after too many failures in a row (migration 0007): never due.
    Column("paused_at", UTCDateTime),
    Column("paused_reason", Text),
)

fetches = Table(
    "fetches",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column(
        "source_id",
        Integer,
        ForeignKey("sources.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("fetched_at", UTCDateTime, nullable=False),
    Column("status", Integer, nullable=False),
    Column("error", Text),
    Column("n_entries", Integer, nullable=False, default=0),
)

articles = Table(
    "articles",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("canonical_url", Text, nullable=False, unique=True),
    Column("url", Text, nullable=False),
    Column("guid", Text, nullable=False, default=""),
    Column(
        "source_id",
        Integer,
        ForeignKey("sources.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("title", Text, nullable=False, default=""),
    Column("text", Text, nullable=False, default=""),
    Column("lead", Text, nullable=False, default=""),
    Column("published", UTCDateTime, nullable=False, index=True),
    Column("fetched_at", UTCDateTime, nullable=False),
    Column("language", String(16), nullable=False, default=""),
    Column("author", Text, nullable=False, default=""),
    Column("image", Text, nullable=False, default=""),
    Column("content_hash", String(64), nullable=False, default="", index=True),
    Column("simhash", BigInteger, nullable=False, default=0),
    Column("extraction_method", String(32), nullable=False, default=""),
    Column("paywalled", Boolean, nullable=False, default=False),
    Column("section", String(32), nullable=False, default="", server_default=""),
    Column(
        "copy_of",
        Integer,
        ForeignKey("articles.id", ondelete="SET NULL"),
        nullable=True,
        index=True,
    ),
    Index("ix_articles_guid_source_id", "guid", "source_id"),
)

article_links = Table(
    "article_links",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column(
        "article_id",
        Integer,
        ForeignKey("articles.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("url", Text, nullable=False),
    Column("source_id", Integer, ForeignKey("sources.id", ondelete="CASCADE"), nullable=False),
    Column("guid", Text, nullable=False, default=""),
    UniqueConstraint("url", "source_id"),
    Index("ix_article_links_guid_source_id", "guid", "source_id"),
)

# The embedding model of newsloom.cluster.embed (MODEL_ID); stored with every vector.
VECTOR_MODEL = "all-MiniLM-L6-v2-onnx-int8-dyn"
# What migration 0008 tagged the vectors before it with: the column's server default.
FIRST_VECTOR_MODEL = "all-MiniLM-L6-v2-onnx-int8"

article_vectors = Table(
    "article_vectors",
    metadata,
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("dim", Integer, nullable=False),
    Column("vector", LargeBinary, nullable=False),
    # The model that made it (migration 0008): vectors of two models are not comparable.
    Column("model", String(64), nullable=False, server_default=FIRST_VECTOR_MODEL),
)

stories = Table(
    "stories",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("first_seen", UTCDateTime, nullable=False),
    Column("last_updated", UTCDateTime, nullable=False, index=True),
    Column("category", String(64), nullable=False, default=""),
    Column("importance", Float, nullable=False, default=0.0, index=True),
    Column("headline", Text, nullable=False, default=""),
    Column("merged_into", Integer, ForeignKey("stories.id", ondelete="SET NULL"), nullable=True),
    # The reading side (migration 0006): category pages and related stories, ranking ceilings,
    # the archive by day.
    Index("ix_stories_category_last_updated_id", "category", "last_updated", "id"),
    Index("ix_stories_category_importance", "category", "importance"),
    Index("ix_stories_first_seen", "first_seen"),
)

story_articles = Table(
    "story_articles",
    metadata,
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "story_id",
        Integer,
        ForeignKey("stories.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("similarity", Float, nullable=False, default=0.0),
    Column("reasons", Text, nullable=False, default=""),
    Column("added", UTCDateTime, nullable=False),
)

summaries = Table(
    "summaries",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column(
        "story_id",
        Integer,
        ForeignKey("stories.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("version", Integer, nullable=False),
    Column("headline", Text, nullable=False, default=""),
    Column("bullets", JSON, nullable=False),
    Column("paragraphs", JSON, nullable=False),
    Column("takeaways", JSON, nullable=False),
    Column("whats_new", JSON, nullable=False),
    Column("method", String(16), nullable=False, default="extractive"),
    Column("article_ids", JSON, nullable=False),
    Column("created", UTCDateTime, nullable=False),
    UniqueConstraint("story_id", "version"),
)

# The LLM rewrite queue (pipeline/rewrite.py, migration 0009): the article set each story was last
# sent with, so an unchanged story is never sent twice.
llm_attempts = Table(
    "llm_attempts",
    metadata,
    Column("story_id", Integer, ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
    Column("articles_key", String(64), nullable=False),
    Column("outcome", String(16), nullable=False),  # "llm" (used) or "refused" (kept extractive)
    Column("reason", Text),
    Column("seconds", Float, nullable=False, server_default="0"),
    Column("attempted_at", UTCDateTime, nullable=False),
)

categories = Table(
    "categories",
    metadata,
    Column("slug", String(64), primary_key=True),
    Column("name", Text, nullable=False),
    Column("description", Text, nullable=False, default=""),
)

# Merges and splits made by hand (store/corrections.py); clustering and consolidation honour them.
# One row per article moved (a merge of an empty story records one row without an article).
story_corrections = Table(
    "story_corrections",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(16), nullable=False),  # "merge" or "split"
    Column(
        "story_id",
        Integer,
        ForeignKey("stories.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column(
        "target_id",
        Integer,
        ForeignKey("stories.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column(
        "article_id",
        Integer,
        ForeignKey("articles.id", ondelete="CASCADE"),
        nullable=True,
        index=True,
    ),
    Column("created", UTCDateTime, nullable=False),
)

# Each article's page as fetched (zlib-compressed, capped), so a better extractor can re-run over
# history without fetching again. One row per article; written by store/candidates.py.
raw_pages = Table(
    "raw_pages",
    metadata,
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("url", Text, nullable=False),
    Column("content_type", String(200), nullable=False, default=""),
    Column("fetched_at", UTCDateTime, nullable=False),
    Column("size", Integer, nullable=False),  # bytes before compression (after the cap)
    Column("truncated", Boolean, nullable=False, default=False),
    Column("body", LargeBinary, nullable=False),  # zlib
)

# Story pictures, fetched from articles' og:image by pipeline/images.py and re-encoded by
# images/prepare.py: pages link only these copies, never a publisher's server. A URL that failed
# or was refused keeps a row (status, error) so it is not fetched on every refresh.
images = Table(
    "images",
    metadata,
    Column("key", String(32), primary_key=True),  # sha256 of the URL, hex, first 32
    Column("url", Text, nullable=False, unique=True),  # articles.image; at most 2000 chars
    Column("status", String(16), nullable=False),  # "ok", "rejected" (bad image), "failed" (fetch)
    Column("error", Text, nullable=False, default=""),
    Column("width", Integer, nullable=False, default=0),  # of the lead copy
    Column("height", Integer, nullable=False, default=0),
    Column("lead", LargeBinary, nullable=True),  # JPEG, at most 1200 px wide
    Column("thumb", LargeBinary, nullable=True),  # JPEG, 480x270 (cropped to 16:9)
    Column("fetched_at", UTCDateTime, nullable=False),
)

# -- the personal layer (migration 0011): accounts, sessions, follows, mutes, read state ----------

users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(64), nullable=False, unique=True),
    Column("password_hash", Text, nullable=False),
    # The Google Reader API's password (ClientLogin), separate from the login one; "" = none.
    Column("api_password_hash", Text, nullable=False, default=""),
    Column("is_admin", Boolean, nullable=False, default=False),
    Column("email", Text, nullable=False, default=""),
    Column("digest", Boolean, nullable=False, default=False),
    Column("created", UTCDateTime, nullable=False),
    Column("last_visit", UTCDateTime),
    Column("previous_visit", UTCDateTime),
    Column("digest_sent", UTCDateTime),
)


def _user_id() -> Column[int]:
    return Column(
        "user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True
    )


# Server-side sessions: the cookie holds a random token, the database only its SHA-256.
sessions = Table(
    "sessions",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    _user_id(),
    Column("csrf", String(64), nullable=False),
    Column("created", UTCDateTime, nullable=False),
    Column("expires", UTCDateTime, nullable=False, index=True),
)

# Failed logins, counted per account name and per client address (accounts/ratelimit.py).
login_attempts = Table(
    "login_attempts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("account", String(64), nullable=False, index=True),
    Column("client", String(64), nullable=False, index=True),
    Column("at", UTCDateTime, nullable=False, index=True),
)

follows = Table(
    "follows",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _user_id(),
    Column("kind", String(16), nullable=False),  # category, source, search
    Column("value", String(200), nullable=False),
    Column("created", UTCDateTime, nullable=False),
    UniqueConstraint("user_id", "kind", "value"),
)

mutes = Table(
    "mutes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _user_id(),
    Column("kind", String(16), nullable=False),  # source, keyword
    Column("value", String(200), nullable=False),
    Column("created", UTCDateTime, nullable=False),
    UniqueConstraint("user_id", "kind", "value"),
)

saved = Table(
    "saved",
    metadata,
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "story_id",
        Integer,
        ForeignKey("stories.id", ondelete="CASCADE"),
        primary_key=True,
        index=True,
    ),
    Column("saved_at", UTCDateTime, nullable=False),
)

# "Read" = the summary version the user saw; a later version shows the story as updated.
read_state = Table(
    "read_state",
    metadata,
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "story_id",
        Integer,
        ForeignKey("stories.id", ondelete="CASCADE"),
        primary_key=True,
        index=True,
    ),
    Column("version", Integer, nullable=False),
    Column("read_at", UTCDateTime, nullable=False),
)

# Google Reader API auth tokens (ClientLogin's Auth=...), hashed like sessions.
api_tokens = Table(
    "api_tokens",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    _user_id(),
    Column("created", UTCDateTime, nullable=False),
)

# The secret of each user's outgoing feed URLs; rotating it replaces the row.
feed_tokens = Table(
    "feed_tokens",
    metadata,
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("created", UTCDateTime, nullable=False),
)
