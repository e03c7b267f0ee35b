"""Read queries the web site needs, batched: a page costs a handful of queries, not one per article.

Articles read here carry no ``text`` (left empty): pages and feeds never show it, and it is the
biggest column by far.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any, NamedTuple

from sqlalchemy import (
    ColumnElement,
    CompoundSelect,
    Connection,
    Row,
    Select,
    bindparam,
    exists,
    func,
    select,
    union,
    union_all,
)

from newsloom.errors import StoreError
from newsloom.records import Article, Cited, Story, Summary
from newsloom.store._errors import store_errors
from newsloom.store.articles import CHUNK, article_from_row
from newsloom.store.schema import (
    articles,
    images,
    sources,
    stories,
    story_articles,
    summaries,
)
from newsloom.store.stories import MAX_MERGE_HOPS, _stories, story_from_row
from newsloom.store.summaries import _summary, cited_from_json

_members = story_articles
_BRIEF_COLUMNS = [c for c in articles.c if c.name != "text"]


class RankRow(NamedTuple):
    """What ranking needs of a story: its id, stored importance and last update."""

    id: int
    importance: float
    last_updated: datetime


class SummaryStamp(NamedTuple):
    version: int
    created: datetime
    headline: str
    whats_new: tuple[Cited, ...] = ()  # what this version added (the story's timeline)


def _chunks(ids: Sequence[int]) -> list[list[int]]:
    unique = list(dict.fromkeys(ids))
    return [unique[i : i + CHUNK] for i in range(0, len(unique), CHUNK)]


def _has_articles() -> ColumnElement[bool]:
    return exists(select(_members.c.article_id).where(_members.c.story_id == stories.c.id))


def _live(
    query: Select[Any],
    *,
    category: str | None = None,
    language: str | None = None,
    since: datetime | None = None,
) -> Select[Any]:
    """Only stories that are shown: not merged away, with at least one article."""
    query = query.where(stories.c.merged_into.is_(None), _has_articles())
    if category is not None:
        query = query.where(stories.c.category == category)
    if since is not None:
        query = query.where(stories.c.last_updated >= since)
    if language is not None:
        in_language = (
            select(_members.c.article_id)
            .join(articles, articles.c.id == _members.c.article_id)
            .where(_members.c.story_id == stories.c.id, articles.c.language == language)
        )
        query = query.where(exists(in_language))
    return query


def _newest_first(query: Select[Any], before: tuple[datetime, int] | None) -> Select[Any]:
    """Keyset order (last_updated desc, id desc), starting after ``before`` when given."""
    if before is not None:
        moment, story_id = before
        query = query.where(
            (stories.c.last_updated < moment)
            | ((stories.c.last_updated == moment) & (stories.c.id < story_id))
        )
    return query.order_by(stories.c.last_updated.desc(), stories.c.id.desc())


@store_errors
def recent_stories(
    conn: Connection,
    *,
    category: str | None = None,
    language: str | None = None,
    since: datetime | None = None,
    before: tuple[datetime, int] | None = None,
    limit: int = 20,
    offset: int = 0,
) -> list[Story]:
    """Live stories, most recently updated first; ``before`` = (last_updated, id) of the last seen."""
    query = _live(select(stories), category=category, language=language, since=since)
    query = _newest_first(query, before).limit(max(limit, 0)).offset(max(offset, 0))
    return _stories(conn, conn.execute(query).all())


@store_errors
def count_recent_stories(
    conn: Connection,
    *,
    category: str | None = None,
    language: str | None = None,
    since: datetime | None = None,
) -> int:
    query = _live(
        select(func.count()).select_from(stories),
        category=category,
        language=language,
        since=since,
    )
    return int(conn.execute(query).scalar_one())


@store_errors
def rank_rows(
    conn: Connection,
    *,
    category: str | None = None,
    before: tuple[datetime, int] | None = None,
    limit: int = 200,
) -> list[RankRow]:
    """(id, importance, last_updated) of unmerged stories, newest first: the input of ranking.

    Stories without articles are not filtered here (that would cost a lookup per row read);
    callers drop them with ``live_ids``.
    """
    query = select(stories.c.id, stories.c.importance, stories.c.last_updated).where(
        stories.c.merged_into.is_(None)
    )
    if category is not None:
        query = query.where(stories.c.category == category)
    query = _newest_first(query, before).limit(max(limit, 0))
    return [RankRow(r.id, float(r.importance), r.last_updated) for r in conn.execute(query)]


_CEILING: Select[Any] = select(func.max(stories.c.importance))
_CATEGORY_CEILING: Select[Any] = _CEILING.where(stories.c.category == bindparam("category"))


@store_errors
def max_importance(conn: Connection, *, category: str | None = None) -> float:
    """An upper bound of live stories' stored importance: the highest of all stories, merged ones
    included, so that it is one probe of the (category,) importance index."""
    if category is None:
        return float(conn.execute(_CEILING).scalar_one() or 0.0)
    return float(conn.execute(_CATEGORY_CEILING, {"category": category}).scalar_one() or 0.0)


@store_errors
def importance_ceilings(conn: Connection, categories: Sequence[str]) -> dict[str, float]:
    """category -> ``max_importance`` of that category, for those of ``categories`` that hold a
    story: one index probe each, never a pass over stories."""
    found: dict[str, float] = {}
    for category in dict.fromkeys(categories):
        ceiling = conn.execute(_CATEGORY_CEILING, {"category": category}).scalar_one()
        if ceiling is not None:
            found[category] = float(ceiling)
    return found


@store_errors
def stories_by_ids(
    conn: Connection, ids: Sequence[int], *, article_ids: bool = True
) -> list[Story]:
    """Stories in the order of ``ids`` (unknown ids skipped), merged or not. ``article_ids=False``
    leaves them empty, one read fewer: for cards, whose members ``story_articles_brief`` reads."""
    found: dict[int, Story] = {}
    for chunk in _chunks(ids):
        rows = conn.execute(select(stories).where(stories.c.id.in_(chunk))).all()
        chunk_stories = _stories(conn, rows) if article_ids else map(story_from_row, rows)
        found.update({s.id: s for s in chunk_stories})
    return [found[i] for i in dict.fromkeys(ids) if i in found]


@store_errors
def first_seen_between(
    conn: Connection, start: datetime, end: datetime, *, limit: int = 200
) -> list[Story]:
    """Live stories first seen in [start, end), most important first: one day of the archive."""
    query = _live(select(stories)).where(stories.c.first_seen >= start, stories.c.first_seen < end)
    query = query.order_by(stories.c.importance.desc(), stories.c.first_seen, stories.c.id)
    return _stories(conn, conn.execute(query.limit(max(limit, 0))).all())


@store_errors
def stories_of_source(
    conn: Connection, source_id: int, *, limit: int = 20, offset: int = 0
) -> list[Story]:
    """Live stories holding an article of the source (or a copy it published), newest first."""
    query = _live(select(stories)).where(_covers(source_id))
    query = _newest_first(query, None).limit(max(limit, 0)).offset(max(offset, 0))
    return _stories(conn, conn.execute(query).all())


@store_errors
def count_stories_of_source(conn: Connection, source_id: int) -> int:
    query = _live(select(func.count()).select_from(stories)).where(_covers(source_id))
    return int(conn.execute(query).scalar_one())


def _covers(source_id: int) -> ColumnElement[bool]:
    """The story holds an article of the source, or the original of a copy the source published.

    Driven from the source's own articles (an index range) rather than probed per story: with
    each story checked in turn, SQLite walked the source's articles once per story (16 s for an
    outlet page over 10k stories)."""
    copies = articles.alias("copies")
    member = (
        select(_members.c.story_id)
        .join(articles, articles.c.id == _members.c.article_id)
        .where(articles.c.source_id == source_id)
    )
    copied = (
        select(_members.c.story_id)
        .join(copies, copies.c.copy_of == _members.c.article_id)
        .where(copies.c.source_id == source_id)
    )
    return stories.c.id.in_(union(member, copied))


_NEAR: Select[Any] = select(stories.c.id, stories.c.headline, stories.c.category).where(
    stories.c.merged_into.is_(None)
)
_NEAR_OLDER: Select[Any] = (
    _NEAR.where(
        stories.c.last_updated <= bindparam("around"), stories.c.last_updated >= bindparam("start")
    )
    .order_by(stories.c.last_updated.desc(), stories.c.id.desc())
    .limit(bindparam("limit"))
)
_NEAR_NEWER: Select[Any] = (
    _NEAR.where(
        stories.c.last_updated > bindparam("around"), stories.c.last_updated <= bindparam("end")
    )
    .order_by(stories.c.last_updated, stories.c.id)
    .limit(bindparam("limit"))
)
_LIVE_IDS: Select[Any] = (
    select(_members.c.story_id)
    .where(_members.c.story_id.in_(bindparam("ids", expanding=True)))
    .distinct()
)


@store_errors
def stories_near(
    conn: Connection, around: datetime, *, window: timedelta, limit: int
) -> list[tuple[int, str, str]]:
    """(id, headline, category) of unmerged stories updated within ``window`` of ``around``,
    up to ``limit`` on each side, nearest first on each side.

    Only the last_updated index is used (no category filter, no article check), so the query
    stays cheap; callers filter the few rows in Python and check liveness with ``live_ids``.
    """
    bounds = {"around": around, "start": around - window, "end": around + window}
    limit = max(limit, 0)
    rows = [
        *conn.execute(_NEAR_OLDER, {**bounds, "limit": limit}),
        *conn.execute(_NEAR_NEWER, {**bounds, "limit": limit}),
    ]
    return [(r.id, r.headline, r.category) for r in rows]


_STORY_BY_ID: Select[Any] = select(stories).where(stories.c.id == bindparam("id"))


def _of_story(query: Select[Any]) -> ColumnElement[Any]:
    return query.where(_members.c.story_id == stories.c.id).scalar_subquery()


_copy = articles.alias("copy")
_STAMP: Select[Any] = select(
    stories.c.merged_into,
    stories.c.last_updated,
    stories.c.first_seen,
    stories.c.headline,
    stories.c.category,
    stories.c.importance,
    select(func.max(summaries.c.version))
    .where(summaries.c.story_id == stories.c.id)
    .scalar_subquery(),
    _of_story(select(func.count()).select_from(_members)),
    _of_story(select(func.coalesce(func.sum(_members.c.article_id), 0))),
    _of_story(
        select(func.count()).select_from(
            _members.join(_copy, _copy.c.copy_of == _members.c.article_id)
        )
    ),
    # Pictures fetched after the page was cached: the page gains its picture at once.
    _of_story(
        select(func.count())
        .select_from(
            _members.join(articles, articles.c.id == _members.c.article_id).join(
                images, images.c.url == articles.c.image
            )
        )
        .where(images.c.status == "ok")
    ),
).where(stories.c.id == bindparam("id"))


@store_errors
def story_stamp(conn: Connection, story_id: int) -> tuple[Any, ...] | None:
    """What a story page is made of, in one row of index probes: the story's fields, its latest
    summary version, its members (count and id sum), their copies (count) and their stored
    pictures (count). None if no story.

    Equal stamps mean the same page, except for what lives outside the story (outlet names,
    related stories), which callers bound by time."""
    row = conn.execute(_STAMP, {"id": story_id}).one_or_none()
    return tuple(row) if row is not None else None


@store_errors
def resolved_story(conn: Connection, story_id: int) -> Story | None:
    """The story ``story_id`` is, or was merged into (one primary-key read per hop); None if
    there is no such story. Its ``article_ids`` are left empty: ``story_articles_brief`` reads them.
    """
    seen: set[int] = set()
    current = story_id
    for _ in range(MAX_MERGE_HOPS):
        row = conn.execute(_STORY_BY_ID, {"id": current}).one_or_none()
        if row is None:
            return None
        if row.merged_into is None:
            return story_from_row(row)
        seen.add(current)
        if row.merged_into in seen:
            raise StoreError(f"store: story {story_id} is in a merge cycle")
        current = row.merged_into
    raise StoreError(f"store: story {story_id} is merged more than {MAX_MERGE_HOPS} hops deep")


def _neighbours(newer: bool) -> Select[Any]:
    """Live stories of one category on one side of ``around``, nearest first: a range of the
    (category, last_updated, id) index, read no further than ``limit`` rows."""
    moment = stories.c.last_updated
    query = select(stories.c.id, stories.c.headline).where(
        stories.c.category == bindparam("category"),
        stories.c.merged_into.is_(None),
        stories.c.id != bindparam("story_id"),
        _has_articles(),
    )
    if newer:
        query = query.where(moment > bindparam("around"), moment <= bindparam("end"))
        query = query.order_by(moment, stories.c.id)
    else:
        query = query.where(moment <= bindparam("around"), moment >= bindparam("start"))
        query = query.order_by(moment.desc(), stories.c.id.desc())
    return query.limit(bindparam("limit"))


_NEIGHBOURS: CompoundSelect[Any] = union_all(
    _neighbours(newer=False).subquery().select(), _neighbours(newer=True).subquery().select()
)


@store_errors
def category_neighbours(
    conn: Connection,
    story_id: int,
    category: str,
    around: datetime,
    *,
    window: timedelta,
    limit: int,
) -> list[tuple[int, str]]:
    """(id, headline) of live stories of ``category`` (other than ``story_id``) updated within
    ``window`` of ``around``: up to ``limit`` on each side, in one query over an index range."""
    bounds = {"around": around, "start": around - window, "end": around + window}
    values = {**bounds, "category": category, "story_id": story_id, "limit": max(limit, 0)}
    return [(r.id, r.headline) for r in conn.execute(_NEIGHBOURS, values)]


@store_errors
def live_ids(conn: Connection, ids: Sequence[int]) -> set[int]:
    """Those of ``ids`` that hold at least one article (merged stories hold none)."""
    found: set[int] = set()
    for chunk in _chunks(ids):
        found.update(r.story_id for r in conn.execute(_LIVE_IDS, {"ids": chunk}))
    return found


def _latest_version() -> ColumnElement[Any]:
    newer = summaries.alias("newer")
    return (
        select(func.max(newer.c.version))
        .where(newer.c.story_id == summaries.c.story_id)
        .scalar_subquery()
    )


_IN_STORIES = summaries.c.story_id.in_(bindparam("ids", expanding=True))
_LATEST: Select[Any] = select(summaries).where(
    _IN_STORIES, summaries.c.version == _latest_version()
)
_LATEST_BULLETS: Select[Any] = select(
    summaries.c.story_id, summaries.c.headline, summaries.c.bullets
).where(_IN_STORIES, summaries.c.version == _latest_version())
_STAMPS: Select[Any] = (
    select(summaries.c.version, summaries.c.created, summaries.c.headline, summaries.c.whats_new)
    .where(summaries.c.story_id == bindparam("story_id"))
    .order_by(summaries.c.version)
)


_LATEST_ONE: Select[Any] = (
    select(summaries)
    .where(summaries.c.story_id == bindparam("story_id"))
    .order_by(summaries.c.version.desc())
    .limit(1)
)


@store_errors
def latest_summary_of(conn: Connection, story_id: int) -> Summary | None:
    """The story's latest summary: one read of the (story_id, version) index."""
    row = conn.execute(_LATEST_ONE, {"story_id": story_id}).one_or_none()
    return _summary(row) if row is not None else None


@store_errors
def latest_summaries(conn: Connection, story_ids: Sequence[int]) -> dict[int, Summary]:
    """story_id -> its latest summary, for those of ``story_ids`` that have one."""
    found: dict[int, Summary] = {}
    for chunk in _chunks(story_ids):
        found.update({r.story_id: _summary(r) for r in conn.execute(_LATEST, {"ids": chunk})})
    return found


class CardSummary(NamedTuple):
    """What a story card shows of the latest summary."""

    headline: str
    bullets: tuple[Cited, ...]


@store_errors
def latest_bullets(conn: Connection, story_ids: Sequence[int]) -> dict[int, CardSummary]:
    """story_id -> headline and bullets of its latest summary (the rest is not even decoded)."""
    found: dict[int, CardSummary] = {}
    for chunk in _chunks(story_ids):
        for r in conn.execute(_LATEST_BULLETS, {"ids": chunk}):
            found[r.story_id] = CardSummary(r.headline, cited_from_json(r.bullets))
    return found


@store_errors
def summary_stamps(conn: Connection, story_id: int) -> list[SummaryStamp]:
    """(version, created, headline, what's new) of every summary version, oldest first."""
    rows = conn.execute(_STAMPS, {"story_id": story_id})
    return [
        SummaryStamp(r.version, r.created, r.headline, cited_from_json(r.whats_new)) for r in rows
    ]


def _brief(row: Row[Any]) -> Article:
    return article_from_row(row, text="")


_BRIEF: Select[Any] = select(*_BRIEF_COLUMNS, sources.c.title.label("outlet")).join(
    sources, sources.c.id == articles.c.source_id
)
_MEMBERS_BRIEF: Select[Any] = (
    _BRIEF.add_columns(_members.c.story_id.label("member_of"))
    .join(_members, _members.c.article_id == articles.c.id)
    .where(_members.c.story_id.in_(bindparam("ids", expanding=True)))
    .order_by(articles.c.published, articles.c.id)
)
_ARTICLES_BRIEF: Select[Any] = _BRIEF.where(articles.c.id.in_(bindparam("ids", expanding=True)))
_COPIES_BRIEF: Select[Any] = _BRIEF.where(
    articles.c.copy_of.in_(bindparam("ids", expanding=True))
).order_by(articles.c.published, articles.c.id)


@store_errors
def story_articles_brief(conn: Connection, story_ids: Sequence[int]) -> dict[int, list[Article]]:
    """story_id -> its member articles (no text), oldest first."""
    found: dict[int, list[Article]] = {s: [] for s in story_ids}
    for chunk in _chunks(story_ids):
        for row in conn.execute(_MEMBERS_BRIEF, {"ids": chunk}):
            found[row.member_of].append(_brief(row))
    return found


@store_errors
def articles_brief(conn: Connection, ids: Sequence[int]) -> list[Article]:
    """Articles (no text) in the order of ``ids``; unknown ids skipped."""
    found: dict[int, Article] = {}
    for chunk in _chunks(ids):
        for row in conn.execute(_ARTICLES_BRIEF, {"ids": chunk}):
            found[row.id] = _brief(row)
    return [found[i] for i in dict.fromkeys(ids) if i in found]


@store_errors
def copies_brief(conn: Connection, original_ids: Sequence[int]) -> dict[int, list[Article]]:
    """original id -> its copies (no text), oldest first; originals without copies are absent."""
    found: dict[int, list[Article]] = {}
    for chunk in _chunks(original_ids):
        for row in conn.execute(_COPIES_BRIEF, {"ids": chunk}):
            found.setdefault(row.copy_of, []).append(_brief(row))
    return found


@store_errors
def category_counts(conn: Connection) -> dict[str, int]:
    """category slug -> number of live stories."""
    query = _live(select(stories.c.category, func.count().label("n"))).group_by(stories.c.category)
    return {r.category: int(r.n) for r in conn.execute(query)}


@store_errors
def source_article_counts(conn: Connection) -> dict[int, int]:
    """source id -> number of stored articles."""
    query = select(articles.c.source_id, func.count().label("n")).group_by(articles.c.source_id)
    return {r.source_id: int(r.n) for r in conn.execute(query)}
