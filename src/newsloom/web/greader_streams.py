"""The Google Reader API's streams: which stories a stream holds for a user, in which order,
filtered by state and time, paged; the subscriptions (the user's follows) and the items' state.

Used by ``web/greader.py``; every function works for the signed-in user only.
"""

from __future__ import annotations

from collections.abc import Sequence

from fastapi import Request
from sqlalchemy import Connection

import newsloom.store as db
import newsloom.store.browse as browse
import newsloom.store.personal as personal_db
from newsloom.accounts.greader_ids import BadId, Stream, parse_item_id, parse_stream, parse_time
from newsloom.accounts.records import Follow, User
from newsloom.store.personal import Candidate
from newsloom.web.context import app_catalog, app_now
from newsloom.web.forms import FormFields
from newsloom.web.greader_items import ItemState
from newsloom.web.mystories import Picks, origins, personal_stories, unmuted

Params = dict[str, list[str]]

FOLDERS = {"category": "Categories", "source": "Outlets", "search": "Searches"}
ALL_STORIES = Follow(0, "category", "")  # feed/0 while nothing is followed
DEFAULT_ITEMS = 20
MAX_CONTENTS = 1000
MAX_IDS = 10_000
MAX_ITEMS_PER_CALL = 1000


def gather_params(request: Request, form: FormFields) -> Params:
    """Query and form fields together, repeats kept (``i=`` may come a thousand times)."""
    found: dict[str, list[str]] = {}
    for key, value in [*request.query_params.multi_items(), *form.pairs]:
        found.setdefault(key, []).append(value)
    return found


def first(params: Params, name: str, default: str = "") -> str:
    return params.get(name, [default])[0]


def page_size(raw: str, default: int, most: int) -> int:
    if not raw:
        return default
    if not raw.isdigit() or len(raw) > 9:
        raise BadId(f"n must be a positive number, not {raw[:20]!r}")
    return max(1, min(int(raw), most))


def subscriptions(conn: Connection, request: Request, user: User) -> list[tuple[Follow, str]]:
    """(follow, title) of each subscription; "All stories" alone while nothing is followed."""
    follows = personal_db.list_follows(conn, user.id)
    if not follows:
        return [(ALL_STORIES, "All stories")]
    catalog = app_catalog(request, conn)
    names = {str(s.id): s.title or s.url for s in db.list_sources(conn)}
    titled = []
    for f in follows:
        if f.kind == "category":
            link = catalog.get(f.value)
            title = link.name if link else f.value
        elif f.kind == "source":
            title = names.get(f.value, f"Outlet {f.value}")
        else:
            title = f"Search: {f.value}"
        titled.append((f, title))
    return titled


def folder(user: User, follow: Follow) -> dict[str, str]:
    name = FOLDERS[follow.kind] if follow.id else "All stories"
    return {"id": f"user/{user.id}/label/{name}", "label": name}


def stream_picks(conn: Connection, user: User, stream: Stream) -> Picks | None:
    """The follows a stream covers; None = all of them (the reading list)."""
    if stream.kind == "feed":
        if stream.value == "0":
            return None
        follows = personal_db.list_follows(conn, user.id)
        chosen = [f for f in follows if str(f.id) == stream.value]
        if not chosen:
            raise BadId(f"no subscription {stream.value[:40]!r}")
        return Picks.of(chosen)
    if stream.kind == "label":
        kinds = [k for k, name in FOLDERS.items() if name == stream.value]
        if stream.value == "All stories":
            return None
        follows = personal_db.list_follows(conn, user.id)
        return Picks.of([f for f in follows if f.kind in kinds])
    return None


def item_states(
    conn: Connection, request: Request, user: User, ids: Sequence[int]
) -> dict[int, ItemState]:
    marks = personal_db.read_marks(conn, user.id, ids)
    versions = personal_db.latest_versions(conn, ids)
    starred = personal_db.starred_among(conn, user.id, ids)
    subs = subscriptions(conn, request, user)
    follows = [f for f, _ in subs if f.id]
    titles = {f.id: title for f, title in subs}
    picked = origins(conn, follows, ids, app_now(request))
    found = {}
    for story_id in ids:
        mark = marks.get(story_id)
        origin = picked.get(story_id, 0)
        found[story_id] = ItemState(
            read=mark is not None and mark.version >= versions.get(story_id, 0),
            starred=story_id in starred,
            origin=f"feed/{origin}",
            origin_title=titles.get(origin, "All stories"),
        )
    return found


def stream_stories(
    conn: Connection,
    request: Request,
    user: User,
    params: Params,
    stream: Stream,
) -> list[Candidate]:
    """The stream's stories after ``ot``/``nt``, ``xt``/``it`` and ``r``, in the order asked."""
    now = app_now(request)
    since = parse_time(first(params, "ot")) if first(params, "ot") else None
    until = parse_time(first(params, "nt")) if first(params, "nt") else None
    oldest_first = first(params, "r") == "o"
    if stream.kind == "kept-unread":
        return []
    if stream.kind == "starred":
        saved = unmuted(conn, user.id, personal_db.saved_ids(conn, user.id))
        found = [
            Candidate(s.id, s.last_updated, s.first_seen)
            for s in browse.stories_by_ids(conn, saved, article_ids=False)
            if (since is None or s.last_updated >= since)
            and (until is None or s.last_updated < until)
        ]
        found.sort(key=lambda c: (c.last_updated, c.id), reverse=not oldest_first)
    else:
        found = personal_stories(
            conn,
            user.id,
            now=now,
            since=since,
            until=until,
            oldest_first=oldest_first,
            picks=stream_picks(conn, user, stream),
        )
    excluded = [parse_stream(x).kind for x in params.get("xt", [])]
    included = [parse_stream(x).kind for x in params.get("it", [])]
    if stream.kind == "read":
        included.append("read")
    if not ({"read", "starred"} & {*excluded, *included}):
        return found
    states = item_states(conn, request, user, [c.id for c in found])

    def keep(c: Candidate) -> bool:
        state = states[c.id]
        flags = {"read": state.read, "starred": state.starred}
        return all(not flags.get(k, False) for k in excluded) and all(
            flags.get(k, True) for k in included
        )

    return [c for c in found if keep(c)]


def page_of(found: list[Candidate], params: Params, most: int) -> tuple[list[Candidate], str]:
    count = page_size(first(params, "n"), DEFAULT_ITEMS, most)
    raw = first(params, "c")
    if raw and (not raw.isdigit() or len(raw) > 9):
        raise BadId(f"unknown continuation {raw[:20]!r}")
    start = int(raw) if raw else 0
    page = found[start : start + count]
    more = start + count < len(found)
    return page, str(start + count) if more else ""


def item_ids(params: Params) -> list[int]:
    given = params.get("i", [])
    if not given:
        raise BadId("i (the item ids) is missing")
    if len(given) > MAX_ITEMS_PER_CALL:
        raise BadId(f"at most {MAX_ITEMS_PER_CALL} items per call")
    return [parse_item_id(i) for i in given]
