"""Full-text search (SQLite FTS5, PostgreSQL tsvector).

SQLite: ``article_fts`` is an external-content FTS5 index over articles (title, lead);
``story_fts`` holds each story's headline and the text of its latest summary (headline, bullets,
paragraphs, takeaways), since that text lives in JSON columns no external-content table can point at.
Triggers keep both in step with every write. PostgreSQL: GIN indexes over tsvector expressions; the
queries in ``newsloom.search.backends`` repeat these expressions word for word so the planner uses them.

The virtual tables, their shadow tables, the triggers and the expression indexes exist only here,
not in ``schema.py``; ``newsloom.store.search_index.outside_search`` names them for schema comparisons.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Kept literal (not imported) so this revision never changes when the search module evolves.
TOKENIZE = "porter unicode61 remove_diacritics 2"


def _json_texts(column: str) -> str:
    """Every "text" member of a cited-statement JSON column, joined by spaces."""
    return (
        f"coalesce((SELECT group_concat(j.value, ' ') FROM json_tree(s.{column}) AS j "
        "WHERE j.key = 'text'), '')"
    )


# The searchable text of a story's latest summary; :story is replaced by NEW./OLD.story_id.
_SUMMARY_TEXT = (
    "coalesce((SELECT s.headline || ' ' || "
    + " || ' ' || ".join(_json_texts(c) for c in ("bullets", "paragraphs", "takeaways"))
    + " FROM summaries AS s WHERE s.story_id = {story} ORDER BY s.version DESC LIMIT 1), '')"
)


def _refresh_story_body(story: str) -> str:
    return f"UPDATE story_fts SET body = {_SUMMARY_TEXT.format(story=story)} WHERE rowid = {story};"


SQLITE_UP = [
    f"""CREATE VIRTUAL TABLE article_fts USING fts5(
        title, lead, content='articles', content_rowid='id', tokenize='{TOKENIZE}')""",
    """CREATE TRIGGER article_fts_ai AFTER INSERT ON articles BEGIN
        INSERT INTO article_fts(rowid, title, lead) VALUES (NEW.id, NEW.title, NEW.lead);
    END""",
    """CREATE TRIGGER article_fts_ad AFTER DELETE ON articles BEGIN
        INSERT INTO article_fts(article_fts, rowid, title, lead)
        VALUES ('delete', OLD.id, OLD.title, OLD.lead);
    END""",
    """CREATE TRIGGER article_fts_au AFTER UPDATE OF title, lead ON articles BEGIN
        INSERT INTO article_fts(article_fts, rowid, title, lead)
        VALUES ('delete', OLD.id, OLD.title, OLD.lead);
        INSERT INTO article_fts(rowid, title, lead) VALUES (NEW.id, NEW.title, NEW.lead);
    END""",
    "INSERT INTO article_fts(article_fts) VALUES ('rebuild')",
    f"CREATE VIRTUAL TABLE story_fts USING fts5(headline, body, tokenize='{TOKENIZE}')",
    """CREATE TRIGGER story_fts_ai AFTER INSERT ON stories BEGIN
        INSERT INTO story_fts(rowid, headline, body) VALUES (NEW.id, NEW.headline, '');
    END""",
    """CREATE TRIGGER story_fts_au AFTER UPDATE OF headline ON stories BEGIN
        UPDATE story_fts SET headline = NEW.headline WHERE rowid = NEW.id;
    END""",
    """CREATE TRIGGER story_fts_ad AFTER DELETE ON stories BEGIN
        DELETE FROM story_fts WHERE rowid = OLD.id;
    END""",
    f"""CREATE TRIGGER summary_fts_ai AFTER INSERT ON summaries BEGIN
        {_refresh_story_body("NEW.story_id")}
    END""",
    f"""CREATE TRIGGER summary_fts_au AFTER UPDATE ON summaries BEGIN
        {_refresh_story_body("OLD.story_id")}
        {_refresh_story_body("NEW.story_id")}
    END""",
    f"""CREATE TRIGGER summary_fts_ad AFTER DELETE ON summaries BEGIN
        {_refresh_story_body("OLD.story_id")}
    END""",
    "INSERT INTO story_fts(rowid, headline, body) SELECT id, headline, '' FROM stories",
    f"UPDATE story_fts SET body = {_SUMMARY_TEXT.format(story='story_fts.rowid')}",
]

SQLITE_DOWN = [
    *(
        f"DROP TRIGGER IF EXISTS {name}"
        for name in (
            "article_fts_ai",
            "article_fts_ad",
            "article_fts_au",
            "story_fts_ai",
            "story_fts_au",
            "story_fts_ad",
            "summary_fts_ai",
            "summary_fts_au",
            "summary_fts_ad",
        )
    ),
    "DROP TABLE IF EXISTS article_fts",
    "DROP TABLE IF EXISTS story_fts",
]

PG_UP = [
    """CREATE INDEX ix_articles_search ON articles USING gin ((
        setweight(to_tsvector('english'::regconfig, title), 'A')
        || setweight(to_tsvector('english'::regconfig, lead), 'B')))""",
    """CREATE INDEX ix_stories_search ON stories USING gin (
        (to_tsvector('english'::regconfig, headline)))""",
    """CREATE INDEX ix_summaries_search ON summaries USING gin ((
        setweight(to_tsvector('english'::regconfig, headline), 'A')
        || to_tsvector('english'::regconfig, bullets)
        || to_tsvector('english'::regconfig, paragraphs)
        || to_tsvector('english'::regconfig, takeaways)))""",
]

PG_DOWN = [
    "DROP INDEX IF EXISTS ix_summaries_search",
    "DROP INDEX IF EXISTS ix_stories_search",
    "DROP INDEX IF EXISTS ix_articles_search",
]


def upgrade() -> None:
    statements = SQLITE_UP if op.get_bind().dialect.name == "sqlite" else PG_UP
    for statement in statements:
        op.execute(statement)


def downgrade() -> None:
    statements = SQLITE_DOWN if op.get_bind().dialect.name == "sqlite" else PG_DOWN
    for statement in statements:
        op.execute(statement)
