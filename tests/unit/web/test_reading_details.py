"""The details readers notice: listings from the front cache (and fresh after any change),
relative times, outlets told apart with their feed health, robots.txt, the news sitemap, the
favicon, readable API docs titles, the demo's own port in every link."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from lxml import html
from PIL import Image
from sqlalchemy import update

import newsloom.store as db
from newsloom.app.demo import demo_site_url
from newsloom.records import Source
from newsloom.settings import Settings
from newsloom.store.schema import sources
from newsloom.web.frontcache import cacheable
from newsloom.web.html import relative_label, when
from newsloom.web.views import feed_label
from tests.unit.web.conftest import NOW, Newsroom, build_newsroom

NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture
def own_newsroom(tmp_path: Path) -> Iterator[Newsroom]:
    """A newsroom of this test's own: these tests change the store."""
    room = build_newsroom(tmp_path)
    yield room
    room.client.close()
    room.store.close()


def test_listings_come_from_the_front_cache_until_the_store_changes(
    own_newsroom: Newsroom,
) -> None:
    newsroom = own_newsroom
    client = newsroom.client
    first = client.get("/sources")
    with newsroom.store.write() as conn:  # a rename alone leaves the site stamp as it was
        conn.execute(update(sources).where(sources.c.id == 1).values(title="Renamed Gazette"))
    again = client.get("/sources")
    assert again.text == first.text and "Renamed Gazette" not in again.text
    assert (
        again.headers["etag"]
        and client.get("/sources", headers={"If-None-Match": again.headers["etag"]}).status_code
        == 304
    )
    with newsroom.store.write() as conn:  # a new outlet is a new site stamp
        db.add_source(conn, Source(url="https://new.example/rss", title="Brand New Post"))
    fresh = client.get("/sources").text
    assert "Renamed Gazette" in fresh and "Brand New Post" in fresh


def test_any_write_through_the_api_empties_the_front_cache(own_newsroom: Newsroom) -> None:
    newsroom = own_newsroom
    client = newsroom.client
    client.get("/sources")
    with newsroom.store.write() as conn:
        conn.execute(update(sources).where(sources.c.id == 1).values(title="Quietly Renamed"))
    client.post("/api/sources", json={"url": "https://x.example/rss"})  # 403: no token set
    assert "Quietly Renamed" in client.get("/sources").text


def test_what_the_front_cache_keeps() -> None:
    for path in ("/", "/science", "/feeds/top.xml", "/archive/2026-06-03", "/sources", "/search"):
        assert cacheable(path), path
    for path in ("/science/moon-1", "/api/stories/1", "/images/a.jpg", "/metrics", "/healthz"):
        assert not cacheable(path), path


def test_relative_times_keep_the_exact_time_for_hover_and_machines() -> None:
    moment = NOW - timedelta(hours=3, minutes=5)
    assert [
        relative_label(NOW - timedelta(seconds=s), NOW) for s in (10, 600, 3 * 3600, 30 * 3600)
    ] == ["just now", "10 min ago", "3 h ago", "yesterday"]
    assert relative_label(NOW - timedelta(days=9), NOW) == "25 May 2026"
    assert relative_label(NOW + timedelta(hours=2), NOW) == "3 Jun 2026"  # a clock ahead
    fragment = html.fromstring(str(when(moment, NOW)))
    assert fragment.get("datetime") == "2026-06-03T14:55:00Z"
    assert fragment.get("title") == "3 Jun 2026, 14:55 UTC"
    assert fragment.text_content() == "3 h ago (3 Jun 2026, 14:55 UTC)"  # the latter hidden


def test_outlets_are_told_apart_and_show_feed_health(own_newsroom: Newsroom) -> None:
    newsroom = own_newsroom
    meridian = [
        Source(
            id=1, url="https://meridian.example/world.xml", title="Daily Meridian", section="world"
        ),
        Source(
            id=2, url="https://meridian.example/arts.xml", title="Daily Meridian", section="arts"
        ),
        Source(id=3, url="https://m.meridian.example/all.xml", title="Daily Meridian"),
        Source(id=4, url="https://solo.example/rss", title="Solo"),
    ]
    labels = [feed_label(s, meridian) for s in meridian]
    assert labels == [
        "Daily Meridian (world)",
        "Daily Meridian (arts)",
        "Daily Meridian (m.meridian.example/all.xml)",
        "Solo",
    ]
    with newsroom.store.write() as conn:
        conn.execute(
            update(sources)
            .where(sources.c.id == 2)
            .values(error_count=3, last_error="fetch: HTTP 503", last_checked=NOW)
        )
    page = html.fromstring(newsroom.client.get("/sources").text)
    rows = {
        r.cssselect("td a")[0].text_content(): [
            td.text_content().strip() for td in r.cssselect("td")
        ]
        for r in page.cssselect(".outlet-table tbody tr")
    }
    courier = rows["Valley Courier"]
    assert courier[1] == "courier.example" and courier[4] == "3" and courier[5] == "fetch: HTTP 503"
    assert "ago" in courier[3] or "2026" in courier[3]
    assert [h.text_content() for h in page.cssselect(".outlet-table th")] == [
        "Feed",
        "Host",
        "Articles",
        "Last fetch",
        "Errors",
        "Last error",
    ]


def test_robots_sitemap_and_favicon(newsroom: Newsroom) -> None:
    client = newsroom.client
    robots = client.get("/robots.txt")
    assert robots.headers["content-type"].startswith("text/plain")
    assert "Sitemap: https://news.example.org/sitemap.xml" in robots.text
    assert "Disallow: /search" in robots.text
    root = ET.fromstring(client.get("/sitemap.xml").content)
    urls = root.findall(f"{SITEMAP}url")
    assert urls, "the conftest's stories are a few hours old"
    first = urls[0]
    assert (first.findtext(f"{SITEMAP}loc") or "").startswith("https://news.example.org/")
    assert first.findtext(f"{NEWS}news/{NEWS}publication/{NEWS}name") == "Loom"
    assert first.findtext(f"{NEWS}news/{NEWS}title")
    published = datetime.fromisoformat(
        (first.findtext(f"{NEWS}news/{NEWS}publication_date") or "").replace("Z", "+00:00")
    )
    assert published.tzinfo is not None
    icon = client.get("/favicon.ico")
    assert icon.headers["content-type"] == "image/vnd.microsoft.icon"
    assert Image.open(io.BytesIO(icon.content)).format == "ICO"
    page = html.fromstring(client.get("/").text)
    assert page.cssselect('link[rel="icon"]')[0].get("href") == "/favicon.ico"


def test_api_docs_titles_read_as_sentences(newsroom: Newsroom) -> None:
    page = html.fromstring(newsroom.client.get("/api").text)
    titles = [p.text_content() for p in page.cssselect(".endpoint h2 + p")]
    assert titles and not [t for t in titles if t.startswith("Api ")], titles


def test_search_says_how_many_stories_match(newsroom: Newsroom) -> None:
    page = html.fromstring(newsroom.client.get("/search?q=moon").text)
    count = page.cssselect(".result-count")[0].text_content()
    assert count.endswith("stories") or count.endswith("story") or "of" in count
    assert page.cssselect("h2") and page.cssselect(".search-results h3")


def test_the_demo_links_name_the_port_it_serves_on() -> None:
    assert demo_site_url(Settings(), "127.0.0.1", 8123).site_url == "http://127.0.0.1:8123"
    assert demo_site_url(Settings(), "0.0.0.0", 9000).site_url == "http://127.0.0.1:9000"
    chosen = Settings(site_url="https://news.example.org")
    assert demo_site_url(chosen, "127.0.0.1", 8123).site_url == "https://news.example.org"


def test_story_shows_how_it_developed_and_every_outlet_in_its_own_words(
    newsroom: Newsroom,
) -> None:
    response = newsroom.client.get(f"/story/{newsroom.moon}", follow_redirects=True)
    page = html.fromstring(response.text)
    steps = page.cssselect(".timeline-list > li")
    assert len(steps) == 2
    assert steps[0].cssselect("time") and "(this version)" in steps[0].text_content()
    assert (
        "A third partner joined the pact." in steps[0].cssselect(".timeline-new")[0].text_content()
    )
    coverage = page.cssselect(".coverage-grid > li")
    outlets = [li.cssselect(".outlet")[0].text_content() for li in coverage]
    titles = [li.cssselect(".coverage-title")[0].text_content() for li in coverage]
    assert outlets[:2] == ["Harbour Gazette", "Valley Courier"]
    assert titles[:2] == ["Moon base plans unveiled", "Two blocs race to the Moon"]
    assert "Northwind Wire" in coverage[0].cssselect(".copies")[0].text_content()


def test_category_pages_link_their_neighbours(newsroom: Newsroom) -> None:
    page = html.fromstring(newsroom.client.get("/sports?page=2").text)
    assert page.cssselect('link[rel="prev"]')[0].get("href") == "https://news.example.org/sports"
    assert page.cssselect('nav.pagination a[rel="prev"]')
