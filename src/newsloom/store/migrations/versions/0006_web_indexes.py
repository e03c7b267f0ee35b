"""Indexes for the reading side, so no page or search reads more of stories than it shows.

Stories: ``(category, last_updated, id)`` for category pages, their cursor pages and related
stories (each walks one category newest first, or around a moment, and stops after a page);
``(category, importance)`` makes the ranking's ceiling per category one index probe; ``first_seen``
serves one day of the archive. The index on ``category`` alone is dropped: both start with it.

Story search. SQLite: ``story_fts`` is rebuilt with prefix indexes (2-4 characters), so "harb*" no
longer merges the doclists of every word it starts. PostgreSQL: the expression indexes of 0004 over
every summary version gave all matches at once, unordered, and a rank had to recompute each
summary's tsvector; ``story_fts`` now stores each story's document (headline and latest summary,
kept by triggers like SQLite's) with its update time, so a search walks matches newest first,
stops at a bound, and ranks stored vectors. Neither backend's ``story_fts`` is in ``schema.py``.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Kept literal (not imported) so this revision never changes when other modules evolve.
TOKENIZE = "porter unicode61 remove_diacritics 2"


def _json_texts(column: str) -> str:
    return (
        f"coalesce((SELECT group_concat(j.value, ' ') FROM json_tree(s.{column}) AS j "
        "WHERE j.key = 'text'), '')"
    )


_SUMMARY_TEXT = (
    "coalesce((SELECT s.headline || ' ' || "
    + " || ' ' || ".join(_json_texts(c) for c in ("bullets", "paragraphs", "takeaways"))
    + " FROM summaries AS s WHERE s.story_id = story_fts.rowid ORDER BY s.version DESC LIMIT 1),"
    " '')"
)


def _sqlite_story_fts(options: str) -> list[str]:
    """Rebuild story_fts with ``options``; 0004's triggers name it, so they keep working."""
    return [
        "DROP TABLE story_fts",
        f"CREATE VIRTUAL TABLE story_fts USING fts5(headline, body, tokenize='{TOKENIZE}'{options})",
        "INSERT INTO story_fts(rowid, headline, body) SELECT id, headline, '' FROM stories",
        f"UPDATE story_fts SET body = {_SUMMARY_TEXT}",
    ]


PG_STORY_FTS_UP = [
    # A leftover of a schema dropped table by table (it is not in schema.py) would block this.
    "DROP TABLE IF EXISTS story_fts",
    """CREATE TABLE story_fts (
        id integer PRIMARY KEY REFERENCES stories (id) ON DELETE CASCADE,
        last_updated timestamp with time zone NOT NULL,
        document tsvector NOT NULL)""",
    # Headlines weigh A, the summary's statements D (ts_rank's default weights).
    """CREATE OR REPLACE FUNCTION story_fts_document(story integer) RETURNS tsvector
    LANGUAGE sql STABLE AS $$
        SELECT coalesce((
            SELECT setweight(to_tsvector('english'::regconfig, st.headline), 'A')
                || coalesce((
                    SELECT setweight(to_tsvector('english'::regconfig, s.headline), 'A')
                        || to_tsvector('english'::regconfig, s.bullets)
                        || to_tsvector('english'::regconfig, s.paragraphs)
                        || to_tsvector('english'::regconfig, s.takeaways)
                    FROM summaries AS s WHERE s.story_id = st.id
                    ORDER BY s.version DESC LIMIT 1), ''::tsvector)
            FROM stories AS st WHERE st.id = story), ''::tsvector)
    $$""",
    """CREATE OR REPLACE FUNCTION story_fts_story_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        INSERT INTO story_fts (id, last_updated, document)
        VALUES (NEW.id, NEW.last_updated, story_fts_document(NEW.id));
        RETURN NULL;
    END $$""",
    """CREATE OR REPLACE FUNCTION story_fts_story_updated() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF NEW.headline IS DISTINCT FROM OLD.headline THEN
            UPDATE story_fts SET last_updated = NEW.last_updated,
                document = story_fts_document(NEW.id) WHERE id = NEW.id;
        ELSE
            UPDATE story_fts SET last_updated = NEW.last_updated WHERE id = NEW.id;
        END IF;
        RETURN NULL;
    END $$""",
    """CREATE OR REPLACE FUNCTION story_fts_summary_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP <> 'INSERT' THEN
            UPDATE story_fts SET document = story_fts_document(OLD.story_id)
            WHERE id = OLD.story_id;
        END IF;
        IF TG_OP <> 'DELETE' THEN
            UPDATE story_fts SET document = story_fts_document(NEW.story_id)
            WHERE id = NEW.story_id;
        END IF;
        RETURN NULL;
    END $$""",
    """CREATE TRIGGER story_fts_ai AFTER INSERT ON stories
    FOR EACH ROW EXECUTE FUNCTION story_fts_story_inserted()""",
    """CREATE TRIGGER story_fts_au AFTER UPDATE OF headline, last_updated ON stories
    FOR EACH ROW WHEN (OLD.headline IS DISTINCT FROM NEW.headline
        OR OLD.last_updated IS DISTINCT FROM NEW.last_updated)
    EXECUTE FUNCTION story_fts_story_updated()""",
    """CREATE TRIGGER story_fts_summaries AFTER INSERT OR UPDATE OR DELETE ON summaries
    FOR EACH ROW EXECUTE FUNCTION story_fts_summary_changed()""",
    """INSERT INTO story_fts (id, last_updated, document)
    SELECT id, last_updated, story_fts_document(id) FROM stories""",
    "CREATE INDEX ix_story_fts_document ON story_fts USING gin (document)",
    "CREATE INDEX ix_story_fts_last_updated ON story_fts (last_updated)",
    "DROP INDEX IF EXISTS ix_summaries_search",
    "DROP INDEX IF EXISTS ix_stories_search",
]

PG_STORY_FTS_DOWN = [
    "DROP TRIGGER IF EXISTS story_fts_summaries ON summaries",
    "DROP TRIGGER IF EXISTS story_fts_au ON stories",
    "DROP TRIGGER IF EXISTS story_fts_ai ON stories",
    "DROP FUNCTION IF EXISTS story_fts_summary_changed()",
    "DROP FUNCTION IF EXISTS story_fts_story_updated()",
    "DROP FUNCTION IF EXISTS story_fts_story_inserted()",
    "DROP TABLE IF EXISTS story_fts",
    "DROP FUNCTION IF EXISTS story_fts_document(integer)",
    # 0004's expression indexes, exactly as it made them.
    """CREATE INDEX ix_stories_search ON stories USING gin (
        (to_tsvector('english'::regconfig, headline)))""",
    """CREATE INDEX ix_summaries_search ON summaries USING gin ((
        setweight(to_tsvector('english'::regconfig, headline), 'A')
        || to_tsvector('english'::regconfig, bullets)
        || to_tsvector('english'::regconfig, paragraphs)
        || to_tsvector('english'::regconfig, takeaways)))""",
]


def upgrade() -> None:
    op.create_index(
        "ix_stories_category_last_updated_id", "stories", ["category", "last_updated", "id"]
    )
    op.create_index("ix_stories_category_importance", "stories", ["category", "importance"])
    op.create_index("ix_stories_first_seen", "stories", ["first_seen"])
    op.drop_index("ix_stories_category", table_name="stories")
    if op.get_bind().dialect.name == "sqlite":
        statements = _sqlite_story_fts(", prefix='2 3 4'")
    else:
        statements = PG_STORY_FTS_UP
    for statement in statements:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        statements = _sqlite_story_fts("")
    else:
        statements = PG_STORY_FTS_DOWN
    for statement in statements:
        op.execute(statement)
    op.create_index("ix_stories_category", "stories", ["category"])
    op.drop_index("ix_stories_first_seen", table_name="stories")
    op.drop_index("ix_stories_category_importance", table_name="stories")
    op.drop_index("ix_stories_category_last_updated_id", table_name="stories")
