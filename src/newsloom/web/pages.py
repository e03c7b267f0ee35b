"""Server-rendered HTML pages: home, category, story (and their canonical redirects)."""

from __future__ import annotations

import math

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

import newsloom.store as db
from newsloom.web.context import app_store, render
from newsloom.web.urls import category_path, slugify, split_slug_id
from newsloom.web.views import live_story, load_catalog, story_card, story_page

HOME_STORIES_PER_SECTION = 6
CATEGORY_PAGE_SIZE = 20
DISCLAIMER = (
    "This story has been auto-aggregated and auto-summarised by a computer program. "
    "It has not been edited or written by a person."
)

router = APIRouter()


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    with app_store(request).read() as conn:
        catalog = load_catalog(conn)
        sections = []
        for category in catalog.categories:
            stories = db.list_stories(conn, category=category.slug, limit=HOME_STORIES_PER_SECTION)
            if stories:
                cards = [story_card(conn, s, catalog) for s in stories]
                sections.append((category, cards))
    return render(
        request,
        "home.html",
        {"catalog": catalog, "sections": sections, "canonical": "/"},
    )


@router.get("/story/{story_id}")
def story_by_id(request: Request, story_id: int) -> Response:
    with app_store(request).read() as conn:
        story = live_story(conn, story_id)
        if story is None:
            raise HTTPException(404, f"web: no story {story_id}")
        card = story_card(conn, story, load_catalog(conn))
    return RedirectResponse(card.path, status_code=301)


@router.get("/{category}", response_class=HTMLResponse)
def category_page(
    request: Request, category: str, page: int = Query(1, ge=1, le=100_000)
) -> HTMLResponse:
    with app_store(request).read() as conn:
        catalog = load_catalog(conn)
        link = catalog.get(category)
        if link is None:
            raise HTTPException(404, f"web: no category {category!r}")
        total = db.count_stories(conn, category=link.slug)
        pages = max(1, math.ceil(total / CATEGORY_PAGE_SIZE))
        if page > pages:
            raise HTTPException(404, f"web: {link.name} has {pages} page(s)")
        stories = db.list_stories(
            conn,
            category=link.slug,
            limit=CATEGORY_PAGE_SIZE,
            offset=(page - 1) * CATEGORY_PAGE_SIZE,
        )
        cards = [story_card(conn, s, catalog) for s in stories]
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
        },
    )


@router.get("/{category}/{slug_id}", response_class=HTMLResponse)
def story(request: Request, category: str, slug_id: str) -> Response:
    parsed = split_slug_id(slug_id)
    if parsed is None:
        raise HTTPException(404, f"web: no page {request.url.path}")
    slug, story_id = parsed
    with app_store(request).read() as conn:
        found = live_story(conn, story_id)
        if found is None:
            raise HTTPException(404, f"web: no story {story_id}")
        catalog = load_catalog(conn)
        view = story_page(conn, found, catalog)
    card = view.card
    if found.id != story_id or category != card.category.slug or slug != slugify(card.headline):
        return RedirectResponse(card.path, status_code=301)
    return render(
        request,
        "story.html",
        {
            "catalog": catalog,
            "story": view,
            "card": card,
            "disclaimer": DISCLAIMER,
            "canonical": card.path,
        },
    )
