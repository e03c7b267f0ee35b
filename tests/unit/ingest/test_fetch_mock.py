"""Fetcher against httpx.MockTransport: validators, caps, redirects, guard, retries, timeouts."""

from __future__ import annotations

import asyncio
import gzip
import zlib
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime

import httpx
import pytest

from newsloom.ingest.fetch import PERMANENT_REDIRECT_HEADER, Fetcher
from newsloom.settings import Settings

NOW = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
PUBLIC = {"news.example": "93.184.215.14", "other.example": "93.184.215.15"}
Handler = Callable[[httpx.Request], httpx.Response]


class Chunks(httpx.AsyncByteStream):
    """A body that arrives in pieces, as from a socket (not pre-read like ``content=bytes``)."""

    def __init__(self, data: bytes, size: int = 8192) -> None:
        self._data = data
        self._size = size

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for start in range(0, len(self._data), self._size):
            yield self._data[start : start + self._size]


async def fake_dns(host: str, port: int) -> list[str]:
    if host == "intranet.example":
        return ["10.20.30.40"]
    if host in PUBLIC:
        return [PUBLIC[host]]
    raise OSError(f"unknown host {host}")


class Recorder:
    """Collects the sleeps the fetcher asks for instead of sleeping."""

    def __init__(self) -> None:
        self.sleeps: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.sleeps.append(seconds)


def fetcher(handler, recorder: Recorder | None = None, **overrides) -> Fetcher:
    settings = Settings(**{"max_retries": 2, **overrides})
    return Fetcher(
        settings,
        transport=httpx.MockTransport(handler),
        clock=lambda: NOW,
        resolver=fake_dns,
        sleep=recorder or Recorder(),
    )


async def test_ok_response_sends_user_agent_and_lowercases_headers() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, headers={"ETag": '"v1"'}, content=b"<rss/>")

    async with fetcher(handler, user_agent="newsloom-test/1.0 (+https://x.example)") as f:
        result = await f.fetch("https://news.example/feed")
    assert result.ok and result.status == 200 and result.body == b"<rss/>"
    assert result.headers["etag"] == '"v1"'
    assert result.fetched_at == NOW
    assert result.final_url == "https://news.example/feed"
    assert seen[0].headers["user-agent"] == "newsloom-test/1.0 (+https://x.example)"
    assert "if-none-match" not in seen[0].headers


async def test_conditional_get_and_304() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.headers.get("if-none-match") == '"v1"':
            assert request.headers["if-modified-since"] == "Sat, 01 Mar 2025 10:00:00 GMT"
            return httpx.Response(304)
        return httpx.Response(200, content=b"fresh")

    async with fetcher(handler) as f:
        result = await f.fetch(
            "https://news.example/feed",
            etag='"v1"',
            last_modified="Sat, 01 Mar 2025 10:00:00 GMT",
        )
    assert result.status == 304 and result.not_modified
    assert result.error is None and result.body == b""


@pytest.mark.parametrize("streamed", [True, False])
async def test_large_body_is_refused(streamed: bool) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if streamed:
            return httpx.Response(200, stream=Chunks(b"x" * 5000, size=1000))
        return httpx.Response(200, content=b"x" * 5000)

    async with fetcher(handler, max_body_bytes=2048) as f:
        result = await f.fetch("https://news.example/big")
    assert result.error == "fetch: body larger than 2048 bytes (https://news.example/big)"
    assert result.status == 0 and result.body == b""


async def test_never_ending_body_is_cut_at_the_cap() -> None:
    sent = 0

    async def endless() -> AsyncIterator[bytes]:
        nonlocal sent
        while True:
            sent += 1
            yield b"y" * 1000

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=endless())

    async with fetcher(handler, max_body_bytes=4096) as f:
        result = await f.fetch("https://news.example/stream")
    assert result.error is not None and "body larger than 4096 bytes" in result.error
    assert sent <= 6


async def test_gzip_bomb_is_stopped_by_the_decompressed_cap() -> None:
    bomb = gzip.compress(b"\0" * 20_000_000)
    assert len(bomb) < 30_000

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"Content-Encoding": "gzip"}, stream=Chunks(bomb))

    async with fetcher(handler, max_body_bytes=100_000) as f:
        result = await f.fetch("https://news.example/bomb")
    assert result.error == "fetch: body larger than 100000 bytes (https://news.example/bomb)"


@pytest.mark.parametrize(
    ("encoding", "encode"),
    [
        ("gzip", gzip.compress),
        ("deflate", zlib.compress),
        ("deflate", lambda data: zlib.compress(data)[2:-4]),  # raw deflate, as some servers send
    ],
)
async def test_compressed_bodies_are_decoded(encoding: str, encode) -> None:
    text = b"<rss>" + b"news " * 1000 + b"</rss>"

    def handler(request: httpx.Request) -> httpx.Response:
        assert "gzip" in request.headers["accept-encoding"]
        body = Chunks(encode(text), size=100)
        return httpx.Response(200, headers={"Content-Encoding": encoding}, stream=body)

    async with fetcher(handler) as f:
        result = await f.fetch("https://news.example/z")
    assert result.ok and result.body == text


def redirect_to(target: str) -> Handler:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.host == "news.example":
            return httpx.Response(302, headers={"Location": target})
        raise AssertionError(f"the fetcher must not reach {request.url}")

    return handler


@pytest.mark.parametrize(
    "target",
    [
        "http://169.254.169.254/latest/meta-data/",
        "http://127.0.0.1:8080/admin",
        "http://[::ffff:127.0.0.1]/",
        "http://intranet.example/secrets",
        "file:///etc/passwd",
    ],
)
async def test_redirect_into_private_space_is_blocked(target: str) -> None:
    async with fetcher(redirect_to(target)) as f:
        result = await f.fetch("https://news.example/feed")
    assert result.status == 0 and result.error is not None
    assert result.error.startswith("fetch: ")


async def test_private_dns_answer_blocked_before_any_request() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise AssertionError("no request may be sent")

    async with fetcher(handler) as f:
        result = await f.fetch("http://intranet.example/feed")
    assert result.error is not None and "resolves to private address 10.20.30.40" in result.error


async def test_redirects_followed_relative_and_permanent_target_reported() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        path = request.url.path
        if path == "/old":
            return httpx.Response(301, headers={"Location": "/newer"})
        if path == "/newer":
            return httpx.Response(308, headers={"Location": "https://other.example/feed"})
        return httpx.Response(200, content=b"moved feed")

    async with fetcher(handler) as f:
        result = await f.fetch("https://news.example/old")
    assert result.ok and result.body == b"moved feed"
    assert result.final_url == "https://other.example/feed"
    assert result.headers[PERMANENT_REDIRECT_HEADER] == "https://other.example/feed"


async def test_temporary_hop_stops_the_permanent_chain() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/a":
            return httpx.Response(301, headers={"Location": "/b"})
        if request.url.path == "/b":
            return httpx.Response(302, headers={"Location": "/c"})
        return httpx.Response(200, content=b"ok")

    async with fetcher(handler) as f:
        result = await f.fetch("https://news.example/a")
    assert result.final_url == "https://news.example/c"
    assert result.headers[PERMANENT_REDIRECT_HEADER] == "https://news.example/b"


async def test_redirect_loop_hits_the_limit() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(302, headers={"Location": request.url.path + "x"})

    async with fetcher(handler, max_redirects=3) as f:
        result = await f.fetch("https://news.example/r")
    assert result.error == "fetch: more than 3 redirects (https://news.example/r)"


async def test_503_retried_honouring_retry_after() -> None:
    calls = 0

    def handler(request: httpx.Request) -> httpx.Response:
        nonlocal calls
        calls += 1
        if calls == 1:
            return httpx.Response(503, headers={"Retry-After": "7"})
        if calls == 2:
            return httpx.Response(429, headers={"Retry-After": "Sat, 01 Mar 2025 12:00:04 GMT"})
        return httpx.Response(200, content=b"finally")

    recorder = Recorder()
    async with fetcher(handler, recorder) as f:
        result = await f.fetch("https://news.example/busy")
    assert result.ok and result.body == b"finally"
    assert recorder.sleeps == [7.0, 4.0]


async def test_retry_after_is_capped_and_retries_end() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(503, headers={"Retry-After": "86400"}, content=b"down")

    recorder = Recorder()
    async with fetcher(handler, recorder, max_retries=2) as f:
        result = await f.fetch("https://news.example/down")
    assert result.status == 503 and not result.ok
    assert result.error == "fetch: HTTP 503 (https://news.example/down)"
    assert recorder.sleeps == [30.0, 30.0]


async def test_connect_errors_retried_with_exponential_backoff() -> None:
    calls = 0

    def handler(request: httpx.Request) -> httpx.Response:
        nonlocal calls
        calls += 1
        if calls < 3:
            raise httpx.ConnectError("connection refused", request=request)
        return httpx.Response(200, content=b"up")

    recorder = Recorder()
    async with fetcher(handler, recorder) as f:
        result = await f.fetch("https://news.example/flaky")
    assert result.ok and recorder.sleeps == [0.5, 1.0]


async def test_persistent_connect_error_is_reported_not_raised() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    async with fetcher(handler, max_retries=1) as f:
        result = await f.fetch("https://news.example/dead")
    assert result.status == 0
    assert result.error is not None
    assert result.error.startswith("fetch: cannot connect after 2 attempts")


async def test_read_timeout_reported() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("slow", request=request)

    async with fetcher(handler, max_retries=0) as f:
        result = await f.fetch("https://news.example/slow")
    assert result.error == "fetch: read timed out (https://news.example/slow)"


async def test_total_deadline() -> None:
    async def handler(request: httpx.Request) -> httpx.Response:
        await asyncio.sleep(5)
        return httpx.Response(200)

    async with fetcher(handler, total_timeout=0.1) as f:
        result = await f.fetch("https://news.example/hang")
    assert result.error == "fetch: timed out after 0.1 s (https://news.example/hang)"


async def test_http_error_status_carries_error_and_body() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(404, content=b"not here")

    async with fetcher(handler) as f:
        result = await f.fetch("https://news.example/gone")
    assert result.status == 404 and result.body == b"not here"
    assert result.error == "fetch: HTTP 404 (https://news.example/gone)"


async def test_invalid_url_never_raises() -> None:
    async with fetcher(lambda r: httpx.Response(200)) as f:
        result = await f.fetch("not a url at all")
    assert result.status == 0 and result.error is not None


async def test_per_host_and_global_concurrency_limits() -> None:
    active: dict[str, int] = {}
    peak: dict[str, int] = {}
    total_active = 0
    total_peak = 0

    async def handler(request: httpx.Request) -> httpx.Response:
        nonlocal total_active, total_peak
        host = request.url.host
        active[host] = active.get(host, 0) + 1
        total_active += 1
        peak[host] = max(peak.get(host, 0), active[host])
        total_peak = max(total_peak, total_active)
        await asyncio.sleep(0.01)
        active[host] -= 1
        total_active -= 1
        return httpx.Response(200, content=b"ok")

    urls = [f"https://{h}/{i}" for h in PUBLIC for i in range(6)]
    async with fetcher(handler, per_host_concurrency=2, concurrency=3) as f:
        results = await asyncio.gather(*(f.fetch(u) for u in urls))
    assert all(r.ok for r in results)
    assert max(peak.values()) == 2
    assert total_peak == 3


async def test_robots_rules_cached_per_host() -> None:
    robots_calls = 0

    def handler(request: httpx.Request) -> httpx.Response:
        nonlocal robots_calls
        if request.url.path == "/robots.txt":
            robots_calls += 1
            if request.url.host == "other.example":
                return httpx.Response(404)
            return httpx.Response(200, text="User-agent: newsloom\nDisallow: /private/\n")
        return httpx.Response(200)

    async with fetcher(handler) as f:
        assert await f.robots_allowed("https://news.example/public/feed")
        assert not await f.robots_allowed("https://news.example/private/feed")
        assert await f.robots_allowed("https://other.example/anything")
    assert robots_calls == 2


async def test_robots_5xx_disallows_and_obey_robots_false_skips() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(500)

    async with fetcher(handler, max_retries=0) as f:
        assert not await f.robots_allowed("https://news.example/feed")
    async with fetcher(handler, max_retries=0, obey_robots=False) as f:
        assert await f.robots_allowed("https://news.example/feed")


async def test_robots_on_a_blocked_host_disallows() -> None:
    async with fetcher(lambda r: httpx.Response(200)) as f:
        assert not await f.robots_allowed("http://intranet.example/feed")


@pytest.mark.parametrize(
    "location",
    [
        "http://news.example:0/feed",
        "http://news.example:99999/feed",
        "https://news.example/" + "a" * 70_000,
        "http://news.example/a\nb",
    ],
)
async def test_redirect_to_an_unusable_url_is_this_urls_error(location: str) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(302, headers={"Location": location})

    async with fetcher(handler) as f:
        result = await f.fetch("https://news.example/feed")
    # Ours, or httpx's own check of the Location header: either way this URL's error.
    assert result.status == 0 and result.error and result.error.startswith("fetch: ")
    assert "unusable URL" in result.error or "Invalid URL in location header" in result.error


async def test_a_url_httpx_refuses_is_an_error_result_not_an_exception() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.InvalidURL("Invalid URL component 'path'")

    async with fetcher(handler) as f:
        result = await f.fetch("https://news.example/feed")
    assert result.status == 0 and result.error
    assert result.error.startswith("fetch: InvalidURL: Invalid URL component")


async def test_refusal_names_the_guard_not_robots_for_a_private_host() -> None:
    async with fetcher(lambda r: httpx.Response(200), obey_robots=True) as f:
        refused = await f.refusal("http://intranet.example/feed")
        unknown = await f.refusal("http://nowhere.example/feed")
    assert refused and "private address 10.20.30.40" in refused and "robots" not in refused
    assert unknown and unknown.startswith("fetch: cannot resolve nowhere.example")


async def test_refusal_says_when_robots_txt_answers_5xx() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(503 if request.url.path == "/robots.txt" else 200)

    async with fetcher(handler, obey_robots=True, max_retries=0) as f:
        refused = await f.refusal("https://news.example/feed")
    assert refused == (
        "fetch: robots.txt answered HTTP 503, so news.example is not fetched for now "
        "(https://news.example/feed)"
    )
