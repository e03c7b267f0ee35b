"""The store's named reads and writes that batch jobs and benches use instead of their own SQL,
on SQLite and (with NEWSLOOM_TEST_PG_URL) PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

import numpy as np

import newsloom.store as db
from newsloom.store import Store
from newsloom.store.articles import (
    last_article_id,
    originals_after,
    replace_article_text,
)
from newsloom.store.bulk import (
    analyze,
    delete_vectors,
    insert_rows,
    largest_story_ids,
    reset_id_sequences,
    story_extent,
    story_titles,
    vectors_in_order,
)
from newsloom.store.stories import live_story_ids
from tests.integration.store.conftest import NOW, MakeArticle


def test_last_article_id_moves_with_every_insert(
    store: Store, source_id: int, make_article: MakeArticle
) -> None:
    with store.read() as conn:
        assert last_article_id(conn) == 0
    with store.write() as conn:
        first = db.insert_article(conn, make_article(source_id))
        second = db.insert_article(conn, make_article(source_id))
    assert first.id is not None and second.id is not None
    with store.read() as conn:
        assert last_article_id(conn) == max(first.id, second.id)


def test_originals_after_pages_through_originals_and_skips_current_vectors(
    store: Store, source_id: int, make_article: MakeArticle
) -> None:
    with store.write() as conn:
        one = db.insert_article(conn, make_article(source_id))
        lead_only = db.insert_article(conn, make_article(source_id, text=""))
        assert one.id is not None and lead_only.id is not None
        db.insert_article(conn, make_article(source_id, copy_of=one.id))
        db.save_vector(conn, one.id, np.ones(4, dtype=np.float32), model="model-a")
    with store.read() as conn:
        assert originals_after(conn, after=0, limit=10) == [
            (one.id, one.title, one.text),
            (lead_only.id, lead_only.title, lead_only.lead),
        ]
        assert [r[0] for r in originals_after(conn, after=0, limit=1)] == [one.id]
        assert [r[0] for r in originals_after(conn, after=one.id, limit=10)] == [lead_only.id]
        # A vector of another model is as good as none.
        missing_a = originals_after(conn, after=0, limit=10, lacking_model="model-a")
        missing_b = originals_after(conn, after=0, limit=10, lacking_model="model-b")
    assert [r[0] for r in missing_a] == [lead_only.id]
    assert [r[0] for r in missing_b] == [one.id, lead_only.id]


def test_replace_article_text_drops_the_vector_made_from_the_old_text(
    store: Store, source_id: int, make_article: MakeArticle
) -> None:
    with store.write() as conn:
        article = db.insert_article(conn, make_article(source_id))
        assert article.id is not None
        db.save_vector(conn, article.id, np.ones(4, dtype=np.float32))
        replace_article_text(
            conn,
            article.id,
            text="The whole re-extracted text.",
            content_hash="f" * 64,
            simhash=-5,
            extraction_method="trafilatura",
        )
    with store.read() as conn:
        [stored] = db.get_articles(conn, [article.id])
        assert db.load_vectors(conn, [article.id]) == {}
    assert (stored.text, stored.content_hash, stored.simhash, stored.extraction_method) == (
        "The whole re-extracted text.",
        "f" * 64,
        -5,
        "trafilatura",
    )


def test_live_story_ids_leave_merged_stories_out(
    store: Store, source_id: int, make_article: MakeArticle
) -> None:
    with store.write() as conn:
        first = db.create_story(conn, first_seen=NOW)
        second = db.create_story(conn, first_seen=NOW)
        db.update_story(conn, first, merged_into=second)
    with store.read() as conn:
        assert live_story_ids(conn) == [second]


def test_bench_rows_go_in_with_their_own_ids_and_read_back(
    store: Store, source_id: int, make_article: MakeArticle
) -> None:
    with store.write() as conn:
        articles = [db.insert_article(conn, make_article(source_id)) for _ in range(3)]
        ids = [a.id for a in articles if a.id is not None]
        insert_rows(
            conn,
            "stories",
            [
                {"id": 40 + k, "first_seen": NOW, "last_updated": NOW + timedelta(hours=k)}
                | {"category": "science", "headline": f"Story {k}", "importance": 1.0}
                for k in range(2)
            ],
        )
        insert_rows(
            conn,
            "story_articles",
            [
                {"article_id": a, "story_id": 40 if a != ids[0] else 41}
                | {"similarity": 1.0, "reasons": "bench", "added": NOW}
                for a in ids
            ],
        )
        for a in reversed(ids):
            db.save_vector(conn, a, np.full(2, a, dtype=np.float32))
        reset_id_sequences(conn)
        analyze(conn)
        after = db.create_story(conn, first_seen=NOW)  # the sequence went past the bench's ids
    assert after > 41
    with store.read() as conn:
        assert story_extent(conn) == (after, NOW + timedelta(hours=1))
        assert largest_story_ids(conn, 1) == [40]
        assert story_titles(conn, [41, 99]) == {41: ("science", "Story 1")}
        assert [a for a, _ in vectors_in_order(conn)] == sorted(ids)
    with store.write() as conn:
        delete_vectors(conn)
    with store.read() as conn:
        assert vectors_in_order(conn) == []
