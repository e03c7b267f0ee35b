"""Stories' summaries on two cores: a worker process takes stories from the front of a batch while
the refresh's own process takes them from the back.

The extractive summarizer is pure Python (it holds the GIL), so threads cannot share its work. A
batch smaller than ``POOL_AFTER`` is summarized in this process alone, as is everything when
processes cannot be started or a worker dies. The summarizer is deterministic: which process
summarizes a story does not change its summary.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from datetime import datetime

from newsloom.pipeline.alive import exit_with
from newsloom.records import Article, Summary
from newsloom.settings import Settings
from newsloom.summarize import Summarizer, build_summarizer, needs_resummary

log = logging.getLogger(__name__)

# A worker process costs about a second to start (it imports the summarizer): a batch with fewer
# stories to summarize than this is not worth one.
POOL_AFTER = 24


@dataclass(frozen=True)
class SummaryJob:
    story_id: int
    articles: Sequence[Article]
    previous: Summary | None


def summarize_job(settings: Settings, job: SummaryJob, now: datetime) -> Summary | None:
    """One story's new summary (None: unchanged), as ``refresh_stories`` makes it."""
    summarizer = build_summarizer(settings)
    return summarize_story(
        summarizer, settings, job.story_id, list(job.articles), job.previous, now
    )


def _summarize_in_worker(settings: Settings, job: SummaryJob, now: datetime) -> Summary | None:
    """``summarize_job`` in the worker process, with one BLAS thread: the worker and the refresh
    each keep one of the cores busy, so more threads only contend for them."""
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1, user_api="blas"):
        return summarize_job(settings, job, now)


def summarize_story(
    summarizer: Summarizer,
    settings: Settings,
    story_id: int,
    articles: list[Article],
    previous: Summary | None,
    now: datetime,
) -> Summary | None:
    """The story's new summary, or None when its articles did not change it materially. The
    readability evaluation calls this too, so it measures what refresh publishes."""
    if not summary_due(previous, articles):
        return None
    words = paragraph_budget(settings, articles)
    return summarizer.summarize(story_id, articles, previous, words=words, now=now)


def summary_due(previous: Summary | None, articles: list[Article]) -> bool:
    """The story has no summary yet, its articles changed it materially, or it cites an
    article that left the story."""
    return needs_resummary(previous, articles) or cites_departed(previous, articles)


def paragraph_budget(settings: Settings, articles: list[Article]) -> int:
    """Words for the paragraphs: a third of a small story's text at most, so that its bullets
    and takeaways still find sentences of their own."""
    total = sum(len(a.text.split()) for a in articles)
    return max(40, min(settings.summary_words, total // 3))


def cites_departed(previous: Summary | None, articles: list[Article]) -> bool:
    """The summary cites an article that left the story (a split, by hand or by consolidation)."""
    if previous is None:
        return False
    return bool(set(previous.article_ids) - {a.id for a in articles})


Outcome = Summary | None | Exception


@dataclass(frozen=True)
class SummaryBatch:
    """Jobs handed to ``SummaryWorkers.start``; ``futures`` is empty when this process does
    them all."""

    jobs: list[SummaryJob]
    now: datetime
    futures: list[Future[Summary | None]]


class SummaryWorkers:
    """Summarizes batches of stories; one worker process beside this one, started on the first
    batch large enough and kept for the next ones. ``close`` stops it."""

    def __init__(self, settings: Settings, *, pool_after: int = POOL_AFTER) -> None:
        self._settings = settings
        self._pool_after = pool_after
        self._pool: ProcessPoolExecutor | None = None
        self._usable = (os.cpu_count() or 1) > 1

    def run(self, jobs: Sequence[SummaryJob], now: datetime) -> list[Outcome]:
        """Each job's summary, or the exception its story raised, in the order of ``jobs``."""
        return self.finish(self.start(jobs, now))

    def start(self, jobs: Sequence[SummaryJob], now: datetime) -> SummaryBatch:
        """Hand ``jobs`` to the worker (when the batch is worth one): it starts on them while
        this process does other work, until ``finish``."""
        pool = self._ready_pool(len(jobs))
        futures: list[Future[Summary | None]] = []
        if pool is not None:
            try:
                futures = [
                    pool.submit(_summarize_in_worker, self._settings, job, now) for job in jobs
                ]
            except (BrokenProcessPool, RuntimeError):
                self._drop_pool()
                futures = []
        return SummaryBatch(list(jobs), now, futures)

    def finish(self, batch: SummaryBatch) -> list[Outcome]:
        """The batch's summaries in the order of its jobs: the worker takes jobs from the front;
        this process from the back, each job whose future it can still cancel (one the worker
        has not taken), until they meet."""
        jobs, now, futures = batch.jobs, batch.now, batch.futures
        if not futures:
            return [self._here(job, now) for job in jobs]
        results: list[Outcome | None] = [None] * len(jobs)
        here: set[int] = set()
        for index in reversed(range(len(jobs))):
            if not futures[index].cancel():
                break
            results[index] = self._here(jobs[index], now)
            here.add(index)
        for index, future in enumerate(futures):
            if index not in here:
                results[index] = self._result(future, jobs[index], now)
        log.debug("summaries: %d of %d stories in this process", len(here), len(jobs))
        return results

    def _result(self, future: Future[Summary | None], job: SummaryJob, now: datetime) -> Outcome:
        try:
            return future.result()
        except BrokenProcessPool:  # the worker died: this process summarizes the story
            self._drop_pool()
            return self._here(job, now)
        except Exception as exc:  # the story's own error, raised in the worker
            return exc

    def _here(self, job: SummaryJob, now: datetime) -> Outcome:
        try:
            return summarize_job(self._settings, job, now)
        except Exception as exc:  # one story's articles stop that story, not the batch
            return exc

    def _ready_pool(self, jobs: int) -> ProcessPoolExecutor | None:
        if self._pool is None and self._usable and jobs >= self._pool_after:
            try:
                self._pool = ProcessPoolExecutor(
                    1,
                    mp_context=_context(),
                    initializer=exit_with,
                    initargs=(os.getpid(),),
                )
            except Exception as exc:  # whatever stops processes from starting: one process
                log.info("summaries in one process: %s", exc)
                self._usable = False
        return self._pool

    def _drop_pool(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool, self._usable = None, False

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> SummaryWorkers:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def _context() -> multiprocessing.context.BaseContext:
    """The fork server's (a refresh has started it for extraction: no thread of this process is
    forked), else spawn."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("forkserver")
    return multiprocessing.get_context("spawn")
