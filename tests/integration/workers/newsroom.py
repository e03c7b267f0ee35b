"""The demo newsroom as the workers' workload, and what a consistent store looks like after it."""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import func, select

import newsloom.store as db
from newsloom.demo.newsroom import load_newsroom
from newsloom.demo.server import DemoServer
from newsloom.pipeline.refresh import add_sources
from newsloom.records import Source
from newsloom.settings import Settings
from newsloom.store import Store
from newsloom.store.schema import articles, fetches, stories, story_articles
from tests.integration.workers.conftest import Worker

EVER = datetime(2000, 1, 1, tzinfo=UTC)


def demo_time() -> datetime:
    """The demo's "now": the workers refresh with the wall clock, so the newsroom is current."""
    return datetime.now(UTC).replace(second=0, microsecond=0)


def open_demo_store(database_url: str, data_dir: Path, server: DemoServer) -> Store:
    """The store at ``database_url`` with every demo feed registered as a due source."""
    store = Store.open(Settings(data_dir=data_dir, database_url=database_url))
    add_sources(
        store,
        [Source(url=u, title=n, section=s, language=lang) for u, n, s, lang in server.feed_urls()],
    )
    return store


def counts(store: Store) -> tuple[int, int]:
    """(articles, stories) stored so far."""
    with store.read() as conn:
        n_articles = conn.execute(select(func.count()).select_from(articles)).scalar_one()
        n_stories = conn.execute(select(func.count()).select_from(stories)).scalar_one()
    return int(n_articles), int(n_stories)


def wait_until(
    store: Store, worker: Worker, ready: Callable[[int, int], bool], timeout: float = 300
) -> bool:
    """Poll until ``ready(articles, stories)``; False if the worker ended (or time ran out)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and worker.process.poll() is None:
        if ready(*counts(store)):
            return True
        time.sleep(0.02)
    return False


def fetches_per_source(store: Store) -> dict[int, int]:
    with store.read() as conn:
        rows = conn.execute(
            select(fetches.c.source_id, func.count()).group_by(fetches.c.source_id)
        ).all()
    return {int(source_id): int(n) for source_id, n in rows}


def assert_consistent(store: Store, server: DemoServer) -> None:
    """Every demo article stored once, and every story consistent:

    each original article in exactly one live story, no live story without articles, and each
    story's latest summary made from exactly its articles and citing no other.
    """
    gold = set(load_newsroom().gold_labels())
    with store.read() as conn:
        stored = db.recent_articles(conn, since=EVER, originals_only=False)
        urls = [a.canonical_url for a in stored]
        duplicates = [u for u, n in Counter(urls).items() if n > 1]
        assert not duplicates, f"articles stored twice: {duplicates}"
        paths = {u.split(server.base_url, 1)[-1] for u in urls}
        assert paths == gold, f"missing {gold - paths}, unexpected {paths - gold}"

        live = set(
            conn.execute(select(stories.c.id).where(stories.c.merged_into.is_(None))).scalars()
        )
        members: dict[int, set[int]] = defaultdict(set)
        per_article: Counter[int] = Counter()
        for article_id, story_id in conn.execute(
            select(story_articles.c.article_id, story_articles.c.story_id)
        ):
            members[story_id].add(article_id)
            per_article[article_id] += 1
        assert all(n == 1 for n in per_article.values())
        assert set(members) <= live, "articles left in merged stories"
        originals = {a.id for a in stored if a.copy_of is None}
        unassigned = originals - set(per_article)
        assert not unassigned, f"originals in no story: {sorted(unassigned)}"
        empty = live - set(members)
        assert not empty, f"live stories without articles: {sorted(empty)}"

        for story_id, article_ids in members.items():
            summary = db.latest_summary(conn, story_id)
            assert summary is not None, f"story {story_id} has no summary"
            statements = [
                *summary.bullets,
                *summary.takeaways,
                *summary.whats_new,
                *(s for paragraph in summary.paragraphs for s in paragraph),
            ]
            cited = {i for statement in statements for i in statement.article_ids}
            assert cited, f"story {story_id}: the summary cites nothing"
            assert cited <= article_ids, f"story {story_id} cites {cited - article_ids}"
            assert set(summary.article_ids) == article_ids, f"story {story_id}: stale summary"
