"""Each user's follows, mutes, saved stories and read state, and the stories their follows pick.

Every function takes the user's id and touches that user's rows only: nothing here can read or
change another user's state.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import Connection, Row, Table, delete, false, func, insert, or_, select

from newsloom.accounts.records import Follow, Mute, ReadMark
from newsloom.store._errors import store_errors
from newsloom.store.browse import _covers, _live
from newsloom.store.schema import follows, mutes, read_state, saved, stories, summaries

MAX_CANDIDATES = 1000  # stories one personal listing looks at, newest first
CHUNK = 500


class Candidate(NamedTuple):
    id: int
    last_updated: datetime
    first_seen: datetime


def _chunks(ids: Sequence[int]) -> list[list[int]]:
    unique = list(dict.fromkeys(ids))
    return [unique[i : i + CHUNK] for i in range(0, len(unique), CHUNK)]


# -- follows and mutes ----------------------------------------------------------------------------


def _add(conn: Connection, table: Table, user_id: int, kind: str, value: str, now: datetime) -> int:
    """The row's id, inserting it when new (following twice is following once)."""
    where = (table.c.user_id == user_id, table.c.kind == kind, table.c.value == value)
    found = conn.execute(select(table.c.id).where(*where)).scalar()
    if found is not None:
        return int(found)
    new_id = conn.execute(
        insert(table)
        .values(user_id=user_id, kind=kind, value=value, created=now)
        .returning(table.c.id)
    ).scalar_one()
    return int(new_id)


def _rows(conn: Connection, table: Table, user_id: int) -> list[Row[Any]]:
    query = select(table).where(table.c.user_id == user_id).order_by(table.c.kind, table.c.id)
    return list(conn.execute(query).all())


def _remove(conn: Connection, table: Table, user_id: int, row_id: int) -> bool:
    done = conn.execute(delete(table).where(table.c.user_id == user_id, table.c.id == row_id))
    return done.rowcount > 0


@store_errors
def add_follow(conn: Connection, user_id: int, kind: str, value: str, now: datetime) -> int:
    return _add(conn, follows, user_id, kind, value, now)


@store_errors
def list_follows(conn: Connection, user_id: int) -> list[Follow]:
    return [Follow(r.id, r.kind, r.value) for r in _rows(conn, follows, user_id)]


@store_errors
def remove_follow(conn: Connection, user_id: int, follow_id: int) -> bool:
    return _remove(conn, follows, user_id, follow_id)


@store_errors
def add_mute(conn: Connection, user_id: int, kind: str, value: str, now: datetime) -> int:
    return _add(conn, mutes, user_id, kind, value, now)


@store_errors
def list_mutes(conn: Connection, user_id: int) -> list[Mute]:
    return [Mute(r.id, r.kind, r.value) for r in _rows(conn, mutes, user_id)]


@store_errors
def remove_mute(conn: Connection, user_id: int, mute_id: int) -> bool:
    return _remove(conn, mutes, user_id, mute_id)


# -- saved stories --------------------------------------------------------------------------------


@store_errors
def save_stories(conn: Connection, user_id: int, story_ids: Sequence[int], now: datetime) -> None:
    for chunk in _chunks(story_ids):
        have = set(
            conn.execute(
                select(saved.c.story_id).where(
                    saved.c.user_id == user_id, saved.c.story_id.in_(chunk)
                )
            ).scalars()
        )
        new = [s for s in existing_stories(conn, chunk) if s not in have]
        if new:
            conn.execute(
                insert(saved), [{"user_id": user_id, "story_id": s, "saved_at": now} for s in new]
            )


@store_errors
def unsave_stories(conn: Connection, user_id: int, story_ids: Sequence[int]) -> None:
    for chunk in _chunks(story_ids):
        conn.execute(delete(saved).where(saved.c.user_id == user_id, saved.c.story_id.in_(chunk)))


@store_errors
def saved_ids(conn: Connection, user_id: int, limit: int = MAX_CANDIDATES) -> list[int]:
    """The user's saved stories, most recently saved first."""
    query = (
        select(saved.c.story_id)
        .where(saved.c.user_id == user_id)
        .order_by(saved.c.saved_at.desc(), saved.c.story_id.desc())
        .limit(limit)
    )
    return [int(s) for s in conn.execute(query).scalars()]


# -- read state -----------------------------------------------------------------------------------


@store_errors
def latest_versions(conn: Connection, story_ids: Sequence[int]) -> dict[int, int]:
    """Each story's newest summary version (stories without a summary are left out)."""
    found: dict[int, int] = {}
    for chunk in _chunks(story_ids):
        query = (
            select(summaries.c.story_id, func.max(summaries.c.version))
            .where(summaries.c.story_id.in_(chunk))
            .group_by(summaries.c.story_id)
        )
        found.update({int(s): int(v) for s, v in conn.execute(query).all()})
    return found


@store_errors
def mark_read(conn: Connection, user_id: int, story_ids: Sequence[int], now: datetime) -> None:
    """The user saw each story as it is now: its newest summary version (0 before any)."""
    for chunk in _chunks(story_ids):
        present = existing_stories(conn, chunk)
        versions = latest_versions(conn, present)
        conn.execute(
            delete(read_state).where(
                read_state.c.user_id == user_id, read_state.c.story_id.in_(present)
            )
        )
        if present:
            rows = [
                {"user_id": user_id, "story_id": s, "version": versions.get(s, 0), "read_at": now}
                for s in present
            ]
            conn.execute(insert(read_state), rows)


@store_errors
def mark_unread(conn: Connection, user_id: int, story_ids: Sequence[int]) -> None:
    for chunk in _chunks(story_ids):
        conn.execute(
            delete(read_state).where(
                read_state.c.user_id == user_id, read_state.c.story_id.in_(chunk)
            )
        )


@store_errors
def read_marks(conn: Connection, user_id: int, story_ids: Sequence[int]) -> dict[int, ReadMark]:
    found: dict[int, ReadMark] = {}
    for chunk in _chunks(story_ids):
        query = select(read_state.c.story_id, read_state.c.version).where(
            read_state.c.user_id == user_id, read_state.c.story_id.in_(chunk)
        )
        found.update({int(s): ReadMark(int(s), int(v)) for s, v in conn.execute(query).all()})
    return found


@store_errors
def starred_among(conn: Connection, user_id: int, story_ids: Sequence[int]) -> set[int]:
    found: set[int] = set()
    for chunk in _chunks(story_ids):
        query = select(saved.c.story_id).where(
            saved.c.user_id == user_id, saved.c.story_id.in_(chunk)
        )
        found.update(int(s) for s in conn.execute(query).scalars())
    return found


# -- which stories ----------------------------------------------------------------------------------


@store_errors
def existing_stories(conn: Connection, story_ids: Sequence[int]) -> list[int]:
    """The ids among ``story_ids`` that name a stored story, in order."""
    found: set[int] = set()
    for chunk in _chunks(story_ids):
        query = select(stories.c.id).where(stories.c.id.in_(chunk))
        found.update(int(s) for s in conn.execute(query).scalars())
    return [s for s in dict.fromkeys(story_ids) if s in found]


@store_errors
def followed_stories(
    conn: Connection,
    *,
    categories: Sequence[str] = (),
    source_ids: Sequence[int] = (),
    story_ids: Sequence[int] = (),
    everything: bool = False,
    since: datetime | None = None,
    until: datetime | None = None,
    oldest_first: bool = False,
    limit: int = MAX_CANDIDATES,
) -> list[Candidate]:
    """Live stories of the followed categories or outlets, or among ``story_ids`` (a saved
    search's hits); every live story with ``everything``. Newest update first, or oldest first.
    ``since``/``until`` bound the update time (``until`` excluded)."""
    query = _live(select(stories.c.id, stories.c.last_updated, stories.c.first_seen))
    if not everything:
        picks: list[Any] = []
        if categories:
            picks.append(stories.c.category.in_(list(categories)))
        picks.extend(_covers(s) for s in source_ids)
        if story_ids:
            picks.append(stories.c.id.in_(list(dict.fromkeys(story_ids))[:MAX_CANDIDATES]))
        query = query.where(or_(*picks) if picks else false())
    if since is not None:
        query = query.where(stories.c.last_updated >= since)
    if until is not None:
        query = query.where(stories.c.last_updated < until)
    if oldest_first:
        query = query.order_by(stories.c.last_updated, stories.c.id)
    else:
        query = query.order_by(stories.c.last_updated.desc(), stories.c.id.desc())
    rows = conn.execute(query.limit(max(0, min(limit, MAX_CANDIDATES)))).all()
    return [Candidate(int(r.id), r.last_updated, r.first_seen) for r in rows]
