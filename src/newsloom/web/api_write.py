"""The JSON API's write side, behind a bearer token (``settings.api_token``).

No token configured = writes disabled (403). A missing or wrong token is a 401. Merges and splits
go through newsloom.store.corrections, the same code the command line uses.
"""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

import newsloom.store as db
from newsloom.errors import ClusterError, ParseError, StoreError
from newsloom.ingest.sanitize import checked_url
from newsloom.records import Source
from newsloom.web.api import source_out
from newsloom.web.api_models import CorrectionOut, ErrorOut, MergeIn, SourceIn, SourceOut, SplitIn
from newsloom.web.context import app_now, app_settings, app_store
from newsloom.web.urls import StoryId, absolute

_bearer = HTTPBearer(auto_error=False, description="settings.api_token")
ERRORS: dict[int | str, dict[str, object]] = {
    401: {"model": ErrorOut, "description": "Missing or wrong token"},
    403: {"model": ErrorOut, "description": "Writes are disabled (no api_token set)"},
    422: {"model": ErrorOut, "description": "Invalid body"},
}


def require_token(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> None:
    expected = app_settings(request).api_token
    if not expected:
        raise HTTPException(403, "api: writes are disabled; set api_token to enable them")
    given = credentials.credentials if credentials is not None else ""
    if not hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8")):
        raise HTTPException(
            401, "api: a valid bearer token is required", headers={"WWW-Authenticate": "Bearer"}
        )


router = APIRouter(
    prefix="/api", tags=["write"], dependencies=[Depends(require_token)], responses=ERRORS
)


@router.post("/sources", status_code=201, response_model=SourceOut)
def add_source(request: Request, body: SourceIn) -> SourceOut:
    """Add a feed to poll (idempotent: an existing URL answers with the stored source)."""
    try:
        url = checked_url(body.url)
    except ParseError as exc:
        raise HTTPException(422, f"api: url: {exc}") from exc
    with app_store(request).write() as conn:
        stored = db.add_source(
            conn, Source(url=url, title=body.title.strip(), section=body.section.strip())
        )
    return source_out(stored, 0, app_settings(request).site_url)


def _correction_error(exc: Exception) -> HTTPException:
    if isinstance(exc, StoreError):
        return HTTPException(404, str(exc))
    return HTTPException(422, str(exc))


@router.post("/stories/{story_id}/merge", response_model=CorrectionOut)
def merge(request: Request, story_id: StoryId, body: MergeIn) -> CorrectionOut:
    """Merge this story into ``into``; its URL then redirects to the survivor."""
    from newsloom.store.corrections import merge_stories

    try:
        merge_stories(app_store(request), story_id, body.into, app_now(request))
    except (StoreError, ClusterError) as exc:
        raise _correction_error(exc) from exc
    with app_store(request).read() as conn:
        survivor = db.resolve_story(conn, body.into) or body.into
    return _outcome(request, survivor)


@router.post("/stories/{story_id}/split", status_code=201, response_model=CorrectionOut)
def split(request: Request, story_id: StoryId, body: SplitIn) -> CorrectionOut:
    """Move ``article_ids`` out of this story into a new one, whose id is returned."""
    from newsloom.store.corrections import split_story

    try:
        new_id = split_story(app_store(request), story_id, body.article_ids, app_now(request))
    except (StoreError, ClusterError) as exc:
        raise _correction_error(exc) from exc
    return _outcome(request, new_id)


def _outcome(request: Request, story_id: int) -> CorrectionOut:
    return CorrectionOut(
        story_id=story_id, url=absolute(app_settings(request).site_url, f"/story/{story_id}")
    )
