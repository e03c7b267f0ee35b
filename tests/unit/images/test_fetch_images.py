"""Refresh step 6 over httpx.MockTransport: each picture is fetched once through the guarded
Fetcher, stored re-encoded or refused with its reason, and the story page, card and feeds link
our copy (from the most central article that has one), never the publisher's URL."""

from __future__ import annotations

import asyncio
import io
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import feedparser
import httpx
import pytest
from fastapi.testclient import TestClient
from lxml import html
from PIL import Image

import newsloom.store as db
from newsloom.pipeline.images import fetch_images
from newsloom.records import Article, Source
from newsloom.settings import Settings
from newsloom.store import Store
from newsloom.store.images import image_key, images_to_fetch
from newsloom.store.schema import images
from newsloom.web import create_app
from tests.unit.web.conftest import BACKENDS, private_postgres
from tests.unit.web.test_feeds import assert_valid_atom, assert_valid_jsonfeed, assert_valid_rss

NOW = datetime(2026, 6, 3, 18, 0, tzinfo=UTC)
HOSTS = {"pics.example": "93.184.215.14", "intranet.example": "10.0.0.7"}
GOOD = "https://pics.example/lead.jpg"
SIDE = "https://pics.example/side.png"
MOVED = "https://pics.example/gone.jpg"
NOT_AN_IMAGE = "https://pics.example/page.jpg"
PRIVATE = "https://intranet.example/secret.jpg"


async def fake_dns(host: str, port: int) -> list[str]:
    if host in HOSTS:
        return [HOSTS[host]]
    raise OSError(f"unknown host {host}")


def _picture(fmt: str, size: tuple[int, int]) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (30, 120, 200)).save(out, format=fmt)
    return out.getvalue()


def handler(request: httpx.Request) -> httpx.Response:
    url = str(request.url)
    if url == GOOD:
        return httpx.Response(200, content=_picture("JPEG", (900, 600)))
    if url == SIDE:
        return httpx.Response(200, content=_picture("PNG", (400, 300)))
    if url == NOT_AN_IMAGE:
        return httpx.Response(200, content=b"<html>not here</html>")
    return httpx.Response(404)


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest) -> Iterator[str]:
    """ "" (SQLite in tmp_path), or a database of its own on the PostgreSQL test server."""
    if request.param == "sqlite":
        yield ""
        return
    with private_postgres("_images") as url:
        yield url


def _store(tmp_path: Path, database_url: str) -> tuple[Settings, Store, int]:
    settings = Settings(
        data_dir=tmp_path, database_url=database_url, site_url="https://news.example.org"
    )
    store = Store.open(settings)
    with store.write() as conn:
        source = db.add_source(conn, Source(url="https://daily.example/rss", title="Daily"))
        assert source.id
        story = db.create_story(conn, first_seen=NOW, category="science", headline="Moon base")
        for n, (image, similarity) in enumerate(
            [(SIDE, 0.5), (GOOD, 0.9), (MOVED, 0.95), (NOT_AN_IMAGE, 0.7), (PRIVATE, 0.6)]
        ):
            article = db.insert_article(
                conn,
                Article(
                    source_id=source.id,
                    url=f"https://daily.example/{n}",
                    canonical_url=f"https://daily.example/{n}",
                    title=f"Article {n}",
                    text="Text that must not appear.",
                    published=NOW - timedelta(hours=n),
                    fetched_at=NOW,
                    image=image,
                ),
            )
            assert article.id
            db.add_to_story(conn, story, article.id, similarity=similarity, reasons="t", added=NOW)
        db.update_story(conn, story, importance=0.9, last_updated=NOW)
    return settings, store, story


def _run(settings: Settings, store: Store) -> int:
    return asyncio.run(
        fetch_images(
            settings, store, NOW, transport=httpx.MockTransport(handler), resolver=fake_dns
        )
    )


def test_pictures_are_fetched_once_and_refusals_are_kept(tmp_path: Path, database_url: str) -> None:
    settings, store, _ = _store(tmp_path, database_url)
    assert _run(settings, store) == 2
    with store.read() as conn:
        rows = {r.url: r for r in conn.execute(images.select())}
        assert images_to_fetch(conn, 10) == []  # nothing is tried twice
    assert rows[GOOD].status == rows[SIDE].status == "ok"
    assert rows[MOVED].status == "failed" and "404" in rows[MOVED].error
    assert rows[NOT_AN_IMAGE].status == "rejected" and "not a JPEG" in rows[NOT_AN_IMAGE].error
    # The SSRF guard refuses a private address before any request is made.
    assert rows[PRIVATE].status == "failed" and rows[PRIVATE].lead is None
    assert _run(settings, store) == 0
    store.close()


def test_pages_and_feeds_show_the_most_central_usable_picture(
    tmp_path: Path, database_url: str
) -> None:
    settings, store, story = _store(tmp_path, database_url)
    _run(settings, store)
    key = image_key(GOOD)  # 0.95 (moved) has none; 0.9 is the most central that has one
    with TestClient(create_app(settings, store=store, clock=lambda: NOW)) as client:
        page = client.get(f"/story/{story}", follow_redirects=True)
        tree = html.fromstring(page.text)
        lead = tree.cssselect("figure.lead-picture img")[0]
        assert lead.get("src") == f"/images/{key}.jpg" and lead.get("alt", "").startswith("Picture")
        assert tree.cssselect("figure.lead-picture figcaption a")[0].get("href") == (
            "https://daily.example/1"
        )
        assert "pics.example" not in page.text  # readers never contact the publisher
        og = {m.get("property"): m.get("content") for m in tree.cssselect("meta[property]")}
        assert og["og:image"] == f"https://news.example.org/images/{key}.jpg"
        picture = client.get(f"/images/{key}.jpg")
        assert picture.headers["content-type"] == "image/jpeg"
        assert "immutable" in picture.headers["cache-control"]
        assert client.get(f"/images/{key}-thumb.jpg").status_code == 200
        assert client.get(f"/images/{image_key(MOVED)}.jpg").status_code == 404
        assert client.get("/images/..%2Fetc%2Fpasswd").status_code == 404
        card = html.fromstring(client.get("/").text).cssselect(".card img")[0]
        assert card.get("src", "").startswith(f"/images/{key}") and card.get("alt")

        rss_body = client.get("/feeds/top.xml").content
        rss = assert_valid_rss(rss_body)
        parsed = feedparser.parse(rss_body)
        assert parsed.entries[0].enclosures[0]["href"] == og["og:image"]
        enclosure = rss.find("channel/item/enclosure")
        assert enclosure is not None and enclosure.get("type") == "image/jpeg"
        assert enclosure.get("url") == og["og:image"] and int(enclosure.get("length") or 0) > 0
        media = rss.find("channel/item/{http://search.yahoo.com/mrss/}content")
        assert media is not None and media.get("medium") == "image"
        atom = assert_valid_atom(client.get("/feeds/top.atom").content)
        ns = "{http://www.w3.org/2005/Atom}"
        links = atom.findall(f"{ns}entry/{ns}link[@rel='enclosure']")
        assert links and links[0].get("href") == og["og:image"]
        item = assert_valid_jsonfeed(client.get("/feeds/top.json").content)["items"][0]
        assert item["image"] == og["og:image"]
        assert item["attachments"][0]["mime_type"] == "image/jpeg"
    store.close()


def test_a_cached_story_page_gains_its_picture_once_fetched(
    tmp_path: Path, database_url: str
) -> None:
    settings, store, story = _store(tmp_path, database_url)
    with TestClient(create_app(settings, store=store, clock=lambda: NOW)) as client:
        before = client.get(f"/story/{story}", follow_redirects=True)
        assert "lead-picture" not in before.text
        _run(settings, store)
        after = client.get(str(before.url))
        assert "lead-picture" in after.text and image_key(GOOD) in after.text
    store.close()
