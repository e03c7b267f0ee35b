"""From a feed entry (and its page, if fetched) to a stored article, deduplicated.

Identity precedence (see ``newsloom.dedup``): same canonical URL, else same guid from the same source,
else the same text (content hash or near-identical SimHash) makes it a copy of the earliest article.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import hashlib
import multiprocessing
import os
import select
import threading
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from multiprocessing.context import BaseContext
from typing import Literal
from urllib.parse import urlsplit

from sqlalchemy import Connection

import newsloom.store as db
from newsloom.dedup import canonical_url, content_hash, hamming, simhash
from newsloom.errors import ExtractError
from newsloom.extract import extract_article, looks_paywalled, text_from_html
from newsloom.extract.choose import size
from newsloom.ingest.sanitize import safe_url
from newsloom.pipeline.workers import process_alive
from newsloom.records import Article, Extracted, FeedEntry, FetchResult, ParsedFeed, Source
from newsloom.store.articles import (
    PageToKeep,
    add_article_links,
    article_refs_by_canonical_url,
    article_refs_by_guid,
    insert_articles,
    linked_canonical_urls,
    originals_by_content_hash,
    save_raw_page,
    save_raw_pages,
    simhash_rows,
)

# A copy must have enough text for its SimHash to mean anything.
MIN_WORDS_FOR_NEAR_COPY = 50
NEAR_COPY_DISTANCE = 3
# Two 64-bit hashes within distance 3 agree on at least one of 4 bands of 16 bits (pigeonhole).
SIMHASH_BANDS = NEAR_COPY_DISTANCE + 1
_BAND_BITS = 64 // SIMHASH_BANDS
COPY_LOOKBACK = timedelta(days=7)
LEAD_CHARS = 400

StoredAs = Literal["new", "copy", "known"]


@dataclass(frozen=True)
class Candidate:
    """An article ready to store, with the URL and guid it arrived under."""

    article: Article
    entry_url: str
    guid: str
    page_body: bytes = b""  # the page as fetched, kept for re-extraction
    page_url: str = ""
    page_type: str = ""


def candidate_from_entry(
    source: Source,
    entry: FeedEntry,
    parsed: ParsedFeed,
    page: FetchResult | None,
    now: datetime,
) -> Candidate:
    """Build the article for ``entry``: page text when extraction works, else the feed's own text."""
    assert source.id is not None
    feed_text = text_from_html(entry.content_html or entry.summary_html)
    extracted: Extracted | None = None
    if page is not None:
        try:
            extracted = extract_article(
                page.body, page.final_url, content_type=page.headers.get("content-type")
            )
        except ExtractError:
            extracted = None
    # size() counts CJK characters as words, so pages in languages without spaces qualify too.
    teaser = extracted is not None and looks_paywalled(extracted)
    use_page = (
        extracted is not None
        and size(extracted.text) >= max(40, size(feed_text) // 2)
        and not (teaser and size(extracted.text) <= size(feed_text))
    )
    text = extracted.text if use_page and extracted else feed_text
    if not text.strip() and not entry.title:
        raise ExtractError(
            f"extract: entry has neither text nor title ({entry.url or entry.guid or 'no link, no id'})"
        )
    page_url = page.final_url if page is not None else entry.url
    canonical = canonical_url(
        _trusted_canonical(extracted, page_url) or page_url or entry.url
    ) or _linkless_key(source.id, entry.guid or entry.title + "\n" + text)
    summary_text = text_from_html(entry.summary_html) if entry.summary_html else ""
    lead = _lead(summary_text or (extracted.description if extracted else "") or text)
    published = (
        entry.published or (extracted.published if extracted else None) or entry.updated or now
    )
    article = Article(
        source_id=source.id,
        url=entry.url or page_url,
        canonical_url=canonical,
        title=(entry.title or (extracted.title if extracted else "")).strip()[:500],
        text=text,
        published=min(published, now),  # a date in the future is a feed error, not news
        fetched_at=now,
        guid=entry.guid,
        lead=lead,
        language=(
            (extracted.language if extracted else "")
            or entry.language
            or parsed.language
            or source.language
        )[:12],
        author=((extracted.author if extracted else "") or ", ".join(entry.authors))[:300],
        image=entry.image or (extracted.image if extracted else ""),
        content_hash=content_hash(text) if text.strip() else "",
        simhash=simhash(text) if text.strip() else 0,
        extraction_method=(extracted.method if use_page and extracted else "feed"),
        paywalled=page is not None
        and (teaser or (not use_page and page.status in (401, 402, 403))),
    )
    return Candidate(
        article=article,
        entry_url=entry.url,
        guid=entry.guid,
        page_body=page.body if page is not None else b"",
        page_url=page.final_url if page is not None else "",
        page_type=page.headers.get("content-type", "") if page is not None else "",
    )


# A run builds this many pages in-process before it starts worker processes: a handful of pages
# is not worth a process pool.
POOL_AFTER_PAGES = 8
# Pages sent to a worker in one task, and how long a task waits for company: one round trip then
# carries several pages, so the parent's share (pickling, queues, wake-ups) stays small.
PAGES_PER_TASK = 4
BATCH_WINDOW_SECONDS = 0.005

BuildJob = tuple[Source, FeedEntry, ParsedFeed, FetchResult | None, datetime]


def _build_many(jobs: list[BuildJob]) -> list[Candidate | Exception]:
    """A worker's task: each job's candidate, or the error that job alone raised."""
    built: list[Candidate | Exception] = []
    for source, entry, parsed, page, now in jobs:
        try:
            candidate = candidate_from_entry(source, entry, parsed, page, now)
        except Exception as exc:  # reported to that page's caller, the batch goes on
            built.append(exc)
            continue
        built.append(replace(candidate, page_body=b""))  # the parent holds the body already
    return built


def _worker_context() -> BaseContext:
    """Workers fork from a server that imported the extractors and loaded their models once
    (``extract/warm.py``), so they start in milliseconds; spawn where fork is unavailable."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    # Takes effect when this process first starts its fork server.
    context.set_forkserver_preload([__name__, "newsloom.extract.warm"])
    return context


def exit_with(parent: int) -> None:
    """Pool worker initializer: exit as soon as ``parent`` (the process that started the pool)
    is gone. Each worker holds both ends of the pool's queues and the fork server waits for its
    workers, so after a SIGKILL of the parent they would otherwise wait for work for ever."""
    if os.name == "nt":
        return  # os.kill(pid, 0) would terminate the parent there

    def watch() -> None:
        try:
            handle: int | None = os.pidfd_open(parent)
        except (AttributeError, OSError):  # not Linux 5.3+, or the parent is gone already
            handle = None
        if handle is not None:
            select.select([handle], [], [])  # readable when the process exits
        else:
            while process_alive(parent):
                time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="newsloom-parent-watch", daemon=True).start()


class CandidateBuilder:
    """Runs ``candidate_from_entry`` (extraction: CPU-bound) off the event loop.

    Extraction holds the GIL, so threads cannot use a second core: past ``threshold`` pages a pool
    of worker processes (one per CPU) is started in the background and takes every page from then
    on, several pages per task. While it starts, one page at a time is built on a thread here;
    small runs never start it.
    """

    def __init__(self, workers: int | None = None, threshold: int = POOL_AFTER_PAGES) -> None:
        self._workers = workers if workers is not None else (os.cpu_count() or 1)
        self._threshold = threshold
        self._requested = 0
        self._in_thread = 0
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
        self._in_thread += 1
        try:
            return await asyncio.to_thread(candidate_from_entry, source, entry, parsed, page, now)
        finally:
            self._in_thread -= 1

    async def _ready_pool(self) -> ProcessPoolExecutor | None:
        """The pool when it is up; starts it past the threshold, and makes a page wait for it
        when a thread is already busy (more threads would only contend for the GIL)."""
        if self._pool is not None or self._workers < 2:
            return self._pool
        if self._starting is None:
            if self._requested <= self._threshold:
                return None
            starter = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="newsloom-pool")
            self._starting = starter.submit(self._start_pool)
            starter.shutdown(wait=False)
        if not self._starting.done() and self._in_thread == 0:
            return None
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
        for (job, future), result in zip(batch, task.result(), strict=True):
            if future.done():  # its caller was cancelled
                continue
            if isinstance(result, Exception):
                future.set_exception(result)
            else:
                page = job[3]
                future.set_result(replace(result, page_body=page.body) if page else result)

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


def store_candidate(
    conn: Connection, candidate: Candidate, index: NearCopyIndex | None = None
) -> StoredAs:
    """Insert ``candidate`` unless it is already known; mark copies. Idempotent.

    ``index`` (one per write phase) makes the near-copy search constant time instead of a scan.
    """
    article = candidate.article
    known = db.find_article(conn, canonical_url=article.canonical_url)
    if known is None and candidate.guid:
        known = db.find_article(conn, guid=candidate.guid, source_id=article.source_id)
    if known is not None and known.id is not None:
        db.add_article_link(
            conn,
            known.id,
            url=candidate.entry_url or article.url,
            source_id=article.source_id,
            guid=candidate.guid,
        )
        return "known"
    original = find_original(conn, article, index)
    if original is not None:
        article = replace(article, copy_of=original)
    stored = db.insert_article(conn, article)
    assert stored.id is not None
    if index is not None and original is None and article.content_hash:
        index.add(stored.id, article.simhash, article.published)
    if candidate.page_body:
        save_raw_page(
            conn,
            stored.id,
            url=candidate.page_url,
            body=candidate.page_body,
            content_type=candidate.page_type,
            fetched_at=article.fetched_at,
        )
    db.add_article_link(
        conn,
        stored.id,
        url=candidate.entry_url or article.url,
        source_id=article.source_id,
        guid=candidate.guid,
    )
    return "copy" if original is not None else "new"


def unseen_entries(
    conn: Connection, source: Source, entries: Sequence[FeedEntry]
) -> list[FeedEntry]:
    """The entries not yet stored through this very source (one query per key, not per entry).

    An entry whose article is known only through another feed is unseen: storing it again
    records the extra link (one article, several feeds) without fetching its page twice.
    """
    assert source.id is not None
    by_guid = article_refs_by_guid(conn, [e.guid for e in entries])
    canonical = {e.url: canonical_url(e.url) for e in entries if e.url}
    linked = linked_canonical_urls(conn, source.id, list(canonical.values()))
    return [
        e
        for e in entries
        if not (e.guid and (e.guid, source.id) in by_guid)
        and not (e.url and canonical[e.url] in linked)
    ]


# Articles of a batch are referred to by PENDING + position until inserted: above any stored id,
# so ties between near copies still go to the earlier article.
PENDING = 1 << 62


def store_candidates(
    conn: Connection, candidates: Sequence[Candidate], index: NearCopyIndex
) -> list[StoredAs]:
    """``store_candidate`` for each of ``candidates`` in order, with the same outcome, but with a
    few set-wise queries and one insert per table instead of several statements per article."""
    if not candidates:
        return []
    by_url = article_refs_by_canonical_url(conn, [c.article.canonical_url for c in candidates])
    by_guid = article_refs_by_guid(conn, [c.guid for c in candidates])
    by_hash = originals_by_content_hash(conn, [c.article.content_hash for c in candidates])
    in_batch = NearCopyIndex()  # this batch's originals, by their pending references
    kinds: list[StoredAs] = []
    refs: list[int] = []  # the article each candidate is stored as or linked to
    new: dict[int, Article] = {}  # pending reference -> article to insert, copy_of maybe pending
    for position, candidate in enumerate(candidates):
        article = candidate.article
        known = by_url.get(article.canonical_url)
        if known is None and candidate.guid:
            known = by_guid.get((candidate.guid, article.source_id))
        if known is None:
            known = PENDING + position
            original = _batch_original(conn, article, by_hash, index, in_batch)
            new[known] = replace(article, copy_of=original)
            by_url[article.canonical_url] = known
            if article.content_hash:
                by_hash.setdefault(article.content_hash, known if original is None else original)
                if original is None:
                    in_batch.add(known, article.simhash, article.published)
            kinds.append("new" if original is None else "copy")
        else:
            kinds.append("known")
        if candidate.guid:
            by_guid.setdefault((candidate.guid, article.source_id), known)
        refs.append(known)
    ids = _insert_new(conn, new)
    if ids is None:  # a canonical URL was taken meanwhile: one by one, which sorts that out
        return [store_candidate(conn, c, index) for c in candidates]
    for ref, article in new.items():
        if article.copy_of is None and article.content_hash:
            index.add(ids[ref], article.simhash, article.published)
    save_raw_pages(
        conn,
        [
            PageToKeep(ids[ref], c.page_url, c.page_body, c.page_type, c.article.fetched_at)
            for ref, c, kind in zip(refs, candidates, kinds, strict=True)
            if kind != "known" and c.page_body
        ],
    )
    add_article_links(
        conn,
        [
            (ids.get(ref, ref), c.entry_url or c.article.url, c.article.source_id, c.guid)
            for ref, c in zip(refs, candidates, strict=True)
        ],
    )
    return kinds


def _batch_original(
    conn: Connection,
    article: Article,
    by_hash: dict[str, int],
    index: NearCopyIndex,
    in_batch: NearCopyIndex,
) -> int | None:
    """``find_original`` against the store (prefetched hashes, ``index``) and this batch."""
    if not article.content_hash:
        return None
    same = by_hash.get(article.content_hash)
    if same is not None:
        return same
    if len(article.text.split()) < MIN_WORDS_FOR_NEAR_COPY:
        return None
    since = article.published - COPY_LOOKBACK
    index.cover(conn, since)
    found = [
        best
        for best in (
            index.closest(article.simhash, since),
            in_batch.closest(article.simhash, since),
        )
        if best is not None
    ]
    return min(found)[1] if found else None


def _insert_new(conn: Connection, new: dict[int, Article]) -> dict[int, int] | None:
    """Insert a batch's new articles, originals first so that copies can point at them; pending
    reference -> id, or None (nothing inserted) when a canonical URL is already taken."""
    originals = [ref for ref, article in new.items() if article.copy_of is None]
    copies = [ref for ref, article in new.items() if article.copy_of is not None]
    with conn.begin_nested() as savepoint:
        first = insert_articles(conn, [new[ref] for ref in originals])
        ids = dict(zip(originals, first or [], strict=True))
        pointed = [
            replace(new[r], copy_of=ids.get(new[r].copy_of or 0, new[r].copy_of)) for r in copies
        ]
        second = insert_articles(conn, pointed) if first is not None else None
        if first is None or second is None:
            savepoint.rollback()
            return None
        ids.update(zip(copies, second, strict=True))
    return ids


def find_original(
    conn: Connection, article: Article, index: NearCopyIndex | None = None
) -> int | None:
    """The id of the earliest stored article with the same or nearly the same text, if any."""
    if not article.content_hash:
        return None
    same = db.find_article(conn, content_hash=article.content_hash)
    if same is not None and same.id is not None:
        return same.copy_of or same.id
    if len(article.text.split()) < MIN_WORDS_FOR_NEAR_COPY:
        return None
    since = article.published - COPY_LOOKBACK
    if index is not None:
        index.cover(conn, since)
        return index.nearest(article.simhash, since)
    best: tuple[int, int] | None = None
    for other_id, other_hash in db.simhash_candidates(conn, since=since):
        distance = hamming(article.simhash, other_hash)
        if distance <= NEAR_COPY_DISTANCE and (best is None or distance < best[0]):
            best = (distance, other_id)
    return best[1] if best else None


class NearCopyIndex:
    """Originals' SimHashes split into bands, loaded once per write phase and kept up to date.

    Only hashes sharing a band with the query are compared, so finding near copies costs about
    the same with 100 or 100,000 recent articles.
    """

    def __init__(self) -> None:
        self._since: datetime | None = None
        self._rows: dict[int, tuple[int, datetime]] = {}
        self._bands: list[dict[int, list[int]]] = [{} for _ in range(SIMHASH_BANDS)]

    def cover(self, conn: Connection, since: datetime) -> None:
        """Make sure every stored original published from ``since`` on is indexed."""
        if self._since is not None and since >= self._since:
            return
        for article_id, value, published in simhash_rows(conn, since=since):
            if article_id not in self._rows:
                self.add(article_id, value, published)
        self._since = since

    def add(self, article_id: int, value: int, published: datetime) -> None:
        self._rows[article_id] = (value, published)
        for band, key in enumerate(_band_keys(value)):
            self._bands[band].setdefault(key, []).append(article_id)

    def nearest(self, value: int, since: datetime) -> int | None:
        """The closest indexed original within NEAR_COPY_DISTANCE published since ``since``."""
        best = self.closest(value, since)
        return best[1] if best else None

    def closest(self, value: int, since: datetime) -> tuple[int, int] | None:
        """(distance, id) of ``nearest``; ties go to the smaller id."""
        best: tuple[int, int] | None = None
        for band, key in enumerate(_band_keys(value)):
            for other_id in self._bands[band].get(key, ()):
                other, published = self._rows[other_id]
                if published < since:
                    continue
                distance = hamming(value, other)
                if distance <= NEAR_COPY_DISTANCE and (best is None or (distance, other_id) < best):
                    best = (distance, other_id)
        return best


def _band_keys(value: int) -> list[int]:
    unsigned = value & 0xFFFF_FFFF_FFFF_FFFF
    mask = (1 << _BAND_BITS) - 1
    return [(unsigned >> (band * _BAND_BITS)) & mask for band in range(SIMHASH_BANDS)]


def _linkless_key(source_id: int, identity: str) -> str:
    """The identity of an entry without a usable link (none given, or one refused as unsafe):
    its guid (else its title and text) within its source. Without it every link-less entry of
    every feed would share the canonical URL "" and all but the first would be lost."""
    digest = hashlib.sha256(identity.encode("utf-8", errors="replace")).hexdigest()[:32]
    return f"urn:newsloom:source:{source_id}:entry:{digest}"


def _trusted_canonical(extracted: Extracted | None, page_url: str) -> str:
    """A page's rel=canonical, only when it stays on the page's own site (no hijacking)."""
    if extracted is None or not safe_url(extracted.canonical_url):
        return ""
    claimed, actual = urlsplit(extracted.canonical_url), urlsplit(page_url)
    if claimed.scheme not in ("http", "https"):
        return ""
    if _site(claimed.hostname or "") != _site(actual.hostname or ""):
        return ""
    return extracted.canonical_url


def _site(host: str) -> str:
    host = host.lower()
    for prefix in ("www.", "m.", "mobile.", "amp."):
        if host.startswith(prefix):
            host = host[len(prefix) :]
    return host


def _lead(text: str) -> str:
    first = next((p.strip() for p in text.split("\n") if p.strip()), "")
    if len(first) <= LEAD_CHARS:
        return first
    cut = first[:LEAD_CHARS].rsplit(" ", 1)[0]
    return cut + "…"
