"""``/images/<key>.jpg`` and ``/images/<key>-thumb.jpg``: our re-encoded copies of story pictures.

A key names one source URL's picture for ever (a hash of it), so responses are immutable: browsers
and proxies keep them a year, and readers' browsers never contact a publisher.
"""

from __future__ import annotations

import re

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import Response

from newsloom.store.images import image_bytes
from newsloom.web.context import app_store

_NAME = re.compile(r"^(?P<key>[0-9a-f]{32})(?P<thumb>-thumb)?\.jpg$")
IMMUTABLE = "public, max-age=31536000, immutable"

router = APIRouter(include_in_schema=False)


@router.get("/images/{name}")
def picture(request: Request, name: str) -> Response:
    match = _NAME.match(name)
    if match is None:
        raise HTTPException(404, f"web: no picture {name!r}")
    with app_store(request).read() as conn:
        body = image_bytes(conn, match["key"], "thumb" if match["thumb"] else "lead")
    if body is None:
        raise HTTPException(404, f"web: no picture {name!r}")
    return Response(body, media_type="image/jpeg", headers={"Cache-Control": IMMUTABLE})
