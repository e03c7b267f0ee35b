from __future__ import annotations

import itertools
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from newsloom.bench.scale import LANGUAGES, AssignmentProbe, generate, run_scale_bench
from newsloom.settings import Settings


def test_generated_archive_is_ordered_seeded_and_story_shaped() -> None:
    articles = list(generate(600, seed=11))
    assert len({a.id for a in articles}) == 600
    assert all(x.published <= y.published for x, y in itertools.pairwise(articles))
    copies = [a for a in articles if a.copy_of is not None]
    assert copies and all(a.vector is None for a in copies)
    by_id = {a.id: a for a in articles}
    assert all(by_id[c.copy_of].text == c.text for c in copies if c.copy_of in by_id)
    sizes = Counter(a.story_id for a in articles).most_common()
    assert sizes[0][1] >= 5 and sizes[-1][1] == 1  # a heavy tail and many singletons
    assert {a.language for a in articles} <= set(LANGUAGES) and len(
        {a.language for a in articles}
    ) > 1
    # Same story: close vectors; different stories: nearly orthogonal.
    originals = [a for a in articles if a.vector is not None]
    same = [(x, y) for x, y in itertools.pairwise(originals) if x.story_id == y.story_id]
    x, y = same[0]
    assert x.vector is not None and y.vector is not None
    assert float(np.dot(x.vector, y.vector)) > 0.5
    again = list(generate(600, seed=11))
    assert [(a.id, a.text) for a in again] == [(a.id, a.text) for a in articles]


@pytest.mark.slow
def test_small_scale_bench_reports_every_figure(tmp_path: object) -> None:
    result = run_scale_bench(Settings(), articles=400, checkpoints=(300, 400), seed=3)
    assert result["articles"] == 400 and result["writes_per_s"] > 0
    assert result["assignment"]["300"]["p95_ms"] >= result["assignment"]["300"]["p50_ms"] > 0
    # A checkpoint at the archive's very end is timed on the articles leading up to it.
    assert 0 < result["assignment"]["400"]["samples"] < result["assignment"]["300"]["samples"]
    assert result["latency"]["story_page"]["statuses"] == [200]
    assert result["latency"]["search"]["statuses"] == [200]
    assert result["disk_bytes"] > 0


def test_assignment_probe_warms_with_no_more_stories_than_the_clusterer_holds() -> None:
    probe = AssignmentProbe(Settings(), checkpoints=(10_000,))
    probe.max_stories = 5
    articles = list(generate(400, seed=2))
    for index, article in enumerate(articles, start=1):
        probe.see(index, article)
    kept = {a.story_id for a in probe.window}
    assert len(kept) == 5 and set(probe.window_stories) == kept
    # The newest originals are the ones kept.
    originals = [a for a in articles if a.vector is not None]
    assert probe.window[-1] is originals[-1]
    assert all(a.published >= probe.window[0].published for a in originals[-len(probe.window) :])


@pytest.mark.slow
def test_reuse_measures_an_earlier_archive_again(tmp_path: Path) -> None:
    first = run_scale_bench(Settings(), articles=300, checkpoints=(300,), seed=5, workdir=tmp_path)
    again = run_scale_bench(Settings(), articles=0, seed=5, workdir=tmp_path, reuse=True)
    assert again["articles"] == 300 and "assignment" not in again
    assert again["latency"]["story_page"]["requests"] == first["latency"]["story_page"]["requests"]
    assert again["latency"]["search"]["statuses"] == [200]
    assert again["disk_bytes"] > 0
