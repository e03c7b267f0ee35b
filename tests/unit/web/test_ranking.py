"""top_story_ids: exact top-N by decayed importance, reading only as many stories as it must."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

import newsloom.store as db
import newsloom.store.browse as browse
from newsloom.categorize.rank import current_importance
from newsloom.records import Article, Source
from newsloom.settings import Settings
from newsloom.store import Store
from newsloom.web.ranking import top_story_ids

NOW = datetime(2026, 6, 3, 18, 0, tzinfo=UTC)
STORIES = 60


@pytest.fixture(scope="module")
def ranked_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    store = Store.open(Settings(data_dir=tmp_path_factory.mktemp("rank")))
    rng = random.Random(7)
    with store.write() as conn:
        source = db.add_source(conn, Source(url="https://r.example/rss", title="R"))
        assert source.id is not None
        for n in range(STORIES):
            when = NOW - timedelta(hours=rng.uniform(0, 96))
            url = f"https://r.example/{n}"
            article = db.insert_article(conn, Article(source.id, url, url, f"T{n}", "", when, when))
            assert article.id is not None
            category = "world" if n % 3 else "sports"
            story = db.create_story(conn, first_seen=when, category=category)
            db.add_to_story(conn, story, article.id, similarity=1.0, reasons="", added=when)
            importance = 0.0 if n % 11 == 0 else rng.uniform(0.05, 5.0)
            db.update_story(conn, story, importance=importance, last_updated=when)
        # No articles: never shown, though the most important and the newest.
        empty = db.create_story(conn, first_seen=NOW, category="world")
        db.update_story(conn, empty, importance=100.0)
    yield store
    store.close()


def _brute_force(store: Store, category: str | None, now: datetime) -> list[int]:
    with store.read() as conn:
        rows = browse.rank_rows(conn, category=category, limit=10_000)
        alive = browse.live_ids(conn, [r.id for r in rows])
    ordered = sorted(
        (r for r in rows if r.id in alive),
        key=lambda r: (current_importance(r.importance, r.last_updated, now), r.last_updated, r.id),
        reverse=True,
    )
    return [r.id for r in ordered]


@pytest.mark.parametrize("category", [None, "world", "sports"])
@pytest.mark.parametrize("batch", [1, 4, 200])
def test_matches_brute_force_whatever_the_batch(
    ranked_store: Store, category: str | None, batch: int
) -> None:
    expected = _brute_force(ranked_store, category, NOW)
    with ranked_store.read() as conn:
        for limit in (1, 5, 17):
            found = top_story_ids(conn, limit=limit, category=category, batch=batch)
            assert found == expected[:limit]
        assert top_story_ids(conn, limit=0) == []


def test_a_story_without_articles_is_never_ranked(ranked_store: Store) -> None:
    with ranked_store.read() as conn:
        ceiling = browse.max_importance(conn)
        found = top_story_ids(conn, limit=STORIES + 5, batch=7)
    assert ceiling == 100.0 and len(found) == STORIES


def test_order_does_not_depend_on_the_clock(ranked_store: Store) -> None:
    with ranked_store.read() as conn:
        found = top_story_ids(conn, limit=10)
    for later in (timedelta(0), timedelta(days=3), timedelta(days=30)):
        assert _brute_force(ranked_store, None, NOW + later)[:10] == found


def test_stops_reading_early(ranked_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    real = browse.rank_rows

    def counting(*args: object, **kwargs: object) -> list[browse.RankRow]:
        rows = real(*args, **kwargs)  # type: ignore[arg-type]
        calls.append(len(rows))
        return rows

    monkeypatch.setattr(browse, "rank_rows", counting)
    with ranked_store.read() as conn:
        top_story_ids(conn, limit=3, batch=4)
    assert sum(calls) < STORIES  # the bound cut the scan short
