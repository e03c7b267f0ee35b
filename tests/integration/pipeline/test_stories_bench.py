"""The cluster benchmark's generated stream has story structure, and replays deterministically."""

from __future__ import annotations

from collections import Counter

import numpy as np

from newsloom.bench.cluster import StreamGenerator, _acceptance, _replay
from newsloom.cluster.features import doc_terms
from newsloom.eval.metrics import bcubed
from newsloom.settings import Settings


def test_the_stream_is_seeded_ordered_and_heavy_tailed() -> None:
    docs, labels = StreamGenerator(seed=3).docs(600)
    again, same_labels = StreamGenerator(seed=3).docs(600)
    assert [d.title for d in docs] == [d.title for d in again] and labels == same_labels
    assert len(docs) == 600
    assert [d.published for d in docs] == sorted(d.published for d in docs)
    sizes = Counter(Counter(labels).values())
    assert sizes[1] > sum(sizes.values()) / 3  # many single-article stories...
    assert max(Counter(labels).values()) >= 5  # ...and a few big ones


def test_vectors_and_names_follow_the_stories() -> None:
    docs, labels = StreamGenerator(seed=5).docs(400)
    vectors = np.stack([d.vector for d in docs if d.vector is not None])
    gold = np.array(labels)
    cos = vectors @ vectors.T
    same = (gold[:, None] == gold[None, :]) & ~np.eye(len(gold), dtype=bool)
    assert 0.65 < cos[same].mean() < 0.85
    assert cos[~same].mean() < 0.3
    biggest = Counter(labels).most_common(1)[0][0]
    first, second = [i for i, label in enumerate(labels) if label == biggest][:2]
    shared = (
        doc_terms(docs[first].title, docs[first].text).entities
        & doc_terms(docs[second].title, docs[second].text).entities
    )
    assert shared  # articles of one story name the same people and places


def test_replay_times_assignments_and_recovers_stories() -> None:
    docs, labels = StreamGenerator(seed=11).docs(500)
    replay = _replay(Settings(), docs)
    assert replay["seconds"] > 0 and len(replay["predicted"]) == 500
    ((p50, p95, in_memory),) = replay["latency"].values()
    assert 0 < p50 <= p95 and in_memory == replay["stories"]
    assert bcubed(labels, replay["predicted"]).f1 > 0.5
    checks = _acceptance(
        {"assign_docs_per_second": 900.0, "embed_docs_per_second": 50.0, "peak_memory_mb": 300.0}
    )
    assert checks == {
        "ok_assign_500_per_s": True,
        "ok_embed_100_per_s": False,
        "ok_memory_under_2gb": True,
    }
