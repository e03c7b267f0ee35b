"""The scale bench's bulk writer stores rows the store reads back as if it had written them."""

from __future__ import annotations

import numpy as np

import newsloom.store as db
from newsloom.bench.scale import ArchiveWriter, generate
from newsloom.search import search_articles
from newsloom.store import Store


def test_bulk_written_archive_reads_back_through_the_store(store: Store) -> None:
    made = list(generate(300, seed=4))
    writer = ArchiveWriter(store, 4)
    for article in made:
        writer.add(article)
    writer.flush()

    by_id = {a.id: a for a in made}
    with store.read() as conn:
        assert db.count_articles(conn) == 300
        stored = {a.id: a for a in db.get_articles(conn, list(by_id))}
        vectors = db.load_vectors(conn, list(by_id))
        biggest = max({a.story_id for a in made}, key=lambda s: sum(a.story_id == s for a in made))
        story = db.get_story(conn, biggest)
        first = made[0]
        hits = search_articles(conn, first.title, limit=100, now=made[-1].published)
    for article_id, synth in by_id.items():
        got = stored[article_id]
        assert (got.published, got.title, got.text) == (synth.published, synth.title, synth.text)
        assert got.copy_of == synth.copy_of
        if synth.vector is None:
            assert article_id not in vectors
        else:
            assert np.array_equal(vectors[article_id], synth.vector)
    # Memberships: a story holds its originals, not the wire copies.
    assert story is not None
    expected = {a.id for a in made if a.story_id == biggest and a.copy_of is None}
    assert set(story.article_ids) == expected
    assert story.first_seen == min(by_id[i].published for i in expected)
    # The bulk path fills the full-text index as ordinary inserts do.
    assert first.id in {h.article_id for h in hits}
