"""The process pool that builds articles from pages (extraction is CPU-bound and holds the GIL).

Workers fork from a server that imported the extractors once; each exits when the process that
started the pool is gone (``alive.exit_with``).
What each worker runs is ``articles.candidate_from_entry``.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from datetime import datetime
from multiprocessing.context import BaseContext

from newsloom.errors import ExtractError
from newsloom.pipeline import articles
from newsloom.pipeline.alive import exit_with
from newsloom.records import Candidate, FeedEntry, FetchResult, ParsedFeed, Source

# A run builds this many pages in-process before it starts worker processes: a handful of pages
# is not worth a process pool.
POOL_AFTER_PAGES = 8
# Pages sent to a worker in one task, and how long a task waits for company: one round trip then
# carries several pages, so the parent's share (pickling, queues, wake-ups) stays small.
PAGES_PER_TASK = 4
BATCH_WINDOW_SECONDS = 0.005

BuildJob = tuple[Source, FeedEntry, ParsedFeed, FetchResult | None, datetime]


def _build_many(jobs: list[BuildJob]) -> list[Candidate | Exception]:
    """A worker's task: each job's candidate (its page compressed here, on the worker's core),
    or the error that job alone raised."""
    built: list[Candidate | Exception] = []
    for source, entry, parsed, page, now in jobs:
        try:
            built.append(articles.candidate_from_entry(source, entry, parsed, page, now))
        except Exception as exc:  # reported to that page's caller, the batch goes on
            built.append(exc)
    return built


def _worker_context() -> BaseContext:
    """Workers fork from a server that imported the extractors and loaded their models once
    (``extract/warm.py``), so they start in milliseconds; spawn where fork is unavailable."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    # Takes effect when this process first starts its fork server.
    context.set_forkserver_preload([__name__, articles.__name__, "newsloom.extract.warm"])
    return context


class CandidateBuilder:
    """Runs ``articles.candidate_from_entry`` (extraction: CPU-bound) off the event loop.

    Extraction holds the GIL, so threads cannot use a second core: past ``threshold`` pages a pool
    of worker processes (one per CPU) is started in the background and takes every page from then
    on, several pages per task; small runs never start it and build on a thread here. The run
    says how many pages it is about to fetch (``expect``), so a large run starts its pool before
    its first page and builds none here: a page built here costs this process the extractors'
    first-use loading again (the workers' fork server has them loaded already), about 4 ms per
    page over a 1,002-page run. Pages that arrive while the pool starts wait for it.
    """

    def __init__(self, workers: int | None = None, threshold: int = POOL_AFTER_PAGES) -> None:
        self._workers = workers if workers is not None else (os.cpu_count() or 1)
        self._threshold = threshold
        self._requested = 0
        self._expected = 0  # pages the run said it would fetch (``expect``)
        self._pool: ProcessPoolExecutor | None = None
        self._starting: concurrent.futures.Future[ProcessPoolExecutor | None] | None = None
        self._batch: list[tuple[BuildJob, asyncio.Future[Candidate]]] = []
        self._flush_timer: asyncio.TimerHandle | None = None
        self.started_pool = False  # whether worker processes took part in this run

    async def build(
        self,
        source: Source,
        entry: FeedEntry,
        parsed: ParsedFeed,
        page: FetchResult | None,
        now: datetime,
    ) -> Candidate:
        self._requested += 1
        pool = await self._ready_pool()
        if pool is not None:
            # The worker needs the feed's metadata, not every other entry of it.
            slim = replace(parsed, entries=(), warnings=())
            return await self._in_pool(pool, (source, entry, slim, page, now))
        return await asyncio.to_thread(
            articles.candidate_from_entry, source, entry, parsed, page, now
        )

    def expect(self, pages: int) -> None:
        """``pages`` more pages are about to be fetched and built: past the threshold in all,
        the pool starts now, while they are fetched."""
        self._expected += pages
        if self._workers >= 2 and max(self._expected, self._requested) > self._threshold:
            self._start()

    def _start(self) -> None:
        if self._starting is None and self._pool is None:
            starter = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="newsloom-pool")
            self._starting = starter.submit(self._start_pool)
            starter.shutdown(wait=False)

    async def _ready_pool(self) -> ProcessPoolExecutor | None:
        """The pool, once the run is past the threshold (waiting for it while it starts); None
        for a run below it, whose pages are built here."""
        if self._pool is not None or self._workers < 2:
            return self._pool
        if self._starting is None:
            if max(self._expected, self._requested) <= self._threshold:
                return None
            self._start()
        assert self._starting is not None
        pool = await asyncio.wrap_future(self._starting)
        if pool is None:
            self._workers = 1  # processes cannot be started here: threads from now on
        self._pool = pool
        self.started_pool = self.started_pool or pool is not None
        return pool

    def _start_pool(self) -> ProcessPoolExecutor | None:
        """A pool whose workers are all running (forking happens on submit, so it is done here,
        off the event loop); None when processes cannot be started."""
        try:
            pool = ProcessPoolExecutor(
                self._workers,
                mp_context=_worker_context(),
                initializer=exit_with,
                initargs=(os.getpid(),),
            )
            for started in [pool.submit(os.getpid) for _ in range(self._workers)]:
                started.result()
        except Exception:  # whatever stops processes from starting, threads still work
            return None
        return pool

    def _in_pool(self, pool: ProcessPoolExecutor, job: BuildJob) -> asyncio.Future[Candidate]:
        loop = asyncio.get_running_loop()
        future: asyncio.Future[Candidate] = loop.create_future()
        self._batch.append((job, future))
        if len(self._batch) >= PAGES_PER_TASK:
            self._flush(pool)
        elif self._flush_timer is None:
            self._flush_timer = loop.call_later(BATCH_WINDOW_SECONDS, self._flush, pool)
        return future

    def _flush(self, pool: ProcessPoolExecutor) -> None:
        if self._flush_timer is not None:
            self._flush_timer.cancel()
            self._flush_timer = None
        batch, self._batch = self._batch, []
        if not batch:
            return
        loop = asyncio.get_running_loop()
        try:
            task = loop.run_in_executor(pool, _build_many, [job for job, _ in batch])
        except BrokenProcessPool as exc:
            self._fail(batch, exc, pool)
            return
        task.add_done_callback(lambda done: self._deliver(batch, done, pool))

    def _deliver(
        self,
        batch: list[tuple[BuildJob, asyncio.Future[Candidate]]],
        task: asyncio.Future[list[Candidate | Exception]],
        pool: ProcessPoolExecutor,
    ) -> None:
        if task.cancelled():
            for _, future in batch:
                future.cancel()
            return
        error = task.exception()
        if error is not None:
            self._fail(batch, error, pool)
            return
        for (_, future), result in zip(batch, task.result(), strict=True):
            if future.done():  # its caller was cancelled
                continue
            if isinstance(result, Exception):
                future.set_exception(result)
            else:
                future.set_result(result)

    def _fail(
        self,
        batch: list[tuple[BuildJob, asyncio.Future[Candidate]]],
        error: BaseException,
        pool: ProcessPoolExecutor,
    ) -> None:
        """A worker died (a page crashed the parser, or it ran out of memory): that task's pages
        fail like unreadable pages, to be tried again next run, and a new pool takes the rest."""
        for job, future in batch:
            if not future.done():
                url = job[1].url or job[0].url
                future.set_exception(
                    ExtractError(f"extract: worker failed ({type(error).__name__}) ({url})")
                )
        if isinstance(error, BrokenProcessPool) and self._pool is pool:
            self._pool, self._starting = None, None
            pool.shutdown(wait=False, cancel_futures=True)

    def close(self) -> None:
        if self._flush_timer is not None:
            self._flush_timer.cancel()
            self._flush_timer = None
        pools = {self._pool}
        if self._starting is not None:
            pools.add(self._starting.result())  # a start in progress is waited for, then shut
        for pool in pools:
            if pool is not None:
                pool.shutdown(wait=True, cancel_futures=True)
        self._pool, self._starting = None, None
