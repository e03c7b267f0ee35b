"""One user's stories: their follows pick, their mutes remove. The personal page, the Google
Reader API, the personal feeds and the digest all read them through ``personal_stories``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from fastapi import Request
from sqlalchemy import Connection

import newsloom.store.browse as browse
import newsloom.store.personal as personal_db
from newsloom.accounts.digest import MAX_STORIES, DigestStory
from newsloom.accounts.muting import Mutes, StoryView, visible
from newsloom.accounts.records import Follow, Session, User
from newsloom.search import search_stories
from newsloom.store.personal import MAX_CANDIDATES, Candidate
from newsloom.web.urls import absolute
from newsloom.web.views import cards_by_ids, load_catalog

SEARCH_HITS = 50  # stories a saved search contributes


@dataclass(frozen=True)
class Picks:
    """What a user follows, split by kind."""

    categories: tuple[str, ...]
    source_ids: tuple[int, ...]
    searches: tuple[str, ...]

    @classmethod
    def of(cls, follows: Sequence[Follow]) -> Picks:
        return cls(
            tuple(f.value for f in follows if f.kind == "category"),
            tuple(int(f.value) for f in follows if f.kind == "source" and f.value.isdigit()),
            tuple(f.value for f in follows if f.kind == "search"),
        )

    @property
    def empty(self) -> bool:
        return not (self.categories or self.source_ids or self.searches)


def search_hits(conn: Connection, searches: Sequence[str], now: datetime) -> list[int]:
    """The story ids the saved searches find, best first, each search in turn."""
    found: list[int] = []
    for query in searches:
        found.extend(h.story_id for h in search_stories(conn, query, limit=SEARCH_HITS, now=now))
    return found


def origins(
    conn: Connection, follows: Sequence[Follow], ids: Sequence[int], now: datetime
) -> dict[int, int]:
    """story id -> the id of the first follow that picks it (a reader app files it there)."""
    if not follows or not ids:
        return {}
    stories = {s.id: s for s in browse.stories_by_ids(conn, ids, article_ids=False)}
    members = browse.story_articles_brief(conn, ids)
    hits = {f.id: set(search_hits(conn, [f.value], now)) for f in follows if f.kind == "search"}
    found: dict[int, int] = {}
    for story_id in ids:
        story = stories.get(story_id)
        outlets = {str(a.source_id) for a in members.get(story_id, [])}
        for f in follows:
            if (
                (f.kind == "category" and story is not None and story.category == f.value)
                or (f.kind == "source" and f.value in outlets)
                or (f.kind == "search" and story_id in hits.get(f.id, set()))
            ):
                found[story_id] = f.id
                break
    return found


def story_views(conn: Connection, ids: Sequence[int]) -> list[StoryView]:
    """What muting looks at, for each of ``ids`` in order: headlines, bullets, outlets."""
    heads = {s.id: s.headline for s in browse.stories_by_ids(conn, ids, article_ids=False)}
    summaries = browse.latest_bullets(conn, ids)
    members = browse.story_articles_brief(conn, ids)
    views = []
    for story_id in ids:
        card = summaries.get(story_id)
        words = [heads.get(story_id, "")]
        if card is not None:
            words.append(card.headline)
            words.extend(c.text for c in card.bullets)
        outlets = frozenset(a.source_id for a in members.get(story_id, []))
        views.append(StoryView(story_id, "\n".join(words), outlets))
    return views


def unmuted(conn: Connection, user_id: int, ids: Sequence[int]) -> list[int]:
    """``ids`` without the stories the user muted, in order."""
    mutes = Mutes.of(personal_db.list_mutes(conn, user_id))
    if mutes.empty or not ids:
        return list(ids)
    return visible(story_views(conn, ids), mutes)


def muted_for(request: Request, conn: Connection, ids: Sequence[int]) -> set[int]:
    """The stories among ``ids`` the signed-in reader muted: public listings leave them out for
    that reader (whose pages are never cached); none for a visitor."""
    session: Session | None = request.scope.get("state", {}).get("session")
    if session is None or not ids:
        return set()
    kept = set(unmuted(conn, session.user.id, ids))
    return {i for i in ids if i not in kept}


def personal_stories(
    conn: Connection,
    user_id: int,
    *,
    now: datetime,
    since: datetime | None = None,
    until: datetime | None = None,
    oldest_first: bool = False,
    limit: int = MAX_CANDIDATES,
    picks: Picks | None = None,
) -> list[Candidate]:
    """The user's stories, newest update first (or oldest): those of the followed categories,
    outlets and saved searches (every story while nothing is followed), none muted. ``picks``
    narrows it to some of the follows (one subscription or folder of a reader app)."""
    if picks is None:
        picks = Picks.of(personal_db.list_follows(conn, user_id))
    found = search_hits(conn, picks.searches, now)
    candidates = personal_db.followed_stories(
        conn,
        categories=picks.categories,
        source_ids=picks.source_ids,
        story_ids=found,
        everything=picks.empty,
        since=since,
        until=until,
        oldest_first=oldest_first,
        limit=MAX_CANDIDATES,
    )
    kept = set(unmuted(conn, user_id, [c.id for c in candidates]))
    return [c for c in candidates if c.id in kept][: max(0, limit)]


def digest_stories(
    conn: Connection, user: User, since: datetime, now: datetime, *, site_url: str
) -> list[DigestStory]:
    """The user's stories updated since ``since`` that they have not read (or that changed since
    they read them), newest first, as the daily digest lists them."""
    picked = personal_stories(conn, user.id, now=now, since=since)
    ids = [c.id for c in picked]
    marks = personal_db.read_marks(conn, user.id, ids)
    versions = personal_db.latest_versions(conn, ids)
    fresh = [i for i in ids if i not in marks or marks[i].version < versions.get(i, 0)]
    cards = cards_by_ids(conn, fresh[:MAX_STORIES], load_catalog(conn))
    return [DigestStory(c.headline, absolute(site_url, c.path), c.bullets) for c in cards]
