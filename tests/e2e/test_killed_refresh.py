"""A refresh killed with SIGKILL mid-way is completed by the next one: no duplicate, nothing missing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

import newsloom.store as db
from newsloom.app.demo import demo_settings
from newsloom.demo.newsroom import load_newsroom
from newsloom.demo.server import DemoServer
from newsloom.pipeline.refresh import add_sources
from newsloom.records import Source
from newsloom.settings import Settings
from newsloom.store import Store

# Processes killed or signalled, servers restarted: the complete suite (make test) only.
pytestmark = pytest.mark.slow

BASE_TIME = datetime(2026, 6, 3, 18, 0, tzinfo=UTC)
EVER = datetime(2000, 1, 1, tzinfo=UTC)


def _refresh_process(settings: Settings) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "NEWSLOOM_DATABASE_URL": settings.db_url,
        "NEWSLOOM_ALLOWED_HOSTS": "127.0.0.1",
        "NEWSLOOM_PER_HOST_CONCURRENCY": "8",
    }
    return subprocess.Popen(
        [sys.executable, "-m", "newsloom.cli", "refresh", "--all"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _counts(store: Store) -> tuple[int, int]:
    with store.read() as conn:
        return db.count_articles(conn), db.count_stories(conn)


def _kill_when(store: Store, proc: subprocess.Popen[bytes], ready: object) -> bool:
    """SIGKILL ``proc`` as soon as ``ready(articles, stories)`` holds; False if it ended first."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if ready(*_counts(store)):  # type: ignore[operator]
            proc.send_signal(signal.SIGKILL)
            proc.wait(10)
            return True
        time.sleep(0.02)
    proc.wait(120)
    return False


def test_sigkill_during_refresh_then_rerun_leaves_every_article_once(tmp_path: Path) -> None:
    settings = demo_settings(Settings(data_dir=tmp_path))
    gold = load_newsroom().gold_labels()
    with DemoServer(base_time=BASE_TIME) as server:
        store = Store.open(settings)
        add_sources(
            store,
            [
                Source(url=u, title=n, section=s, language=lang)
                for u, n, s, lang in server.feed_urls()
            ],
        )
        killed = _kill_when(store, _refresh_process(settings), lambda a, s: a > 0)
        assert killed, "the refresh finished before it could be killed"
        # Second run: killed once stories appear if it gets that far, else it simply completes.
        _kill_when(store, _refresh_process(settings), lambda a, s: s > 0)
        final = _refresh_process(settings)
        _, err = final.communicate(timeout=300)
        assert final.returncode == 0, err.decode()

        with store.read() as conn:
            articles = db.recent_articles(conn, since=EVER, originals_only=False)
            urls = [a.canonical_url for a in articles]
            assert len(urls) == len(set(urls)), "duplicate articles after the killed runs"
            paths = {a.canonical_url.split(server.base_url, 1)[-1] for a in articles}
            assert paths == set(gold), "articles missing after the killed runs"
            originals = [a for a in articles if a.copy_of is None]
            for article in originals:
                assert article.id is not None
                assert db.story_of(conn, article.id) is not None, article.url
            for story in db.list_stories(conn, limit=10_000):
                summary = db.latest_summary(conn, story.id)
                assert summary is not None, story.id
                assert set(summary.article_ids) == set(story.article_ids), story.id
        store.close()
