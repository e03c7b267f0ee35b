"""Merges and splits made by hand, and the constraints they put on later runs.

A correction moves articles between stories at once and is recorded in ``story_corrections``.
Clustering never re-assigns a stored article, so later runs keep the moves; consolidation reads
``correction_constraints`` so that it never undoes one: articles a person placed are never split off,
and a split-off article never goes back to the story it was split from. The stories involved have
summaries that no longer match their articles, so the next refresh re-categorizes and re-summarises
them (``stories_needing_summary``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection

from newsloom.errors import ClusterError, StoreError
from newsloom.records import Story
from newsloom.store import articles as db_articles
from newsloom.store import stories as db
from newsloom.store.engine import Store


@dataclass(frozen=True)
class CorrectionConstraints:
    pinned: frozenset[int]  # articles a person moved: consolidation never moves them again
    apart: frozenset[tuple[int, int]]  # (smaller, larger) live story ids that must stay apart


def merge_stories(store: Store, story_id: int, into_id: int, now: datetime) -> None:
    """Story ``story_id`` joins ``into_id``: its articles move, its id redirects there.

    Merged ids are followed first, so merging an already merged story again is a no-op.
    Raises StoreError for an unknown story and ClusterError for a merge into itself.
    """
    with store.write() as conn:
        source, target = _live(conn, story_id), _live(conn, into_id)
        if source == target:
            if story_id != source or into_id != target:
                return  # already one story
            raise ClusterError(f"cluster: cannot merge story {story_id} into itself")
        moved = _story(conn, source).article_ids
        db.move_to_story(
            conn, moved, target, reasons=f"merged by hand from story {source}", added=now
        )
        db.add_corrections(
            conn,
            [db.Correction("merge", source, target, a, now) for a in moved]
            or [db.Correction("merge", source, target, None, now)],
        )
        db.update_story(conn, source, merged_into=target)
        db.redirect_merged(conn, source, target)
        reset_span(conn, target)


def split_story(store: Store, story_id: int, article_ids: Sequence[int], now: datetime) -> int:
    """``article_ids`` leave ``story_id`` for a new story, whose id is returned.

    Raises StoreError for an unknown story and ClusterError when an article is not in the story or
    when no article would stay.
    """
    with store.write() as conn:
        source = _live(conn, story_id)
        members = _story(conn, source).article_ids
        leaving = list(dict.fromkeys(article_ids))
        strangers = [a for a in leaving if a not in members]
        if not leaving or strangers:
            raise ClusterError(
                f"cluster: articles {strangers or '(none)'} are not in story {source} to split off"
            )
        if len(leaving) == len(members):
            raise ClusterError(f"cluster: a split must leave some article in story {source}")
        moved = db_articles.get_articles(conn, leaving)
        new_id = db.create_story(conn, first_seen=min(a.published for a in moved))
        db.move_to_story(
            conn, leaving, new_id, reasons=f"split by hand from story {source}", added=now
        )
        db.add_corrections(conn, [db.Correction("split", source, new_id, a, now) for a in leaving])
        reset_span(conn, source)
        reset_span(conn, new_id)
        return new_id


def correction_constraints(conn: Connection) -> CorrectionConstraints:
    """What consolidation must respect, from every correction made so far."""
    corrections = db.list_corrections(conn)
    pinned = frozenset(c.article_id for c in corrections if c.article_id is not None)
    splits = [c for c in corrections if c.kind == "split" and c.article_id is not None]
    homes = db.stories_of(conn, [c.article_id for c in splits if c.article_id is not None])
    apart: set[tuple[int, int]] = set()
    for correction in splits:
        origin = db.resolve_story(conn, correction.story_id)
        home = homes.get(correction.article_id or 0)
        # A person who merged the article back has lifted the split.
        if origin is not None and home is not None and origin != home:
            apart.add((min(origin, home), max(origin, home)))
    return CorrectionConstraints(pinned=pinned, apart=frozenset(apart))


def reset_span(conn: Connection, story_id: int) -> None:
    """first_seen and last_updated from the story's articles (kept when it has none)."""
    story = _story(conn, story_id)
    published = [a.published for a in db_articles.get_articles(conn, story.article_ids)]
    if published:
        db.update_story(conn, story_id, first_seen=min(published), last_updated=max(published))


def _live(conn: Connection, story_id: int) -> int:
    live = db.resolve_story(conn, story_id)
    if live is None:
        raise StoreError(f"store: no story with id {story_id}")
    return live


def _story(conn: Connection, story_id: int) -> Story:
    story = db.get_story(conn, story_id)
    if story is None:
        raise StoreError(f"store: no story with id {story_id}")
    return story
