"""SQLite: the FTS5 tables of migrations 0004 and 0006 (``story_fts``, ``article_fts``)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
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
)

from newsloom.search import ranking
from newsloom.search.query import ParsedQuery, Term
from newsloom.search.ranking import RECENCY_DAYS
from newsloom.store.schema import articles, as_utc, stories

_story_fts = table("story_fts", column("rowid"), column("headline"), column("body"))
_article_fts = table("article_fts", column("rowid"), column("title"), column("lead"))


def age_days(moment: Any, now: datetime) -> ColumnElement[Any]:
    """Days from ``moment`` (a column) to ``now``, 0 for the future."""
    stamp = as_utc(now).strftime("%Y-%m-%d %H:%M:%S")
    age = func.julianday(literal(stamp)) - func.julianday(moment)
    return cast(func.max(age, 0), Float)


def fts5_query(parsed: ParsedQuery) -> str:
    """The FTS5 MATCH string: only double-quoted strings of plain words, AND, NOT and *."""

    def quoted(term: Term) -> str:
        return '"' + " ".join(term.words) + '"' + ("*" if term.prefix else "")

    expression = " AND ".join(quoted(t) for t in parsed.required)
    for term in parsed.excluded:
        expression = f"({expression}) NOT {quoted(term)}"
    return expression


def story_ranking(
    parsed: ParsedQuery, now: datetime, _filtered: Callable[[Select[Any]], Select[Any]]
) -> Select[Any]:
    """(id, score) of the newest MAX_CANDIDATES matching stories that pass the filters.

    FTS5 drives the query: it yields matches newest story first (its rowid is the story id) and
    stops once MAX_CANDIDATES of them passed the filters, so bm25 is computed for those alone,
    never for every story holding a common word. The "+ 0" keeps SQLite from driving off
    stories instead (one FTS5 lookup per story costs ~0.5 ms).
    """
    fts: ColumnElement[Any] = literal_column("story_fts")
    candidates = (
        _filtered(
            select(
                stories.c.id,
                stories.c.last_updated,
                (-func.bm25(fts, 2.0, 1.0)).label("relevance"),
            )
            .select_from(_story_fts.join(stories, stories.c.id == _story_fts.c.rowid + 0))
            .where(fts.op("MATCH")(fts5_query(parsed)))
        )
        .order_by(_story_fts.c.rowid.desc())
        .limit(ranking.MAX_CANDIDATES)
        .subquery("candidates")
    )
    recency = 1.0 + age_days(candidates.c.last_updated, now) / RECENCY_DAYS
    return select(candidates.c.id, (candidates.c.relevance / recency).label("score"))


def article_matches(
    parsed: ParsedQuery,
) -> tuple[ColumnElement[Any], FromClause, ColumnElement[bool], Select[Any]]:
    """(relevance, the tables to join articles through, the match condition, matching ids)."""
    relevance: ColumnElement[Any] = -func.bm25(literal_column("article_fts"), 2.0, 1.0)
    base: FromClause = _article_fts.join(articles, articles.c.id == _article_fts.c.rowid)
    matched: ColumnElement[bool] = literal_column("article_fts").op("MATCH")(fts5_query(parsed))
    return relevance, base, matched, select(_article_fts.c.rowid).where(matched)
