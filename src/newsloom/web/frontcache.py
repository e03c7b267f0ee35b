"""Listing pages, feeds and API lists answered from memory while the store has not changed.

The home page ranks every category's stories and a feed renders 50 of them: tens of milliseconds
each, for bodies that only change when a refresh stores something. ``FrontCache`` keeps each
GET's 200 response by path and query, valid while ``store.site_stamp`` (a row of index probes)
is the one it was made under, and for at most ``ttl`` seconds, which bounds what the stamp cannot
see (an article removed, a story re-ranked without an update). A hit skips routing, validation
and rendering. Any other method that reaches the app (an API write) empties the cache.

Story pages and API stories are not cached here: they have their own per-story stamp
(``caching.cached_story``) that also sees removals at once. Each worker process holds its own.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any

from anyio import to_thread
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newsloom.store import Store
from newsloom.store.site import site_stamp
from newsloom.web.cache import etag_of
from newsloom.web.caching import etag_matches, not_modified_since

LIST_SECONDS = 30.0
MAX_BYTES = 64 * 1024 * 1024  # per process; a feed of 50 stories is ~100 kB
MAX_BODY = 2 * 1024 * 1024  # larger bodies are not kept
_CACHED_PREFIXES = (
    "/feeds/",
    "/archive/",
    "/sources",
    "/search",
    "/api/search",
    "/api/categories",
    "/api/sources",
)
_CACHED_PATHS = frozenset({"/", "/api", "/api/stories", "/sitemap.xml", "/robots.txt"})
_NEVER = ("/static/", "/images/", "/healthz", "/metrics", "/favicon")
# One user's pages, and the forms and APIs that change them: never shared, never a reason to
# empty the cache of public listings.
_PERSONAL = ("/login", "/logout", "/my", "/account", "/admin/", "/reader/", "/feeds/u/")
_DROPPED_HEADERS = frozenset({b"date", b"server", b"set-cookie", b"content-length", b"etag"})


def cacheable(path: str) -> bool:
    """Listings and feeds; a single-segment path is a category page (or a 404, never kept)."""
    if path.startswith(_NEVER) or path.startswith(_PERSONAL):
        return False
    return path in _CACHED_PATHS or path.startswith(_CACHED_PREFIXES) or path.count("/") == 1


@dataclass(frozen=True)
class Entry:
    stamp: Hashable
    expires: float
    body: bytes
    etag: bytes
    headers: tuple[tuple[bytes, bytes], ...]
    route: Any  # the route that made it, for the request-latency metric's label


class FrontCache:
    """Plain ASGI middleware (no task or queue per request); see the module docstring."""

    def __init__(
        self,
        app: ASGIApp,
        ttl: float = LIST_SECONDS,
        max_bytes: int = MAX_BYTES,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.app = app
        self.ttl = ttl
        self.max_bytes = max_bytes
        self._clock = clock
        self._items: OrderedDict[str, Entry] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if scope.get("state", {}).get("session") is not None:
            await self.app(scope, receive, send)  # a signed-in reader's page is theirs alone
            return
        if scope["method"] != "GET":
            if scope["method"] != "HEAD" and not scope["path"].startswith(_PERSONAL):
                self.clear()  # a write through the API may change any listing
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        if not cacheable(path):
            await self.app(scope, receive, send)
            return
        store: Store = scope["app"].state.store
        stamp = await to_thread.run_sync(_read_stamp, store)
        key = path + "?" + scope.get("query_string", b"").decode("latin-1")
        found = self._get(key, stamp)
        if found is not None:
            scope["route"] = found.route
            await _replay(scope, send, found)
            return
        await self._fill(scope, receive, send, key, stamp)

    async def _fill(self, scope: Scope, receive: Receive, send: Send, key: str, stamp: Any) -> None:
        status = 0
        headers: list[tuple[bytes, bytes]] = []
        chunks: list[bytes] = []
        size = 0

        async def keep(message: Message) -> None:
            nonlocal status, headers, size
            if message["type"] == "http.response.start":
                status = int(message["status"])
                headers = list(message.get("headers", []))
            elif message["type"] == "http.response.body" and status == 200:
                body = message.get("body", b"")
                size += len(body)
                if size <= MAX_BODY:
                    chunks.append(body)
                if not message.get("more_body", False) and size <= MAX_BODY:
                    self._put(key, stamp, b"".join(chunks), headers, scope.get("route"))
            await send(message)

        await self.app(scope, receive, keep)

    def _get(self, key: str, stamp: Hashable) -> Entry | None:
        with self._lock:
            found = self._items.get(key)
            if found is None or found.stamp != stamp or self._clock() >= found.expires:
                return None
            self._items.move_to_end(key)
            return found

    def _put(
        self,
        key: str,
        stamp: Hashable,
        body: bytes,
        headers: list[tuple[bytes, bytes]],
        route: Any,
    ) -> None:
        if any(name.lower() == b"set-cookie" for name, _ in headers):
            return
        etag = next((v for n, v in headers if n.lower() == b"etag"), None)
        kept = tuple((n, v) for n, v in headers if n.lower() not in _DROPPED_HEADERS)
        entry = Entry(
            stamp,
            self._clock() + self.ttl,
            body,
            etag or etag_of(body).encode(),
            kept,
            route,
        )
        with self._lock:
            old = self._items.pop(key, None)
            self._bytes -= len(old.body) if old else 0
            self._items[key] = entry
            self._bytes += len(body)
            while self._bytes > self.max_bytes and self._items:
                _, dropped = self._items.popitem(last=False)
                self._bytes -= len(dropped.body)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self._bytes = 0

    def __len__(self) -> int:
        return len(self._items)


def _read_stamp(store: Store) -> tuple[Any, ...]:
    with store.read() as conn:
        return site_stamp(conn)


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return str(value.decode("latin-1"))
    return None


async def _replay(scope: Scope, send: Send, entry: Entry) -> None:
    """The kept response, or an empty 304 when the client's copy matches (RFC 9110 13.1)."""
    etag = entry.etag.decode("latin-1")
    fresh = False
    if (if_none_match := _header(scope, b"if-none-match")) is not None:
        fresh = etag_matches(if_none_match, etag)
    elif (if_modified_since := _header(scope, b"if-modified-since")) is not None:
        last = next((v for n, v in entry.headers if n.lower() == b"last-modified"), None)
        fresh = last is not None and not_modified_since(if_modified_since, last.decode("latin-1"))
    headers = [*entry.headers, (b"etag", entry.etag)]
    if fresh:
        keep = (b"etag", b"cache-control", b"last-modified", b"vary")
        short = [(n, v) for n, v in headers if n.lower() in keep]
        await send({"type": "http.response.start", "status": 304, "headers": short})
        await send({"type": "http.response.body", "body": b""})
        return
    headers.append((b"content-length", str(len(entry.body)).encode()))
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": entry.body})
