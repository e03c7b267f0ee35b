"""Full-text search over stories (headline + latest summary) and articles (title + lead): the
queries both dialects share, each dialect's matching and relevance from its backend module.

Story searches score only the MAX_CANDIDATES newest matches (``ranking.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, nullcontext
from datetime import datetime
from types import ModuleType
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    and_,
    exists,
    func,
    literal_column,
    or_,
    select,
    union,
)

from newsloom.records import Cited
from newsloom.search import ranking
from newsloom.search.backends import postgresql, sqlite
from newsloom.search.query import LANGUAGE_CODE, ParsedQuery, language_code, parse_query
from newsloom.search.ranking import RECENCY_DAYS, ArticleHit, SearchHit, bounded
from newsloom.search.snippets import snippet
from newsloom.store._errors import store_errors, upsert_dialect
from newsloom.store.schema import articles, sources, stories, story_articles, summaries
from newsloom.store.summaries import cited_from_json


def _backend(dialect: str) -> ModuleType:
    return sqlite if dialect == "sqlite" else postgresql


@contextmanager
def _index_paths_only(conn: Connection, dialect: str) -> Iterator[None]:
    with postgresql.index_paths_only(conn) if dialect != "sqlite" else nullcontext():
        yield


def _language_of(code: str) -> ColumnElement[bool]:
    """Article (or, when the article has none, its source) is in language ``code`` or a variant."""

    def is_code(col: Any) -> ColumnElement[bool]:
        return or_(func.lower(col) == code, func.lower(col).like(code + "-%"))

    return or_(
        is_code(articles.c.language), and_(articles.c.language == "", is_code(sources.c.language))
    )


def _story_filters(
    query: Select[Any],
    *,
    category: str | None,
    source_id: int | None,
    language: str | None,
    since: datetime | None,
    until: datetime | None,
) -> Select[Any]:
    members = story_articles
    query = query.where(
        stories.c.merged_into.is_(None), exists().where(members.c.story_id == stories.c.id)
    )
    if category is not None:
        query = query.where(stories.c.category == category)
    if since is not None:
        query = query.where(stories.c.last_updated >= since)
    if until is not None:
        query = query.where(stories.c.first_seen < until)
    if source_id is not None:
        carried = members.join(
            articles,
            or_(articles.c.id == members.c.article_id, articles.c.copy_of == members.c.article_id),
        )
        query = query.where(
            exists()
            .select_from(carried)
            .where(members.c.story_id == stories.c.id, articles.c.source_id == source_id)
        )
    code = language_code(language)
    if code is not None:
        query = query.where(
            exists()
            .select_from(
                members.join(articles, articles.c.id == members.c.article_id).join(
                    sources, sources.c.id == articles.c.source_id
                )
            )
            .where(members.c.story_id == stories.c.id, _language_of(code))
        )
    return query


@store_errors
def search_stories(
    conn: Connection,
    query: str,
    *,
    category: str | None = None,
    source_id: int | None = None,
    language: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    limit: int = 20,
    offset: int = 0,
    now: datetime,
) -> list[SearchHit]:
    """Live stories whose headline or latest summary matches, best (relevance x recency) first.

    ``since``/``until`` keep stories active in that span (updated on or after ``since``, first seen
    before ``until``); ``source_id`` and ``language`` keep stories with such an article or copy.
    Only the MAX_CANDIDATES most recently updated matches are scored, which bounds the work a
    query matching most of the archive costs (its words then say little about relevance anyway).
    """
    parsed = parse_query(query)
    limit, offset = bounded(limit, offset)
    if parsed.empty or limit == 0:
        return []

    def _filtered(query: Select[Any]) -> Select[Any]:
        return _story_filters(
            query,
            category=category,
            source_id=source_id,
            language=language,
            since=since,
            until=until,
        )

    dialect = upsert_dialect(conn)
    with _index_paths_only(conn, dialect):
        return _ranked_stories(conn, parsed, dialect, now, _filtered, limit, offset)


def _ranked_stories(
    conn: Connection,
    parsed: ParsedQuery,
    dialect: str,
    now: datetime,
    _filtered: Callable[[Select[Any]], Select[Any]],
    limit: int,
    offset: int,
) -> list[SearchHit]:
    ranked = _backend(dialect).story_ranking(parsed, now, _filtered)
    score: ColumnElement[Any] = literal_column("score")
    rows = conn.execute(
        ranked.order_by(score.desc(), literal_column("id").desc()).limit(limit).offset(offset)
    ).all()
    texts = _story_texts(conn, [r.id for r in rows])
    return [
        SearchHit(story_id=r.id, score=float(r.score or 0.0), snippet=snippet(texts[r.id], parsed))
        for r in rows
    ]


def _story_texts(conn: Connection, story_ids: Sequence[int]) -> dict[int, str]:
    """The text a snippet is cut from: latest summary's statements, else the story's headline."""
    if not story_ids:
        return {}
    texts = {
        r.id: r.headline
        for r in conn.execute(
            select(stories.c.id, stories.c.headline).where(stories.c.id.in_(story_ids))
        )
    }
    latest = (
        select(summaries.c.story_id, func.max(summaries.c.version).label("version"))
        .where(summaries.c.story_id.in_(story_ids))
        .group_by(summaries.c.story_id)
        .subquery()
    )
    query = select(summaries.c.story_id, summaries.c.bullets, summaries.c.paragraphs).join(
        latest,
        and_(summaries.c.story_id == latest.c.story_id, summaries.c.version == latest.c.version),
    )
    for row in conn.execute(query):
        statements: list[Cited] = [*cited_from_json(row.bullets)]
        for paragraph in row.paragraphs or ():
            statements.extend(cited_from_json(paragraph))
        if statements:
            texts[row.story_id] = " ".join(c.text for c in statements)
    return texts


@store_errors
def search_articles(
    conn: Connection,
    query: str,
    *,
    source_id: int | None = None,
    language: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    originals_only: bool = True,
    limit: int = 20,
    offset: int = 0,
    now: datetime,
) -> list[ArticleHit]:
    """Articles whose title or lead matches, best (relevance x recency of publication) first."""
    parsed = parse_query(query)
    limit, offset = bounded(limit, offset)
    if parsed.empty or limit == 0:
        return []
    dialect = upsert_dialect(conn)
    code = language_code(language)

    def filtered(query: Select[Any]) -> Select[Any]:
        if originals_only:
            query = query.where(articles.c.copy_of.is_(None))
        if source_id is not None:
            query = query.where(articles.c.source_id == source_id)
        if code is not None:
            query = query.where(_language_of(code))
        if since is not None:
            query = query.where(articles.c.published >= since)
        if until is not None:
            query = query.where(articles.c.published < until)
        return query

    backend = _backend(dialect)
    recency = 1.0 + backend.age_days(articles.c.published, now) / RECENCY_DAYS
    relevance, base, matched, matches = backend.article_matches(parsed)
    ranked = filtered(
        select(
            articles.c.id,
            articles.c.title,
            articles.c.lead,
            story_articles.c.story_id,
            (relevance / recency).label("score"),
        )
        .select_from(
            base.join(sources, sources.c.id == articles.c.source_id).outerjoin(
                story_articles,
                story_articles.c.article_id == func.coalesce(articles.c.copy_of, articles.c.id),
            )
        )
        .where(matched)
    )
    with _index_paths_only(conn, dialect):
        count = conn.execute(select(func.count()).select_from(matches.subquery())).scalar_one()
        if count > ranking.MAX_CANDIDATES:  # as for stories: score only the newest matches
            newest = filtered(
                select(articles.c.id)
                .join(sources, sources.c.id == articles.c.source_id)
                .where((articles.c.id + 0 if dialect == "sqlite" else articles.c.id).in_(matches))
            )
            newest = newest.order_by(articles.c.published.desc()).limit(ranking.MAX_CANDIDATES)
            ranked = ranked.where(articles.c.id.in_(newest))
        rows = conn.execute(
            ranked.order_by(literal_column("score").desc(), articles.c.id.desc())
            .limit(limit)
            .offset(offset)
        ).all()
    return [
        ArticleHit(
            article_id=r.id,
            story_id=r.story_id,
            score=float(r.score or 0.0),
            snippet=snippet(f"{r.title}. {r.lead}" if r.lead else r.title, parsed),
        )
        for r in rows
    ]


@store_errors
def search_languages(conn: Connection, *, recent: int = 500) -> list[str]:
    """Language codes sources declare or the ``recent`` newest articles carry (bounded cost)."""
    newest = (
        select(articles.c.language).order_by(articles.c.published.desc()).limit(recent).subquery()
    )
    found = select(func.lower(newest.c.language).label("code")).where(newest.c.language != "")
    declared = select(func.lower(sources.c.language).label("code")).where(sources.c.language != "")
    rows = conn.execute(union(found, declared))
    return sorted({r.code for r in rows if LANGUAGE_CODE.match(r.code)})
