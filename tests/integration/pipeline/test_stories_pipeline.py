"""Clustering stored articles: stable, deterministic, consolidated, and explained.

Vectors are precomputed with story structure (the pipeline embeds only articles without one), so
these tests exercise the real clusterer and store without loading the model.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import create_engine

import newsloom.store as db
from newsloom.pipeline.stories import cluster_new_articles, consolidate_stories, refresh_stories
from newsloom.records import Article, Source
from newsloom.settings import Settings
from newsloom.store import Store
from newsloom.store.engine import normalise_url
from tests.integration.store.conftest import BACKENDS, empty_postgres, pg_url_or_skip

NOW = datetime(2031, 5, 2, 18, 0, tzinfo=UTC)
DIM = 384


@dataclass(frozen=True)
class Event:
    """A fictional event: how its articles read and where its vectors point."""

    number: int
    titles: tuple[str, ...]
    lead: str


FERRY = Event(
    1,
    (
        "Gullhaven council votes to reopen ferry line 4",
        "Ferry line 4 to Gullhaven returns after council vote",
        "Gullhaven ferry line 4 back in service, says Marta Olsen",
        "Marta Olsen welcomes Gullhaven ferry line 4 reopening",
        "Gullhaven ferry line 4 timetable published after council vote",
        "Council of Gullhaven confirms ferry line 4 crews",
        "First Gullhaven ferry line 4 crossing in ten years",
        "Gullhaven ferry line 4 draws crowds on its first week",
    ),
    "The Gullhaven council voted on Tuesday to reopen ferry line 4 to the Brisk Islands after "
    "ten years, mayor Marta Olsen said, with crossings every two hours from the old pier.",
)
STORM = Event(
    2,
    (
        "Storm floods farms in the Brindle valley",
        "Brindle valley farmers count losses after storm",
        "Farm board opens relief fund for Brindle valley storm",
        "Brindle valley storm: river Lusk bursts its banks",
    ),
    "A storm flooded dozens of farms in the Brindle valley overnight as the river Lusk burst its "
    "banks; the Farm Board opened a relief fund and engineer Tomas Wren inspected the levees.",
)
QUAKE = Event(
    3,
    ("Ostmark earthquake closes Harbour Bridge",),
    "An earthquake of magnitude 5.1 shook Ostmark at dawn and closed the Harbour Bridge while "
    "inspectors from the Ostmark Rail Authority checked its pillars.",
)


@pytest.fixture(params=BACKENDS)
def db_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """An empty store on SQLite, and on PostgreSQL when NEWSLOOM_TEST_PG_URL is set."""
    settings = Settings(data_dir=tmp_path / "data")
    if request.param == "postgresql":
        url = pg_url_or_skip()
        engine = create_engine(normalise_url(url))
        empty_postgres(engine)
        engine.dispose()
        settings = Settings(data_dir=tmp_path / "data", database_url=url)
    opened = Store.open(settings)
    try:
        yield opened
    finally:
        opened.close()


def event_vector(event: int, member: int, noise: float = 0.3) -> np.ndarray:
    center = np.random.default_rng(event).standard_normal(DIM)
    jitter = np.random.default_rng(10_000 * event + member).standard_normal(DIM)
    vector = center / np.linalg.norm(center) + noise * jitter / np.linalg.norm(jitter)
    return (vector / np.linalg.norm(vector)).astype(np.float32)


def add_outlets(store: Store, n: int = 3) -> list[int]:
    names = ["Harbour Gazette", "Valley Courier", "Island Wire"]
    with store.write() as conn:
        return [
            int(
                db.add_source(
                    conn, Source(url=f"https://outlet{i}.example/feed", title=names[i % 3])
                ).id
                or 0
            )
            for i in range(n)
        ]


def add_article(
    store: Store,
    source_id: int,
    event: Event,
    member: int,
    published: datetime,
    *,
    copy_of: int | None = None,
    slug: str = "",
) -> int:
    """Store one article of ``event`` with its vector; returns its id."""
    title = event.titles[member % len(event.titles)]
    slug = slug or f"{event.number}-{member}"
    article = Article(
        source_id=source_id,
        url=f"https://outlet{source_id}.example/{slug}",
        canonical_url=f"https://outlet{source_id}.example/{slug}",
        title=title,
        text=f"{title}. {event.lead}",
        lead=event.lead,
        published=published,
        fetched_at=published,
        language="en",
        content_hash=f"{event.number:032x}{member:032x}" if copy_of is None else "",
        copy_of=copy_of,
    )
    with store.write() as conn:
        stored = db.insert_article(conn, article)
        assert stored.id is not None
        db.save_vector(conn, stored.id, event_vector(event.number, member))
    return stored.id


def quiet(phase: str, done: int, total: int) -> None:
    """Progress sink: the pipeline reports, the tests do not need it."""


def memberships(store: Store) -> dict[int, int]:
    with store.read() as conn:
        ids = [a.id for a in db.recent_articles(conn, since=NOW - timedelta(days=400))]
        return db.stories_of(conn, [i for i in ids if i is not None])


def partition(store: Store) -> set[frozenset[int]]:
    groups: dict[int, set[int]] = {}
    for article, story in memberships(store).items():
        groups.setdefault(story, set()).add(article)
    return {frozenset(g) for g in groups.values()}


def fill_newsroom(store: Store) -> dict[str, list[int]]:
    """Three events from three outlets over one afternoon, interleaved."""
    outlets = add_outlets(store)
    ids: dict[str, list[int]] = {"ferry": [], "storm": [], "quake": []}
    start = NOW - timedelta(hours=10)
    for i in range(4):
        ids["ferry"].append(
            add_article(store, outlets[i % 3], FERRY, i, start + timedelta(hours=i))
        )
        ids["storm"].append(
            add_article(
                store, outlets[(i + 1) % 3], STORM, i, start + timedelta(hours=i, minutes=20)
            )
        )
    ids["quake"].append(add_article(store, outlets[2], QUAKE, 0, start + timedelta(hours=2)))
    return ids


def test_each_event_becomes_one_story_with_reasons(db_store: Store) -> None:
    store = db_store
    ids = fill_newsroom(store)
    outcome = cluster_new_articles(Settings(), store, now=NOW, progress=quiet)
    assert outcome.new_stories == 3
    assert partition(store) == {frozenset(v) for v in ids.values()}
    with store.read() as conn:
        story_id = db.story_of(conn, ids["ferry"][0])
        assert story_id is not None
        joined = db.story_membership(conn, story_id)
    assert [a for a, _, _ in joined] == ids["ferry"]
    first, *rest = joined
    assert first[2].startswith("new story")
    for _, similarity, reasons in rest:
        assert similarity > 0.3
        assert "cos=" in reasons and "gullhaven" in reasons.lower()


def test_clustering_the_same_articles_again_gives_the_same_stories(tmp_path: Path) -> None:
    results = []
    for name in ("first", "second"):
        opened = Store.open(Settings(data_dir=tmp_path / name))
        try:
            fill_newsroom(opened)
            cluster_new_articles(Settings(), opened, now=NOW, progress=quiet)
            with opened.read() as conn:
                stories = sorted(memberships(opened).items())
                reasons = [db.story_membership(conn, s) for s in sorted({s for _, s in stories})]
            results.append((stories, reasons))
        finally:
            opened.close()
    assert results[0] == results[1]


def test_a_storyline_keeps_growing_over_days(db_store: Store) -> None:
    store = db_store
    outlets = add_outlets(store)
    ids = []
    for day in range(8):  # one article a day, a refresh a day: within the 72 h window each time
        when = NOW - timedelta(days=8 - day)
        ids.append(add_article(store, outlets[day % 3], FERRY, day, when))
        cluster_new_articles(Settings(), store, now=when + timedelta(minutes=5), progress=quiet)
    assert partition(store) == {frozenset(ids)}
    with store.read() as conn:
        story = db.get_story(conn, db.story_of(conn, ids[0]) or 0)
    assert story is not None
    assert story.last_updated - story.first_seen == timedelta(days=7)


def test_consolidation_merges_two_stories_of_one_event(db_store: Store) -> None:
    store = db_store
    outlets = add_outlets(store)
    start = NOW - timedelta(hours=6)
    ids = [
        add_article(store, outlets[i % 3], FERRY, i, start + timedelta(hours=i)) for i in range(5)
    ]
    with store.write() as conn:  # as if two early, thin articles had opened two stories
        older = db.create_story(conn, first_seen=start)
        newer = db.create_story(conn, first_seen=start + timedelta(hours=3))
        for i, article_id in enumerate(ids):
            story = older if i < 3 else newer
            db.add_to_story(conn, story, article_id, similarity=0.5, reasons="test", added=NOW)
    plan = consolidate_stories(Settings(), store, {newer}, since=start - timedelta(days=3), now=NOW)
    assert [(m.story_id, m.into_id) for m in plan.merges] == [(newer, older)]
    with store.read() as conn:
        gone = db.get_story(conn, newer)
        kept = db.get_story(conn, older)
        assert db.resolve_story(conn, newer) == older
        reasons = dict((a, r) for a, _, r in db.story_membership(conn, older))
    assert gone is not None and gone.merged_into == older
    assert kept is not None and set(kept.article_ids) == set(ids)
    assert reasons[ids[4]].startswith("consolidation: merged from story")


def test_consolidation_splits_off_a_drifted_article_and_resummarises(db_store: Store) -> None:
    store = db_store
    outlets = add_outlets(store)
    start = NOW - timedelta(hours=6)
    ferry = [add_article(store, outlets[0], FERRY, i, start + timedelta(hours=i)) for i in range(4)]
    stray = add_article(store, outlets[1], QUAKE, 0, start + timedelta(hours=2))
    with store.write() as conn:
        story = db.create_story(conn, first_seen=start)
        for article_id in [*ferry, stray]:
            db.add_to_story(conn, story, article_id, similarity=0.4, reasons="test", added=NOW)
    refresh_stories(Settings(), store, {story}, now=NOW, progress=quiet)
    plan = consolidate_stories(Settings(), store, {story}, since=start - timedelta(days=3), now=NOW)
    assert [(s.story_id, s.article_ids) for s in plan.splits] == [(story, (stray,))]
    with store.read() as conn:
        new_story = db.story_of(conn, stray)
        assert new_story not in (None, story)
        assert set(db.stories_needing_summary(conn)) == {story, new_story}
    refresh_stories(Settings(), store, set(), now=NOW, progress=quiet)
    with store.read() as conn:
        summary = db.latest_summary(conn, story)
    assert summary is not None and stray not in summary.article_ids


@pytest.fixture
def newsroom(db_store: Store) -> tuple[Store, dict[str, list[int]]]:
    """The three-event newsroom, clustered."""
    ids = fill_newsroom(db_store)
    cluster_new_articles(Settings(), db_store, now=NOW, progress=quiet)
    return db_store, ids
