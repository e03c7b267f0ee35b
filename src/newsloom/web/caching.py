"""Conditional GET (RFC 9110 13): ETag and Last-Modified on API and feed responses, 304 when fresh.

The ETag is a hash of the body, so it is right whatever changed; Last-Modified is the newest
story update the body shows. If-None-Match wins over If-Modified-Since, as the RFC says.
"""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime
from typing import Any

from fastapi import Request
from fastapi.responses import Response
from sqlalchemy import Connection

import newsloom.store.browse as browse
from newsloom.web.cache import CachedResponse, etag_of
from newsloom.web.context import app_responses

CACHE_CONTROL = "public, max-age=60"


def http_date(moment: datetime) -> str:
    return format_datetime(moment.astimezone(UTC), usegmt=True)


def etag_matches(header: str, etag: str) -> bool:
    """If-None-Match uses the weak comparison: W/"x" matches "x"."""
    if header.strip() == "*":
        return True
    tags = (t.strip().removeprefix("W/") for t in header.split(","))
    return etag in tags


def _not_modified_since(header: str, last_modified: datetime) -> bool:
    try:
        since = parsedate_to_datetime(header)
    except (TypeError, ValueError, IndexError):
        return False  # an unparsable date is ignored, as the RFC asks
    if since.tzinfo is None:
        since = since.replace(tzinfo=UTC)
    return last_modified.replace(microsecond=0) <= since


def not_modified_since(header: str, last_modified: str) -> bool:
    """If-Modified-Since against a Last-Modified header value (a cached response's)."""
    try:
        moment = parsedate_to_datetime(last_modified)
    except (TypeError, ValueError, IndexError):
        return False
    return _not_modified_since(header, moment if moment.tzinfo else moment.replace(tzinfo=UTC))


def conditional(
    request: Request, body: bytes, media_type: str, last_modified: datetime | None
) -> Response:
    """``body`` with validators, or an empty 304 when the client's copy is current."""
    return respond(request, body, media_type, etag_of(body), last_modified)


def respond(
    request: Request,
    body: bytes,
    media_type: str,
    etag: str,
    last_modified: datetime | None,
    cache_control: str | None = CACHE_CONTROL,
) -> Response:
    """``body`` under a known ETag (a cached response reuses its own), or a 304."""
    headers = {"ETag": etag}
    if cache_control:
        headers["Cache-Control"] = cache_control
    if last_modified is not None:
        headers["Last-Modified"] = http_date(last_modified)
    if_none_match = request.headers.get("if-none-match")
    if_modified_since = request.headers.get("if-modified-since")
    fresh = False
    if if_none_match is not None:
        fresh = etag_matches(if_none_match, etag)
    elif if_modified_since is not None and last_modified is not None:
        fresh = _not_modified_since(if_modified_since, last_modified)
    if fresh:
        return Response(status_code=304, headers=headers)
    return Response(body, media_type=media_type, headers=headers)


def from_cache(request: Request, entry: CachedResponse, cache_control: str | None) -> Response:
    return respond(
        request, entry.body, entry.media_type, entry.etag, entry.last_modified, cache_control
    )


def cached_story(
    request: Request, conn: Connection, story_id: int, cache_control: str | None
) -> tuple[tuple[Any, ...] | None, Response | None]:
    """(the story's stamp, the cached response at this path while that stamp holds): a repeat
    request for an unchanged story costs one row of index probes. Stamp None: no such story."""
    stamp = browse.story_stamp(conn, story_id)
    cached = app_responses(request).get(request.url.path, stamp) if stamp is not None else None
    return stamp, from_cache(request, cached, cache_control) if cached is not None else None
