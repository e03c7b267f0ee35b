"""The JSON API (read side). Pydantic models describe the edge only; views stay dataclasses.

Every GET answers with ETag and Last-Modified and honours If-None-Match / If-Modified-Since.
Bad parameters are 422 with ``{"detail": [{"loc", "msg", "type", "input"}]}``.
"""

from __future__ import annotations

import base64
import binascii
import importlib.util
import json
import re
from collections import Counter
from datetime import UTC, date, datetime
from typing import Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import RedirectResponse, Response
from pydantic import BaseModel
from sqlalchemy import Connection

import newsloom.store as db
import newsloom.store.browse as browse
from newsloom.records import Cited, Source, Story, Summary
from newsloom.textsafe import loads_json
from newsloom.web.api_models import (
    ArticleOut,
    CategoryListOut,
    CategoryOut,
    CitedOut,
    CopyOut,
    ErrorOut,
    FeedLinks,
    OutletOut,
    SourceListOut,
    SourceOut,
    StoryDetailOut,
    StoryListOut,
    StoryOut,
    SummaryOut,
    VersionsOut,
)
from newsloom.web.caching import CACHE_CONTROL, cached_story, conditional, from_cache
from newsloom.web.context import app_catalog, app_now, app_responses, app_settings, app_store
from newsloom.web.urls import MAX_ID, StoryId, absolute, source_path
from newsloom.web.views import (
    ArticleRef,
    Catalog,
    Lookup,
    Opened,
    StoryCard,
    open_story,
    story_cards,
    story_page,
)

MAX_LIMIT = 100
JSON = "application/json"
SEARCH_MODULE = "newsloom.search"
_LANGUAGE = re.compile(r"^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$")
ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorOut, "description": "No such story"},
    410: {"model": ErrorOut, "description": "The story was removed"},
    422: {"model": ErrorOut, "description": "A parameter is invalid"},
}

router = APIRouter(prefix="/api", tags=["read"])


def bad_parameter(name: str, message: str, value: object) -> RequestValidationError:
    """A 422 in the same shape FastAPI gives its own validation errors."""
    return RequestValidationError(
        [{"type": "value_error", "loc": ("query", name), "msg": message, "input": value}]
    )


def _json(request: Request, model: BaseModel, last_modified: datetime | None) -> Response:
    return conditional(request, model.model_dump_json().encode("utf-8"), JSON, last_modified)


def encode_cursor(payload: dict[str, Any]) -> str:
    raw = json.dumps(payload, separators=(",", ":")).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_cursor(cursor: str) -> dict[str, Any]:
    """The cursor's payload; a 422 for anything this API did not hand out."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        payload = loads_json(raw)
    except (binascii.Error, ValueError) as exc:
        raise bad_parameter("cursor", "api: malformed cursor", cursor) from exc
    if not isinstance(payload, dict):
        raise bad_parameter("cursor", "api: malformed cursor", cursor)
    return payload


def _after(cursor: str) -> tuple[datetime, int]:
    payload = decode_cursor(cursor)
    try:
        moment = datetime.fromisoformat(str(payload["u"]))
        story_id = payload["i"]
        # An id the store can hold (a signed 64-bit column): anything else was not handed out.
        if moment.tzinfo is None or not isinstance(story_id, int) or not 0 <= story_id <= MAX_ID:
            raise ValueError("not a cursor of this API")
        return moment.astimezone(UTC), story_id
    except (KeyError, TypeError, ValueError, OverflowError) as exc:
        raise bad_parameter("cursor", "api: malformed cursor", cursor) from exc


def _offset(cursor: str) -> int:
    payload = decode_cursor(cursor)
    offset = payload.get("o")
    if not isinstance(offset, int) or not 0 <= offset <= 10_000:
        raise bad_parameter("cursor", "api: this cursor is not for a search", cursor)
    return offset


def parse_since(value: str) -> datetime:
    """An ISO 8601 date or date-time; a date means its midnight UTC, a naive time means UTC."""
    try:
        if len(value) == 10:
            day = date.fromisoformat(value)
            return datetime(day.year, day.month, day.day, tzinfo=UTC)
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
        # "0001-01-01T00:00:00+14:00" is a valid string with no UTC equivalent.
        return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
    except (ValueError, OverflowError) as exc:
        raise bad_parameter(
            "since", "api: since must be an ISO 8601 date or date-time", value
        ) from exc


def _cited(items: tuple[Cited, ...]) -> list[CitedOut]:
    return [CitedOut(text=c.text, article_ids=list(c.article_ids)) for c in items]


def summary_out(summary: Summary) -> SummaryOut:
    return SummaryOut(
        version=summary.version,
        headline=summary.headline,
        method=summary.method,
        created=summary.created,
        bullets=_cited(summary.bullets),
        paragraphs=[_cited(p) for p in summary.paragraphs],
        takeaways=_cited(summary.takeaways),
        whats_new=_cited(summary.whats_new),
    )


def _copy(ref: ArticleRef) -> CopyOut:
    return CopyOut(
        id=ref.id,
        title=ref.title,
        url=ref.url,
        outlet=ref.outlet,
        source_id=ref.source_id,
        published=ref.published,
    )


def _story(card: StoryCard, site_url: str) -> dict[str, Any]:
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
        "language": card.language,
    }


def _known_category(catalog: Catalog, category: str | None) -> None:
    if category is not None and catalog.get(category) is None:
        names = ", ".join(c.slug for c in catalog.categories)
        raise bad_parameter("category", f"api: unknown category; one of {names}", category)


def _search(
    conn: Connection, request: Request, q: str, filters: dict[str, Any], offset: int, limit: int
) -> list[int]:
    if importlib.util.find_spec(SEARCH_MODULE) is None:
        raise bad_parameter("q", "api: search is not available on this server", q)
    from newsloom.search import search_stories

    hits = search_stories(conn, q, **filters, limit=limit, offset=offset, now=app_now(request))
    return [h.story_id for h in hits]


@router.get("/stories", response_model=StoryListOut, responses=ERRORS)
def stories(
    request: Request,
    category: str | None = Query(None, max_length=64, description="A category slug."),
    since: str | None = Query(
        None, max_length=40, description="Only stories updated since (ISO date or date-time)."
    ),
    language: str | None = Query(None, max_length=20, description="e.g. en, pt-br"),
    q: str | None = Query(None, max_length=500, description="Full-text search; best match first."),
    cursor: str | None = Query(None, max_length=200, description="next_cursor of the last page."),
    limit: int = Query(20, ge=1, le=MAX_LIMIT),
) -> Response:
    """Live stories, most recently updated first (best match first with ``q``)."""
    if language is not None and not _LANGUAGE.match(language.lower()):
        raise bad_parameter("language", "api: language must be a code like en or pt-br", language)
    filters: dict[str, Any] = {
        "category": category,
        "language": language.lower() if language else None,
        "since": parse_since(since) if since else None,
    }
    site_url = app_settings(request).site_url
    with app_store(request).read() as conn:
        catalog = app_catalog(request, conn)
        _known_category(catalog, category)
        next_cursor: str | None = None
        if q is not None and q.strip():
            offset = _offset(cursor) if cursor else 0
            ids = _search(conn, request, q.strip(), filters, offset, limit + 1)
            found = browse.stories_by_ids(conn, ids[:limit])
            if len(ids) > limit:
                next_cursor = encode_cursor({"o": offset + limit})
        else:
            before = _after(cursor) if cursor else None
            found = browse.recent_stories(conn, **filters, before=before, limit=limit + 1)
            if len(found) > limit:
                found = found[:limit]
                last = found[-1]
                next_cursor = encode_cursor({"u": last.last_updated.isoformat(), "i": last.id})
        cards = story_cards(conn, found, catalog)
    body = StoryListOut(
        stories=[StoryOut.model_validate(_story(c, site_url)) for c in cards],
        next_cursor=next_cursor,
    )
    return _json(request, body, max((c.updated for c in cards), default=None))


def _opened_or_error(conn: Connection, story_id: int) -> Opened:
    opened = open_story(conn, story_id)
    if opened.story is None:
        raise HTTPException(404, f"api: no story {story_id}")
    if opened.lookup is Lookup.REMOVED:
        raise HTTPException(410, f"api: story {story_id} was removed")
    return opened


def _live_or_error(conn: Connection, story_id: int) -> Story:
    found = _opened_or_error(conn, story_id).story
    assert found is not None
    return found


@router.get("/stories/{story_id}", response_model=StoryDetailOut, responses=ERRORS)
def story(request: Request, story_id: StoryId) -> Response:
    """One story: its latest summary, its articles with their copies, and its outlets.

    A story merged into another answers with a 301 to the survivor.
    """
    site_url = app_settings(request).site_url
    with app_store(request).read() as conn:
        stamp, cached = cached_story(request, conn, story_id, CACHE_CONTROL)
        if cached is not None:
            return cached
        opened = _opened_or_error(conn, story_id)
        found = opened.story
        assert found is not None and stamp is not None
        if found.id != story_id:
            return RedirectResponse(f"/api/stories/{found.id}", status_code=301)
        view = story_page(
            conn, found, app_catalog(request, conn), extras=False, members=opened.members
        )
    refs = [s.article for s in view.sources] + [c for s in view.sources for c in s.copies]
    per_outlet = Counter((r.source_id, r.outlet) for r in refs)
    body = StoryDetailOut.model_validate(
        {
            **_story(view.card, site_url),
            "summary": summary_out(view.summary) if view.summary else None,
            "articles": [
                ArticleOut(**_copy(s.article).model_dump(), copies=[_copy(c) for c in s.copies])
                for s in view.sources
            ],
            "sources": [
                OutletOut(source_id=sid, name=name, articles=n)
                for (sid, name), n in per_outlet.most_common()
            ],
            "first_reported_by": _copy(view.first_reported) if view.first_reported else None,
        }
    )
    stamps = [view.card.updated] + ([view.summary.created] if view.summary else [])
    entry = app_responses(request).put(
        request.url.path, stamp, body.model_dump_json().encode("utf-8"), JSON, max(stamps)
    )
    return from_cache(request, entry, CACHE_CONTROL)


@router.get("/stories/{story_id}/versions", response_model=VersionsOut, responses=ERRORS)
def versions(request: Request, story_id: StoryId) -> Response:
    """Every version of the story's summary, oldest first, each with the time it was written."""
    with app_store(request).read() as conn:
        found = _live_or_error(conn, story_id)
        if found.id != story_id:
            return RedirectResponse(f"/api/stories/{found.id}/versions", status_code=301)
        every = db.summary_versions(conn, story_id)
    body = VersionsOut(story_id=story_id, versions=[summary_out(s) for s in every])
    return _json(request, body, max((s.created for s in every), default=found.last_updated))


@router.get("/categories", response_model=CategoryListOut)
def categories(request: Request) -> Response:
    """Every category with its number of live stories and its feeds."""
    site_url = app_settings(request).site_url
    with app_store(request).read() as conn:
        catalog = app_catalog(request, conn)
        counts = browse.category_counts(conn)
    body = CategoryListOut(
        categories=[
            CategoryOut(
                slug=c.slug,
                name=c.name,
                description=c.description,
                url=absolute(site_url, c.path),
                stories=counts.get(c.slug, 0),
                feeds=FeedLinks(
                    rss=absolute(site_url, f"/feeds/{c.slug}.xml"),
                    atom=absolute(site_url, f"/feeds/{c.slug}.atom"),
                    json_feed=absolute(site_url, f"/feeds/{c.slug}.json"),
                ),
            )
            for c in catalog.categories
        ]
    )
    return _json(request, body, None)


def source_out(source: Source, articles: int, site_url: str) -> SourceOut:
    assert source.id is not None
    return SourceOut(
        id=source.id,
        title=source.title,
        url=source.url,
        site_url=source.site_url,
        kind=source.kind,
        section=source.section,
        language=source.language,
        articles=articles,
        page_url=absolute(site_url, source_path(source.id)),
        last_checked=source.last_checked,
        error_count=source.error_count,
        paused=source.paused_at is not None,
        paused_reason=source.paused_reason,
    )


@router.get("/sources", response_model=SourceListOut)
def sources(request: Request) -> Response:
    """Every outlet newsloom reads, with its number of stored articles."""
    site_url = app_settings(request).site_url
    with app_store(request).read() as conn:
        every = db.list_sources(conn)
        counts = browse.source_article_counts(conn)
    body = SourceListOut(sources=[source_out(s, counts.get(s.id or 0, 0), site_url) for s in every])
    newest = max((s.last_checked for s in every if s.last_checked), default=None)
    return _json(request, body, newest)
