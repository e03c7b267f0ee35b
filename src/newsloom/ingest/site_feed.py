"""Find a site's feed through the guarded fetcher: the URL itself when it is one, else the feeds
its page links to (``discover.find_feed``).

Shared by ``newsloom discover`` and the admin page's "add a site" (web/admin.py).
"""

from __future__ import annotations

from typing import Any

from newsloom.errors import FetchError
from newsloom.settings import Settings


async def discover(settings: Settings, url: str) -> dict[str, Any]:
    """``{"kind": "feed"|"sitemap"|None, "url": ..., "title": ..., "tried": [...]}``; raises
    FetchError when the page itself cannot be fetched (or robots.txt refuses it)."""
    from newsloom.ingest.discover import find_feed
    from newsloom.ingest.fetch import Fetcher
    from newsloom.ingest.parse import detect_format

    async with Fetcher(settings) as fetcher:
        await fetcher.check(url)
        refused = await fetcher.refusal(url)
        if refused:
            raise FetchError(refused)
        page = await fetcher.fetch(url)
        if page.error or not page.ok:
            raise FetchError(page.error or f"fetch: HTTP {page.status} ({url})")
        kind = detect_format(page.body)
        if kind in ("rss", "rdf", "atom", "json", "sitemap"):
            found_kind = "sitemap" if kind == "sitemap" else "feed"
            return {"kind": found_kind, "url": page.final_url, "tried": []}
        found = await find_feed(fetcher, page.final_url, page=page.body)
        return {
            "kind": "feed" if found.url else None,
            "url": found.url,
            "title": found.feed.title if found.feed else "",
            "tried": list(found.tried),
        }
