"""Fetcher against a real HTTP server on 127.0.0.1 (allowed explicitly), then parse_feed."""

from __future__ import annotations

import gzip
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from newsloom.ingest.fetch import Fetcher
from newsloom.ingest.parse import parse_feed
from newsloom.settings import Settings

FEED = (
    Path(__file__).resolve().parents[2] / "data" / "feeds" / "rss20_media_enclosures.xml"
).read_bytes()
ETAG = '"feed-v1"'


class FeedHandler(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
        return

    def _send(self, status: int, body: bytes = b"", **headers: str) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        if self.path == "/robots.txt":
            self._send(200, b"User-agent: *\nDisallow: /drafts/\n", Content_Type="text/plain")
        elif self.path == "/feed.xml":
            if self.headers.get("If-None-Match") == ETAG:
                self._send(304, ETag=ETAG)
            else:
                self._send(200, FEED, ETag=ETAG, Content_Type="application/rss+xml")
        elif self.path == "/feed.xml.gz":
            self._send(200, gzip.compress(FEED), Content_Encoding="gzip")
        elif self.path == "/moved":
            self._send(301, Location="/feed.xml")
        else:
            self._send(404, b"no such page")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), FeedHandler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


def local_settings(**overrides: object) -> Settings:
    return Settings(allowed_hosts=("127.0.0.1",), total_timeout=10, **overrides)


async def test_fetch_parse_and_revalidate(server: str) -> None:
    async with Fetcher(local_settings()) as fetcher:
        first = await fetcher.fetch(server + "/feed.xml")
        assert first.ok and first.headers["etag"] == ETAG
        feed = parse_feed(first.body, first.final_url)
        assert feed.title == "Harbour Gazette & Friends" and len(feed.entries) == 2
        again = await fetcher.fetch(server + "/feed.xml", etag=first.headers["etag"])
        assert again.not_modified and again.body == b""


async def test_gzip_and_redirect_over_real_sockets(server: str) -> None:
    async with Fetcher(local_settings()) as fetcher:
        zipped = await fetcher.fetch(server + "/feed.xml.gz")
        moved = await fetcher.fetch(server + "/moved")
    assert zipped.body == FEED
    assert moved.final_url == server + "/feed.xml" and moved.body == FEED


async def test_robots_from_a_real_server(server: str) -> None:
    async with Fetcher(local_settings()) as fetcher:
        assert await fetcher.robots_allowed(server + "/feed.xml")
        assert not await fetcher.robots_allowed(server + "/drafts/feed.xml")


async def test_loopback_blocked_unless_allowed(server: str) -> None:
    async with Fetcher(Settings(total_timeout=10)) as fetcher:
        result = await fetcher.fetch(server + "/feed.xml")
    assert result.status == 0
    assert result.error is not None and "loopback" in result.error


async def test_connection_refused_is_reported(server: str) -> None:
    async with Fetcher(local_settings(max_retries=0)) as fetcher:
        result = await fetcher.fetch("http://127.0.0.1:9/feed.xml")  # discard port: nothing listens
    assert result.status == 0
    assert result.error is not None and result.error.startswith("fetch: cannot connect")


class _ImportRecorder:
    """A meta path finder that only records which modules the import system searches for."""

    def __init__(self) -> None:
        self.searched: list[str] = []

    def find_spec(self, name: str, path: object = None, target: object = None) -> None:
        self.searched.append(name)


async def test_requests_do_not_search_for_an_uninstalled_sniffio(server: str) -> None:
    # httpcore imports sniffio at every lock it sets up; without sniffio installed (anyio 4
    # dropped it) each request used to search sys.path for it again, a dozen times.
    recorder = _ImportRecorder()
    sys.meta_path.insert(0, recorder)
    try:
        async with Fetcher(local_settings()) as fetcher:
            for _ in range(3):
                assert (await fetcher.fetch(server + "/feed.xml")).ok
    finally:
        sys.meta_path.remove(recorder)
    assert "sniffio" not in recorder.searched
