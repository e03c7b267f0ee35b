"""Refresh step 6: fetch the pictures of articles in stories, once each, through the guarded
Fetcher (SSRF guard, size cap, timeouts, robots), re-encode them (images/prepare.py) and store
the copies pages link to. A failure is stored too, so one URL is tried once, not every refresh.
"""

from __future__ import annotations

import asyncio
from datetime import datetime

import httpx

from newsloom.images.prepare import MAX_BYTES, prepare_image
from newsloom.ingest.fetch import Fetcher
from newsloom.ingest.netguard import Resolver
from newsloom.settings import Settings
from newsloom.store import Store
from newsloom.store.images import images_to_fetch, save_image

IMAGES_PER_REFRESH = 200  # new pictures per pass; a backlog is worked off over later passes
CONCURRENT = 4


async def fetch_images(
    settings: Settings,
    store: Store,
    now: datetime,
    *,
    transport: httpx.AsyncBaseTransport | None = None,
    resolver: Resolver | None = None,
    limit: int = IMAGES_PER_REFRESH,
) -> int:
    """Fetch and store up to ``limit`` pictures not tried yet; the number stored as usable."""
    with store.read() as conn:
        urls = images_to_fetch(conn, limit)
    if not urls:
        return 0
    capped = settings.model_copy(update={"max_body_bytes": min(settings.max_body_bytes, MAX_BYTES)})
    slots = asyncio.Semaphore(CONCURRENT)
    stored = 0
    async with Fetcher(capped, transport=transport, resolver=resolver) as fetcher:

        async def one(url: str) -> None:
            nonlocal stored
            async with slots:
                refused = await fetcher.refusal(url)  # the guard's reason, or robots.txt's
                if refused:
                    _save(store, url, now, status="failed", error=f"images: {refused}")
                    return
                result = await fetcher.fetch(url)
            if not result.ok:
                error = result.error or f"HTTP {result.status}"
                _save(store, url, now, status="failed", error=f"images: {error}")
                return
            # Decoding is CPU work: off the event loop, so other fetches keep going.
            prepared = await asyncio.to_thread(prepare_image, result.body)
            if not prepared.ok:
                _save(store, url, now, status="rejected", error=prepared.reason)
                return
            _save(
                store,
                url,
                now,
                status="ok",
                width=prepared.width,
                height=prepared.height,
                lead=prepared.lead,
                thumb=prepared.thumb,
            )
            stored += 1

        await asyncio.gather(*(one(u) for u in urls))
    return stored


def _save(
    store: Store,
    url: str,
    now: datetime,
    *,
    status: str,
    error: str = "",
    width: int = 0,
    height: int = 0,
    lead: bytes | None = None,
    thumb: bytes | None = None,
) -> None:
    with store.write() as conn:
        save_image(
            conn,
            url,
            status=status,
            fetched_at=now,
            error=error,
            width=width,
            height=height,
            lead=lead,
            thumb=thumb,
        )
