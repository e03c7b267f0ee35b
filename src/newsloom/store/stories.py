"""Stories and which articles belong to them (one story per article)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from functools import cache
from typing import Any, Literal, NamedTuple

from sqlalchemy import Connection, Row, Select, bindparam, func, select, update
from sqlalchemy.dialects import postgresql, sqlite

from newsloom.errors import StoreError
from newsloom.records import Story
from newsloom.store._errors import store_errors, upsert_dialect
from newsloom.store.articles import CHUNK
from newsloom.store.schema import articles, stories, story_articles, story_corrections, summaries

_members = story_articles
MAX_MERGE_HOPS = 32  # merged_into chains are flattened on merge; this only guards against cycles

CorrectionKind = Literal["merge", "split"]


class Correction(NamedTuple):
    """One article moved by hand: by a merge of ``story_id`` into ``target_id``, or a split from
    ``story_id`` to the new ``target_id``. ``article_id`` is None for a merge of an empty story."""

    kind: CorrectionKind
    story_id: int
    target_id: int
    article_id: int | None
    created: datetime


@store_errors
def create_story(
    conn: Connection, *, first_seen: datetime, category: str = "", headline: str = ""
) -> int:
    statement = (
        stories.insert()
        .values(
            first_seen=first_seen,
            last_updated=first_seen,
            category=category,
            importance=0.0,
            headline=headline,
        )
        .returning(stories.c.id)
    )
    return int(conn.execute(statement).scalar_one())


@store_errors
def add_to_story(
    conn: Connection,
    story_id: int,
    article_id: int,
    *,
    similarity: float,
    reasons: str,
    added: datetime,
) -> None:
    """Put the article in the story; a no-op if it is there, a move if it was in another one."""
    conn.execute(
        _add_to_story(upsert_dialect(conn)),
        {
            "article_id": article_id,
            "story_id": story_id,
            "similarity": float(similarity),
            "reasons": reasons,
            "added": added,
        },
    )


class Membership(NamedTuple):
    """An article's place in a story, as ``add_to_story`` writes it."""

    story_id: int
    article_id: int
    similarity: float
    reasons: str
    added: datetime


@store_errors
def add_to_stories(conn: Connection, memberships: Sequence[Membership]) -> None:
    """``add_to_story`` for each of ``memberships``, in one round trip; each names a different
    article (one statement may carry them all, and a row cannot be upserted twice in one)."""
    if memberships:
        conn.execute(
            _add_to_story(upsert_dialect(conn)),
            [{**m._asdict(), "similarity": float(m.similarity)} for m in memberships],
        )


@cache
def _add_to_story(dialect: str) -> Any:
    """The upsert of one membership, built once per dialect (a refresh runs it per article);
    the values are bound at each execution."""
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = insert(_members)
    excluded = statement.excluded
    return statement.on_conflict_do_update(
        index_elements=["article_id"],
        set_={
            "story_id": excluded.story_id,
            "similarity": excluded.similarity,
            "reasons": excluded.reasons,
            "added": excluded.added,
        },
        where=_members.c.story_id != excluded.story_id,
    )


@store_errors
def story_of(conn: Connection, article_id: int) -> int | None:
    query = select(_members.c.story_id).where(_members.c.article_id == article_id)
    return conn.execute(query).scalar_one_or_none()


@store_errors
def stories_of(conn: Connection, article_ids: Sequence[int]) -> dict[int, int]:
    """article_id -> story_id for those of ``article_ids`` that are in a story."""
    found: dict[int, int] = {}
    unique = list(dict.fromkeys(article_ids))
    for start in range(0, len(unique), CHUNK):
        query = select(_members.c.article_id, _members.c.story_id).where(
            _members.c.article_id.in_(unique[start : start + CHUNK])
        )
        found.update({r.article_id: r.story_id for r in conn.execute(query)})
    return found


@store_errors
def update_story(
    conn: Connection,
    story_id: int,
    *,
    last_updated: datetime | None = None,
    category: str | None = None,
    importance: float | None = None,
    headline: str | None = None,
    merged_into: int | None = None,
    first_seen: datetime | None = None,
) -> None:
    """Set the fields given (None = leave as is); StoreError if the story does not exist."""
    values: dict[str, Any] = {
        name: value
        for name, value in (
            ("first_seen", first_seen),
            ("last_updated", last_updated),
            ("category", category),
            ("importance", None if importance is None else float(importance)),
            ("headline", headline),
            ("merged_into", merged_into),
        )
        if value is not None
    }
    exists = conn.execute(select(stories.c.id).where(stories.c.id == story_id)).first()
    if exists is None:
        raise StoreError(f"store: no story with id {story_id}")
    if values:
        conn.execute(update(stories).where(stories.c.id == story_id).values(values))


def _member_ids(conn: Connection, story_ids: Sequence[int]) -> dict[int, tuple[int, ...]]:
    """story_id -> its article ids ordered by published, then id."""
    ids: dict[int, list[int]] = {s: [] for s in story_ids}
    for start in range(0, len(story_ids), CHUNK):
        query = (
            select(_members.c.story_id, _members.c.article_id)
            .join(articles, articles.c.id == _members.c.article_id)
            .where(_members.c.story_id.in_(story_ids[start : start + CHUNK]))
            .order_by(articles.c.published, articles.c.id)
        )
        for row in conn.execute(query):
            ids[row.story_id].append(row.article_id)
    return {s: tuple(a) for s, a in ids.items()}


def story_from_row(row: Row[Any], article_ids: tuple[int, ...] = ()) -> Story:
    """A ``stories`` row as a Story; ``article_ids`` are the caller's to read (or leave empty)."""
    return Story(
        id=row.id,
        article_ids=article_ids,
        first_seen=row.first_seen,
        last_updated=row.last_updated,
        category=row.category,
        importance=row.importance,
        headline=row.headline,
        merged_into=row.merged_into,
    )


def _stories(conn: Connection, rows: Sequence[Row[Any]]) -> list[Story]:
    members = _member_ids(conn, [r.id for r in rows])
    return [story_from_row(r, members[r.id]) for r in rows]


@store_errors
def get_story(conn: Connection, story_id: int) -> Story | None:
    row = conn.execute(select(stories).where(stories.c.id == story_id)).one_or_none()
    return _stories(conn, [row])[0] if row is not None else None


def _listed(category: str | None, min_articles: int) -> Select[Any]:
    """Live (not merged) stories with at least ``min_articles`` articles."""
    sizes = (
        select(_members.c.story_id, func.count().label("n"))
        .group_by(_members.c.story_id)
        .subquery()
    )
    query = (
        select(stories)
        .join(sizes, sizes.c.story_id == stories.c.id)
        .where(stories.c.merged_into.is_(None), sizes.c.n >= max(min_articles, 1))
    )
    if category is not None:
        query = query.where(stories.c.category == category)
    return query


@store_errors
def list_stories(
    conn: Connection,
    *,
    category: str | None = None,
    limit: int = 50,
    offset: int = 0,
    min_articles: int = 1,
) -> list[Story]:
    """Most important first, then most recently updated; merged stories are left out."""
    query = (
        _listed(category, min_articles)
        .order_by(stories.c.importance.desc(), stories.c.last_updated.desc(), stories.c.id.desc())
        .limit(max(limit, 0))
        .offset(max(offset, 0))
    )
    return _stories(conn, conn.execute(query).all())


@store_errors
def count_stories(conn: Connection, *, category: str | None = None) -> int:
    """How many stories ``list_stories`` (min_articles=1) can page through."""
    listed = _listed(category, 1).subquery()
    return int(conn.execute(select(func.count()).select_from(listed)).scalar_one())


@store_errors
def story_membership(conn: Connection, story_id: int) -> list[tuple[int, float, str]]:
    """(article_id, similarity, reasons) in the order articles joined the story."""
    query = (
        select(_members.c.article_id, _members.c.similarity, _members.c.reasons)
        .where(_members.c.story_id == story_id)
        .order_by(_members.c.added, _members.c.article_id)
    )
    return [(r.article_id, float(r.similarity), r.reasons) for r in conn.execute(query)]


@store_errors
def stories_in_window(conn: Connection, *, since: datetime) -> list[Story]:
    """Live stories updated since ``since``, oldest update first."""
    query = (
        select(stories)
        .where(stories.c.last_updated >= since, stories.c.merged_into.is_(None))
        .order_by(stories.c.last_updated, stories.c.id)
    )
    return _stories(conn, conn.execute(query).all())


@store_errors
def live_story_ids(conn: Connection) -> list[int]:
    """Ids of the stories not merged into another, ascending."""
    query = select(stories.c.id).where(stories.c.merged_into.is_(None)).order_by(stories.c.id)
    return [int(r.id) for r in conn.execute(query)]


@store_errors
def stories_needing_summary(conn: Connection) -> list[int]:
    """Live stories with articles whose latest summary is missing or misses some of them."""
    latest = (
        select(summaries.c.story_id, func.max(summaries.c.version).label("version"))
        .group_by(summaries.c.story_id)
        .subquery()
    )
    query = (
        select(stories.c.id, summaries.c.article_ids)
        .join(latest, latest.c.story_id == stories.c.id, isouter=True)
        .join(
            summaries,
            (summaries.c.story_id == latest.c.story_id) & (summaries.c.version == latest.c.version),
            isouter=True,
        )
        .where(stories.c.merged_into.is_(None))
        .order_by(stories.c.id)
    )
    covered = {r.id: set(r.article_ids or ()) for r in conn.execute(query)}
    members = _member_ids(conn, list(covered))
    # Unequal both ways: an article joined, or one left (a split moved it to another story).
    return [s for s, ids in members.items() if ids and set(ids) != covered[s]]


@store_errors
def move_to_story(
    conn: Connection,
    article_ids: Sequence[int],
    story_id: int,
    *,
    reasons: str,
    added: datetime,
) -> None:
    """Move member articles to ``story_id``, keeping their similarity, with new reasons."""
    unique = list(dict.fromkeys(article_ids))
    for start in range(0, len(unique), CHUNK):
        conn.execute(
            update(_members)
            .where(_members.c.article_id.in_(unique[start : start + CHUNK]))
            .values(story_id=story_id, reasons=reasons, added=added)
        )


@store_errors
def redirect_merged(conn: Connection, from_id: int, to_id: int) -> None:
    """Stories merged into ``from_id`` now point at ``to_id`` (chains stay one hop long)."""
    conn.execute(update(stories).where(stories.c.merged_into == from_id).values(merged_into=to_id))


@store_errors
def resolve_story(conn: Connection, story_id: int) -> int | None:
    """The live story ``story_id`` is (or was merged into); None if there is no such story."""
    seen: set[int] = set()
    current = story_id
    for _ in range(MAX_MERGE_HOPS):
        row = conn.execute(select(stories.c.merged_into).where(stories.c.id == current)).first()
        if row is None:
            return None
        if row.merged_into is None:
            return current
        seen.add(current)
        if row.merged_into in seen:
            raise StoreError(f"store: story {story_id} is in a merge cycle")
        current = row.merged_into
    raise StoreError(f"store: story {story_id} is merged more than {MAX_MERGE_HOPS} hops deep")


@store_errors
def add_corrections(conn: Connection, corrections: Sequence[Correction]) -> None:
    if corrections:
        conn.execute(story_corrections.insert(), [c._asdict() for c in corrections])


@store_errors
def list_corrections(
    conn: Connection, *, story_ids: Sequence[int] | None = None
) -> list[Correction]:
    """Every correction (oldest first), or those made to or from ``story_ids``."""
    query = select(story_corrections).order_by(story_corrections.c.id)
    if story_ids is not None:
        ids = list(dict.fromkeys(story_ids))
        query = query.where(
            story_corrections.c.story_id.in_(ids) | story_corrections.c.target_id.in_(ids)
        )
    return [
        Correction(r.kind, r.story_id, r.target_id, r.article_id, r.created)
        for r in conn.execute(query)
    ]


@store_errors
def widen_story_spans(conn: Connection, spans: Mapping[int, tuple[datetime, datetime]]) -> None:
    """Stretch each story's first_seen / last_updated to include its (earliest, latest) moment:
    the articles that just joined it. Two statements for all the stories (run per article, the
    round trips were a fifth of story assignment's CPU)."""
    if not spans:
        return
    rows = [
        {"b_story": story_id, "b_earliest": earliest, "b_latest": latest}
        for story_id, (earliest, latest) in spans.items()
    ]
    conn.execute(_WIDEN_LAST, rows)
    conn.execute(_WIDEN_FIRST, rows)


_WIDEN_LAST = (
    update(stories)
    .where(stories.c.id == bindparam("b_story"), stories.c.last_updated < bindparam("b_latest"))
    .values(last_updated=bindparam("b_latest"))
)
_WIDEN_FIRST = (
    update(stories)
    .where(stories.c.id == bindparam("b_story"), stories.c.first_seen > bindparam("b_earliest"))
    .values(first_seen=bindparam("b_earliest"))
)
