"""The chaos refresh: ten good outlets beside one source of every hostile kind issue 14 names.

Everything is served on loopback. ``newsloom refresh`` must exit 0, store every good article, record
one clear error (with its real reason) on each source that cannot be read, store sanitised articles
from the sources that can, and after repeated failures pause the failing sources with their reason.
The ill-formed feeds of the shared feed set are added, read in place, when that set is present.
"""

from __future__ import annotations

import gzip
import json
import socket
from datetime import UTC, datetime
from pathlib import Path

import pytest

import newsloom.store as db
from newsloom.cli import main
from newsloom.pipeline.refresh import add_sources
from newsloom.records import Source
from newsloom.settings import Settings
from newsloom.store import Store
from tests.conftest import shared_data_dir

from .loopback import LoopbackSite, Reply

GOOD_OUTLETS = 10
TOWNS = ["Gullhaven", "Marrow Key", "Tidewater", "Saltline", "Brackmoor", "Ostry", "Felling",
         "Carrow", "Lindby", "Quayside"]  # fmt: skip
RSS = "application/rss+xml"
JSON_FEED = "application/feed+json"

# Real refreshes over a dozen hostile loopback servers: seconds each, run by make test.
pytestmark = pytest.mark.slow


def _story_text(town: str, topic: str) -> str:
    return " ".join(
        f"<p>The {town} council met on {day} to debate the {topic}, and residents of {town} "
        f"filled the hall to hear councillors argue over the cost of the {topic} plan.</p>"
        for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
    )


def _page(title: str, text: str, head: str = "") -> bytes:
    return (
        f"<html lang='en'><head><title>{title}</title>{head}</head><body>"
        f"<article><h1>{title}</h1>{text}</article></body></html>"
    ).encode()


def _rss(items: list[tuple[str, str]]) -> bytes:
    entries = "".join(
        f"<item><title>{t}</title><link>{link}</link><guid>{link}</guid>"
        "<pubDate>Mon, 04 May 2026 07:00:00 GMT</pubDate>"
        f"<description>Brief: {t}.</description></item>"
        for t, link in items
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Outlet</title>{entries}'
        "</channel></rss>"
    ).encode()


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _good_routes(base: str) -> tuple[dict[str, Reply], list[str], list[str]]:
    routes: dict[str, Reply] = {}
    feeds, pages = [], []
    for n, town in enumerate(TOWNS[:GOOD_OUTLETS]):
        items = []
        for topic in ("ferry timetable", "harbour wall"):
            path = f"/good/{n}/{topic.replace(' ', '-')}"
            title = f"{town} debates the {topic}"
            routes[path] = Reply(body=_page(title, _story_text(town, topic)))
            items.append((title, base + path))
            pages.append(base + path)
        routes[f"/good/{n}.xml"] = Reply(body=_rss(items), content_type=RSS)
        feeds.append(f"{base}/good/{n}.xml")
    return routes, feeds, pages


def _hostile_routes(base: str, closed: int) -> dict[str, Reply]:
    page = _page("Ferry returns", _story_text("Ostry", "ferry return"))
    json_ld = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "wordCount": '
        + "9" * 5000
        + ', "datePublished": "2026-05-04T06:00:00Z"}</script>'
    )
    og_title = (
        '<meta property="og:title" content="&quot;&gt;&lt;script&gt;alert(8)&lt;/script&gt;">'
    )
    return {
        # Sanitised and stored: each of these once aborted the whole pass.
        "/h/bigint.json": Reply(
            body=(
                '{"version": "https://jsonfeed.org/version/1.1", "title": "Big", "items": [{"id": '
                + "1" * 100_000
                + f', "url": "{base}/h/bigint-page", "title": "Ferry returns to Ostry"}}]}}'
            ).encode(),
            content_type=JSON_FEED,
        ),
        "/h/bigint-page": Reply(body=page),
        "/h/jsonld.xml": Reply(
            body=_rss([("Ostry quay reopens", f"{base}/h/jsonld-page")]), content_type=RSS
        ),
        "/h/jsonld-page": Reply(
            body=_page("Ostry quay reopens", _story_text("Ostry", "quay"), json_ld)
        ),
        "/h/surrogate.json": Reply(
            body=(
                b'{"version": "https://jsonfeed.org/version/1.1", "items": [{"id": "s1", '
                b'"title": "Carrow lock \\ud800 repaired", "content_text": "The Carrow lock was '
                b'repaired on Monday after two weeks of work by the canal trust."}]}'
            ),
            content_type=JSON_FEED,
        ),
        "/h/links.xml": Reply(
            body=_rss(
                [
                    ("A very long link", "https://q.example/" + "a" * 70_000),
                    ("A fullwidth host", f"http://ｌｏｃａｌｈｏｓｔ:{closed}/p.html"),
                ]
            ),
            content_type=RSS,
        ),
        "/h/ogtitle.xml": Reply(
            body=_rss([("", f"{base}/h/ogtitle-page")]).replace(b"<title></title>", b""),
            content_type=RSS,
        ),
        "/h/ogtitle-page": Reply(body=_page("x", _story_text("Lindby", "bridge"), og_title)),
        # Unreadable: one clear error each, on its own source.
        "/h/deep.xml": Reply(body=b"<rss>" + b"<a>" * 100_000, content_type=RSS),
        "/h/deep.json": Reply(body=b'{"items": ' + b"[" * 100_000, content_type=JSON_FEED),
        "/h/bomb.xml": Reply(
            body=gzip.compress(b"<rss>" + b" " * 30_000_000),
            content_type=RSS,
            headers=(("Content-Encoding", "gzip"),),
        ),
        "/h/xxe.xml": Reply(
            body=b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            b"<rss><channel><item><title>&x;</title></item></channel></rss>",
            content_type=RSS,
        ),
        "/h/html.xml": Reply(body=b"<html><body><p>Just a page</p></body></html>"),
        "/h/500.xml": Reply(status=500, body=b"oops", content_type="text/plain"),
    }


UNREADABLE = {
    "/h/deep.xml": "parse: ",
    "/h/deep.json": "parse: invalid JSON feed",
    "/h/bomb.xml": "fetch: ",
    "/h/html.xml": "parse: an HTML page",
    "/h/500.xml": "fetch: HTTP 500",
}


def _illformed_feeds() -> dict[str, bytes]:
    shared = shared_data_dir()
    if shared is None:
        return {}
    folder = shared / "feeds" / "feedparser-tests" / "illformed"
    return {f"/ill/{p.name}": p.read_bytes() for p in sorted(folder.glob("*.xml"))}


@pytest.fixture
def newsroom(tmp_path: Path):  # type: ignore[no-untyped-def]
    routes: dict[str, Reply] = {}
    with LoopbackSite(routes) as site:
        base = site.base_url
        port = base.rsplit(":", 1)[1]
        closed = _closed_port()
        good, feeds, pages = _good_routes(base)
        routes.update(good)
        routes.update(_hostile_routes(base, closed))
        ill = _illformed_feeds()
        routes.update({path: Reply(body=body, content_type=RSS) for path, body in ill.items()})
        config = tmp_path / "newsloom.toml"
        config.write_text(
            "[newsloom]\n"
            f'data_dir = "{tmp_path / "data"}"\n'
            f'allowed_hosts = ["127.0.0.1:{port}"]\n'
            "max_retries = 0\ntotal_timeout = 20\npause_after_failures = 2\n"
        )
        settings = Settings.load(config_file=config, environ={})
        store = Store.open(settings)
        hostile = [
            base + path
            for path in _hostile_routes(base, closed)
            if path.endswith((".xml", ".json"))
        ]
        elsewhere = [
            f"http://127.0.0.1:{closed}/feed.xml",  # loopback, but not the allowed port
            "http://feeds.nowhere.invalid/feed.xml",  # no such host
        ]
        add_sources(
            store,
            [Source(url=u) for u in feeds + hostile + elsewhere + [base + p for p in ill]],
        )
        store.close()
        yield settings, config, base, pages, closed


def _sources(settings: Settings) -> dict[str, Source]:
    store = Store.open(settings)
    try:
        with store.read() as conn:
            return {s.url: s for s in db.list_sources(conn)}
    finally:
        store.close()


def test_a_refresh_over_hostile_sources_stores_every_good_article_and_exits_0(
    newsroom, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    settings, config, base, pages, closed = newsroom
    assert main(["--config", str(config), "refresh"]) == 0
    capsys.readouterr()

    store = Store.open(settings)
    with store.read() as conn:
        articles = db.recent_articles(conn, since=datetime(2000, 1, 1, tzinfo=UTC))
    store.close()
    stored_urls = {a.url for a in articles}
    assert set(pages) <= stored_urls, "every good article is stored"
    by_title = {a.title: a for a in articles}
    # Sanitised, not refused.
    assert "Ferry returns to Ostry" in by_title
    assert (
        "Ostry quay reopens" in by_title
        and by_title["Ostry quay reopens"].extraction_method != "feed"
    )
    assert "Carrow lock \ufffd repaired" in by_title
    assert "A very long link" in by_title and by_title["A very long link"].url == ""
    assert "A fullwidth host" in by_title
    lindby = next(a for a in articles if "Lindby" in a.text)
    assert "<" not in lindby.title and "script" not in lindby.title.lower()
    for article in articles:
        json.dumps([article.title, article.text, article.url]).encode("utf-8")

    sources = _sources(settings)
    for path, reason in UNREADABLE.items():
        error = sources[base + path].last_error or ""
        assert error.startswith(reason), (path, error)
    loopback = sources[f"http://127.0.0.1:{closed}/feed.xml"].last_error or ""
    assert "loopback" in loopback and "robots" not in loopback
    nowhere = sources["http://feeds.nowhere.invalid/feed.xml"].last_error or ""
    assert "cannot resolve" in nowhere and "robots" not in nowhere
    xxe = sources[base + "/h/xxe.xml"]
    assert xxe.last_error is None or xxe.last_error.startswith("parse: ")
    for url, source in sources.items():
        if source.last_error:
            stage = source.last_error.split(":", 1)[0]
            assert stage in ("fetch", "parse", "extract", "refresh"), (url, source.last_error)
            assert "\n" not in source.last_error
        if url.startswith(base + "/good/"):
            assert source.error_count == 0, (url, source.last_error)


def test_sources_failing_run_after_run_are_paused_with_their_reason(
    newsroom, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    settings, config, base, _pages, _closed = newsroom
    assert main(["--config", str(config), "refresh", "--all"]) == 0
    assert main(["--config", str(config), "refresh", "--all"]) == 0
    sources = _sources(settings)
    for path in UNREADABLE:
        source = sources[base + path]
        assert source.paused_at is not None, path
        assert source.paused_reason and "2 failed fetches in a row" in source.paused_reason
    assert all(s.paused_at is None for u, s in sources.items() if u.startswith(base + "/good/"))
    capsys.readouterr()
    assert main(["--config", str(config), "sources", "list"]) == 0
    listing = capsys.readouterr().out
    assert listing.count("paused (paused after 2 failed fetches in a row") >= len(UNREADABLE)

    # A third pass leaves the paused sources alone and still refreshes the rest.
    assert main(["--config", str(config), "refresh", "--all"]) == 0
    again = _sources(settings)
    for path in UNREADABLE:
        assert again[base + path].last_checked == sources[base + path].last_checked
    good = base + "/good/0.xml"
    assert again[good].last_checked is not None
    assert again[good].last_checked >= sources[good].last_checked  # type: ignore[operator]


def test_the_run_loop_keeps_refreshing_beside_hostile_sources(
    newsroom, caplog: pytest.LogCaptureFixture
) -> None:  # type: ignore[no-untyped-def]
    import logging
    import time

    from newsloom.app.runner import RefreshLoop

    settings, _config, _base, pages, _closed = newsroom
    store = Store.open(settings)
    loop = RefreshLoop(settings, store, minutes=0.0005)  # a pass every 30 ms
    with caplog.at_level(logging.INFO, logger="newsloom.runner"):
        try:
            loop.start()
            deadline = time.monotonic() + 180
            while time.monotonic() < deadline:
                passes = [r for r in caplog.records if r.getMessage().startswith("refresh: ")]
                if len(passes) >= 3:
                    break
                time.sleep(0.2)
        finally:
            loop.stop(timeout=180)
            with store.read() as conn:
                stored = {
                    a.url for a in db.recent_articles(conn, since=datetime(2000, 1, 1, tzinfo=UTC))
                }
            store.close()
    messages = [r.getMessage() for r in caplog.records if r.name == "newsloom.runner"]
    assert sum(m.startswith("refresh: ") for m in messages) >= 3, messages
    assert not any("refresh failed" in m for m in messages), messages
    assert set(pages) <= stored
