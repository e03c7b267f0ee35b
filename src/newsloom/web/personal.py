"""The personal front page (``/my``) and its forms: follow, mute, save, read and unread.

"Read" is the summary version the user saw: a story updated since shows as updated, with what
the newer versions added shown first. "New" counts from the previous visit (a visit ends after
VISIT_GAP without one).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

import newsloom.store as db
import newsloom.store.accounts as accounts_db
import newsloom.store.browse as browse
import newsloom.store.personal as personal_db
from newsloom.accounts.muting import check_keyword
from newsloom.accounts.records import FOLLOW_KINDS, MUTE_KINDS, Session
from newsloom.search import parse_query
from newsloom.web.context import app_catalog, app_now, app_store, render
from newsloom.web.forms import Form
from newsloom.web.mystories import personal_stories, unmuted
from newsloom.web.session import csrf_checked, current_session, login_redirect
from newsloom.web.urls import MAX_ID, StoryId
from newsloom.web.views import StoryCard, cards_by_ids

router = APIRouter(include_in_schema=False, dependencies=[Depends(csrf_checked)])
VISIT_GAP = timedelta(minutes=30)
SHOWN = 40
MAX_SEARCH = 200


@dataclass(frozen=True)
class MyCard:
    card: StoryCard
    state: str  # "new", "unread", "read" or "updated"
    saved: bool
    whats_new: tuple[str, ...] = ()  # for "updated": what the versions since the read one added


def _story_id(raw: str) -> int:
    if not raw.isdigit() or not 1 <= int(raw) <= MAX_ID:
        raise HTTPException(400, "accounts: story must be a story id")
    return int(raw)


def _back(form_target: str) -> str:
    return form_target if form_target in ("/my", "/my/saved") else "/my"


@router.get("/my", response_class=HTMLResponse)
def my_page(request: Request) -> Response:
    session = current_session(request)
    if session is None:
        return login_redirect(request)
    return _page(request, session, saved_only=False)


@router.get("/my/saved", response_class=HTMLResponse)
def my_saved(request: Request) -> Response:
    session = current_session(request)
    if session is None:
        return login_redirect(request)
    return _page(request, session, saved_only=True)


def _page(request: Request, session: Session, *, saved_only: bool) -> HTMLResponse:
    now = app_now(request)
    user_id = session.user.id
    store = app_store(request)
    with store.write() as conn:
        user = accounts_db.record_visit(conn, user_id, now, gap=VISIT_GAP) or session.user
    since = user.previous_visit
    with store.read() as conn:
        catalog = app_catalog(request, conn)
        if saved_only:
            ids = unmuted(conn, user_id, personal_db.saved_ids(conn, user_id))[:SHOWN]
            first_seen = {s.id: s.first_seen for s in browse.stories_by_ids(conn, ids)}
        else:
            picked = personal_stories(conn, user_id, now=now)
            ids = [c.id for c in picked[:SHOWN]]
            first_seen = {c.id: c.first_seen for c in picked}
        new_count = sum(1 for s in first_seen.values() if since is None or s > since)
        marks = personal_db.read_marks(conn, user_id, ids)
        versions = personal_db.latest_versions(conn, ids)
        starred = personal_db.starred_among(conn, user_id, ids)
        cards = {c.id: c for c in cards_by_ids(conn, ids, catalog)}
        updated: list[MyCard] = []
        rest: list[MyCard] = []
        for story_id in ids:
            if story_id not in cards:
                continue
            mark = marks.get(story_id)
            is_new = since is None or first_seen.get(story_id, now) > since
            if mark is None:
                rest.append(
                    MyCard(cards[story_id], "new" if is_new else "unread", story_id in starred)
                )
            elif mark.version < versions.get(story_id, 0):
                stamps = browse.summary_stamps(conn, story_id)
                added = [
                    c.text
                    for s in reversed(stamps)
                    if s.version > mark.version
                    for c in s.whats_new
                ]
                updated.append(
                    MyCard(cards[story_id], "updated", story_id in starred, tuple(added))
                )
            else:
                rest.append(MyCard(cards[story_id], "read", story_id in starred))
        follows = personal_db.list_follows(conn, user_id)
        mutes = personal_db.list_mutes(conn, user_id)
        sources = db.list_sources(conn)
    names = {str(s.id): s.title or s.url for s in sources}
    categories = {c.slug: c.name for c in catalog.categories}
    context = {
        "catalog": catalog,
        "canonical": None,
        "user": user,
        "csrf": session.csrf,
        "updated": updated,
        "stories": rest,
        "new_count": new_count,
        "since": since,
        "follows": follows,
        "mutes": mutes,
        "sources": sources,
        "names": names,
        "category_names": categories,
        "saved_only": saved_only,
        "back": "/my/saved" if saved_only else "/my",
    }
    response = render(request, "my.html", context)
    response.headers["Cache-Control"] = "no-store"
    return response


def _signed(request: Request) -> Session:
    session = current_session(request)
    if session is None:
        raise HTTPException(401, "accounts: sign in first")
    return session


@router.post("/my/follow")
def follow(request: Request, form: Form) -> Response:
    session = _signed(request)
    kind = form.text("kind", 16)
    value = form.text("value", MAX_SEARCH).strip()
    if kind not in FOLLOW_KINDS:
        raise HTTPException(400, "accounts: kind must be category, source or search")
    with app_store(request).write() as conn:
        if kind == "category" and app_catalog(request, conn).get(value) is None:
            raise HTTPException(400, f"accounts: no category {value!r}")
        if kind == "source" and (not value.isdigit() or db.get_source(conn, int(value)) is None):
            raise HTTPException(400, "accounts: no such outlet")
        if kind == "search" and parse_query(value).empty:
            raise HTTPException(400, "accounts: a saved search needs words to look for")
        personal_db.add_follow(conn, session.user.id, kind, value, app_now(request))
    return RedirectResponse("/my", status_code=303)


@router.post("/my/mute")
def mute(request: Request, form: Form) -> Response:
    session = _signed(request)
    kind = form.text("kind", 16)
    value = form.text("value", MAX_SEARCH)
    if kind not in MUTE_KINDS:
        raise HTTPException(400, "accounts: kind must be source or keyword")
    with app_store(request).write() as conn:
        if kind == "source" and (not value.isdigit() or db.get_source(conn, int(value)) is None):
            raise HTTPException(400, "accounts: no such outlet")
        if kind == "keyword":
            try:
                value = check_keyword(value)
            except ValueError as exc:
                raise HTTPException(400, f"accounts: {exc}") from exc
        personal_db.add_mute(conn, session.user.id, kind, value, app_now(request))
    return RedirectResponse("/my", status_code=303)


@router.post("/my/unfollow")
def unfollow(request: Request, form: Form) -> Response:
    session = _signed(request)
    with app_store(request).write() as conn:
        personal_db.remove_follow(conn, session.user.id, _row_id(form.text("id", 20)))
    return RedirectResponse("/my", status_code=303)


@router.post("/my/unmute")
def unmute(request: Request, form: Form) -> Response:
    session = _signed(request)
    with app_store(request).write() as conn:
        personal_db.remove_mute(conn, session.user.id, _row_id(form.text("id", 20)))
    return RedirectResponse("/my", status_code=303)


def _row_id(raw: str) -> int:
    if not raw.isdigit() or not 1 <= int(raw) <= MAX_ID:
        raise HTTPException(400, "accounts: id must be a positive number")
    return int(raw)


@router.post("/my/read")
def read_or_unread(request: Request, form: Form) -> Response:
    session = _signed(request)
    story_id = _story_id(form.text("story", 20))
    with app_store(request).write() as conn:
        if form.text("state", 10) == "unread":
            personal_db.mark_unread(conn, session.user.id, [story_id])
        else:
            personal_db.mark_read(conn, session.user.id, [story_id], app_now(request))
    return RedirectResponse(_back(form.text("back", 20)), status_code=303)


@router.post("/my/save")
def save_or_unsave(request: Request, form: Form) -> Response:
    session = _signed(request)
    story_id = _story_id(form.text("story", 20))
    with app_store(request).write() as conn:
        if form.text("state", 10) == "unsaved":
            personal_db.unsave_stories(conn, session.user.id, [story_id])
        else:
            personal_db.save_stories(conn, session.user.id, [story_id], app_now(request))
    return RedirectResponse(_back(form.text("back", 20)), status_code=303)


def note_reading(request: Request, story_id: int) -> None:
    """A signed-in reader opened the story's page: it is read, as it is now. (The page itself is
    the same for everyone and may come from the story cache; this is the only personal part.)"""
    session = current_session(request)
    if session is None:
        return
    with app_store(request).write() as conn:
        personal_db.mark_read(conn, session.user.id, [story_id], app_now(request))


@router.get("/my/open/{story_id}")
def open_story(request: Request, story_id: StoryId) -> Response:
    """Mark the story read (the version shown now) and go to its page. A GET, so that headlines
    stay plain links; marking read is harmless and repeatable."""
    session = current_session(request)
    if session is None:
        return login_redirect(request)
    if not 1 <= story_id <= MAX_ID:
        raise HTTPException(404, f"web: no story {story_id}")
    with app_store(request).write() as conn:
        personal_db.mark_read(conn, session.user.id, [story_id], app_now(request))
    return RedirectResponse(f"/story/{story_id}", status_code=303)
