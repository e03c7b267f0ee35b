"""A refresh through a flaky network: dropped connections, 500s, stalls and garbage (seeded).

Afterwards every article that could be read is stored exactly once, every failure is recorded on
its source, and a second refresh after the faults stop completes the set.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

import newsloom.store as db
from newsloom.pipeline.refresh import add_sources, run_refresh
from newsloom.records import Source
from newsloom.settings import Settings
from newsloom.store import Store

NOW = datetime(2026, 5, 4, 12, 0, tzinfo=UTC)
SEED = 20260504
FAULT_SHARE = 0.35
FEEDS, PER_FEED = 6, 5
FAULTS = ("drop", "500", "stall", "garbage")
TOWNS = ["Gullhaven", "Marrow Key", "Brackenford", "Saltmere", "Korvald", "Elsby"]
TOPICS = ["ferry", "market hall", "lighthouse", "orchard", "library"]


def story(feed: int, item: int) -> tuple[str, str]:
    town, topic = TOWNS[feed], TOPICS[item]
    title = f"{town} {topic} plan number {feed}-{item} goes to a vote"
    sentences = [
        f"The {topic} committee of {town} met on Tuesday to settle plan {feed}-{item}.",
        f"Residents of {town} asked for a public vote on the {topic} before the summer.",
        f"The council said the {topic} budget for {town} would be published in June.",
        f"Critics in {town} argued the {topic} plan {feed}-{item} had been rushed through.",
    ]
    return title, " ".join(sentences * 3)


def page(feed: int, item: int) -> bytes:
    title, text = story(feed, item)
    paragraphs = "".join(f"<p>{text}</p>" for _ in range(2))
    return (
        f"<html lang='en'><head><title>{title}</title></head><body><nav>Home</nav>"
        f"<article><h1>{title}</h1>{paragraphs}</article><footer>Gazette</footer></body></html>"
    ).encode()


def feed_xml(base: str, feed: int) -> bytes:
    items = []
    for item in range(PER_FEED):
        title, text = story(feed, item)
        when = (NOW - timedelta(hours=feed * PER_FEED + item + 1)).strftime(
            "%a, %d %b %Y %H:%M:%S +0000"
        )
        items.append(
            f"<item><title>{title}</title><link>{base}/news/{feed}/{item}</link>"
            f"<guid>{base}/news/{feed}/{item}</guid><pubDate>{when}</pubDate>"
            f"<description>{text}</description></item>"
        )
    return (
        "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
        f"<title>Gazette {feed}</title><link>{base}/</link>{''.join(items)}</channel></rss>"
    ).encode()


class FlakySite:
    """Serves the feeds and pages; while ``faulty``, a seeded share of requests misbehaves.

    The fault of a request depends only on (seed, path, how many times the path was asked), so the
    run is reproducible whatever order the concurrent requests arrive in.
    """

    def __init__(self) -> None:
        self.faulty = True
        self.hits: Counter[str] = Counter()
        self.faults: Counter[str] = Counter()
        self.lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                with site.lock:
                    site.hits[self.path] += 1
                    fault = site.fault_for(self.path, site.hits[self.path])
                    if fault:
                        site.faults[fault] += 1
                if fault == "drop":
                    self.close_connection = True
                    return  # no answer at all: the client sees the connection closed
                if fault == "stall":
                    time.sleep(1.5)  # longer than the client's read timeout
                    return
                status, body, ctype = site.answer(self.path, fault)
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"

    def fault_for(self, path: str, attempt: int) -> str | None:
        if not self.faulty:
            return None
        digest = hashlib.sha256(f"{SEED}:{path}:{attempt}".encode()).digest()
        if digest[0] / 256 >= FAULT_SHARE:
            return None
        return FAULTS[digest[1] % len(FAULTS)]

    def answer(self, path: str, fault: str | None) -> tuple[int, bytes, str]:
        if fault == "500":
            return 500, b"internal error", "text/plain"
        if fault == "garbage":
            noise = hashlib.sha256(path.encode()).digest() * 64
            return 200, noise, "text/html"  # mislabelled: only the bytes give it away
        parts = path.strip("/").split("/")
        if parts[0] == "feed" and len(parts) == 2:
            return 200, feed_xml(self.base, int(parts[1].removesuffix(".xml"))), "application/xml"
        if parts[0] == "news" and len(parts) == 3:
            return 200, page(int(parts[1]), int(parts[2])), "text/html; charset=utf-8"
        return 404, b"not found", "text/plain"


@pytest.fixture
def site() -> Iterator[FlakySite]:
    flaky = FlakySite()
    thread = threading.Thread(target=flaky.server.serve_forever, daemon=True)
    thread.start()
    yield flaky
    flaky.server.shutdown()
    flaky.server.server_close()


def stored_state(store: Store) -> tuple[dict[str, Source], list]:
    with store.read() as conn:
        sources = {s.url: s for s in db.list_sources(conn)}
        articles = db.recent_articles(conn, since=NOW - timedelta(days=30), originals_only=False)
    return sources, articles


def test_faults_are_recorded_and_a_second_run_completes_the_set(
    site: FlakySite, tmp_path: Path
) -> None:
    settings = Settings(
        data_dir=tmp_path,
        allowed_hosts=("127.0.0.1",),
        obey_robots=False,
        max_retries=1,
        read_timeout=0.5,
        connect_timeout=1.0,
        total_timeout=10.0,
    )
    store = Store.open(settings)
    try:
        add_sources(store, [Source(url=f"{site.base}/feed/{f}.xml") for f in range(FEEDS)])
        first = run_refresh(settings, store, now=NOW, all_sources=True, stories=False)
        sources, articles = stored_state(store)

        assert sum(site.faults.values()) > 0 and len(site.faults) >= 3, site.faults
        urls = [a.url for a in articles]
        assert len(urls) == len(set(urls))  # nothing stored twice
        failed = {u for u, s in sources.items() if s.last_error}
        assert first.failed_sources == sum(1 for s in sources.values() if s.error_count)
        for url, source in sources.items():
            if url in failed:
                assert source.error_count == 1
                assert source.last_error and source.last_error.split(":")[0] in ("fetch", "parse")
            else:
                assert source.error_count == 0
        # Every article of a feed that was read is stored; none of a feed that failed.
        read_feeds = {int(u.rsplit("/", 1)[1].removesuffix(".xml")) for u in sources} - {
            int(u.rsplit("/", 1)[1].removesuffix(".xml")) for u in failed
        }
        assert {(int(u.split("/")[-2]), int(u.split("/")[-1])) for u in urls} == {
            (f, i) for f in read_feeds for i in range(PER_FEED)
        }
        for article in articles:  # garbage never becomes text: page text or the feed's own
            feed, item = (int(p) for p in article.url.split("/")[-2:])
            assert article.title == story(feed, item)[0]
            assert story(feed, item)[1].split(".")[0] in article.text

        site.faulty = False
        second = run_refresh(
            settings, store, now=NOW + timedelta(hours=1), all_sources=True, stories=False
        )
        sources, articles = stored_state(store)
    finally:
        store.close()
    assert second.failed_sources == 0
    assert all(s.error_count == 0 and s.last_error is None for s in sources.values())
    assert sorted(a.url for a in articles) == sorted(
        f"{site.base}/news/{f}/{i}" for f in range(FEEDS) for i in range(PER_FEED)
    )
