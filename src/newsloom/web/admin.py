"""Source management for administrators: ``/admin/sources``.

Add a feed (or a site, whose feed is discovered), import and export OPML, pause, resume and
remove sources, and see each one's health. The same functions as the command line do the work:
``store.add_source`` (as ``pipeline.refresh.add_sources``), ``ingest.site_feed``, ``ingest.opml``,
``store.sources``.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

import newsloom.store as db
from newsloom.errors import NewsloomError, ParseError
from newsloom.ingest.opml import read_opml_list, write_opml
from newsloom.ingest.sanitize import checked_url
from newsloom.ingest.site_feed import discover
from newsloom.records import Source, SourceKind
from newsloom.web.context import app_catalog, app_settings, app_store, render
from newsloom.web.forms import Form
from newsloom.web.session import csrf_checked, require_admin
from newsloom.web.urls import MAX_ID, SourceId
from newsloom.web.views import source_rows

router = APIRouter(
    prefix="/admin",
    include_in_schema=False,
    dependencies=[Depends(require_admin), Depends(csrf_checked)],
)
MAX_URL = 2000
MAX_TEXT = 200


def _page(request: Request, notice: str = "", status: int = 200) -> HTMLResponse:
    session = require_admin(request)
    with app_store(request).read() as conn:
        catalog = app_catalog(request, conn)
        rows = source_rows(conn)
    context = {
        "catalog": catalog,
        "canonical": None,
        "rows": rows,
        "csrf": session.csrf,
        "notice": notice,
    }
    response = render(request, "admin_sources.html", context, status_code=status)
    response.headers["Cache-Control"] = "no-store"
    return response


@router.get("/sources", response_class=HTMLResponse)
def sources(request: Request) -> HTMLResponse:
    return _page(request)


@router.post("/sources/add", response_class=HTMLResponse)
def add(request: Request, form: Form) -> Response:
    """A feed URL, or with ``discover`` a site's page whose feed is looked for first."""
    raw = form.text("url", MAX_URL).strip()
    section = form.text("section", 64).strip()
    title = form.text("title", MAX_TEXT).strip()
    try:
        url = checked_url(raw)
        kind: SourceKind = "feed"
        if form.get("discover"):
            found = asyncio.run(discover(app_settings(request), url))
            if not found.get("url"):
                tried = ", ".join(found.get("tried", [])[:5])
                raise ParseError(
                    f"parse: no feed found on {url}" + (f" (tried {tried})" if tried else "")
                )
            url = str(found["url"])
            kind = "sitemap" if found.get("kind") == "sitemap" else "feed"
            title = title or str(found.get("title", ""))
    except NewsloomError as exc:
        return _page(request, notice=str(exc), status=400)
    with app_store(request).write() as conn:
        stored = db.add_source(conn, Source(url=url, kind=kind, section=section, title=title))
    return _page(request, notice=f"Added source {stored.id}: {stored.url}")


@router.post("/sources/import", response_class=HTMLResponse)
def import_opml(request: Request, form: Form) -> Response:
    body = form.files.get("opml") or form.text("opml_text", 2 * 1024 * 1024).encode("utf-8")
    if not body.strip():
        return _page(request, notice="Choose an OPML file to import.", status=400)
    try:
        listed = read_opml_list(body)
    except NewsloomError as exc:
        return _page(request, notice=str(exc), status=400)
    with app_store(request).write() as conn:
        stored = [db.add_source(conn, s) for s in listed.sources]
    skipped = (
        f"; skipped {len(listed.refused)}: " + "; ".join(listed.refused[:5])
        if listed.refused
        else ""
    )
    return _page(request, notice=f"Imported {len(stored)} sources{skipped}")


@router.get("/sources.opml")
def export_opml(request: Request) -> Response:
    with app_store(request).read() as conn:
        listed = db.list_sources(conn)
    return Response(
        write_opml(listed, title=f"{app_settings(request).site_title} sources"),
        media_type="text/x-opml; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="sources.opml"'},
    )


@router.post("/sources/{source_id}/{action}")
def change(request: Request, source_id: SourceId, action: str, form: Form) -> Response:
    """pause, resume or remove one source, as ``newsloom sources pause|resume|remove`` does."""
    if action not in ("pause", "resume", "remove"):
        raise HTTPException(404, f"web: no action {action!r}")
    if source_id > MAX_ID:
        raise HTTPException(404, f"web: no source {source_id}")
    with app_store(request).write() as conn:
        if action == "pause":
            reason = form.text("reason", MAX_TEXT).strip() or "paused by an administrator"
            found = db.pause_source(conn, source_id, now=datetime.now(UTC), reason=reason)
        elif action == "resume":
            found = db.resume_source(conn, source_id)
        else:
            found = db.delete_source(conn, source_id)
    if not found:
        raise HTTPException(404, f"web: no source {source_id}")
    return RedirectResponse("/admin/sources", status_code=303)
