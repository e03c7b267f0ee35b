"""Feed autodiscovery: <link rel="alternate"> first, then the usual paths."""

from __future__ import annotations

from pathlib import Path

import httpx

from newsloom.ingest.discover import common_feed_urls, feed_links, find_feed
from newsloom.ingest.fetch import Fetcher
from newsloom.settings import Settings

FEEDS = Path(__file__).resolve().parents[2] / "data" / "feeds"
PAGE = "https://gazette.example/en/index.html"
RSS = (FEEDS / "rss_missing_pubdate.xml").read_bytes()


def test_link_alternate_feeds_resolved_against_base_comment_feeds_last() -> None:
    links = feed_links((FEEDS / "html_link_alternate_feeds.html").read_bytes(), PAGE)
    assert links == [
        "https://gazette.example/en/feed.xml",
        "https://gazette.example/atom.xml",
        "https://gazette.example/comments/feed",
    ]


def test_junk_and_empty_pages_declare_nothing() -> None:
    assert feed_links(b"", PAGE) == []
    assert feed_links(b"\x00\x01 not html at all", PAGE) == []


def test_common_paths_at_the_site_root() -> None:
    urls = common_feed_urls("https://gazette.example/en/section/page?x=1")
    assert urls[:4] == [
        "https://gazette.example/feed",
        "https://gazette.example/rss.xml",
        "https://gazette.example/atom.xml",
        "https://gazette.example/index.xml",
    ]
    assert common_feed_urls("ftp://gazette.example/") == []


def _site(routes: dict[str, tuple[int, bytes]]) -> tuple[httpx.MockTransport, list[str]]:
    asked: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        asked.append(str(request.url))
        status, body = routes.get(request.url.path, (404, b"not found"))
        return httpx.Response(status, content=body)

    return httpx.MockTransport(handler), asked


SETTINGS = Settings(obey_robots=False, allow_private_networks=True, max_retries=0)


async def test_declared_feed_wins_and_html_answers_are_skipped() -> None:
    page = (FEEDS / "html_link_alternate_feeds.html").read_bytes()
    transport, asked = _site(
        {"/en/feed.xml": (200, b"<html>soft 404</html>"), "/atom.xml": (200, RSS)}
    )
    async with Fetcher(SETTINGS, transport=transport) as fetcher:
        found = await find_feed(fetcher, PAGE, page=page)
    assert found.url == "https://gazette.example/atom.xml"
    assert found.feed is not None and found.feed.entries
    assert asked == ["https://gazette.example/en/feed.xml", "https://gazette.example/atom.xml"]


async def test_common_path_found_when_nothing_is_declared() -> None:
    transport, _ = _site({"/": (200, b"<html><head></head></html>"), "/rss.xml": (200, RSS)})
    async with Fetcher(SETTINGS, transport=transport) as fetcher:
        found = await find_feed(fetcher, "https://gazette.example/")
    assert found.url == "https://gazette.example/rss.xml"
    assert found.tried == ("https://gazette.example/feed", "https://gazette.example/rss.xml")


async def test_no_feed_anywhere_reports_what_was_tried() -> None:
    transport, _ = _site({"/": (200, b"<html></html>")})
    async with Fetcher(SETTINGS, transport=transport) as fetcher:
        found = await find_feed(fetcher, "https://gazette.example/")
    assert found.url is None and found.feed is None
    assert "https://gazette.example/index.xml" in found.tried
