"""Server-rendered HTML pages: home, category, story, outlets and the archive (with redirects)."""

from __future__ import annotations

import math
from datetime import UTC, date, datetime, timedelta

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import Connection

import newsloom.store as db
import newsloom.store.browse as browse
from newsloom.records import Summary
from newsloom.web.caching import cached_story, from_cache
from newsloom.web.context import app_catalog, app_now, app_responses, app_store, render
from newsloom.web.mystories import muted_for
from newsloom.web.personal import note_reading
from newsloom.web.ranking import top_story_ids
from newsloom.web.urls import (
    SourceId,
    StoryId,
    archive_path,
    category_path,
    slugify,
    source_path,
    split_slug_id,
)
from newsloom.web.views import (
    Catalog,
    CategoryLink,
    Lookup,
    StoryCard,
    cards_by_ids,
    find_story,
    open_story,
    source_rows,
    story_card,
    story_cards,
    story_page,
)

TOP_STORIES = 5
HOME_STORIES_PER_SECTION = 6
CATEGORY_PAGE_SIZE = 20
SOURCE_PAGE_SIZE = 20
ARCHIVE_DAY_LIMIT = 200
FIRST_ARCHIVE_DAY = date(1990, 1, 1)
MAX_PAGE = 100_000
HTML = "text/html"
DISCLAIMER = (
    "This story has been auto-aggregated and auto-summarised by a computer program. "
    "It has not been edited or written by a person."
)
LLM_NOTE = (
    " Its summary was written by a language model from the numbered sentences of its sources; "
    "every statement was checked against the sentences it cites."
)


def disclaimer(summary: Summary | None) -> str:
    """The page's note on how it was made, saying which kind of summary the reader has."""
    if summary is not None and summary.method == "llm":
        return DISCLAIMER + LLM_NOTE
    return DISCLAIMER


router = APIRouter(include_in_schema=False)  # HTML pages: the OpenAPI schema is the API's


class GoneError(HTTPException):
    """A story that existed and was removed: the 410 page."""

    def __init__(self, story_id: int) -> None:
        super().__init__(410, f"web: story {story_id} was removed")


def _home_sections(
    conn: Connection, catalog: Catalog, shown: set[int]
) -> list[tuple[CategoryLink, list[int]]]:
    """Each category's best stories, leaving out those already in the top block."""
    sections: list[tuple[CategoryLink, list[int]]] = []
    ceilings = browse.importance_ceilings(conn, [c.slug for c in catalog.categories])
    for category in catalog.categories:
        if category.slug not in ceilings:
            continue  # no story at all
        ids = top_story_ids(
            conn,
            limit=HOME_STORIES_PER_SECTION + len(shown),
            category=category.slug,
            ceiling=ceilings[category.slug],
        )
        ids = [i for i in ids if i not in shown][:HOME_STORIES_PER_SECTION]
        if ids:
            sections.append((category, ids))
    return sections


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    with app_store(request).read() as conn:
        catalog = app_catalog(request, conn)
        top_ids = top_story_ids(conn, limit=TOP_STORIES)
        sections = _home_sections(conn, catalog, set(top_ids))
        every = [*top_ids, *(i for _, ids in sections for i in ids)]
        muted = muted_for(request, conn, every)
        cards = {c.id: c for c in cards_by_ids(conn, every, catalog) if c.id not in muted}
    top = [cards[i] for i in top_ids if i in cards]
    grouped = [(c, [cards[i] for i in ids if i in cards]) for c, ids in sections]
    return render(
        request,
        "home.html",
        {"catalog": catalog, "top": top, "sections": grouped, "canonical": "/"},
    )


@router.get("/story/{story_id}")
def story_by_id(request: Request, story_id: StoryId) -> Response:
    with app_store(request).read() as conn:
        lookup, story = find_story(conn, story_id)
        if story is None:
            raise HTTPException(404, f"web: no story {story_id}")
        if lookup is Lookup.REMOVED:
            raise GoneError(story_id)
        card = story_card(conn, story, app_catalog(request, conn))
    return RedirectResponse(card.path, status_code=301)


@router.get("/sources", response_class=HTMLResponse)
def sources_index(request: Request) -> HTMLResponse:
    with app_store(request).read() as conn:
        catalog = app_catalog(request, conn)
        rows = source_rows(conn)
    return render(
        request,
        "sources.html",
        {"catalog": catalog, "rows": rows, "canonical": "/sources"},
    )


def _pages(total: int, size: int, page: int) -> int:
    pages = max(1, math.ceil(total / size))
    if page > pages:
        raise HTTPException(404, f"web: there are {pages} page(s)")
    return pages


@router.get("/sources/{source_id}", response_class=HTMLResponse)
def source_page(
    request: Request, source_id: SourceId, page: int = Query(1, ge=1, le=MAX_PAGE)
) -> HTMLResponse:
    with app_store(request).read() as conn:
        catalog = app_catalog(request, conn)
        source = db.get_source(conn, source_id)
        if source is None:
            raise HTTPException(404, f"web: no source {source_id}")
        total = browse.count_stories_of_source(conn, source_id)
        pages = _pages(total, SOURCE_PAGE_SIZE, page)
        found = browse.stories_of_source(
            conn, source_id, limit=SOURCE_PAGE_SIZE, offset=(page - 1) * SOURCE_PAGE_SIZE
        )
        cards = story_cards(conn, found, catalog)
    path = source_path(source_id)
    return render(
        request,
        "source.html",
        {
            "catalog": catalog,
            "source": source,
            "cards": cards,
            "total": total,
            "page": page,
            "pages": pages,
            "prev_path": source_path(source_id, page - 1) if page > 1 else None,
            "next_path": source_path(source_id, page + 1) if page < pages else None,
            "canonical": source_path(source_id, page) if page > 1 else path,
            "page_lang": source.language or "en",
        },
    )


@router.get("/archive")
def archive_today(request: Request) -> Response:
    return RedirectResponse(archive_path(app_now(request).date()), status_code=302)


@router.get("/archive/{day}", response_class=HTMLResponse)
def archive_day(request: Request, day: str) -> HTMLResponse:
    try:
        when = date.fromisoformat(day)
    except ValueError as exc:
        raise HTTPException(404, f"web: no archive page {day!r} (want YYYY-MM-DD)") from exc
    # Days before the first news on the web are not pages (and date.min has no day before it).
    if len(day) != 10 or when > app_now(request).date() or when < FIRST_ARCHIVE_DAY:
        raise HTTPException(404, f"web: no archive page {day!r}")
    start = datetime(when.year, when.month, when.day, tzinfo=UTC)
    with app_store(request).read() as conn:
        catalog = app_catalog(request, conn)
        found = browse.first_seen_between(
            conn, start, start + timedelta(days=1), limit=ARCHIVE_DAY_LIMIT
        )
        muted = muted_for(request, conn, [s.id for s in found])
        cards = story_cards(conn, [s for s in found if s.id not in muted], catalog)
    by_category: dict[str, list[StoryCard]] = {}
    for card in cards:
        by_category.setdefault(card.category.slug, []).append(card)
    sections = [(c, by_category[c.slug]) for c in catalog.categories if c.slug in by_category]
    following = when + timedelta(days=1)
    return render(
        request,
        "archive.html",
        {
            "catalog": catalog,
            "day": when,
            "sections": sections,
            "total": len(cards),
            "prev_path": archive_path(when - timedelta(days=1)),
            "next_path": archive_path(following) if following <= app_now(request).date() else None,
            "canonical": archive_path(when),
        },
    )


@router.get("/{category}", response_class=HTMLResponse)
def category_page(
    request: Request, category: str, page: int = Query(1, ge=1, le=MAX_PAGE)
) -> Response:
    with app_store(request).read() as conn:
        catalog = app_catalog(request, conn)
        link = catalog.get(category)
        if link is None and (lowered := catalog.get(category.lower())) is not None:
            return RedirectResponse(category_path(lowered.slug, page), status_code=301)
        if link is None:
            raise HTTPException(404, f"web: no category {category!r}")
        total = browse.count_recent_stories(conn, category=link.slug)
        pages = _pages(total, CATEGORY_PAGE_SIZE, page)
        found = browse.recent_stories(
            conn,
            category=link.slug,
            limit=CATEGORY_PAGE_SIZE,
            offset=(page - 1) * CATEGORY_PAGE_SIZE,
        )
        muted = muted_for(request, conn, [s.id for s in found])
        cards = story_cards(conn, [s for s in found if s.id not in muted], catalog)
    return render(
        request,
        "category.html",
        {
            "catalog": catalog,
            "category": link,
            "cards": cards,
            "page": page,
            "pages": pages,
            "total": total,
            "prev_path": category_path(link.slug, page - 1) if page > 1 else None,
            "next_path": category_path(link.slug, page + 1) if page < pages else None,
            "canonical": category_path(link.slug, page),
            "feed_slug": link.slug,
        },
    )


@router.get("/{category}/{slug_id}", response_class=HTMLResponse)
def story(request: Request, category: str, slug_id: str) -> Response:
    """The story page; a repeat request costs one row of index probes while the story's stamp
    (``browse.story_stamp``) is unchanged, and is answered with a 304 when the ETag matches."""
    parsed = split_slug_id(slug_id)
    if parsed is None:
        raise HTTPException(404, f"web: no page {request.url.path}")
    slug, story_id = parsed
    note_reading(request, story_id)
    with app_store(request).read() as conn:
        # Only canonical paths are ever stored: others redirect.
        stamp, cached = cached_story(request, conn, story_id, None)
        if cached is not None:
            return cached
        opened = open_story(conn, story_id)
        found = opened.story
        if found is None:
            raise HTTPException(404, f"web: no story {story_id}")
        if opened.lookup is Lookup.REMOVED:
            raise GoneError(story_id)
        catalog = app_catalog(request, conn)
        view = story_page(conn, found, catalog, members=opened.members)
    card = view.card
    if found.id != story_id or category != card.category.slug or slug != slugify(card.headline):
        return RedirectResponse(card.path, status_code=301)
    page = render(
        request,
        "story.html",
        {
            "catalog": catalog,
            "story": view,
            "card": card,
            "disclaimer": disclaimer(view.summary),
            "canonical": card.path,
            "page_lang": card.language or "en",
            "feed_slug": card.category.slug,
        },
    )
    assert stamp is not None  # the story was found
    entry = app_responses(request).put(request.url.path, stamp, bytes(page.body), HTML)
    return from_cache(request, entry, None)
