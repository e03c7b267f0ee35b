"""Articles: natural keys, links, copies, windows, SimHash extremes and vectors."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import numpy as np
import pytest

import newsloom.store as db
from newsloom.errors import StoreError
from newsloom.records import Article, Source
from newsloom.store import Store
from newsloom.store.articles import simhash_rows

NOW = datetime(2026, 3, 14, 12, 0, tzinfo=UTC)
MakeArticle = Callable[..., Article]  # the make_article fixture


def _insert(store: Store, article: Article) -> Article:
    with store.write() as conn:
        return db.insert_article(conn, article)


def test_insert_returns_the_stored_article_with_id_and_outlet(
    store: Store, source_id: int, make_article: MakeArticle
) -> None:
    article = make_article(
        source_id, author="R. Quay", paywalled=True, language="en", section="science"
    )
    stored = _insert(store, article)
    assert stored.id is not None
    assert stored == Article(**{**article.__dict__, "id": stored.id, "outlet": "Harbour Gazette"})
    assert stored.published.tzinfo == UTC and stored.fetched_at.tzinfo == UTC


def test_duplicate_canonical_url_raises_and_the_transaction_goes_on(
    store: Store, source_id: int, make_article: MakeArticle
) -> None:
    first = make_article(source_id)
    with store.write() as conn:
        db.insert_article(conn, first)
        with pytest.raises(StoreError, match=r"^store: duplicate article canonical_url"):
            db.insert_article(conn, make_article(source_id, canonical_url=first.canonical_url))
        db.insert_article(conn, make_article(source_id))  # still usable (PostgreSQL too)
    with store.read() as conn:
        assert db.count_articles(conn) == 2


def test_find_article_by_each_natural_key(
    store: Store, source_id: int, make_article: MakeArticle
) -> None:
    stored = _insert(store, make_article(source_id, guid="tag:gazette,2026:ferry"))
    with store.write() as conn:
        other = db.add_source(conn, Source(url="https://wire.example/feed", title="Wire"))
    assert other.id is not None
    with store.read() as conn:
        assert db.find_article(conn, canonical_url=stored.canonical_url) == stored
        assert db.find_article(conn, content_hash=stored.content_hash) == stored
        assert db.find_article(conn, guid=stored.guid, source_id=source_id) == stored
        # A guid is only unique within its feed.
        assert db.find_article(conn, guid=stored.guid, source_id=other.id) is None
        assert db.find_article(conn, canonical_url="https://gazette.example/missing") is None
        with pytest.raises(StoreError, match=r"^store: find_article by guid needs"):
            db.find_article(conn, guid=stored.guid)
        with pytest.raises(StoreError, match=r"^store: find_article needs"):
            db.find_article(conn)


def test_empty_guid_or_hash_matches_nothing(
    store: Store, source_id: int, make_article: MakeArticle
) -> None:
    _insert(store, make_article(source_id, guid="", content_hash=""))
    with store.read() as conn:
        assert db.find_article(conn, guid="", source_id=source_id) is None
        assert db.find_article(conn, content_hash="") is None


def test_content_hash_lookup_prefers_the_original(
    store: Store, source_id: int, make_article: MakeArticle
) -> None:
    original = _insert(store, make_article(source_id, content_hash="ab" * 32))
    _insert(store, make_article(source_id, content_hash="ab" * 32, copy_of=original.id))
    with store.read() as conn:
        assert db.find_article(conn, content_hash="ab" * 32) == original


def test_add_article_link_twice_is_one_link_and_finds_by_its_guid(
    store: Store, source_id: int, make_article: MakeArticle
) -> None:
    stored = _insert(store, make_article(source_id))
    assert stored.id is not None
    with store.write() as conn:
        wire = db.add_source(conn, Source(url="https://wire.example/feed"))
        assert wire.id is not None
        for _ in range(2):
            db.add_article_link(
                conn, stored.id, url=stored.url, source_id=source_id, guid=stored.guid
            )
            db.add_article_link(
                conn, stored.id, url="https://wire.example/a/77", source_id=wire.id, guid="wire-77"
            )
    with store.read() as conn:
        assert db.article_links(conn, stored.id) == [
            (stored.url, source_id),
            ("https://wire.example/a/77", wire.id),
        ]
        assert db.find_article(conn, guid="wire-77", source_id=wire.id) == stored


def test_an_article_a_section_feed_also_lists_is_carried_by_both_feeds(
    store: Store, source_id: int, make_article: MakeArticle
) -> None:
    # An outlet's general feed and its world feed list one article; it is stored once, under
    # the feed read first, and both feeds are remembered for its story's category.
    stored = _insert(store, make_article(source_id))
    unlinked = _insert(store, make_article(source_id, url="https://harbour.example/b/2"))
    assert stored.id is not None and unlinked.id is not None
    with store.write() as conn:
        world = db.add_source(conn, Source(url="https://harbour.example/world/feed"))
        assert world.id is not None
        for feed in (source_id, world.id, source_id):
            db.add_article_link(conn, stored.id, url=stored.url, source_id=feed, guid="")
    with store.read() as conn:
        assert db.feeds_carrying(conn, [stored.id, unlinked.id, 999]) == {
            stored.id: [source_id, world.id]
        }


def test_get_articles_keeps_the_order_of_ids_and_skips_unknown(
    store: Store, source_id: int, make_article: MakeArticle
) -> None:
    a, b, c = (_insert(store, make_article(source_id)) for _ in range(3))
    assert a.id is not None and b.id is not None and c.id is not None
    with store.read() as conn:
        found = db.get_articles(conn, [c.id, a.id, 999_999, b.id, c.id])
        assert db.get_articles(conn, []) == []
    assert [x.id for x in found] == [c.id, a.id, b.id]
    assert {x.outlet for x in found} == {"Harbour Gazette"}


def test_copies_recent_and_simhash_rows_leave_copies_out(
    store: Store, source_id: int, make_article: MakeArticle
) -> None:
    old = _insert(store, make_article(source_id, published=NOW - timedelta(days=9)))
    later = _insert(store, make_article(source_id, published=NOW - timedelta(hours=1)))
    earlier = _insert(store, make_article(source_id, published=NOW - timedelta(hours=5)))
    copy = _insert(
        store, make_article(source_id, published=NOW - timedelta(hours=2), copy_of=earlier.id)
    )
    assert earlier.id is not None
    since = NOW - timedelta(days=1)
    with store.read() as conn:
        assert db.copies_of(conn, earlier.id) == [copy]
        assert db.recent_articles(conn, since=since) == [earlier, later]
        assert db.recent_articles(conn, since=since, originals_only=False) == [earlier, copy, later]
        assert simhash_rows(conn, since=since) == [
            (later.id, later.simhash, later.published),
            (earlier.id, earlier.simhash, earlier.published),
        ]
        assert old.id not in [a.id for a in db.recent_articles(conn, since=since)]


def test_simhash_keeps_the_full_signed_64_bit_range(
    store: Store, source_id: int, make_article: MakeArticle
) -> None:
    extremes = [-(2**63), 2**63 - 1, -1]
    for value in extremes:
        _insert(store, make_article(source_id, simhash=value))
    with store.read() as conn:
        got = [h for _, h, _ in simhash_rows(conn, since=NOW - timedelta(days=30))]
    assert got == extremes


def test_unclustered_articles_are_originals_without_a_story(
    store: Store, source_id: int, make_article: MakeArticle
) -> None:
    clustered = _insert(store, make_article(source_id, published=NOW - timedelta(hours=3)))
    pending_late = _insert(store, make_article(source_id, published=NOW - timedelta(hours=1)))
    pending_early = _insert(store, make_article(source_id, published=NOW - timedelta(hours=2)))
    _insert(store, make_article(source_id, copy_of=clustered.id))
    assert clustered.id is not None
    with store.write() as conn:
        story = db.create_story(conn, first_seen=clustered.published)
        db.add_to_story(conn, story, clustered.id, similarity=1.0, reasons="seed", added=NOW)
    with store.read() as conn:
        assert db.unclustered_articles(conn) == [pending_early, pending_late]


def test_vectors_round_trip_as_float32_and_can_be_replaced(
    store: Store, source_id: int, make_article: MakeArticle
) -> None:
    a, b = (_insert(store, make_article(source_id)) for _ in range(2))
    assert a.id is not None and b.id is not None
    rng = np.random.default_rng(7)
    first = rng.standard_normal(384)  # float64 in, float32 stored
    second = rng.standard_normal(384).astype(np.float32)
    with store.write() as conn:
        db.save_vector(conn, a.id, first)
        db.save_vector(conn, b.id, second)
        db.save_vector(conn, b.id, second * 2)
    with store.read() as conn:
        loaded = db.load_vectors(conn, [a.id, b.id, 424242])
    assert set(loaded) == {a.id, b.id}
    assert loaded[a.id].dtype == np.float32 and loaded[a.id].shape == (384,)
    np.testing.assert_array_equal(loaded[a.id], first.astype(np.float32))
    np.testing.assert_array_equal(loaded[b.id], second * 2)
    loaded[a.id][0] = 0.0  # writable: callers may normalise in place


def test_deleting_a_source_frees_copies_of_its_articles(
    store: Store, source_id: int, make_article: MakeArticle
) -> None:
    with store.write() as conn:
        wire = db.add_source(conn, Source(url="https://wire.example/feed"))
    assert wire.id is not None
    original = _insert(store, make_article(source_id))
    copy = _insert(store, make_article(wire.id, copy_of=original.id))
    with store.write() as conn:
        assert db.delete_source(conn, source_id)
    with store.read() as conn:
        assert db.count_articles(conn) == 1
        assert db.get_articles(conn, [copy.id or 0])[0].copy_of is None
