"""Per-process caches of the web tier: the category catalog, and rendered responses.

Each app (``create_app``) holds its own; nothing here is shared between processes, so several
uvicorn workers each warm their own. A cached response is only reused while the stamp its
caller read from the store (the story's update time, summary version, membership...) is the same,
so a changed story is never served stale; entries also expire after ``ttl`` seconds, which bounds
how long what no stamp covers (navigation, related stories) can lag behind.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from datetime import datetime
from typing import Generic, TypeVar

from sqlalchemy import Connection

from newsloom.web.views import Catalog, load_catalog

CATALOG_SECONDS = 30.0  # categories change when a refresh stores a new one: rarely
RESPONSE_SECONDS = 300.0
RESPONSE_ENTRIES = 2048  # story pages are ~10-20 kB: tens of MB at most per process

T = TypeVar("T")


class TimedValue(Generic[T]):
    """One value, reloaded at most every ``ttl`` seconds: lists a page shows beside its content
    (the outlets and languages of the search form), where a few seconds' lag is harmless."""

    def __init__(self, ttl: float = CATALOG_SECONDS, clock: Callable[[], float] = time.monotonic):
        self.ttl = ttl
        self._clock = clock
        self._value: tuple[T] | None = None
        self._expires = 0.0

    def get(self, load: Callable[[], T]) -> T:
        now = self._clock()
        if self._value is None or now >= self._expires:
            self._value, self._expires = (load(),), now + self.ttl
        return self._value[0]


class CatalogCache(TimedValue[Catalog]):
    """The catalog, re-read at most every ``ttl`` seconds (one small query per reload). Two
    threads may both reload at expiry; each gets a correct catalog either way."""

    def get_catalog(self, conn: Connection) -> Catalog:
        return self.get(lambda: load_catalog(conn))


def etag_of(body: bytes) -> str:
    """A strong validator: a hash of the body, right whatever changed."""
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


@dataclass(frozen=True)
class CachedResponse:
    stamp: Hashable
    expires: float
    body: bytes
    etag: str
    media_type: str
    last_modified: datetime | None = None


class ResponseCache:
    """A bounded LRU of rendered bodies keyed by request path, valid for one store stamp."""

    def __init__(
        self,
        ttl: float = RESPONSE_SECONDS,
        entries: int = RESPONSE_ENTRIES,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.ttl = ttl
        self.entries = entries
        self._clock = clock
        self._items: OrderedDict[str, CachedResponse] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get(self, key: str, stamp: Hashable) -> CachedResponse | None:
        """The entry for ``key`` if it was made from ``stamp`` and has not expired."""
        with self._lock:
            found = self._items.get(key)
            if found is None or found.stamp != stamp or self._clock() >= found.expires:
                self.misses += 1
                return None
            self._items.move_to_end(key)
            self.hits += 1
            return found

    def put(
        self,
        key: str,
        stamp: Hashable,
        body: bytes,
        media_type: str,
        last_modified: datetime | None = None,
    ) -> CachedResponse:
        """Keep ``body`` (its ETag is computed once, here) for requests of ``key`` at ``stamp``."""
        entry = CachedResponse(
            stamp, self._clock() + self.ttl, body, etag_of(body), media_type, last_modified
        )
        if self.entries <= 0:
            return entry
        with self._lock:
            self._items[key] = entry
            self._items.move_to_end(key)
            while len(self._items) > self.entries:
                self._items.popitem(last=False)
        return entry

    def clear(self) -> None:
        with self._lock:
            self._items.clear()

    def __len__(self) -> int:
        return len(self._items)
