"""Search: the ``/search`` page and ``/api/search`` (story search with filters and pages)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse
from markupsafe import Markup, escape
from pydantic import BaseModel
from sqlalchemy import Connection

import newsloom.store as db
from newsloom.records import Source
from newsloom.search import (
    MAX_QUERY_CHARS,
    ParsedQuery,
    SearchHit,
    parse_query,
    search_languages,
    search_stories,
    term_pattern,
)
from newsloom.web.cache import TimedValue
from newsloom.web.context import app_catalog, app_settings, app_store, render
from newsloom.web.mystories import muted_for
from newsloom.web.session import current_session
from newsloom.web.urls import absolute
from newsloom.web.views import Catalog, StoryCard, cards_by_ids, feed_label

PAGE_SIZE = 10
MAX_PAGE = 1000
MAX_API_LIMIT = 100
MAX_OFFSET = 10_000
LANGUAGE_PATTERN = r"^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$"

router = APIRouter()


@dataclass(frozen=True)
class Filters:
    category: str | None = None
    source_id: int | None = None
    language: str | None = None
    since: datetime | None = None
    until: datetime | None = None  # exclusive


@dataclass(frozen=True)
class Result:
    card: StoryCard
    headline: Markup
    snippet: Markup
    score: float


def highlight(text: str, parsed: ParsedQuery) -> Markup:
    """``text`` escaped, with the words the query looks for wrapped in <mark>."""
    pieces, last = [], 0
    for match in term_pattern(parsed).finditer(text):
        pieces.append(escape(text[last : match.start()]))
        pieces.append(Markup("<mark>%s</mark>") % match.group())
        last = match.end()
    pieces.append(escape(text[last:]))
    return Markup("").join(pieces)


def _search(
    conn: Connection, catalog: Catalog, query: str, filters: Filters, limit: int, offset: int
) -> list[tuple[SearchHit, StoryCard]]:
    hits = search_stories(
        conn,
        query,
        category=filters.category,
        source_id=filters.source_id,
        language=filters.language,
        since=filters.since,
        until=filters.until,
        limit=limit,
        offset=offset,
        now=datetime.now(UTC),
    )
    cards = {c.id: c for c in cards_by_ids(conn, [h.story_id for h in hits], catalog)}
    return [(hit, cards[hit.story_id]) for hit in hits if hit.story_id in cards]


def _unmuted(
    request: Request, conn: Connection, found: list[tuple[SearchHit, StoryCard]]
) -> list[tuple[SearchHit, StoryCard]]:
    """Without the stories the signed-in reader muted: they reach none of that reader's pages."""
    muted = muted_for(request, conn, [card.id for _, card in found])
    return [(hit, card) for hit, card in found if card.id not in muted]


def _day(value: str, name: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise HTTPException(400, f"web: {name} must be a date like 2026-06-03") from None


def _page_filters(
    catalog: Catalog, category: str, source: str, language: str, since: str, until: str
) -> Filters:
    """Filters from the form; empty fields mean "any" (a form always sends every field)."""
    if category and catalog.get(category) is None:
        raise HTTPException(400, "web: unknown category")
    if source and not (source.isascii() and source.isdigit()):
        raise HTTPException(400, "web: source must be a number")
    if language and not re.fullmatch(LANGUAGE_PATTERN, language):
        raise HTTPException(400, "web: language must be a code like en or pt-br")
    first, last = _day(since, "from"), _day(until, "to")
    return Filters(
        category=category or None,
        source_id=int(source) if source else None,
        language=language.lower() or None,
        since=datetime.combine(first, datetime.min.time(), UTC) if first else None,
        # "to" is inclusive: the whole of that day (date.max has no next day).
        until=datetime.combine(last, datetime.min.time(), UTC) + timedelta(days=1)
        if last and last < date.max
        else None,
    )


@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request,
    q: str = Query("", max_length=MAX_QUERY_CHARS),
    category: str = Query("", max_length=64),
    source: str = Query("", max_length=10),
    language: str = Query("", max_length=20),
    since: str = Query("", max_length=10),
    until: str = Query("", max_length=10),
    page: int = Query(1, ge=1, le=MAX_PAGE),
) -> HTMLResponse:
    form = {
        "q": q,
        "category": category,
        "source": source,
        "language": language,
        "since": since,
        "until": until,
    }
    with app_store(request).read() as conn:
        catalog = app_catalog(request, conn)
        filters = _page_filters(catalog, category, source, language, since, until)
        found = []
        if q.strip():
            offset = (page - 1) * PAGE_SIZE
            found = _unmuted(
                request, conn, _search(conn, catalog, q, filters, PAGE_SIZE + 1, offset)
            )
        options: TimedValue[tuple[list[Source], list[str]]] = request.app.state.search_options
        sources, languages = options.get(lambda: (db.list_sources(conn), search_languages(conn)))
    parsed = parse_query(q)
    results = [
        Result(card, highlight(card.headline, parsed), highlight(hit.snippet, parsed), hit.score)
        for hit, card in found
    ]
    kept = {k: v for k, v in form.items() if v}

    def page_path(number: int) -> str:
        return "/search?" + urlencode({**kept, "page": number} if number > 1 else kept)

    return render(
        request,
        "search.html",
        {
            "catalog": catalog,
            "canonical": None,
            "form": form,
            "results": results[:PAGE_SIZE],
            "first_shown": (page - 1) * PAGE_SIZE + 1,
            "more": len(results) > PAGE_SIZE,
            "page": page,
            "prev_path": page_path(page - 1) if page > 1 and q.strip() else None,
            "next_path": page_path(page + 1) if len(results) > PAGE_SIZE else None,
            "feed_path": "/feeds/search.xml?" + urlencode(kept) if q.strip() else None,
            "sources": [(s, feed_label(s, sources)) for s in sources],
            "languages": languages,
            # A signed-in reader may save the search to their page (their pages are not cached).
            "follow_csrf": session.csrf if (session := current_session(request)) else "",
        },
    )


class SearchResultOut(BaseModel):
    id: int
    headline: str
    url: str
    category: str
    snippet: str
    score: float
    first_seen: datetime
    last_updated: datetime
    articles_count: int
    outlets_count: int


class SearchOut(BaseModel):
    query: str
    results: list[SearchResultOut]
    limit: int
    offset: int
    next_offset: int | None


def _utc(value: datetime | None, name: str) -> datetime | None:
    """Aware UTC (naive means UTC); a value with no UTC equivalent is a 422, not a crash."""
    if value is None:
        return None
    try:
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    except (OverflowError, ValueError):
        raise _invalid(name, "api: date out of range", value) from None


def _invalid(name: str, message: str, value: Any) -> RequestValidationError:
    return RequestValidationError(
        [{"type": "value_error", "loc": ("query", name), "msg": message, "input": str(value)}]
    )


@router.get("/api/search", response_model=SearchOut)
def api_search(
    request: Request,
    q: str = Query(..., min_length=1, max_length=MAX_QUERY_CHARS),
    category: str | None = Query(None, max_length=64),
    source: int | None = Query(None, ge=1, le=2**31 - 1),
    language: str | None = Query(None, max_length=20, pattern=LANGUAGE_PATTERN),
    since: Annotated[datetime | None, Query(description="updated at or after (UTC)")] = None,
    until: Annotated[datetime | None, Query(description="first seen before (UTC)")] = None,
    limit: int = Query(20, ge=1, le=MAX_API_LIMIT),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
) -> SearchOut:
    site_url = app_settings(request).site_url
    filters = Filters(
        category=category,
        source_id=source,
        language=language.lower() if language else None,
        since=_utc(since, "since"),
        until=_utc(until, "until"),
    )
    with app_store(request).read() as conn:
        catalog = app_catalog(request, conn)
        if category is not None and catalog.get(category) is None:
            raise _invalid("category", "api: unknown category", category)
        found = _unmuted(request, conn, _search(conn, catalog, q, filters, limit + 1, offset))
    results = [
        SearchResultOut(
            id=card.id,
            headline=card.headline,
            url=absolute(site_url, card.path),
            category=card.category.slug,
            snippet=hit.snippet,
            score=hit.score,
            first_seen=card.first_seen,
            last_updated=card.updated,
            articles_count=card.articles,
            outlets_count=card.outlets,
        )
        for hit, card in found[:limit]
    ]
    more = len(found) > limit
    return SearchOut(
        query=q,
        results=results,
        limit=limit,
        offset=offset,
        next_offset=offset + limit if more else None,
    )
