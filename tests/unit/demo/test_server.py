"""The loopback demo server: real HTTP, conditional GET, 404s, feed and OPML URLs."""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Iterator
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

import feedparser
import pytest

from newsloom.demo.server import DemoServer

BASE_TIME = datetime(2026, 6, 3, 18, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def server() -> Iterator[DemoServer]:
    with DemoServer(base_time=BASE_TIME) as running:
        yield running


def _get(url: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_serves_on_loopback_with_feed_urls(server: DemoServer) -> None:
    assert urlsplit(server.base_url).hostname == "127.0.0.1"
    feeds = server.feed_urls()
    assert len(feeds) >= 12
    url, name, section, language = next(f for f in feeds if "/daily-meridian/feeds/world" in f[0])
    assert (name, section, language) == ("Daily Meridian", "world", "en")
    status, headers, body = _get(url)
    assert status == 200 and headers["Content-Type"].startswith("application/rss+xml")
    assert not feedparser.parse(body).bozo
    assert server.opml_url == server.base_url + "/sources.opml"
    assert _get(server.opml_url)[0] == 200


def test_etag_and_last_modified_give_304(server: DemoServer) -> None:
    url = server.base_url + "/harbour-gazette/feeds/main.xml"
    status, headers, body = _get(url)
    assert status == 200 and body
    etag, modified = headers["ETag"], headers["Last-Modified"]
    assert parsedate_to_datetime(modified) <= BASE_TIME
    status, again, body = _get(url, **{"If-None-Match": etag})
    assert status == 304 and body == b"" and again["ETag"] == etag
    assert _get(url, **{"If-Modified-Since": modified})[0] == 304
    assert _get(url, **{"If-None-Match": '"something-else"'})[0] == 200
    assert _get(url, **{"If-Modified-Since": "Mon, 01 Jun 2020 00:00:00 GMT"})[0] == 200


def test_tracking_and_mobile_urls_serve_the_article(server: DemoServer) -> None:
    base = server.base_url + "/metro-star/"
    tracked = _get(base + "river-pact-signed?utm_source=rss&utm_medium=feed&utm_campaign=daily")
    mobile = _get(base + "m/river-pact-signed")
    assert tracked[0] == mobile[0] == 200
    assert tracked[2] == mobile[2]
    assert tracked[1]["Content-Type"] == "text/html; charset=utf-8"


def test_unknown_paths_are_404(server: DemoServer) -> None:
    for path in ("/nope", "/metro-star/m/nope", "/private/secret", "/civic-wire/feeds/x.xml"):
        assert _get(server.base_url + path)[0] == 404, path


def test_head_sends_headers_without_body(server: DemoServer) -> None:
    request = urllib.request.Request(server.base_url + "/robots.txt", method="HEAD")
    with urllib.request.urlopen(request, timeout=5) as response:
        assert response.status == 200 and int(response.headers["Content-Length"]) > 0
        assert response.read() == b""


def test_stop_releases_the_port() -> None:
    demo = DemoServer(base_time=BASE_TIME).start()
    url = demo.base_url + "/robots.txt"
    assert _get(url)[0] == 200
    demo.stop()
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(url, timeout=2)
