"""PostgreSQL: stories in the ``story_fts`` table of migration 0006 (stored tsvectors, GIN and
update-time indexes), articles through 0004's expression GIN index (``ARTICLE_VECTOR`` repeats the
migration's expression word for word, or the planner would not use it)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Float,
    FromClause,
    Select,
    cast,
    column,
    func,
    literal,
    literal_column,
    select,
    table,
    text,
)

from newsloom.search import ranking
from newsloom.search.query import ParsedQuery, Term
from newsloom.search.ranking import RECENCY_DAYS
from newsloom.store.schema import UTCDateTime, articles, as_utc, stories

_ENGLISH = "'english'::regconfig"
# PostgreSQL's story index (migration 0006): each story's stored document and update time.
_pg_story_fts = table(
    "story_fts", column("id"), column("last_updated", UTCDateTime()), column("document")
)
# Exactly the migration's index expression (see module docstring).
ARTICLE_VECTOR = (
    f"setweight(to_tsvector({_ENGLISH}, articles.title), 'A') "
    f"|| setweight(to_tsvector({_ENGLISH}, articles.lead), 'B')"
)


def age_days(moment: Any, now: datetime) -> ColumnElement[Any]:
    """Days from ``moment`` (a column) to ``now``, 0 for the future."""
    age = func.extract("epoch", literal(as_utc(now), UTCDateTime) - moment) / 86400.0
    return cast(func.greatest(age, 0), Float)


def tsquery(parsed: ParsedQuery, *, phrases: bool = True) -> ColumnElement[Any]:
    """The tsquery of ``parsed``; ``phrases=False`` reads a phrase as "all of these words".

    A GIN index stores no word positions, so a phrase makes PostgreSQL recompute the tsvector of
    every row holding the words (seconds when they are common): matching uses the words, and only
    ranking (on a few rows) checks the phrase.
    """
    english: ColumnElement[Any] = literal_column(_ENGLISH)

    def one(term: Term) -> ColumnElement[Any]:
        if term.prefix:  # the word is alphanumeric, so ":*" is the only operator in the string
            return func.to_tsquery(english, literal(term.words[0] + ":*"))
        if len(term.words) > 1 and phrases:
            return func.phraseto_tsquery(english, literal(" ".join(term.words)))
        return func.plainto_tsquery(english, literal(term.words[0]))

    query = one(parsed.required[0])
    for term in parsed.required[1:]:
        query = func.tsquery_and(query, one(term))
    for term in parsed.excluded:
        query = func.tsquery_and(query, func.tsquery_not(one(term)))
    return query


@contextmanager
def index_paths_only(conn: Connection) -> Iterator[None]:
    """PostgreSQL: no sequential scans for this search's queries.

    The GIN index answers ``@@`` without rechecking, but the planner costs a recheck of the
    tsvector expression per row, so for a word in most rows it picks a sequential scan that
    really does compute every tsvector (seconds at 10k stories). SQLite: nothing to do.
    """
    if conn.dialect.name != "postgresql":
        yield
        return
    previous = conn.execute(text("SELECT current_setting('enable_seqscan')")).scalar_one()
    conn.execute(text("SELECT set_config('enable_seqscan', 'off', true)"))
    try:
        yield
    finally:
        conn.execute(text("SELECT set_config('enable_seqscan', :value, true)"), {"value": previous})


def story_ranking(
    parsed: ParsedQuery, now: datetime, _filtered: Callable[[Select[Any]], Select[Any]]
) -> Select[Any]:
    """(id, score) of the MAX_CANDIDATES most recently updated matches that pass the filters.

    ``story_fts`` (migration 0006) stores each story's document and update time: for a common
    word PostgreSQL walks its update-time index newest first, testing the stored vector, and stops
    at the bound; for a rare one it reads the GIN index. Only the candidates are ranked.
    """
    fts = _pg_story_fts
    candidates = (
        _filtered(
            select(stories.c.id, fts.c.last_updated, fts.c.document)
            .select_from(fts.join(stories, stories.c.id == fts.c.id))
            .where(fts.c.document.op("@@")(tsquery(parsed)))
        )
        .order_by(fts.c.last_updated.desc())
        .limit(ranking.MAX_CANDIDATES)
        .subquery("candidates")
    )
    recency = 1.0 + age_days(candidates.c.last_updated, now) / RECENCY_DAYS
    relevance = func.ts_rank(candidates.c.document, tsquery(parsed), 1)
    return select(candidates.c.id, (relevance / recency).label("score"))


def article_matches(
    parsed: ParsedQuery,
) -> tuple[ColumnElement[Any], FromClause, ColumnElement[bool], Select[Any]]:
    """(relevance, the tables to join articles through, the match condition, matching ids)."""
    vector: ColumnElement[Any] = literal_column(f"({ARTICLE_VECTOR})")
    relevance = func.ts_rank(vector, tsquery(parsed), 1)
    matched = vector.op("@@")(tsquery(parsed, phrases=False))
    return relevance, articles, matched, select(articles.c.id).where(matched)
