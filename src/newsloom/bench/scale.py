"""``newsloom bench scale --articles N``: the store and the clusterer at archive scale.

A seeded generator makes a realistic archive without any model: outlets in several languages,
stories with power-law sizes, wire copies, text from a Zipf word model per language and vectors
drawn around a per-story centroid (so no embedding is needed). Articles stream in published order
and are written in large executemany batches (memory stays flat). Reported: store write
throughput, story assignment p50/p95 at each checkpoint (a clusterer warmed with the window before
it, as the pipeline does), story page and search latency through the ASGI app, disk use, and
optionally ``reprocess --stage embed`` with Ray on 2 CPUs against the plain loop.
"""

from __future__ import annotations

import hashlib
import heapq
import statistics
import tempfile
import time
from collections import Counter, deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np

from newsloom.categorize.taxonomy import TAXONOMY
from newsloom.cluster import ClusterDoc
from newsloom.cluster.embed import DIMENSIONS
from newsloom.errors import NewsloomError
from newsloom.settings import Settings
from newsloom.store.bulk import (
    bulk_insert,
    database_bytes,
    delete_vectors,
    insert_rows,
    largest_story_ids,
    reset_id_sequences,
    story_extent,
    story_titles,
    vectors_in_order,
)

START = datetime(2025, 1, 6, 6, 0, tzinfo=UTC)
ARTICLES_PER_DAY = 5_000  # a large self-hosted install: ~200 outlets
N_OUTLETS = 200
LANGUAGES = {"en": 0.6, "de": 0.15, "fr": 0.15, "es": 0.1}
SYLLABLES = {
    "en": "th er an re in on at en nd st es or te of ed is it al ar ing".split(),
    "de": "ein ich der die und sch ung ber ten gen ver zu ach eit lich".split(),
    "fr": "le la de ent ion es re que ait eur ons oi au eau ille".split(),
    "es": "de la que el en os ar ion ado ida era con ero ica ante".split(),
}
VOCABULARY = 8_000
WORDS_PER_ARTICLE = (80, 400)
WIRE_COPY_SHARE = 0.08
WRITE_BATCH = 5_000
SAMPLE_ASSIGNMENTS = 300
PAGE_REQUESTS = 50
PROGRESS_EVERY = 50_000
# Small batches keep both Ray actors busy to the end of a short job (the embedder pads per 32).
EMBED_SPEEDUP_BATCH = 32


def _quiet(message: str) -> None:
    return None


@dataclass(frozen=True)
class SynthArticle:
    id: int
    story_id: int
    source_id: int
    language: str
    title: str
    text: str
    published: datetime
    vector: np.ndarray | None  # None for a wire copy (copies are not embedded)
    copy_of: int | None = None


class WordModel:
    """Zipf-distributed pseudo-words per language; stories add their own keywords."""

    def __init__(self, rng: np.random.Generator) -> None:
        self.vocab: dict[str, list[str]] = {}
        ranks = np.arange(1, VOCABULARY + 1, dtype=np.float64)
        self.cdf = np.cumsum(1 / ranks)
        self.cdf /= self.cdf[-1]
        for language, syllables in SYLLABLES.items():
            seen: dict[str, None] = {}
            while len(seen) < VOCABULARY:
                lengths = rng.integers(2, 6, size=VOCABULARY).tolist()
                picks = rng.integers(0, len(syllables), size=5 * VOCABULARY).tolist()
                for i, length in enumerate(lengths):
                    seen["".join(syllables[j] for j in picks[5 * i : 5 * i + length])] = None
            self.vocab[language] = list(seen)[:VOCABULARY]
        # Object arrays: one fancy-indexing call picks n words (the generator's hot loop).
        self._arrays = {lang: np.array(words, dtype=object) for lang, words in self.vocab.items()}

    def words(self, rng: np.random.Generator, language: str, n: int) -> list[str]:
        picks = np.minimum(np.searchsorted(self.cdf, rng.random(n)), VOCABULARY - 1)
        words: list[str] = self._arrays[language][picks].tolist()
        return words

    def text(self, rng: np.random.Generator, language: str, keywords: list[str], n: int) -> str:
        words = self.words(rng, language, n)
        spots = rng.integers(0, n, size=max(1, n // 6)).tolist()
        for i, k in zip(
            spots, rng.integers(0, len(keywords), size=len(spots)).tolist(), strict=True
        ):
            words[i] = keywords[k]
        sentences = [" ".join(words[i : i + 14]).capitalize() + "." for i in range(0, n, 14)]
        return "\n".join(" ".join(sentences[i : i + 4]) for i in range(0, len(sentences), 4))


def outlets(rng: np.random.Generator) -> list[tuple[int, str]]:
    names, shares = list(LANGUAGES), list(LANGUAGES.values())
    return [(i + 1, str(rng.choice(names, p=shares))) for i in range(N_OUTLETS)]


def generate(n_articles: int, seed: int) -> Iterator[SynthArticle]:
    """``n_articles`` articles in published order, memory-flat (a story stays open ~2 days)."""
    rng = np.random.default_rng(seed)
    model = WordModel(rng)
    by_language: dict[str, list[int]] = {}
    for source_id, language in outlets(rng):
        by_language.setdefault(language, []).append(source_id)
    pending: list[tuple[datetime, int, SynthArticle]] = []
    made, story_id, clock = 0, 0, START
    while made < n_articles:
        story_id += 1
        size = min(int(rng.zipf(2.1)), 300, n_articles - made)
        for article in _story(rng, model, story_id, made + 1, size, clock, by_language):
            heapq.heappush(pending, (article.published, article.id, article))
        made += size
        clock += timedelta(seconds=float(rng.exponential(size * 86_400 / ARTICLES_PER_DAY)))
        # Later articles are published after the clock: everything older is final.
        while pending and pending[0][0] <= clock:
            yield heapq.heappop(pending)[2]
    while pending:
        yield heapq.heappop(pending)[2]


def _story(
    rng: np.random.Generator,
    model: WordModel,
    story_id: int,
    first_id: int,
    size: int,
    clock: datetime,
    by_language: dict[str, list[int]],
) -> list[SynthArticle]:
    """One story: an original, follow-ups hours later from other outlets, some wire copies."""
    language = str(rng.choice(list(LANGUAGES), p=list(LANGUAGES.values())))
    keywords = [*model.words(rng, language, 8), f"{language}story{story_id}"]
    centroid = rng.standard_normal(DIMENSIONS)
    centroid /= np.linalg.norm(centroid)
    # One draw per story for every per-article quantity (numpy calls dominate otherwise).
    delays = rng.exponential(6.0, size=size).tolist()
    outlets_drawn = rng.choice(by_language[language], size=size).tolist()
    copies = (rng.random(size) < WIRE_COPY_SHARE).tolist()
    noise = rng.standard_normal((size, DIMENSIONS)) / np.sqrt(DIMENSIONS)
    vectors = centroid + 0.7 * noise
    vectors = (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32)
    lengths = rng.integers(*WORDS_PER_ARTICLE, size=size).tolist()
    out: list[SynthArticle] = []
    for k in range(size):
        published = clock + timedelta(hours=delays[k] if k else 0.0)
        source = int(outlets_drawn[k])
        if k and copies[k]:
            original = out[0]
            out.append(
                SynthArticle(
                    first_id + k,
                    story_id,
                    source,
                    language,
                    original.title,
                    original.text,
                    published,
                    None,
                    copy_of=original.id,
                )
            )
            continue
        title = " ".join(keywords[:3] + model.words(rng, language, 5)).capitalize()
        body = model.text(rng, language, keywords, lengths[k])
        out.append(
            SynthArticle(
                first_id + k, story_id, source, language, title, body, published, vectors[k]
            )
        )
    return out


# -- writing --------------------------------------------------------------------------------


def _article_row(a: SynthArticle) -> dict[str, Any]:
    digest = hashlib.sha256(a.text.encode()).digest()
    url = f"https://outlet{a.source_id}.example/{a.published:%Y/%m/%d}/{a.id}"
    return {
        "id": a.id,
        "canonical_url": url,
        "url": url,
        "guid": str(a.id),
        "source_id": a.source_id,
        "title": a.title,
        "text": a.text,
        "lead": a.text.split("\n", 1)[0][:400],
        "published": a.published,
        "fetched_at": a.published,
        "language": a.language,
        "author": "",
        "image": "",
        "content_hash": digest.hex(),
        "simhash": int.from_bytes(digest[:8], "big", signed=True),  # stands in for SimHash
        "extraction_method": "bench",
        "paywalled": False,
        "copy_of": a.copy_of,
    }


class ArchiveWriter:
    """Batched bulk inserts (``store.bulk``) of articles, vectors, stories and memberships."""

    def __init__(self, store: Any, rng_seed: int) -> None:
        self.store = store
        self.rows: list[SynthArticle] = []
        self.stories: dict[int, tuple[datetime, datetime]] = {}
        self.written_stories: set[int] = set()
        self.seconds = 0.0
        rng = np.random.default_rng(rng_seed)
        with store.write() as conn:
            insert_rows(
                conn,
                "sources",
                [
                    {
                        "id": source_id,
                        "url": f"https://outlet{source_id}.example/feed",
                        "kind": "feed",
                        "title": f"Outlet {source_id}",
                        "site_url": f"https://outlet{source_id}.example/",
                        "section": "",
                        "language": language,
                        "error_count": 0,
                        "created": START,
                    }
                    for source_id, language in outlets(rng)
                ],
            )

    def add(self, article: SynthArticle) -> None:
        self.rows.append(article)
        if article.copy_of is None:
            first, _ = self.stories.get(article.story_id, (article.published, article.published))
            self.stories[article.story_id] = (min(first, article.published), article.published)
        if len(self.rows) >= WRITE_BATCH:
            self.flush()

    def flush(self) -> None:
        if not self.rows:
            return
        originals = [a for a in self.rows if a.vector is not None]
        new_stories = sorted({a.story_id for a in originals} - self.written_stories)
        slugs = [c.slug for c in TAXONOMY]
        started = time.perf_counter()
        with self.store.write() as conn:
            bulk_insert(
                conn,
                "stories",
                [
                    {
                        "id": s,
                        "first_seen": self.stories[s][0],
                        "last_updated": self.stories[s][1],
                        "category": slugs[s % len(slugs)],
                        "importance": 1.0 / (1 + s % 17),
                        "headline": f"Story {s}",
                        "merged_into": None,
                    }
                    for s in new_stories
                ],
            )
            bulk_insert(conn, "articles", [_article_row(a) for a in self.rows])
            bulk_insert(
                conn,
                "article_vectors",
                [
                    {"article_id": a.id, "dim": DIMENSIONS, "vector": a.vector.tobytes()}
                    for a in originals
                    if a.vector is not None
                ],
            )
            bulk_insert(
                conn,
                "story_articles",
                [
                    {
                        "article_id": a.id,
                        "story_id": a.story_id,
                        "similarity": 1.0,
                        "reasons": "bench",
                        "added": a.published,
                    }
                    for a in originals
                ],
            )
        self.seconds += time.perf_counter() - started
        self.written_stories.update(new_stories)
        self.rows = []
        # Stories older than a week take no more articles: forget their spans (memory-flat).
        if self.stories:
            newest = max(last for _, last in self.stories.values())
            for s in [
                s for s, (_, last) in self.stories.items() if newest - last > timedelta(days=7)
            ]:
                del self.stories[s]


# -- measuring ------------------------------------------------------------------------------


def _percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    if not ordered:
        return {"p50_ms": 0.0, "p95_ms": 0.0}
    return {
        "p50_ms": round(1000 * statistics.median(ordered), 3),
        "p95_ms": round(1000 * ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))], 3),
    }


def _doc(a: SynthArticle) -> ClusterDoc:
    return ClusterDoc(
        article_id=a.id,
        title=a.title,
        text=a.text,
        published=a.published,
        source_id=a.source_id,
        language=a.language,
        vector=a.vector,
    )


class AssignmentProbe:
    """Per checkpoint: warm a clusterer with the window before it, then time the assignments
    that lead up to the checkpoint (so an archive of exactly that size is measured too).

    The warm window is the clusterer's memory, cut to the newest ``max_stories`` stories: it
    holds no more (the idlest go first), so older articles would only be added and evicted
    again. That keeps the warm-up (and this process) bounded at any archive size."""

    def __init__(
        self,
        settings: Settings,
        checkpoints: tuple[int, ...],
        progress: Callable[[str], None] = _quiet,
    ) -> None:
        from newsloom.pipeline.stories import new_clusterer

        self.settings = settings
        self.progress = progress
        template = new_clusterer(settings)
        self.memory = timedelta(hours=template.memory_hours)
        self.max_stories = template.max_stories
        self.window_stories: Counter[int] = Counter()
        self.checkpoints = sorted(checkpoints)
        # Article index where each checkpoint's timing starts: room for the samples (copies
        # are not assigned, hence the margin) before the checkpoint itself.
        self.starts = [max(1, c - 2 * SAMPLE_ASSIGNMENTS) for c in self.checkpoints]
        self.window: deque[SynthArticle] = deque()
        self.clusterer: Any = None
        self.samples: list[float] = []
        self.results: dict[str, Any] = {}
        self.warm_seconds = 0.0
        self.warm_articles = 0

    def see(self, index: int, article: SynthArticle) -> None:
        if self.clusterer is not None and article.vector is not None:
            doc = _doc(article)
            started = time.perf_counter()
            assignment = self.clusterer.assign(doc)
            self.samples.append(time.perf_counter() - started)
            self.clusterer.add(doc, assignment.story_id or article.story_id)
            if len(self.samples) >= SAMPLE_ASSIGNMENTS:
                self._finish(index)
        if article.vector is not None:
            self.window.append(article)
            self.window_stories[article.story_id] += 1
            while (
                self.window[0].published < article.published - self.memory
                or len(self.window_stories) > self.max_stories
            ):
                oldest = self.window.popleft()
                self.window_stories[oldest.story_id] -= 1
                if not self.window_stories[oldest.story_id]:
                    del self.window_stories[oldest.story_id]
        if self.starts and index >= self.starts[0] and self.clusterer is None:
            self._start()

    def _start(self) -> None:
        from newsloom.pipeline.stories import new_clusterer

        started = time.perf_counter()
        self.clusterer = new_clusterer(self.settings)
        for article in self.window:
            self.clusterer.add(_doc(article), article.story_id)
        self.warm_seconds = time.perf_counter() - started
        self.warm_articles = len(self.window)
        self.samples = []

    def _finish(self, index: int) -> None:
        checkpoint = self.checkpoints.pop(0)
        self.starts.pop(0)
        self.results[str(checkpoint)] = {
            **_percentiles(self.samples),
            "samples": len(self.samples),
            "warm_articles": self.warm_articles,
            "warm_seconds": round(self.warm_seconds, 2),
        }
        self.progress(f"scale: assignment at {checkpoint}: {self.results[str(checkpoint)]}")
        self.clusterer = None

    def close(self, index: int) -> None:
        """A checkpoint that ran out of articles keeps the samples it has."""
        if self.clusterer is not None and self.samples:
            self._finish(index)


def _latencies(settings: Settings, store: Any, seed: int) -> dict[str, Any]:
    from fastapi.testclient import TestClient

    from newsloom.web import create_app
    from newsloom.web.urls import story_path

    rng = np.random.default_rng(seed)
    with store.read() as conn:
        top, latest = story_extent(conn)
        newest = latest or datetime.now(UTC)  # no story: any clock serves the empty pages
        random_ids = sorted({int(i) for i in rng.integers(1, top + 1, size=PAGE_REQUESTS)})
        largest_ids = largest_story_ids(conn, PAGE_REQUESTS // 5)
        titles = story_titles(conn, random_ids + largest_ids)
    model = WordModel(np.random.default_rng(seed))
    terms = [w for lang in LANGUAGES for w in model.vocab[lang][50:60]]
    client = TestClient(create_app(settings, store=store, clock=lambda: newest))
    client.get("/")  # untimed: the first request builds templates and caches

    def pages(ids: list[int]) -> list[str]:
        return [story_path(*titles[i], i) for i in ids if i in titles]

    out: dict[str, Any] = {}
    # Random stories are mostly small (the power law); the largest pages are the heaviest.
    for name, paths in (
        ("story_page", pages(random_ids)),
        ("story_page_largest", pages(largest_ids)),
        ("search", [f"/api/search?q={t}&limit=10" for t in terms]),
    ):
        timings, statuses = [], set()
        for path in paths:
            started = time.perf_counter()
            response = client.get(path)
            timings.append(time.perf_counter() - started)
            statuses.add(response.status_code)
        out[name] = {**_percentiles(timings), "requests": len(paths), "statuses": sorted(statuses)}
    return out


def _disk_bytes(settings: Settings, store: Any) -> int:
    if store.dialect == "postgresql":
        with store.read() as conn:
            return database_bytes(conn)
    database = Path(settings.db_url.removeprefix("sqlite:///"))
    return sum(p.stat().st_size for p in database.parent.glob(database.name + "*"))


def run_scale_bench(
    settings: Settings,
    *,
    articles: int,
    checkpoints: tuple[int, ...] = (100_000, 1_000_000),
    seed: int = 7,
    workdir: Path | None = None,
    database_url: str = "",
    ray_speedup: int = 0,
    reuse: bool = False,
    progress: Callable[[str], None] = _quiet,
) -> dict[str, Any]:
    """Generate and write ``articles`` articles into an empty store, then measure; with
    ``articles=0`` only the Ray speed-up (when asked for) is measured. ``reuse``: measure page,
    search latency and disk again on the archive a previous run left (``workdir`` or
    ``database_url``), e.g. after the web tier changed, without writing it again."""
    from newsloom.store import Store, count_articles

    result: dict[str, Any] = {"bench": "scale", "articles": articles}
    with tempfile.TemporaryDirectory(prefix="newsloom-scale-") as tmp:
        data_dir = workdir or Path(tmp)
        bench_settings = settings.model_copy(
            update={"data_dir": data_dir, "database_url": database_url}
        )
        store = Store.open(bench_settings) if articles or reuse else None
        try:
            if store is not None and reuse:
                result.update(_measure_existing(bench_settings, store, seed))
            elif store is not None:
                with store.read() as conn:
                    if count_articles(conn):
                        raise NewsloomError("bench: scale needs an empty database")
                result.update(
                    _fill_and_measure(bench_settings, store, articles, checkpoints, seed, progress)
                )
        finally:
            if store is not None:
                store.close()
        if ray_speedup:
            result["ray_speedup"] = embed_speedup(settings, ray_speedup, seed, Path(tmp))
    return result


def _measure_existing(settings: Settings, store: Any, seed: int) -> dict[str, Any]:
    from newsloom.store import count_articles

    with store.read() as conn:
        n = count_articles(conn)
    if not n:
        raise NewsloomError("bench: --reuse needs the archive of an earlier run")
    disk = _disk_bytes(settings, store)
    return {
        "backend": store.dialect,
        "articles": n,
        "latency": _latencies(settings, store, seed),
        "disk_bytes": disk,
        "disk_bytes_per_article": round(disk / n, 1),
    }


def _fill_and_measure(
    settings: Settings,
    store: Any,
    n: int,
    checkpoints: tuple[int, ...],
    seed: int,
    progress: Callable[[str], None],
) -> dict[str, Any]:
    writer = ArchiveWriter(store, seed)
    probe = AssignmentProbe(settings, tuple(c for c in checkpoints if c <= n) or (n,), progress)
    started = time.perf_counter()
    index = 0
    for index, article in enumerate(generate(n, seed), start=1):
        writer.add(article)
        probe.see(index, article)
        if index % PROGRESS_EVERY == 0:
            rate = index / writer.seconds if writer.seconds else 0.0
            elapsed = time.perf_counter() - started
            progress(f"scale: {index} articles in {elapsed:.0f} s, store writes {rate:.0f}/s")
    writer.flush()
    probe.close(index)
    total = time.perf_counter() - started
    with store.write() as conn:
        reset_id_sequences(conn)
    return {
        "backend": store.dialect,
        "articles": n,
        "stories": len(writer.written_stories),
        "write_seconds": round(writer.seconds, 2),
        "writes_per_s": round(n / writer.seconds, 1) if writer.seconds else 0.0,
        "generate_and_write_seconds": round(total, 2),
        "assignment": probe.results,
        "latency": _latencies(settings, store, seed),
        "disk_bytes": _disk_bytes(settings, store),
        "disk_bytes_per_article": round(_disk_bytes(settings, store) / max(1, n), 1),
    }


def embed_speedup(settings: Settings, n: int, seed: int, tmp: Path) -> dict[str, Any]:
    """``reprocess --stage embed`` over ``n`` synthetic articles, three ways: the plain loop (one
    process, one ONNX thread), the same process with two ONNX threads, and Ray with two actors of
    one thread each (each actor loads the model once). Every run writes the same vectors."""
    from newsloom.batch.reprocess import reprocess_embed
    from newsloom.batch.runners import LocalRunner, RayRunner, Runner
    from newsloom.store import Store

    timings: dict[str, float] = {}
    startups: dict[str, float] = {}
    digests: dict[str, str] = {}
    for name, threads in (("local", 1), ("local_2_threads", 2), ("ray", 1)):
        run_settings = settings.model_copy(
            update={"data_dir": tmp / f"embed-{name}", "database_url": ""}
        )
        store = Store.open(run_settings)
        try:
            writer = ArchiveWriter(store, seed)
            for article in generate(n, seed):
                writer.add(article)
            writer.flush()
            with store.write() as conn:
                delete_vectors(conn)
            runner: Runner = RayRunner(num_cpus=2) if name == "ray" else LocalRunner()
            started = time.perf_counter()
            try:
                reprocess_embed(store, runner, threads=threads, batch_size=EMBED_SPEEDUP_BATCH)
            finally:
                runner.close()
            timings[name] = time.perf_counter() - started
            startups[name] = runner.startup_seconds
            digests[name] = _vectors_digest(store)
        finally:
            store.close()
    return {
        "articles": n,
        "embedded": sum(1 for a in generate(n, seed) if a.copy_of is None),
        **{f"{name}_seconds": round(seconds, 2) for name, seconds in timings.items()},
        **{f"{name}_startup_seconds": round(seconds, 2) for name, seconds in startups.items()},
        "speedup": round(timings["local"] / timings["ray"], 2),
        "speedup_vs_2_threads": round(timings["local_2_threads"] / timings["ray"], 2),
        # Once the workers hold the model: what a long backfill sees after its first minute.
        "speedup_after_startup": round(
            (timings["local"] - startups["local"]) / (timings["ray"] - startups["ray"]), 2
        ),
        # Float sums may differ in the last bit between thread counts; compare rounded vectors.
        "same_vectors": len(set(digests.values())) == 1,
    }


def _vectors_digest(store: Any) -> str:
    digest = hashlib.sha256()
    with store.read() as conn:
        rows = vectors_in_order(conn)
    for article_id, raw in rows:
        vector = np.frombuffer(raw, dtype=np.float32)
        digest.update(str(article_id).encode() + np.round(vector, 4).tobytes())
    return digest.hexdigest()
