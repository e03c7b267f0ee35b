"""Hostile servers over real loopback sockets: each ends in a clear error, never a hang or a leak.

Covers what the MockTransport tests cannot: DNS rebinding at connect time, a body that never ends,
a 2 GB Content-Length, a server that stalls after its headers, and a brotli bomb.
"""

from __future__ import annotations

import contextlib
import socket
import socketserver
import threading
import time
from collections.abc import Callable, Iterator

import httpx
import pytest

from newsloom.ingest.fetch import Fetcher
from newsloom.settings import Settings

Handler = Callable[[socket.socket], None]


class RawServer:
    """A loopback TCP server whose connections are handed to ``handler``; counts connections."""

    def __init__(self, handler: Handler) -> None:
        self.connections = 0
        self.requests: list[bytes] = []
        outer = self

        class _Handler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                outer.connections += 1
                outer.requests.append(self.request.recv(65536))
                with contextlib.suppress(OSError):  # the client hung up, as it should
                    handler(self.request)

        self.server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def port(self) -> int:
        return int(self.server.server_address[1])

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def serve() -> Iterator[Callable[[Handler], RawServer]]:
    servers: list[RawServer] = []

    def start(handler: Handler) -> RawServer:
        servers.append(RawServer(handler))
        return servers[-1]

    yield start
    for server in servers:
        server.close()


def ok_feed(conn: socket.socket) -> None:
    body = b"<rss version='2.0'><channel><title>Loopback</title></channel></rss>"
    head = f"HTTP/1.1 200 OK\r\nContent-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    conn.sendall(head.encode() + body)


def never_ending(conn: socket.socket) -> None:
    conn.sendall(
        b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nConnection: close\r\n\r\n"
    )
    chunk = b"<item>" + b"x" * 8192 + b"</item>"
    while True:
        conn.sendall(chunk)


def two_gigabytes_declared(conn: socket.socket) -> None:
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 2147483648\r\n\r\n<rss>")
    time.sleep(10)  # would take forever to send; the client must not wait for it


def stalls_after_headers(conn: socket.socket) -> None:
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n<rss>")
    time.sleep(10)


def resolver_for(answers: list[list[str]]) -> Callable[[str, int], object]:
    """Each call returns the next answer (the last one repeats): a DNS server that changes its mind."""
    calls: list[str] = []

    async def resolve(host: str, port: int) -> list[str]:
        calls.append(host)
        return answers[min(len(calls), len(answers)) - 1]

    resolve.calls = calls  # type: ignore[attr-defined]
    return resolve


async def test_dns_rebinding_to_loopback_is_refused_at_connect_time(serve) -> None:
    server = serve(ok_feed)
    # Public for the check before the request, loopback when the socket is opened.
    resolve = resolver_for([["93.184.216.34"], ["127.0.0.1"]])
    settings = Settings(obey_robots=False, max_retries=0)
    async with Fetcher(settings, resolver=resolve) as fetcher:  # type: ignore[arg-type]
        result = await fetcher.fetch(f"http://rebind.test:{server.port}/feed.xml")
    assert result.error is not None and "loopback address 127.0.0.1" in result.error
    assert result.error.startswith("fetch: ")
    assert server.connections == 0
    assert len(resolve.calls) == 2  # type: ignore[attr-defined]


async def test_connection_goes_to_the_checked_address_with_the_real_host_name(serve) -> None:
    server = serve(ok_feed)
    resolve = resolver_for([["127.0.0.1"]])
    settings = Settings(obey_robots=False, max_retries=0, allowed_hosts=("127.0.0.1",))
    async with Fetcher(settings, resolver=resolve) as fetcher:  # type: ignore[arg-type]
        result = await fetcher.fetch(f"http://feed.test:{server.port}/feed.xml")
    assert result.ok, result.error
    assert b"Loopback" in result.body
    assert f"host: feed.test:{server.port}".encode() in server.requests[0].lower()


LOOPBACK = Settings(
    obey_robots=False,
    max_retries=0,
    allowed_hosts=("127.0.0.1",),
    max_body_bytes=64_000,
    read_timeout=1.0,
    total_timeout=5.0,
)


async def test_never_ending_body_is_cut_at_the_cap(serve) -> None:
    server = serve(never_ending)
    started = time.monotonic()
    async with Fetcher(LOOPBACK) as fetcher:
        result = await fetcher.fetch(f"http://127.0.0.1:{server.port}/stream.xml")
    assert result.error is not None and "larger than 64000 bytes" in result.error
    assert result.body == b""
    assert time.monotonic() - started < 5


async def test_two_gigabyte_content_length_is_refused_before_reading(serve) -> None:
    server = serve(two_gigabytes_declared)
    started = time.monotonic()
    async with Fetcher(LOOPBACK) as fetcher:
        result = await fetcher.fetch(f"http://127.0.0.1:{server.port}/huge.xml")
    assert result.error is not None and "larger than" in result.error
    assert time.monotonic() - started < 1.0  # no read timeout waited for


async def test_server_stalling_after_headers_times_out(serve) -> None:
    server = serve(stalls_after_headers)
    async with Fetcher(LOOPBACK) as fetcher:
        result = await fetcher.fetch(f"http://127.0.0.1:{server.port}/stall.xml")
    assert result.error is not None and result.error.startswith("fetch: read timed out")


async def test_brotli_bomb_is_stopped_by_the_decompressed_cap() -> None:
    brotli = pytest.importorskip("brotli")
    bomb = brotli.compress(b"A" * 50_000_000)
    assert len(bomb) < 1000

    def handler(request: httpx.Request) -> httpx.Response:
        assert "br" in request.headers["accept-encoding"]
        headers = {"content-encoding": "br"}
        return httpx.Response(200, headers=headers, stream=httpx.ByteStream(bomb))

    settings = Settings(obey_robots=False, allow_private_networks=True, max_body_bytes=100_000)
    async with Fetcher(settings, transport=httpx.MockTransport(handler)) as fetcher:
        result = await fetcher.fetch("https://bomb.example/feed.xml")
    assert result.error is not None and "larger than 100000 bytes" in result.error


async def test_brotli_body_is_decoded() -> None:
    brotli = pytest.importorskip("brotli")
    feed = b"<rss version='2.0'><channel><title>Compressed</title></channel></rss>"

    def handler(request: httpx.Request) -> httpx.Response:
        body = brotli.compress(feed)
        return httpx.Response(
            200, headers={"content-encoding": "br"}, stream=httpx.ByteStream(body)
        )

    settings = Settings(obey_robots=False, allow_private_networks=True)
    async with Fetcher(settings, transport=httpx.MockTransport(handler)) as fetcher:
        result = await fetcher.fetch("https://br.example/feed.xml")
    assert result.ok and result.body == feed
