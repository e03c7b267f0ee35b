"""``newsloom reprocess --stage extract|embed|cluster|summarize`` over the stored history.

The CPU-heavy step of each stage (extraction, embedding, summarizing) runs on the runner's workers
with the functions the live pipeline calls; reads and writes stay here, in id order, so the local
loop and Ray write the same rows. Clustering is a stream (each assignment depends on the ones
before), so only its embeddings are spread out; the assignment itself is the pipeline's own
``cluster_new_articles``.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

import numpy as np
from sqlalchemy import Connection

import newsloom.store as db
from newsloom.batch.runners import Runner, batched
from newsloom.cluster import embedding_text, get_embedder
from newsloom.cluster.embed import MODEL_ID
from newsloom.dedup import content_hash, simhash
from newsloom.errors import ExtractError
from newsloom.extract import extract_article, looks_paywalled
from newsloom.extract.choice import prefer_page
from newsloom.pipeline.stories import cluster_new_articles
from newsloom.pipeline.summaries import paragraph_budget
from newsloom.records import Article, Summary
from newsloom.settings import Settings
from newsloom.store.articles import originals_after, raw_page, raw_page_ids, replace_article_text
from newsloom.store.stories import live_story_ids
from newsloom.summarize import build_summarizer

log = logging.getLogger(__name__)
Stage = Literal["extract", "embed", "cluster", "summarize"]
STAGES: tuple[Stage, ...] = ("extract", "embed", "cluster", "summarize")
EMBED_BATCH = 128
PAGE_BATCH = 32
STORY_BATCH = 16
Progress = Callable[[str, int], None]


def _no_progress(stage: str, done: int) -> None:
    return None


# -- embed ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class EmbedFactory:
    """One embedder per worker; one ONNX thread each, so N workers use N cores."""

    threads: int = 1

    def __call__(self) -> Callable[[list[str]], list[np.ndarray]]:
        embedder = get_embedder(threads=self.threads)
        return lambda texts: list(embedder.embed(texts))


def _article_batches(
    conn_factory: Callable[[], Any], *, missing_only: bool, size: int
) -> Iterator[list[tuple[int, str]]]:
    """(id, embedding text) of originals in id order, read a page at a time (memory-flat)."""
    after = 0
    lacking = MODEL_ID if missing_only else None
    while True:
        with conn_factory() as conn:
            rows = originals_after(conn, after=after, limit=size, lacking_model=lacking)
        if not rows:
            return
        yield [(article_id, embedding_text(title, text)) for article_id, title, text in rows]
        after = rows[-1][0]


def reprocess_embed(
    store: db.Store,
    runner: Runner,
    *,
    missing_only: bool = True,
    batch_size: int = EMBED_BATCH,
    threads: int = 1,
    progress: Progress = _no_progress,
) -> int:
    """(Re-)embed originals; returns how many vectors were written. ``threads``: ONNX threads
    per worker (1 with Ray, where the actors are the parallelism)."""
    in_flight: deque[list[int]] = deque()  # ids of the batches handed out, in order

    def texts() -> Iterator[list[str]]:
        for batch in _article_batches(store.read, missing_only=missing_only, size=batch_size):
            in_flight.append([article_id for article_id, _ in batch])
            yield [text for _, text in batch]

    done = 0
    for vectors in runner.map_batches(EmbedFactory(threads), texts()):
        ids = in_flight.popleft()
        with store.write() as conn:
            for article_id, vector in zip(ids, vectors, strict=True):
                db.save_vector(conn, article_id, vector, model=MODEL_ID)
        done += len(ids)
        progress("embed", done)
    return done


# -- extract --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Page:
    article_id: int
    url: str
    content_type: str
    body: bytes


# What re-extracting a page found: its text, the extractor that found it, whether it looks like a
# paywall's teaser; None when it found no article.
Found = tuple[str, str, bool] | None


def extract_pages(pages: list[Page]) -> list[Found]:
    """What the pipeline's extractor finds on each page."""
    out: list[Found] = []
    for page in pages:
        try:
            found = extract_article(page.body, page.url, content_type=page.content_type or None)
        except ExtractError:
            out.append(None)
            continue
        teaser = looks_paywalled(found)
        out.append((found.text, found.method, teaser) if found.text.strip() else None)
    return out


def _extract_factory() -> Callable[[list[Page]], list[Found]]:
    return extract_pages


def _page_batches(store: db.Store, size: int) -> Iterator[list[Page]]:
    after = 0
    while True:
        with store.read() as conn:
            ids = raw_page_ids(conn, after=after, limit=size)
            kept = [raw_page(conn, i) for i in ids]
        if not ids:
            return
        yield [Page(p.article_id, p.url, p.content_type, p.body) for p in kept if p is not None]
        after = ids[-1]


def reprocess_extract(
    store: db.Store,
    runner: Runner,
    *,
    batch_size: int = PAGE_BATCH,
    progress: Progress = _no_progress,
) -> int:
    """Re-extract every kept page; articles whose text changed get the new text (and lose their
    vector, so the embed stage redoes it). Returns how many articles changed."""
    changed = done = 0
    pages_seen: list[list[Page]] = []

    def remember(batches: Iterator[list[Page]]) -> Iterator[list[Page]]:
        for batch in batches:
            pages_seen.append(batch)
            yield batch

    results = runner.map_batches(_extract_factory, remember(_page_batches(store, batch_size)))
    for index, extracted in enumerate(results):
        batch = pages_seen[index]
        pages_seen[index] = []  # memory-flat: drop bodies once written
        with store.write() as conn:
            current = {a.id: a for a in db.get_articles(conn, [p.article_id for p in batch])}
            for page, found in zip(batch, extracted, strict=True):
                article = current.get(page.article_id)
                if found is not None and article is not None:
                    changed += _update_text(conn, article, *found)
        done += len(batch)
        progress("extract", done)
    return changed


def _update_text(conn: Connection, article: Article, text: str, method: str, teaser: bool) -> int:
    # The live path's own rule (extract/choice.py), the stored text in the feed text's place.
    if text == article.text or not prefer_page(text, article.text, teaser=teaser):
        return 0
    assert article.id is not None
    replace_article_text(
        conn,
        article.id,
        text=text,
        content_hash=content_hash(text),
        simhash=simhash(text),
        extraction_method=method,
    )
    return 1


# -- cluster --------------------------------------------------------------------------------


def reprocess_cluster(
    settings: Settings,
    store: db.Store,
    runner: Runner,
    *,
    now: datetime,
    progress: Progress = _no_progress,
) -> dict[str, int]:
    """Embed what lacks a vector on the runner, then assign unclustered articles in order."""
    embedded = reprocess_embed(store, runner, progress=progress)
    outcome = cluster_new_articles(
        settings,
        store,
        now=now,
        progress=lambda stage, done, total: progress(stage, done),
        warm_categories=False,  # no categorizing follows here
    )
    return {
        "embedded": embedded,
        "stories_touched": len(outcome.touched),
        "new_stories": outcome.new_stories,
        "merged": outcome.merged,
        "split": outcome.split,
    }


# -- summarize ------------------------------------------------------------------------------


@dataclass(frozen=True)
class StoryInput:
    story_id: int
    articles: tuple[Article, ...]
    previous: Summary | None
    words: int


@dataclass(frozen=True)
class SummarizeFactory:
    """The summarizer the pipeline uses, built once per worker from the settings."""

    settings: Settings
    now: datetime

    def __call__(self) -> Callable[[list[StoryInput]], list[Summary]]:
        summarizer = build_summarizer(self.settings)

        def run(batch: list[StoryInput]) -> list[Summary]:
            return [
                summarizer.summarize(s.story_id, s.articles, s.previous, s.words, self.now)
                for s in batch
            ]

        return run


def _story_inputs(
    settings: Settings, store: db.Store, story_ids: Sequence[int], size: int
) -> Iterator[list[StoryInput]]:
    for chunk in batched(story_ids, size):
        out: list[StoryInput] = []
        with store.read() as conn:
            for story_id in chunk:
                story = db.get_story(conn, story_id)
                if story is None or story.merged_into is not None:
                    continue
                members = db.get_articles(conn, story.article_ids)
                if members:
                    words = paragraph_budget(settings, members)
                    previous = db.latest_summary(conn, story_id)
                    out.append(StoryInput(story_id, tuple(members), previous, words))
        if out:
            yield out


def reprocess_summarize(
    settings: Settings,
    store: db.Store,
    runner: Runner,
    *,
    now: datetime,
    all_stories: bool = False,
    batch_size: int = STORY_BATCH,
    progress: Progress = _no_progress,
) -> int:
    """Summarize stories whose summary misses articles (or every live story); returns how many."""
    with store.read() as conn:
        story_ids = live_story_ids(conn) if all_stories else db.stories_needing_summary(conn)
    done = 0
    inputs = _story_inputs(settings, store, story_ids, batch_size)
    for summaries in runner.map_batches(SummarizeFactory(settings, now), inputs):
        with store.write() as conn:
            for summary in summaries:
                db.save_summary(conn, summary)
                db.update_story(conn, summary.story_id, headline=summary.headline)
        done += len(summaries)
        progress("summarize", done)
    return done


def reprocess(
    stage: Stage,
    settings: Settings,
    store: db.Store,
    runner: Runner,
    *,
    now: datetime,
    everything: bool = False,
    progress: Progress = _no_progress,
) -> dict[str, Any]:
    """Run one stage; ``everything`` redoes work already done (embed all, summarize all)."""
    result: dict[str, Any] = {"stage": stage, "runner": runner.name}
    if stage == "extract":
        result["changed"] = reprocess_extract(store, runner, progress=progress)
    elif stage == "embed":
        result["embedded"] = reprocess_embed(
            store, runner, missing_only=not everything, progress=progress
        )
    elif stage == "cluster":
        result.update(reprocess_cluster(settings, store, runner, now=now, progress=progress))
    else:
        result["summarized"] = reprocess_summarize(
            settings, store, runner, now=now, all_stories=everything, progress=progress
        )
    log.info("reprocess done: %s", result, extra={"stage": "reprocess"})
    return result
