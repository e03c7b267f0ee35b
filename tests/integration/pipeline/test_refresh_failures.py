"""One bad source never stops a refresh: each failure is recorded on its own source."""

from __future__ import annotations

import socket
from datetime import UTC, datetime
from pathlib import Path

import pytest

import newsloom.store as db
from newsloom.pipeline.refresh import add_sources, run_refresh
from newsloom.records import Source
from newsloom.settings import Settings
from newsloom.store import Store

from .loopback import LoopbackSite, Reply

NOW = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)

PARAGRAPHS = [
    "The Tidewater council voted on Monday to reopen the old ferry line between Gullhaven and "
    "the island of Marrow Key, ending a closure that lasted six years.",
    "Councillor Ines Farrow said the first crossings would run in early June, with four return "
    "trips a day and a reduced fare for residents of the island.",
    "The ferry operator, Saltline Crossings, will refit two vessels at the Gullhaven yard before "
    "the service starts, at a cost the council put at 2.4 million crowns.",
    "Islanders have campaigned for the route since the closure, arguing that the detour through "
    "the northern causeway added more than an hour to every trip to the mainland hospital.",
]


def _page(title: str) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (
        f"<html lang='en'><head><title>{title}</title></head><body><nav>Home News Sport</nav>"
        f"<article><h1>{title}</h1><p class='byline'>By Ada Quill</p>{body}</article>"
        "<footer>Copyright Tidewater Times</footer></body></html>"
    ).encode()


def _rss(base: str, items: list[tuple[str, str]]) -> bytes:
    entries = "".join(
        f"<item><title>{t}</title><link>{base}{path}</link><guid>{base}{path}</guid>"
        "<pubDate>Mon, 04 May 2026 07:00:00 GMT</pubDate>"
        f"<description>{PARAGRAPHS[0]}</description></item>"
        for t, path in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Tidewater Times</title><link>{base}/</link>{entries}</channel></rss>"
    ).encode()


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_bad_sources_are_recorded_and_the_rest_goes_on(tmp_path: Path) -> None:
    routes: dict = {}
    with LoopbackSite(routes) as site:
        base = site.base_url
        routes.update(
            {
                "/good.xml": Reply(
                    body=_rss(base, [("Ferry line to reopen", "/ferry")]),
                    content_type="application/rss+xml",
                ),
                "/ferry": Reply(body=_page("Ferry line to reopen")),
                "/malformed.xml": Reply(
                    body=b"<rss><channel><title>Broken", content_type="application/rss+xml"
                ),
                "/html-not-feed.xml": Reply(body=b"<html><body>Just a page</body></html>"),
                "/server-error.xml": Reply(status=500, body=b"oops"),
                "/empty-page-feed.xml": Reply(
                    body=_rss(base, [("Empty page", "/empty")]), content_type="application/rss+xml"
                ),
                "/empty": Reply(body=b"<html><body></body></html>"),
            }
        )
        settings = Settings(
            data_dir=tmp_path, allowed_hosts=("127.0.0.1",), max_retries=0, obey_robots=True
        )
        store = Store.open(settings)
        urls = [
            f"{base}/good.xml",
            f"{base}/malformed.xml",
            f"{base}/html-not-feed.xml",
            f"{base}/server-error.xml",
            f"{base}/empty-page-feed.xml",
            f"http://127.0.0.1:{_closed_port()}/unreachable.xml",
        ]
        add_sources(store, [Source(url=u) for u in urls])
        report = run_refresh(settings, store, now=NOW)
        with store.read() as conn:
            by_url = {s.url: s for s in db.list_sources(conn)}
            articles = db.recent_articles(conn, since=datetime(2026, 1, 1, tzinfo=UTC))
        store.close()

    assert by_url[f"{base}/good.xml"].error_count == 0
    titles = sorted(a.title for a in articles)
    assert titles == ["Empty page", "Ferry line to reopen"]
    # The page that fails extraction falls back to the feed's own text.
    empty = next(a for a in articles if a.title == "Empty page")
    assert empty.extraction_method == "feed" and "Tidewater council" in empty.text
    for path in ("/html-not-feed.xml", "/server-error.xml"):
        source = by_url[f"{base}{path}"]
        assert source.error_count == 1, path
        assert source.last_error and source.last_error.split(":")[0] in ("fetch", "parse"), path
    unreachable = next(s for u, s in by_url.items() if u.endswith("/unreachable.xml"))
    assert unreachable.error_count == 1
    assert unreachable.last_error and unreachable.last_error.startswith("fetch: ")
    # A malformed feed yields what can be recovered or a parse error, never a crash.
    malformed = by_url[f"{base}/malformed.xml"]
    assert malformed.error_count == 1 or malformed.last_error is None
    assert report.failed_sources >= 3
    assert report.sources == len(urls)


def test_an_unexpected_error_is_recorded_on_its_page_or_source_and_the_run_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Fault injection: a bug (any exception, not a NewsloomError) set off by one page, or by one
    source's body, becomes that page's or source's error, with its type and message."""
    import newsloom.pipeline.articles as articles
    import newsloom.pipeline.refresh as refresh

    real_build, real_parse = articles.candidate_from_entry, refresh.parse_feed

    def build(source, entry, parsed, page, now):  # type: ignore[no-untyped-def]
        if entry.url.endswith("/crash-page"):
            raise RuntimeError("extractor bug on this page")
        return real_build(source, entry, parsed, page, now)

    def parse(body: bytes, url: str):  # type: ignore[no-untyped-def]
        if url.endswith("/crash-feed.xml"):
            raise KeyError("parser bug on this feed")
        return real_parse(body, url)

    monkeypatch.setattr(articles, "candidate_from_entry", build)
    monkeypatch.setattr(refresh, "parse_feed", parse)
    routes: dict = {}
    with LoopbackSite(routes) as site:
        base = site.base_url
        items = [("Ferry line to reopen", "/ferry"), ("Crash page", "/crash-page")]
        routes.update(
            {
                "/good.xml": Reply(body=_rss(base, items), content_type="application/rss+xml"),
                "/ferry": Reply(body=_page("Ferry line to reopen")),
                "/crash-page": Reply(body=_page("Crash page")),
                "/crash-feed.xml": Reply(
                    body=_rss(base, [("Other", "/other")]), content_type="application/rss+xml"
                ),
            }
        )
        settings = Settings(data_dir=tmp_path, allowed_hosts=("127.0.0.1",), max_retries=0)
        store = Store.open(settings)
        add_sources(store, [Source(url=f"{base}/good.xml"), Source(url=f"{base}/crash-feed.xml")])
        report = run_refresh(settings, store, now=NOW)
        with store.read() as conn:
            by_url = {s.url: s for s in db.list_sources(conn)}
            titles = {
                a.title for a in db.recent_articles(conn, since=datetime(2026, 1, 1, tzinfo=UTC))
            }
        store.close()
    assert titles == {"Ferry line to reopen"}
    assert by_url[f"{base}/good.xml"].error_count == 0
    assert report.page_errors >= 1
    crashed = by_url[f"{base}/crash-feed.xml"].last_error or ""
    assert crashed.startswith("refresh: KeyError: 'parser bug on this feed'"), crashed
