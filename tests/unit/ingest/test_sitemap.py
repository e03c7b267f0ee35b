"""parse_sitemap on hand-written sitemaps: Google News fields, indexes, text and gzip sitemaps."""

from __future__ import annotations

import gzip
from datetime import UTC, datetime
from pathlib import Path

import pytest

from newsloom.errors import ParseError
from newsloom.ingest.sitemap import MAX_SITEMAP_BYTES, parse_sitemap

FEEDS = Path(__file__).resolve().parents[2] / "data" / "feeds"
URL = "https://gazette.example/sitemap-news.xml"


def read(name: str) -> bytes:
    return (FEEDS / name).read_bytes()


def test_google_news_sitemap_titles_dates_images_newest_first() -> None:
    sitemap = parse_sitemap(read("sitemap_google_news.xml"), URL)
    assert not sitemap.is_index and sitemap.feed.format == "sitemap"
    keepers, dredging, undated = sitemap.feed.entries  # javascript: and the duplicate dropped
    assert keepers.url == "https://gazette.example/news/lighthouse-keepers"
    assert keepers.published == datetime(2026, 5, 4, 9, 30, tzinfo=UTC)
    assert dredging.title == "Harbour dredging to start & last six weeks"  # markup removed
    assert dredging.published == datetime(2026, 5, 4, 6, 45, tzinfo=UTC)
    assert dredging.updated == datetime(2026, 5, 4, 8, 10, tzinfo=UTC)
    assert dredging.image == "https://gazette.example/img/dredger.jpg"
    assert dredging.language == "en"
    assert undated.url == "https://gazette.example/news/undated-relative"
    assert undated.published is None and undated.title == ""


def test_sitemap_index_lists_children_newest_first_absolute() -> None:
    sitemap = parse_sitemap(read("sitemap_index_newest_first.xml"), URL)
    assert sitemap.is_index and sitemap.feed.entries == ()
    assert sitemap.sitemaps == (
        "https://gazette.example/sitemaps/2026-05.xml",
        "https://gazette.example/sitemaps/2026-04.xml",
        "https://gazette.example/sitemaps/2026-03.xml",
        "https://gazette.example/sitemaps/undated.xml",
    )


def test_plain_text_sitemap_keeps_only_http_urls_once() -> None:
    sitemap = parse_sitemap(read("sitemap_plain_text_urls.txt"), "https://gazette.example/s.txt")
    assert [e.url for e in sitemap.feed.entries] == [
        "https://gazette.example/news/ferry-timetable",
        "https://gazette.example/news/relative-line",
        "https://gazette.example/news/market-hall",
    ]


def test_gzipped_sitemap_is_read() -> None:
    body = gzip.compress(read("sitemap_google_news.xml"))
    assert len(parse_sitemap(body, URL + ".gz").feed.entries) == 3


def test_gzip_bomb_sitemap_is_refused_at_the_cap() -> None:
    bomb = gzip.compress(b"<urlset>" + b" " * (MAX_SITEMAP_BYTES + 10), compresslevel=9)
    assert len(bomb) < 200_000
    with pytest.raises(ParseError, match="larger than"):
        parse_sitemap(bomb, URL)


def test_external_entity_in_sitemap_never_reads_local_files() -> None:
    sitemap = parse_sitemap(read("sitemap_xxe_external_entity.xml"), URL)
    urls = [e.url for e in sitemap.feed.entries]
    assert "https://gazette.example/news/plain-story" in urls
    hostname = Path("/etc/hostname")
    secret = hostname.read_text().strip() if hostname.exists() else ""
    assert not secret or all(secret not in u for u in urls)
    assert any("DOCTYPE" in w for w in sitemap.feed.warnings)


@pytest.mark.parametrize(
    "body",
    [b"", b"   ", b"<html><body>not a sitemap</body></html>", b"<sitemapindex></sitemapindex>"],
)
def test_what_is_not_a_sitemap_raises(body: bytes) -> None:
    with pytest.raises(ParseError, match=r"^parse: "):
        parse_sitemap(body, URL)
