"""``newsloom bench cluster``: story assignment throughput, latency at scale, embedding, memory.

The stream is either a labelled file (embedded with the real model) or generated: stories with a
heavy-tailed size distribution (most are one article, a few run to hundreds) spread over days,
pseudo-word vocabularies with Zipf-distributed common words, per-story names and topic words, and
synthetic unit vectors with story structure (a shared news direction, a topic direction, the
story's own direction, noise), so that cosines look like MiniLM's: ~0.75 within a story, ~0.3
within a topic, ~0.1 otherwise. Embeddings are precomputed; only assign/add are timed.
"""

from __future__ import annotations

import resource
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np
from threadpoolctl import threadpool_limits

from newsloom.cluster import ClusterDoc, StoryClusterer, embed_docs, embedding_text, get_embedder
from newsloom.cluster.embed import DIMENSIONS
from newsloom.eval.metrics import bcubed
from newsloom.settings import Settings

CHECKPOINTS = (10_000, 50_000, 100_000)
LATENCY_SAMPLE = 500  # assignments timed at each checkpoint
ARTICLES_PER_DAY = 5_000  # a large install: ~500 feeds
TOPICS = 40
MAX_STORY = 400
SYLLABLES = "ka lo mi ra ten vel dor an is ul bri sto mar en gol fa ret nu sha pol".split()


@dataclass(frozen=True)
class SyntheticStory:
    label: int
    start: datetime
    size: int
    topic: int


class StreamGenerator:
    """Deterministic (seeded) generator of a realistic article stream, oldest first."""

    def __init__(self, seed: int, start: datetime | None = None) -> None:
        self.rng = np.random.default_rng(seed)
        self.start = start or datetime(2031, 1, 1, tzinfo=UTC)
        self.common = self._words(3000, 2, 3)
        self.names = self._words(20000, 2, 4)
        zipf = 1.0 / np.arange(1, len(self.common) + 1)
        self.common_cdf = np.cumsum(zipf / zipf.sum())
        self.news_dir = self._unit()
        self.topic_dirs = [self._unit() for _ in range(TOPICS)]
        self.topic_words = [
            [self.common[i] for i in self.rng.choice(len(self.common), 200, replace=False)]
            for _ in range(TOPICS)
        ]

    def docs(self, n: int) -> tuple[list[ClusterDoc], list[int]]:
        """``n`` docs in published order with their story labels."""
        stories = self._stories(n)
        slots: list[tuple[datetime, int, int]] = []  # (published, story index, member number)
        for index, story in enumerate(stories):
            # Articles of a story follow its first one at exponential gaps: a few hours for
            # breaking news, and a long tail of follow-ups that keep a storyline going for days.
            gaps = self.rng.exponential(3.0, story.size - 1).cumsum()
            for member, hours in enumerate([0.0, *gaps.tolist()]):
                slots.append((story.start + timedelta(hours=hours), index, member))
        slots.sort()
        slots = slots[:n]
        docs: list[ClusterDoc] = []
        labels: list[int] = []
        profiles = {i: self._profile(stories[i]) for i in sorted({s[1] for s in slots})}
        for article_id, (published, index, _) in enumerate(slots, start=1):
            docs.append(self._doc(article_id, published, profiles[index]))
            labels.append(stories[index].label)
        return docs, labels

    def _stories(self, n: int) -> list[SyntheticStory]:
        # A third more than needed, then the first n by time: the stream keeps its density to the
        # end instead of thinning into the follow-ups of its last stories.
        target = n + n // 3
        span_hours = 24.0 * target / ARTICLES_PER_DAY
        stories: list[SyntheticStory] = []
        total = 0
        while total < target:
            # Zipf(2.2): about 60% single articles, a few stories of hundreds.
            size = int(min(self.rng.zipf(2.2), MAX_STORY))
            hours = float(self.rng.uniform(0, span_hours))
            topic = int(self.rng.integers(TOPICS))
            stories.append(
                SyntheticStory(len(stories), self.start + timedelta(hours=hours), size, topic)
            )
            total += size
        return stories

    def _profile(self, story: SyntheticStory) -> dict[str, Any]:
        topic_words = self.topic_words[story.topic]
        return {
            "names": [
                self.names[i].capitalize()
                for i in self.rng.choice(len(self.names), 5, replace=False)
            ],
            "words": [topic_words[i] for i in self.rng.integers(len(topic_words), size=10)],
            "dir": self._unit(),
            "topic": story.topic,
        }

    def _doc(self, article_id: int, published: datetime, profile: dict[str, Any]) -> ClusterDoc:
        rng = self.rng
        title = self._mix(profile, names=2, words=3, common=3)
        lead = [
            _sentence_case(" ".join(self._mix(profile, names=2, words=4, common=8))) + "."
            for _ in range(int(rng.integers(3, 6)))
        ]
        noise = rng.standard_normal(DIMENSIONS)
        vector = (
            0.4 * self.news_dir
            + 0.5 * self.topic_dirs[profile["topic"]]
            + 0.75 * profile["dir"]
            + 0.55 * noise / np.linalg.norm(noise)
        )
        return ClusterDoc(
            article_id=article_id,
            title=_sentence_case(" ".join(title)),
            text=" ".join(lead),
            published=published,
            source_id=int(rng.integers(1, 500)),
            vector=(vector / np.linalg.norm(vector)).astype(np.float32),
        )

    def _mix(self, profile: dict[str, Any], *, names: int, words: int, common: int) -> list[str]:
        """Shuffled names and topic words of the story with Zipf-distributed common words."""
        rng = self.rng
        own_names, own_words = profile["names"], profile["words"]
        picked = [own_names[i] for i in rng.integers(len(own_names), size=names)]
        picked += [own_words[i] for i in rng.integers(len(own_words), size=words)]
        picked += [self.common[i] for i in np.searchsorted(self.common_cdf, rng.random(common))]
        return [picked[i] for i in rng.permutation(len(picked))]

    def _unit(self) -> np.ndarray:
        vector = self.rng.standard_normal(DIMENSIONS)
        return vector / np.linalg.norm(vector)

    def _words(self, n: int, low: int, high: int) -> list[str]:
        words: set[str] = set()
        while len(words) < n:
            lengths = self.rng.integers(low, high + 1, size=n)
            parts = self.rng.integers(len(SYLLABLES), size=(n, high))
            for length, row in zip(lengths, parts, strict=True):
                words.add("".join(SYLLABLES[i] for i in row[:length]))
        return sorted(words)[:n]


def _sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:]


def run_cluster_bench(
    settings: Settings,
    *,
    docs: int,
    file: Path | None = None,
    seed: int = 7,
    embed_docs: int = 300,
) -> dict[str, Any]:
    """Replay the stream through the pipeline's clusterer; one flat dict of measurements."""
    if file is not None:
        stream, labels = _labelled(file, docs)
    else:
        _log(f"bench: generating {docs} articles")
        stream, labels = StreamGenerator(seed).docs(docs)
    texts = _embedding_texts(stream if file is not None else None, embed_docs)
    # As in the pipeline: one mat-vec per article is fastest on one BLAS thread.
    with threadpool_limits(limits=1, user_api="blas"):
        replay = _replay(settings, stream)
        warmup = _warmup_seconds(settings, stream)
    result: dict[str, Any] = {
        "source": str(file) if file else "synthetic",
        "docs": len(stream),
        "assign_docs_per_second": round(len(stream) / replay["seconds"], 1),
        "stories_created": replay["stories"],
        "b3_f1": round(bcubed(labels, replay["predicted"]).f1, 4),
    }
    for checkpoint, (p50, p95, in_memory) in replay["latency"].items():
        at = f"{checkpoint // 1000}k" if checkpoint % 1000 == 0 else str(checkpoint)
        result[f"p50_ms_at_{at}"] = p50
        result[f"p95_ms_at_{at}"] = p95
        result[f"stories_in_memory_at_{at}"] = in_memory
    result["warmup_seconds"] = round(warmup, 2)
    _log(f"bench: embedding {len(texts)} articles with the real model")
    result["embed_docs_per_second"] = round(_embedding_rate(texts), 1)
    result["embed_source"] = str(file) if file else "demo newsroom articles"
    result["peak_memory_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    result.update(_acceptance(result))
    return result


def _replay(settings: Settings, stream: Sequence[ClusterDoc]) -> dict[str, Any]:
    clusterer = _clusterer(settings)
    checkpoints = [c for c in CHECKPOINTS if c <= len(stream)] or [len(stream)]
    timed: dict[int, list[float]] = {c: [] for c in checkpoints}
    memory: dict[int, int] = {}
    predicted: list[int] = []
    next_id = 1
    elapsed = 0.0
    for index, doc in enumerate(stream):
        started = time.perf_counter()
        assignment = clusterer.assign(doc)
        assigned = time.perf_counter()
        story_id = assignment.story_id
        if story_id is None:
            story_id, next_id = next_id, next_id + 1
        clusterer.add(doc, story_id)
        elapsed += time.perf_counter() - started
        predicted.append(story_id)
        for checkpoint in checkpoints:
            # The last LATENCY_SAMPLE assignments before the store holds ``checkpoint`` articles.
            if checkpoint - LATENCY_SAMPLE <= index < checkpoint:
                timed[checkpoint].append(assigned - started)
                memory[checkpoint] = len(clusterer)
        if (index + 1) % 10_000 == 0:
            _log(f"bench: {index + 1} assigned, {len(clusterer)} stories in memory")
    latency = {
        c: (
            round(float(np.percentile(timed[c], 50)) * 1000, 3),
            round(float(np.percentile(timed[c], 95)) * 1000, 3),
            memory[c],
        )
        for c in checkpoints
        if timed[c]
    }
    return {"seconds": elapsed, "predicted": predicted, "stories": next_id - 1, "latency": latency}


def _warmup_seconds(settings: Settings, stream: Sequence[ClusterDoc]) -> float:
    """What a refresh pays to rebuild the clusterer from the stored articles (add() each)."""
    _log("bench: timing a warm-up (what each refresh pays to rebuild the clusterer)")
    clusterer = _clusterer(settings)
    started = time.perf_counter()
    for index, doc in enumerate(stream):
        clusterer.add(doc, 1 + index // 10)  # any fixed membership does for timing add()
    return time.perf_counter() - started


def _embedding_texts(stream: Sequence[ClusterDoc] | None, count: int) -> list[str]:
    """Title + lead of ``count`` articles: the labelled file's, or the bundled demo newsroom's.

    The generated stream's pseudo-words split into several word pieces each, so timing the model
    on them would measure a language no outlet writes in; the demo articles are English news.
    """
    if stream is not None:
        return [embedding_text(d.title, d.text) for d in stream[:count]]
    from newsloom.demo.newsroom import load_newsroom

    articles = load_newsroom().articles
    texts = [embedding_text(a.title, "\n".join(a.paragraphs)) for a in articles]
    return [texts[i % len(texts)] for i in range(count)]


def _embedding_rate(texts: list[str]) -> float:
    embedder = get_embedder()
    embedder.embed(texts[:8])  # load and warm the session outside the timing
    started = time.perf_counter()
    embedder.embed(texts)
    return len(texts) / (time.perf_counter() - started)


def _labelled(file: Path, limit: int) -> tuple[list[ClusterDoc], list[int]]:
    from newsloom.eval.clustering import load_labelled

    docs, gold = load_labelled(file)
    docs, gold = docs[:limit], gold[:limit]
    _log(f"bench: embedding {len(docs)} articles of {file}")
    embedded = embed_docs(docs, get_embedder().embed)
    ids = {label: i for i, label in enumerate(dict.fromkeys(gold))}
    return [replace(d, article_id=i + 1) for i, d in enumerate(embedded)], [ids[g] for g in gold]


def _clusterer(settings: Settings) -> StoryClusterer:
    from newsloom.eval.clustering import new_clusterer

    return new_clusterer(settings)


def _acceptance(result: dict[str, Any]) -> dict[str, Any]:
    checks: dict[str, Any] = {
        "ok_assign_500_per_s": result["assign_docs_per_second"] >= 500,
        "ok_embed_100_per_s": result["embed_docs_per_second"] >= 100,
        "ok_memory_under_2gb": result["peak_memory_mb"] < 2048,
    }
    if "p95_ms_at_100k" in result and "p95_ms_at_10k" in result:
        ratio = result["p95_ms_at_100k"] / max(result["p95_ms_at_10k"], 1e-9)
        checks["p95_ratio_100k_to_10k"] = round(ratio, 2)
        checks["ok_p95_flat"] = ratio <= 1.5
    return checks


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)
