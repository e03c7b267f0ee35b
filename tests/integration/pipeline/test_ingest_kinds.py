"""Source kinds end to end over loopback HTTP: sitemaps (and indexes), single pages, a site's
home page that leads to its feed, and a feed that moved permanently."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

import newsloom.store as db
from newsloom.pipeline.refresh import add_sources, run_refresh
from newsloom.records import Source
from newsloom.settings import Settings
from newsloom.store import Store
from newsloom.store.articles import raw_page

from .loopback import LoopbackSite, Reply

NOW = datetime(2026, 5, 4, 12, 0, tzinfo=UTC)
SENTENCES = [
    "The Brackenford market hall reopened on Saturday after two years of repairs to its roof.",
    "Traders said the first weekend brought more visitors than any since the hall was built.",
    "The council paid for the work with a loan it expects to repay from stall rents by 2031.",
    "A farmers' market will now be held in the hall every second Sunday of the month.",
]


def page(title: str) -> bytes:
    paragraphs = "".join(f"<p>{s} {title}.</p>" for s in SENTENCES * 2)
    return (
        f"<html lang='en'><head><title>{title}</title></head><body><nav>Home</nav>"
        f"<article><h1>{title}</h1>{paragraphs}</article></body></html>"
    ).encode()


def rss(base: str, slugs: list[str]) -> bytes:
    items = "".join(
        f"<item><title>Story {s}</title><link>{base}/news/{s}</link><guid>{s}</guid>"
        "<pubDate>Mon, 04 May 2026 08:00:00 GMT</pubDate></item>"
        for s in slugs
    )
    return (
        f"<?xml version='1.0'?><rss version='2.0'><channel><title>Brackenford Bugle</title>"
        f"<link>{base}/</link>{items}</channel></rss>"
    ).encode()


def news_sitemap(base: str, slugs: list[str]) -> bytes:
    urls = "".join(
        f"<url><loc>{base}/news/{s}</loc><news:news><news:title>Sitemap {s}</news:title>"
        f"<news:publication_date>2026-05-04T0{i}:00:00Z</news:publication_date></news:news></url>"
        for i, s in enumerate(slugs)
    )
    return (
        "<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9' "
        f"xmlns:news='http://www.google.com/schemas/sitemap-news/0.9'>{urls}</urlset>"
    ).encode()


@pytest.fixture
def site() -> Iterator[LoopbackSite]:
    with LoopbackSite({}) as loopback:
        base = loopback.base_url
        for slug in ("a", "b", "c", "d", "e", "solo"):
            loopback.routes[f"/news/{slug}"] = Reply(body=page(f"Market hall {slug}"))
        index = (
            "<?xml version='1.0'?><sitemapindex xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
            f"<sitemap><loc>{base}/sitemaps/old.xml</loc><lastmod>2026-01-01</lastmod></sitemap>"
            f"<sitemap><loc>{base}/sitemaps/news.xml</loc><lastmod>2026-05-04</lastmod></sitemap>"
            "</sitemapindex>"
        ).encode()
        xml = "application/xml"
        loopback.routes.update(
            {
                "/sitemap_index.xml": Reply(body=index, content_type=xml),
                "/sitemaps/news.xml": Reply(body=news_sitemap(base, ["a", "b"]), content_type=xml),
                "/sitemaps/old.xml": Reply(body=news_sitemap(base, ["c"]), content_type=xml),
                "/added-as-feed.xml": Reply(body=news_sitemap(base, ["d"]), content_type=xml),
                "/home": Reply(
                    body=(
                        b"<!doctype html><html><head><link rel='alternate' "
                        b"type='application/rss+xml' href='/bugle.rss'></head><body>Hi</body></html>"
                    )
                ),
                "/bugle.rss": Reply(body=rss(base, ["e"]), content_type="application/rss+xml"),
                "/moved.xml": Reply(301, headers=(("Location", f"{base}/bugle.rss"),)),
            }
        )
        yield loopback


def refresh_and_read(tmp_path: Path, sources: list[Source]) -> tuple[dict, dict, Store]:
    settings = Settings(data_dir=tmp_path, allowed_hosts=("127.0.0.1",), obey_robots=False)
    store = Store.open(settings)
    add_sources(store, sources)
    run_refresh(settings, store, now=NOW, all_sources=True, stories=False)
    with store.read() as conn:
        stored = {s.id: s for s in db.list_sources(conn)}
        articles = {
            a.url.rsplit("/", 1)[1]: a
            for a in db.recent_articles(conn, since=datetime(2026, 1, 1, tzinfo=UTC))
        }
    return stored, articles, store


def test_sitemap_index_source_reads_its_child_sitemaps(site: LoopbackSite, tmp_path: Path) -> None:
    sources, articles, store = refresh_and_read(
        tmp_path, [Source(url=f"{site.base_url}/sitemap_index.xml", kind="sitemap")]
    )
    store.close()
    assert set(articles) == {"a", "b", "c"}
    assert articles["b"].title == "Sitemap b"  # news:title
    assert articles["b"].published == datetime(2026, 5, 4, 1, 0, tzinfo=UTC)
    assert all(a.extraction_method != "feed" for a in articles.values())
    (source,) = sources.values()
    assert source.error_count == 0 and source.kind == "sitemap"


def test_sitemap_added_as_a_feed_becomes_a_sitemap_source(
    site: LoopbackSite, tmp_path: Path
) -> None:
    sources, articles, store = refresh_and_read(
        tmp_path, [Source(url=f"{site.base_url}/added-as-feed.xml")]
    )
    store.close()
    assert set(articles) == {"d"}
    assert [s.kind for s in sources.values()] == ["sitemap"]


def test_single_page_source_is_stored_once_with_its_raw_page(
    site: LoopbackSite, tmp_path: Path
) -> None:
    solo = Source(url=f"{site.base_url}/news/solo", kind="page")
    _, articles, store = refresh_and_read(tmp_path, [solo])
    try:
        assert set(articles) == {"solo"}
        assert articles["solo"].title == "Market hall solo"
        assert "farmers' market" in articles["solo"].text
        settings = Settings(data_dir=tmp_path, allowed_hosts=("127.0.0.1",), obey_robots=False)
        report = run_refresh(settings, store, now=NOW, all_sources=True, stories=False)
        assert report.new_articles == 0
        with store.read() as conn:
            assert db.count_articles(conn) == 1
            kept = raw_page(conn, articles["solo"].id)
    finally:
        store.close()
    assert site.hits["/news/solo"] == 2  # one fetch per refresh, never a second one for the page
    assert kept is not None and kept.body == page("Market hall solo")
    assert kept.content_type.startswith("text/html") and not kept.truncated


def test_site_home_page_leads_to_its_feed(site: LoopbackSite, tmp_path: Path) -> None:
    sources, articles, store = refresh_and_read(tmp_path, [Source(url=f"{site.base_url}/home")])
    store.close()
    assert set(articles) == {"e"}
    (source,) = sources.values()
    assert source.url == f"{site.base_url}/bugle.rss"
    assert source.kind == "feed" and source.error_count == 0
    assert source.title == "Brackenford Bugle"


def test_permanent_redirect_moves_the_stored_feed_url(site: LoopbackSite, tmp_path: Path) -> None:
    sources, articles, store = refresh_and_read(
        tmp_path, [Source(url=f"{site.base_url}/moved.xml")]
    )
    store.close()
    assert set(articles) == {"e"}
    assert [s.url for s in sources.values()] == [f"{site.base_url}/bugle.rss"]


def test_site_without_any_feed_is_a_parse_error_on_its_source(
    site: LoopbackSite, tmp_path: Path
) -> None:
    site.routes["/bare"] = Reply(body=b"<!doctype html><html><body>No feed here</body></html>")
    sources, articles, store = refresh_and_read(tmp_path, [Source(url=f"{site.base_url}/bare")])
    store.close()
    (source,) = sources.values()
    assert articles == {}
    assert source.error_count == 1
    assert source.last_error and source.last_error.startswith("parse: an HTML page, and no feed")
