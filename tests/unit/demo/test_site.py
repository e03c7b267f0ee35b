"""Feeds, pages, robots.txt and OPML of the demo site, rendered without a server."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import feedparser
import pytest
from lxml import etree
from lxml import html as lxml_html
from protego import Protego

from newsloom.demo.newsroom import Newsroom, load_newsroom
from newsloom.demo.site import DemoSite

BASE_URL = "http://127.0.0.1:8123"
BASE_TIME = datetime(2026, 6, 3, 18, 0, tzinfo=UTC)
MARKUP_DATA = Path(__file__).parent / "data" / "markup_in_text"


@pytest.fixture(scope="module")
def site() -> DemoSite:
    return DemoSite(load_newsroom(), BASE_URL, BASE_TIME)


def _path(url: str) -> str:
    return urlsplit(url).path


def _entries(site: DemoSite, url: str) -> list[dict[str, object]]:
    """Every feed entry as (link, title, published) via feedparser or json."""
    document = site.get(_path(url))
    assert document is not None, url
    if url.endswith(".json"):
        items = json.loads(document.body)["items"]
        return [
            {
                "link": i["url"],
                "title": i["title"],
                "published": datetime.fromisoformat(i["date_published"]),
                "author": i["authors"][0]["name"],
            }
            for i in items
        ]
    parsed = feedparser.parse(document.body)
    assert not parsed.bozo, (url, parsed.bozo_exception)
    result = []
    for entry in parsed.entries:
        moment = entry.get("published_parsed") or entry.get("updated_parsed")
        result.append(
            {
                "link": entry.link,
                "title": entry.title,
                "published": datetime(*moment[:6]).replace(tzinfo=UTC),
                "author": entry.get("author", ""),
            }
        )
    return result


def test_every_feed_parses_and_lists_its_articles(site: DemoSite) -> None:
    newsroom = site.newsroom
    for url, _name, _section, _language in site.feed_urls():
        outlet_id, _, filename = _path(url).strip("/").partition("/feeds/")
        feed_id = filename.rpartition(".")[0]
        expected = newsroom.articles_in_feed(outlet_id, feed_id)
        entries = _entries(site, url)
        assert [_canonical(e["link"]) for e in entries] == [a.path for a in expected], url
        for entry, article in zip(entries, expected, strict=True):
            assert entry["title"] == article.title
            assert entry["published"] == BASE_TIME - timedelta(minutes=article.offset_minutes)
            assert entry["author"] == article.author


def _canonical(link: object) -> str:
    path = _path(str(link))
    parts = path.strip("/").split("/")
    return f"/{parts[0]}/{parts[-1]}"


def test_rss_items_carry_lead_guid_and_full_text_where_declared(site: DemoSite) -> None:
    document = site.get("/daily-meridian/feeds/world.xml")
    assert document is not None
    parsed = feedparser.parse(document.body)
    entry = next(
        e for e in parsed.entries if e.link.endswith("/how-the-kestrel-quarrel-finally-ended")
    )
    article = site.newsroom.article("daily-meridian/how-the-kestrel-quarrel-finally-ended")
    assert article is not None
    assert entry.summary == article.lead
    assert entry.id == entry.link
    assert b'<guid isPermaLink="true">' in document.body
    assert article.paragraphs[0] in entry.content[0].value
    plain = site.get("/harbour-gazette/feeds/main.xml")
    assert plain is not None and b"content:encoded" not in plain.body


def test_metro_star_links_through_tracking_and_mobile(site: DemoSite) -> None:
    main = _entries(site, BASE_URL + "/metro-star/feeds/main.xml")
    mobile = _entries(site, BASE_URL + "/metro-star/feeds/mobile.xml")
    assert main and len(main) == len(mobile)
    for tracked, small in zip(main, mobile, strict=True):
        query = parse_qs(urlsplit(str(tracked["link"])).query)
        assert query == {"utm_source": ["rss"], "utm_medium": ["feed"], "utm_campaign": ["daily"]}
        assert _path(str(small["link"])).startswith("/metro-star/m/")
        assert _canonical(tracked["link"]) == _canonical(small["link"])


def test_json_feed_is_version_1_1_with_images(site: DemoSite) -> None:
    document = site.get("/coastline-post/feeds/main.json")
    assert document is not None and document.content_type.startswith("application/feed+json")
    feed = json.loads(document.body)
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["feed_url"] == BASE_URL + "/coastline-post/feeds/main.json"
    assert all(i["content_html"].startswith("<p>") and i["summary"] for i in feed["items"])
    assert any(i.get("image", "").startswith(BASE_URL + "/img/") for i in feed["items"])


def test_article_page_has_the_metadata_of_a_news_site(site: DemoSite) -> None:
    article = site.newsroom.article("northern-ledger/review-the-salt-orchard")
    assert article is not None
    document = site.get(article.path)
    assert document is not None and document.content_type.startswith("text/html")
    page = lxml_html.fromstring(document.body)
    assert page.get("lang") == "en"
    assert page.cssselect('link[rel="canonical"]')[0].get("href") == BASE_URL + article.path
    meta = {m.get("property") or m.get("name"): m.get("content") for m in page.cssselect("meta")}
    assert meta["og:title"] == article.title and meta["author"] == article.author
    published = BASE_TIME - timedelta(minutes=article.offset_minutes)
    assert datetime.fromisoformat(meta["article:published_time"]) == published
    assert page.cssselect("h1")[0].text_content() == article.title
    body = [p.text_content() for p in page.cssselect(".article-body p")]
    assert body == list(article.paragraphs)
    for chrome in ("nav.breadcrumbs", ".cookie-notice", ".newsletter", ".related li", "footer"):
        assert page.cssselect(chrome), chrome
    assert document.last_modified == published


def test_mobile_and_tracking_pages_point_to_the_desktop_url(site: DemoSite) -> None:
    desktop = site.get("/metro-star/river-pact-signed")
    mobile = site.get("/metro-star/m/river-pact-signed")
    assert desktop is not None and mobile is not None
    assert desktop.body == mobile.body  # same page, one canonical
    canonical = lxml_html.fromstring(mobile.body).cssselect('link[rel="canonical"]')[0]
    assert canonical.get("href") == BASE_URL + "/metro-star/river-pact-signed"


def test_wire_copy_page_repeats_the_original_text(site: DemoSite) -> None:
    original = site.get("/civic-wire/veland-ostmark-sign-kestrel-water-accord")
    copy = site.get("/harbour-gazette/kestrel-water-deal-signed-at-halden-ford")
    assert original is not None and copy is not None

    def body(doc: bytes) -> list[str]:
        return [p.text_content() for p in lxml_html.fromstring(doc).cssselect(".article-body p")]

    assert body(original.body) == body(copy.body)
    assert b"Civic Wire Service" in copy.body  # credited in the byline


def test_robots_and_unknown_paths(site: DemoSite) -> None:
    robots = site.get("/robots.txt")
    assert robots is not None
    rules = Protego.parse(robots.body.decode())
    assert rules.can_fetch(BASE_URL + "/harbour-gazette/feeds/main.xml", "newsloom")
    assert not rules.can_fetch(BASE_URL + "/private/drafts", "newsloom")
    for path in (
        "/nowhere",
        "/harbour-gazette/no-such-story",
        "/harbour-gazette/feeds/main.atom",
        "/harbour-gazette/feeds/world.xml",
        "/a/b/c/d",
    ):
        assert site.get(path) is None, path


def test_opml_nests_feeds_by_declared_section(site: DemoSite) -> None:
    document = site.get("/sources.opml")
    assert document is not None
    root = etree.fromstring(document.body)
    sections = {o.get("text"): o for o in root.find("body")}
    assert {"general", "world", "business", "technology", "science"} <= set(sections)
    urls = {leaf.get("xmlUrl") for group in sections.values() for leaf in group}
    assert urls == {url for url, *_ in site.feed_urls()}
    world = [leaf.get("xmlUrl") for leaf in sections["world"]]
    assert world == [BASE_URL + "/daily-meridian/feeds/world.xml"]


def test_markup_in_text_is_escaped_everywhere() -> None:
    newsroom: Newsroom = load_newsroom(MARKUP_DATA)
    site = DemoSite(newsroom, BASE_URL, BASE_TIME)
    article = newsroom.articles[0]
    for url, *_ in site.feed_urls():
        entries = _entries(site, url)
        assert entries[0]["title"] == article.title, url
    page_doc = site.get(article.path)
    assert page_doc is not None
    page = lxml_html.fromstring(page_doc.body)
    assert page.cssselect("h1")[0].text_content() == article.title
    assert [p.text_content() for p in page.cssselect(".article-body p")] == list(article.paragraphs)
    assert not page.cssselect(".article-body b")  # <b> in the text stays text
    scripts = page.cssselect("script")
    assert len(scripts) == 1 and json.loads(scripts[0].text)["headline"] == article.title
    opml = site.get("/sources.opml")
    assert opml is not None
    sections = [o.get("text") for o in etree.fromstring(opml.body).find("body")]
    assert "odd & even" in sections


def test_naive_base_time_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        DemoSite(load_newsroom(MARKUP_DATA), BASE_URL, datetime(2026, 1, 1))
