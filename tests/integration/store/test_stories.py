"""Stories: membership (one story per article), listing order, windows and stale summaries."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest

import newsloom.store as db
from newsloom.errors import StoreError
from newsloom.records import Article, Summary
from newsloom.store import Store

NOW = datetime(2026, 3, 14, 12, 0, tzinfo=UTC)
MakeArticle = Callable[..., Article]  # the make_article fixture


def _articles(store: Store, make: MakeArticle, source_id: int, hours_ago: list[int]) -> list[int]:
    with store.write() as conn:
        stored = [
            db.insert_article(conn, make(source_id, published=NOW - timedelta(hours=h)))
            for h in hours_ago
        ]
    return [a.id for a in stored if a.id is not None]


def _story(store: Store, article_ids: list[int], **fields: object) -> int:
    with store.write() as conn:
        story = db.create_story(conn, first_seen=NOW - timedelta(days=1))
        for article_id in article_ids:
            db.add_to_story(conn, story, article_id, similarity=0.8, reasons="title", added=NOW)
        if fields:
            db.update_story(conn, story, **fields)  # type: ignore[arg-type]
    return story


def test_new_story_has_first_seen_as_last_update(store: Store) -> None:
    first_seen = NOW - timedelta(hours=2)
    with store.write() as conn:
        story_id = db.create_story(
            conn, first_seen=first_seen, category="science", headline="Comet"
        )
    with store.read() as conn:
        story = db.get_story(conn, story_id)
        assert db.get_story(conn, story_id + 1) is None
    assert story is not None
    assert (story.first_seen, story.last_updated) == (first_seen, first_seen)
    assert (story.category, story.headline, story.importance) == ("science", "Comet", 0.0)
    assert story.first_seen.tzinfo == UTC and story.article_ids == ()


def test_add_to_story_twice_is_one_membership_and_keeps_the_first_details(
    store: Store, source_id: int, make_article: MakeArticle
) -> None:
    (article,) = _articles(store, make_article, source_id, [1])
    with store.write() as conn:
        story = db.create_story(conn, first_seen=NOW)
        db.add_to_story(conn, story, article, similarity=0.91, reasons="entities", added=NOW)
        db.add_to_story(
            conn, story, article, similarity=0.5, reasons="retry", added=NOW + timedelta(hours=1)
        )
    with store.read() as conn:
        assert db.story_membership(conn, story) == [(article, 0.91, "entities")]
        assert db.story_of(conn, article) == story


def test_memberships_written_together_match_one_by_one_writes(
    store: Store, source_id: int, make_article: MakeArticle
) -> None:
    # Story assignment writes a batch's memberships at once: a repeat keeps the first details,
    # a move leaves the old story, as add_to_story does one article at a time.
    a, b, c = _articles(store, make_article, source_id, [1, 2, 3])
    first, second = _story(store, [a, b]), _story(store, [])
    with store.write() as conn:
        db.add_to_stories(
            conn,
            [
                db.Membership(first, a, 0.5, "again", NOW),
                db.Membership(second, b, 0.7, "moved", NOW),
                db.Membership(second, c, 0.6, "entities", NOW),
            ],
        )
    with store.read() as conn:
        assert db.story_membership(conn, first) == [(a, 0.8, "title")]
        assert db.story_membership(conn, second) == [(b, 0.7, "moved"), (c, 0.6, "entities")]


def test_story_spans_widen_only_outwards(store: Store) -> None:
    day = timedelta(days=1)
    with store.write() as conn:
        grows = db.create_story(conn, first_seen=NOW)
        inside = db.create_story(conn, first_seen=NOW - day)
        db.widen_story_spans(conn, {inside: (NOW - day, NOW + day)})
        db.widen_story_spans(
            conn, {grows: (NOW - 2 * day, NOW + day), inside: (NOW, NOW + timedelta(hours=1))}
        )
    with store.read() as conn:
        spans = {
            s: (story.first_seen, story.last_updated)
            for s in (grows, inside)
            if (story := db.get_story(conn, s)) is not None
        }
    assert spans == {grows: (NOW - 2 * day, NOW + day), inside: (NOW - day, NOW + day)}


def test_an_article_moved_to_another_story_leaves_the_first(
    store: Store, source_id: int, make_article: MakeArticle
) -> None:
    a, b = _articles(store, make_article, source_id, [1, 2])
    first = _story(store, [a, b])
    second = _story(store, [])
    with store.write() as conn:
        db.add_to_story(conn, second, a, similarity=0.7, reasons="merge", added=NOW)
    with store.read() as conn:
        assert db.stories_of(conn, [a, b, 9999]) == {a: second, b: first}
        assert db.story_membership(conn, second) == [(a, 0.7, "merge")]
        assert db.story_of(conn, 9999) is None


def test_get_story_orders_articles_by_published(
    store: Store, source_id: int, make_article: MakeArticle
) -> None:
    newest, oldest, middle = _articles(store, make_article, source_id, [1, 30, 5])
    story_id = _story(store, [newest, oldest, middle])
    with store.read() as conn:
        story = db.get_story(conn, story_id)
    assert story is not None and story.article_ids == (oldest, middle, newest)


def test_update_story_sets_only_the_fields_given(store: Store) -> None:
    story_id = _story(store, [], category="world", headline="Old")
    later = NOW + timedelta(hours=3)
    with store.write() as conn:
        db.update_story(conn, story_id, importance=0.75, last_updated=later)
    with store.read() as conn:
        story = db.get_story(conn, story_id)
    assert story is not None
    assert (story.category, story.headline, story.importance) == ("world", "Old", 0.75)
    assert story.last_updated == later
    with pytest.raises(StoreError, match=r"^store: no story with id"), store.write() as conn:
        db.update_story(conn, story_id + 100, headline="ghost")


def test_list_stories_by_importance_then_recency_with_filters(
    store: Store, source_id: int, make_article: MakeArticle
) -> None:
    ids = _articles(store, make_article, source_id, [1, 2, 3, 4, 5, 6, 7])
    low = _story(store, ids[0:1], importance=0.1, category="science")
    high = _story(store, ids[1:3], importance=0.9, category="world")
    tie_recent = _story(store, ids[3:4], importance=0.5, last_updated=NOW, category="world")
    tie_older = _story(
        store, ids[4:5], importance=0.5, last_updated=NOW - timedelta(hours=1), category="world"
    )
    _story(store, [], importance=1.0, category="world")  # empty: never listed
    merged = _story(store, ids[5:7], importance=0.95, category="world")
    with store.write() as conn:
        db.update_story(conn, merged, merged_into=high)
    with store.read() as conn:
        listed = [s.id for s in db.list_stories(conn)]
        world = [s.id for s in db.list_stories(conn, category="world")]
        paged = [s.id for s in db.list_stories(conn, limit=2, offset=1)]
        big = [s.id for s in db.list_stories(conn, min_articles=2)]
        counts = (db.count_stories(conn), db.count_stories(conn, category="world"))
        assert db.list_stories(conn, category="sport") == []
    assert listed == [high, tie_recent, tie_older, low]
    assert world == [high, tie_recent, tie_older]
    assert paged == [tie_recent, tie_older]
    assert big == [high]
    assert counts == (4, 3)


def test_stories_in_window_by_last_update(store: Store) -> None:
    stale = _story(store, [], last_updated=NOW - timedelta(days=4))
    fresh = _story(store, [], last_updated=NOW - timedelta(hours=1))
    with store.read() as conn:
        window = db.stories_in_window(conn, since=NOW - timedelta(days=3))
    assert [s.id for s in window] == [fresh]
    assert stale not in [s.id for s in window]


def test_stories_needing_summary_are_missing_one_or_outgrew_it(
    store: Store, source_id: int, make_article: MakeArticle
) -> None:
    a, b, c, d = _articles(store, make_article, source_id, [1, 2, 3, 4])
    unsummarised = _story(store, [a])
    current = _story(store, [b])
    grown = _story(store, [c])
    _story(store, [])  # nothing to summarise yet
    with store.write() as conn:
        for story, members in ((current, (b,)), (grown, (c,))):
            db.save_summary(
                conn,
                Summary(story, 0, "h", (), (), (), created=NOW, article_ids=members),
            )
        db.add_to_story(conn, grown, d, similarity=0.9, reasons="late", added=NOW)
    with store.read() as conn:
        assert db.stories_needing_summary(conn) == [unsummarised, grown]
