"""The JSON API. Pydantic models describe the edge only; views and records stay dataclasses."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel

import newsloom.store as db
from newsloom.records import Cited
from newsloom.web.context import app_settings, app_store
from newsloom.web.urls import absolute
from newsloom.web.views import (
    ArticleRef,
    StoryCard,
    live_story,
    load_catalog,
    story_card,
    story_page,
)

MAX_LIMIT = 100

router = APIRouter(prefix="/api")


class CitedOut(BaseModel):
    text: str
    article_ids: list[int]


class SummaryOut(BaseModel):
    version: int
    headline: str
    method: str
    created: datetime
    bullets: list[CitedOut]
    paragraphs: list[list[CitedOut]]
    takeaways: list[CitedOut]
    whats_new: list[CitedOut]


class CopyOut(BaseModel):
    id: int
    title: str
    url: str
    outlet: str
    published: datetime


class ArticleOut(CopyOut):
    copies: list[CopyOut]


class StoryOut(BaseModel):
    id: int
    headline: str
    category: str
    url: str
    importance: float
    first_seen: datetime
    last_updated: datetime
    articles_count: int
    outlets_count: int
    first_bullet: str


class StoryDetailOut(StoryOut):
    summary: SummaryOut | None
    articles: list[ArticleOut]


class StoryListOut(BaseModel):
    stories: list[StoryOut]
    total: int


def _cited(items: tuple[Cited, ...]) -> list[CitedOut]:
    return [CitedOut(text=c.text, article_ids=list(c.article_ids)) for c in items]


def _copy(ref: ArticleRef) -> CopyOut:
    return CopyOut(
        id=ref.id, title=ref.title, url=ref.url, outlet=ref.outlet, published=ref.published
    )


def _story(card: StoryCard, site_url: str) -> dict[str, object]:
    return {
        "id": card.id,
        "headline": card.headline,
        "category": card.category.slug,
        "url": absolute(site_url, card.path),
        "importance": card.importance,
        "first_seen": card.first_seen,
        "last_updated": card.updated,
        "articles_count": card.articles,
        "outlets_count": card.outlets,
        "first_bullet": card.first_bullet,
    }


@router.get("/stories", response_model=StoryListOut)
def stories(
    request: Request,
    category: str | None = Query(None, max_length=64),
    limit: int = Query(20, ge=1, le=MAX_LIMIT),
    offset: int = Query(0, ge=0, le=1_000_000),
) -> StoryListOut:
    site_url = app_settings(request).site_url
    with app_store(request).read() as conn:
        catalog = load_catalog(conn)
        if category is not None and catalog.get(category) is None:
            raise RequestValidationError(
                [
                    {
                        "type": "enum",
                        "loc": ("query", "category"),
                        "msg": "api: unknown category; one of "
                        + ", ".join(c.slug for c in catalog.categories),
                        "input": category,
                    }
                ]
            )
        total = db.count_stories(conn, category=category)
        found = db.list_stories(conn, category=category, limit=limit, offset=offset)
        cards = [story_card(conn, s, catalog) for s in found]
    return StoryListOut(
        stories=[StoryOut.model_validate(_story(c, site_url)) for c in cards], total=total
    )


@router.get("/stories/{story_id}", response_model=StoryDetailOut)
def story(request: Request, story_id: int) -> StoryDetailOut:
    site_url = app_settings(request).site_url
    with app_store(request).read() as conn:
        found = live_story(conn, story_id)  # a merged story answers as the one it joined
        if found is None:
            raise HTTPException(404, f"api: no story {story_id}")
        view = story_page(conn, found, load_catalog(conn))
    summary = view.summary
    return StoryDetailOut.model_validate(
        {
            **_story(view.card, site_url),
            "summary": None
            if summary is None
            else SummaryOut(
                version=summary.version,
                headline=summary.headline,
                method=summary.method,
                created=summary.created,
                bullets=_cited(summary.bullets),
                paragraphs=[_cited(p) for p in summary.paragraphs],
                takeaways=_cited(summary.takeaways),
                whats_new=_cited(summary.whats_new),
            ),
            "articles": [
                ArticleOut(**_copy(s.article).model_dump(), copies=[_copy(c) for c in s.copies])
                for s in view.sources
            ],
        }
    )
