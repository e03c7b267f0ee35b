"""The only network code of newsloom: bounded, polite, guarded HTTP GETs.

``Fetcher.fetch`` never raises for a per-URL failure; the FetchResult carries the error. Bounds:
connect/read timeouts and a total deadline, a cap on the decoded body, a redirect limit with every hop
checked by the NetGuard, retries with backoff, and global plus per-host concurrency.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib.util
import sys
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from types import TracebackType
from urllib.parse import urljoin, urlsplit

import httpx
from protego import Protego

from newsloom.errors import FetchError, ParseError
from newsloom.ingest.bodies import ACCEPTED_ENCODINGS, read_capped
from newsloom.ingest.netguard import NetGuard, Resolver
from newsloom.ingest.pinned import pinned_transport
from newsloom.ingest.sanitize import checked_url
from newsloom.records import FetchResult
from newsloom.settings import Settings

Clock = Callable[[], datetime]
Sleep = Callable[[float], Awaitable[None]]

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
PERMANENT_REDIRECTS = frozenset({301, 308})
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
BACKOFF_BASE_SECONDS = 0.5
MAX_BACKOFF_SECONDS = 30.0
# Header the pipeline reads to move a source whose feed has permanently moved.
PERMANENT_REDIRECT_HEADER = "x-newsloom-permanent-redirect"
ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, "
    "application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5"
)


def _settle_missing_sniffio() -> None:
    """httpcore imports sniffio each time it sets up a lock or an event (about ten times per
    request) and falls back to asyncio when that fails; anyio 4 no longer installs sniffio, and
    a failed import searches every sys.path entry again (~30 us each, ~8 ms per 1,000 requests
    of the event loop's single core). Recording the module as absent makes that import fail at
    once, as Python's own import system defines for a None entry: the behaviour is the same."""
    if "sniffio" not in sys.modules and importlib.util.find_spec("sniffio") is None:
        sys.modules["sniffio"] = None  # type: ignore[assignment]


_settle_missing_sniffio()


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class _Exchange:
    """One request's response, body already read (empty for redirects and 304)."""

    status: int
    headers: dict[str, str]
    body: bytes


class Fetcher:
    """Async context manager holding one httpx.AsyncClient for a whole run."""

    def __init__(
        self,
        settings: Settings,
        transport: httpx.AsyncBaseTransport | None = None,
        clock: Clock = utc_now,
        *,
        resolver: Resolver | None = None,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        self.settings = settings
        self._transport = transport
        self._clock = clock
        self._sleep = sleep
        self._guard = NetGuard(settings, resolver)
        self._client: httpx.AsyncClient | None = None
        self._global = asyncio.Semaphore(settings.concurrency)
        self._hosts: dict[str, asyncio.Semaphore] = {}
        self._last_start: dict[str, float] = {}
        self._robots: dict[str, Protego | _RobotsUnread] = {}
        self._robots_locks: dict[str, asyncio.Lock] = {}
        self._agent_token = settings.user_agent.split("/", 1)[0].strip() or "newsloom"

    async def __aenter__(self) -> Fetcher:
        s = self.settings
        self._client = httpx.AsyncClient(
            # Real sockets connect only to addresses the guard checked at connect time.
            transport=self._transport or pinned_transport(self._guard),
            timeout=httpx.Timeout(
                connect=s.connect_timeout, read=s.read_timeout, write=s.read_timeout, pool=None
            ),
            follow_redirects=False,  # every hop goes through the guard below
            trust_env=False,  # nothing reads the environment (proxies, netrc)
            headers={
                "User-Agent": s.user_agent,
                "Accept": ACCEPT,
                "Accept-Encoding": ACCEPTED_ENCODINGS,
            },
        )
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._client is not None:
            await self._client.aclose()
            self._client = None

    async def fetch(
        self, url: str, *, etag: str | None = None, last_modified: str | None = None
    ) -> FetchResult:
        """GET ``url`` (conditionally when validators are given). Never raises for this URL."""
        if self._client is None:
            raise RuntimeError("Fetcher must be used as 'async with Fetcher(...) as fetcher'")
        fetched_at = self._clock()
        total = self.settings.total_timeout
        try:
            async with asyncio.timeout(total):
                return await self._follow(url, etag, last_modified, fetched_at)
        except TimeoutError:
            message = f"fetch: timed out after {total:g} s ({url})"
        except FetchError as exc:
            message = str(exc)
        except (httpx.HTTPError, httpx.InvalidURL, ValueError, UnicodeError) as exc:
            # httpx refuses what the entry checks let through (or a hop's Location header).
            message = f"fetch: {type(exc).__name__}: {exc} ({url[:300]})"
        return FetchResult(url=url, final_url=url, status=0, fetched_at=fetched_at, error=message)

    async def _follow(
        self, url: str, etag: str | None, last_modified: str | None, fetched_at: datetime
    ) -> FetchResult:
        headers: dict[str, str] = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        current = url
        permanent_target: str | None = None
        only_permanent = True
        for _hop in range(self.settings.max_redirects + 1):
            await self._guard.check(current)
            exchange = await self._with_retries(current, headers)
            location = exchange.headers.get("location", "").strip()
            if exchange.status not in REDIRECT_STATUSES or not location:
                return self._result(url, current, exchange, fetched_at, permanent_target)
            try:
                target = checked_url(urljoin(current, location))
            except (ParseError, ValueError) as exc:
                raise FetchError(f"fetch: redirect to an unusable URL ({current}): {exc}") from exc
            only_permanent = only_permanent and exchange.status in PERMANENT_REDIRECTS
            permanent_target = target if only_permanent else permanent_target
            current = target
        raise FetchError(f"fetch: more than {self.settings.max_redirects} redirects ({url})")

    def _result(
        self,
        url: str,
        final_url: str,
        exchange: _Exchange,
        fetched_at: datetime,
        permanent_target: str | None,
    ) -> FetchResult:
        headers = dict(exchange.headers)
        if permanent_target:
            headers[PERMANENT_REDIRECT_HEADER] = permanent_target
        error = None
        if exchange.status >= 400 or exchange.status < 200:
            error = f"fetch: HTTP {exchange.status} ({final_url})"
        return FetchResult(
            url=url,
            final_url=final_url,
            status=exchange.status,
            fetched_at=fetched_at,
            headers=headers,
            body=exchange.body,
            error=error,
        )

    async def _with_retries(self, url: str, headers: dict[str, str]) -> _Exchange:
        retries = self.settings.max_retries
        for attempt in range(retries + 1):
            try:
                exchange = await self._request(url, headers)
            except httpx.TransportError as exc:
                if attempt == retries:
                    raise FetchError(_transport_message(exc, url, attempt + 1)) from exc
                await self._sleep(self._backoff(attempt, None))
                continue
            if exchange.status not in RETRY_STATUSES or attempt == retries:
                return exchange
            await self._sleep(self._backoff(attempt, exchange.headers.get("retry-after")))
        raise AssertionError("unreachable")  # the loop always returns or raises

    def _backoff(self, attempt: int, retry_after: str | None) -> float:
        delay = BACKOFF_BASE_SECONDS * (2**attempt)
        wanted = _retry_after_seconds(retry_after, self._clock())
        if wanted is not None:
            delay = max(delay, wanted)
        return min(delay, MAX_BACKOFF_SECONDS)

    async def _request(self, url: str, headers: dict[str, str]) -> _Exchange:
        assert self._client is not None
        async with self._slot(url), self._client.stream("GET", url, headers=headers) as response:
            status = response.status_code
            body = b""
            if status not in REDIRECT_STATUSES and status != 304:
                body = await read_capped(response, self.settings.max_body_bytes, url)
            lowered = {k.lower(): v for k, v in response.headers.items()}
            return _Exchange(status=status, headers=lowered, body=body)

    @contextlib.asynccontextmanager
    async def _slot(self, url: str) -> AsyncIterator[None]:
        """Hold a global and a per-host permit; keep ``per_host_delay`` between starts on a host."""
        host = (urlsplit(url).hostname or "").lower()
        per_host = self._hosts.setdefault(
            host, asyncio.Semaphore(self.settings.per_host_concurrency)
        )
        async with self._global, per_host:
            delay = self.settings.per_host_delay
            if delay > 0:
                loop = asyncio.get_running_loop()
                wait = self._last_start.get(host, -delay) + delay - loop.time()
                if wait > 0:
                    await self._sleep(wait)
                self._last_start[host] = loop.time()
            yield

    async def check(self, url: str) -> None:
        """Raise BlockedURLError when the guard refuses ``url`` (to tell why before robots.txt)."""
        await self._guard.check(url)

    async def refusal(self, url: str) -> str | None:
        """Why ``url`` must not be fetched now, or None: the network guard's reason, a robots.txt
        rule, or a robots.txt that could not be read (RFC 9309: a 5xx or no answer means
        nothing may be fetched from that host for now). Cached per origin."""
        if not self.settings.obey_robots:
            return None
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            return f"fetch: only http and https URLs are fetched ({url})"
        origin = f"{parts.scheme}://{parts.netloc}"
        lock = self._robots_locks.setdefault(origin, asyncio.Lock())
        async with lock:
            if origin not in self._robots:
                self._robots[origin] = await self._load_robots(origin)
        rules = self._robots[origin]
        if isinstance(rules, Protego):
            if rules.can_fetch(url, self._agent_token):
                return None
            return f"fetch: disallowed by robots.txt ({url})"
        if rules.allowed:
            return None
        try:  # robots.txt could not be read: the guard's reason, when it is the cause, is the one
            await self._guard.check(url)
        except FetchError as exc:
            return str(exc)
        return f"fetch: {rules.reason}, so {parts.netloc} is not fetched for now ({url})"

    async def robots_allowed(self, url: str) -> bool:
        """Whether robots.txt of ``url``'s host lets newsloom fetch it (see ``refusal``)."""
        return await self.refusal(url) is None

    async def _load_robots(self, origin: str) -> Protego | _RobotsUnread:
        result = await self.fetch(origin + "/robots.txt")
        if 200 <= result.status < 300 and result.error is None:
            return Protego.parse(result.body.decode("utf-8", errors="replace"))
        # 4xx is "unavailable": no rules, all allowed. 5xx or no answer: complete disallow for now.
        if 400 <= result.status < 500:
            return _RobotsUnread(allowed=True, reason="")
        if result.status:
            return _RobotsUnread(False, f"robots.txt answered HTTP {result.status}")
        return _RobotsUnread(False, f"robots.txt unreachable: {result.error or 'no answer'}")


@dataclass(frozen=True)
class _RobotsUnread:
    """A robots.txt that gave no rules: what that means for the host, and why."""

    allowed: bool
    reason: str


def _retry_after_seconds(value: str | None, now: datetime) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - now).total_seconds())


def _transport_message(exc: httpx.TransportError, url: str, attempts: int) -> str:
    tries = f" after {attempts} attempts" if attempts > 1 else ""
    if isinstance(exc, httpx.ConnectTimeout):
        return f"fetch: connect timed out{tries} ({url})"
    if isinstance(exc, httpx.TimeoutException):
        return f"fetch: read timed out{tries} ({url})"
    if isinstance(exc, httpx.ConnectError):
        return f"fetch: cannot connect{tries} ({url}): {exc}"
    return f"fetch: transport error{tries} ({url}): {type(exc).__name__}: {exc}"
