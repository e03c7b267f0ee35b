"""The refresh recipe: a newsroom's day, read top to bottom.

1. claim the sources that are due, a chunk at a time under a lease, so that several workers
   sharing one database refresh disjoint sets (pipeline/workers.py);
2. fetch them concurrently (the Fetcher bounds hosts, sizes and time), read each one by its kind
   (feed, sitemap or single page; an HTML page where a feed was expected is searched for its feed),
   fetch and extract the pages of entries not seen before;
3. write the new articles in batches as sources complete (oldest first within a batch, so memory
   stays flat however many sources there are), deduplicating by canonical URL, guid and text, then
   each batch's source state;
4. embed the articles that have no story yet and assign them to stories, oldest first;
5. categorize, rank and summarize the stories that changed;
6. fetch, check and re-encode the pictures of articles in stories (pipeline/images.py).

Steps 3-5 are driven by what the store holds, not by what this run fetched, so a run that was killed
at any point is finished by the next one, and a run with nothing new changes nothing. Writing
articles and assigning stories take named locks (store/locks.py): one worker at a time each.
A shutdown request (SIGTERM, newsloom/shutdown.py) stops claiming, finishes the sources in flight
and stops the story step between two transactions.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

import httpx
from sqlalchemy import Connection

import newsloom.store as db
from newsloom import metrics, shutdown
from newsloom.dedup import NearCopyIndex
from newsloom.errors import ExtractError, NewsloomError, ParseError, StoreError, unexpected
from newsloom.ingest.discover import find_feed
from newsloom.ingest.fetch import Fetcher
from newsloom.ingest.parse import detect_format, parse_feed
from newsloom.ingest.sitemap import parse_sitemap
from newsloom.ingest.sniff import is_html_document, looks_like_html
from newsloom.pipeline.images import fetch_images
from newsloom.pipeline.pool import CandidateBuilder
from newsloom.pipeline.schedule import next_check_after
from newsloom.pipeline.workers import SourceQueue, last_article_id
from newsloom.records import Candidate, FeedEntry, FetchResult, ParsedFeed, Source, SourceKind
from newsloom.retry import retrying
from newsloom.settings import Settings
from newsloom.store import Store
from newsloom.store.candidates import StoredAs, store_candidates, unseen_entries
from newsloom.store.engine import connection_lost
from newsloom.store.locks import exclusive

log = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]  # (phase, done, total)

# Child sitemaps read per sitemap index per run (newest first): news sites list today's first.
MAX_CHILD_SITEMAPS = 3
# Articles buffered before a batch is written; a run with fewer writes everything at once.
FLUSH_ARTICLES = 1000


@dataclass
class SourceOutcome:
    source: Source
    status: int = 0
    error: str | None = None
    candidates: list[Candidate] = field(default_factory=list)
    parsed: ParsedFeed | None = None
    result: FetchResult | None = None
    page_errors: list[str] = field(default_factory=list)
    new_url: str | None = None  # the feed found on a site's page, or a permanent redirect
    kind: SourceKind | None = None  # set when the body showed the source is another kind


@dataclass
class RefreshReport:
    sources: int = 0
    failed_sources: int = 0
    not_modified: int = 0
    new_articles: int = 0
    copies: int = 0
    known_links: int = 0
    page_errors: int = 0
    stories_touched: int = 0
    new_stories: int = 0
    images: int = 0  # pictures fetched and stored
    summaries: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)
    stopped: bool = False  # a shutdown request ended the pass early; the next one resumes

    def one_line(self) -> str:
        return (
            f"refresh: {self.sources} sources ({self.failed_sources} failed, "
            f"{self.not_modified} unchanged), {self.new_articles} new articles "
            f"({self.copies} copies, {self.known_links} already known, {self.page_errors} pages "
            f"fell back to feed text), {self.new_stories} new stories, {self.stories_touched} "
            f"stories updated, {self.summaries} summaries, {self.images} pictures in "
            f"{self.seconds:.1f} s"
            + (" (stopped early: shutdown requested)" if self.stopped else "")
        )


def run_refresh(
    settings: Settings,
    store: Store,
    *,
    now: datetime | None = None,
    transport: httpx.AsyncBaseTransport | None = None,
    progress: Progress | None = None,
    all_sources: bool = False,
    stories: bool = True,
) -> RefreshReport:
    """Synchronous entry point (CLI, scheduler thread)."""
    return asyncio.run(
        refresh(
            settings,
            store,
            now=now,
            transport=transport,
            progress=progress,
            all_sources=all_sources,
            stories=stories,
        )
    )


async def refresh(
    settings: Settings,
    store: Store,
    *,
    now: datetime | None = None,
    transport: httpx.AsyncBaseTransport | None = None,
    progress: Progress | None = None,
    all_sources: bool = False,
    stories: bool = True,
) -> RefreshReport:
    """One pass; ``stories=False`` stops after storing articles (steps 4-5 are left to a later run)."""
    started = time.monotonic()
    now = now or datetime.now(UTC)
    report = RefreshReport()
    tick = progress or (lambda phase, done, total: None)

    # 1. Due sources, claimed as fetch tasks free up (see pipeline/workers.py).
    # Sources in flight are bounded, so pending bodies and pages stay bounded.
    in_flight = max(8, settings.concurrency * 2)
    queue = SourceQueue(store, now=now, chunk=in_flight, every_source=all_sources)

    # 2 + 3. Fetch, parse, extract (network-bound, concurrent) and store in batches.
    writer = _BatchWriter(settings, store, now, report)
    builder = CandidateBuilder()
    try:
        async with Fetcher(settings, transport=transport) as fetcher:
            done = 0

            async def fetch_next() -> None:
                nonlocal done
                while (source := await queue.next()) is not None:
                    begun = time.monotonic()
                    outcome = await fetch_source(fetcher, settings, store, source, now, builder)
                    metrics.observe_fetch(
                        time.monotonic() - begun,
                        failed=outcome.error is not None,
                        not_modified=outcome.status == 304,
                    )
                    done += 1
                    tick("fetch", done, queue.claimed)
                    await writer.add(outcome)

            await asyncio.gather(*(fetch_next() for _ in range(in_flight)))
        await writer.flush()
    finally:
        builder.close()
        queue.release()
    report.sources = queue.claimed
    report.stopped = shutdown.requested()

    if stories and not report.stopped:
        _story_step(settings, store, now, tick, report)
    if stories and not report.stopped:
        # 6. Pictures of the articles now in stories (pipeline/images.py).
        report.images = await fetch_images(settings, store, now, transport=transport)
    report.seconds = time.monotonic() - started
    metrics.observe_refresh(report, finished_at=time.time())
    return report


# A story step that lost its database connection is run again from the store's state.
STORY_STEP_ATTEMPTS = 3


def _story_step(
    settings: Settings, store: Store, now: datetime, tick: Progress, report: RefreshReport
) -> None:
    """4 + 5. Stories, from what the store holds: one worker at a time assigns and summarizes."""
    # Imported here, not at the top: clustering brings scikit-learn, SciPy and the embedder
    # (~1 s of CPU and ~75 MB), which a refresh with stories=False, the benches' ingest and the
    # short commands that only add sources never use.
    from newsloom.pipeline.stories import cluster_new_articles, refresh_stories

    def attempt() -> None:
        with exclusive(store, "stories", waiting=shutdown.raise_if_requested):
            step_tick = shutdown.checkpoint(tick)
            clustered = cluster_new_articles(settings, store, now=now, progress=step_tick)
            report.new_stories += clustered.new_stories
            touched = refresh_stories(
                settings, store, clustered.touched, now=now, progress=step_tick
            )
            report.stories_touched += touched.stories
            report.summaries += touched.summaries

    try:
        retrying(
            attempt,
            attempts=STORY_STEP_ATTEMPTS,
            retry_on=connection_lost,
            exceptions=NewsloomError,
        )
    except shutdown.ShutdownRequested:
        report.stopped = True


async def fetch_source(
    fetcher: Fetcher,
    settings: Settings,
    store: Store,
    source: Source,
    now: datetime,
    builder: CandidateBuilder | None = None,
) -> SourceOutcome:
    """Fetch and read one source, then fetch and extract its unseen entries. Whatever the source
    sends becomes its recorded error; only a StoreError (the run's store, not this source) is raised."""
    outcome = SourceOutcome(source=source)
    try:
        refused = await fetcher.refusal(source.url)
        if refused:
            outcome.error = refused
            return outcome
        result = await fetcher.fetch(
            source.url, etag=source.etag, last_modified=source.last_modified
        )
        # Headers are kept for the schedule and validators; the body is not needed past reading.
        outcome.result = replace(result, body=b"")
        outcome.status = result.status
        if result.not_modified:
            return outcome
        if result.error or not result.ok:
            outcome.error = result.error or f"fetch: HTTP {result.status} ({source.url})"
            return outcome
        parsed, page = await _read_source(fetcher, source, result, outcome)
        outcome.parsed = parsed
        entries = parsed.entries[: settings.max_entries_per_feed]
        unseen = store.read_retrying(lambda conn: unseen_entries(conn, source, entries))
        build = builder or CandidateBuilder(workers=1)
        if settings.fetch_pages and page is None:
            build.expect(sum(1 for e in unseen if e.url))
        pages = await asyncio.gather(
            *(
                _entry_candidate(fetcher, build, settings, source, e, parsed, now, page)
                for e in unseen
            )
        )
        for candidate, page_error in pages:
            if candidate is not None:
                outcome.candidates.append(candidate)
            if page_error:
                outcome.page_errors.append(page_error)
    except StoreError:
        raise  # the store is the run's, not this source's: the pass stops
    except NewsloomError as exc:  # any stage error is recorded on the source
        outcome.error = str(exc)
    except Exception as exc:  # and so is anything else this source's bytes set off
        outcome.error = unexpected("refresh", exc, source.url)
        log.warning(outcome.error, exc_info=exc, extra={"stage": "refresh", "source_id": source.id})
    return outcome


async def _read_source(
    fetcher: Fetcher, source: Source, result: FetchResult, outcome: SourceOutcome
) -> tuple[ParsedFeed, FetchResult | None]:
    """The entries of a fetched source by its kind; the page itself for a single-page source.

    The body decides when it disagrees with the declared kind: a sitemap added as a feed is read
    as a sitemap, and an HTML page added as a feed is searched for the site's feed.
    """
    body, url = result.body, result.final_url
    if source.kind == "page":
        entry = FeedEntry(url=url, guid=source.url)
        return ParsedFeed(format="unknown", link=url, entries=(entry,)), result
    sniffed = detect_format(body)
    if sniffed == "sitemap" or (source.kind == "sitemap" and sniffed == "unknown"):
        outcome.kind = "sitemap" if source.kind != "sitemap" else None
        return await _read_sitemap(fetcher, body, url), None
    if sniffed == "unknown" and is_html_document(body):
        found = await find_feed(fetcher, url, page=body)
        if found.url is None or found.feed is None:
            raise ParseError(
                f"parse: an HTML page, and no feed declared on it or at the usual paths ({url})"
            )
        outcome.new_url = found.url
        outcome.kind = "feed" if source.kind != "feed" else None
        return found.feed, None
    return parse_feed(body, url), None


async def _read_sitemap(fetcher: Fetcher, body: bytes, url: str) -> ParsedFeed:
    """A sitemap's pages, newest first; for an index, the pages of its newest child sitemaps."""
    sitemap = parse_sitemap(body, url)
    if not sitemap.is_index:
        return sitemap.feed
    entries: list[FeedEntry] = []
    warnings = list(sitemap.feed.warnings)
    for child_url in sitemap.sitemaps[:MAX_CHILD_SITEMAPS]:
        refused = await fetcher.refusal(child_url)
        if refused:
            warnings.append(refused)
            continue
        child = await fetcher.fetch(child_url)
        if not child.ok:
            warnings.append(child.error or f"fetch: HTTP {child.status} ({child_url})")
            continue
        try:
            nested = parse_sitemap(child.body, child.final_url)
        except ParseError as exc:
            warnings.append(str(exc))
            continue
        if nested.is_index:
            warnings.append(f"parse: nested sitemap index not followed ({child_url})")
        entries.extend(nested.feed.entries)
        warnings.extend(nested.feed.warnings)
    unique = {e.url: e for e in entries}
    ordered = sorted(unique.values(), key=_newest_first)
    return replace(sitemap.feed, entries=tuple(ordered), warnings=tuple(warnings))


def _newest_first(entry: FeedEntry) -> tuple[bool, float]:
    moment = entry.published or entry.updated
    return (moment is None, -moment.timestamp() if moment else 0.0)


async def _entry_candidate(
    fetcher: Fetcher,
    builder: CandidateBuilder,
    settings: Settings,
    source: Source,
    entry: FeedEntry,
    parsed: ParsedFeed,
    now: datetime,
    fetched: FetchResult | None = None,
) -> tuple[Candidate | None, str | None]:
    """The article of one entry; ``fetched`` is its page when already in hand (page sources)."""
    page: FetchResult | None = fetched
    page_error: str | None = None
    if page is None and settings.fetch_pages and entry.url:
        refused = await fetcher.refusal(entry.url)
        if refused:
            page_error = refused
            log.warning(
                "item link refused: %s", refused, extra={"stage": "fetch", "source_id": source.id}
            )
        else:
            page = await fetcher.fetch(entry.url)
            if page.error or not page.ok:
                page_error = page.error or f"fetch: HTTP {page.status} ({entry.url})"
                page = None
    if page is not None and not looks_like_html(page.body, page.headers.get("content-type")):
        kind = page.headers.get("content-type") or "no content type"
        page_error = f"extract: not an HTML page ({kind}), kept feed text ({entry.url})"
        page = None
    try:
        candidate = await builder.build(source, entry, parsed, page, now)
    except ExtractError as exc:
        return None, str(exc)
    except Exception as exc:  # whatever one page does to the extractors is that page's error
        message = unexpected("extract", exc, entry.url or source.url)
        log.warning(message, exc_info=exc, extra={"stage": "extract", "source_id": source.id})
        return None, message
    if page is not None and candidate.article.extraction_method == "feed":
        page_error = (
            page_error or f"extract: page gave no article text, kept feed text ({entry.url})"
        )
    return candidate, page_error


WRITE_BATCH = 200


class _BatchWriter:
    """Collects finished sources; writes their articles, then their state, batch by batch.

    Articles of a batch are stored oldest first, so the first publisher of a text becomes the
    original and later copies point at it. A source's state is written only after its articles:
    a run killed in between re-fetches that source next time, and storing is idempotent.
    """

    def __init__(
        self, settings: Settings, store: Store, now: datetime, report: RefreshReport
    ) -> None:
        self._settings, self._store, self._now, self._report = settings, store, now, report
        self._pending: list[SourceOutcome] = []
        self._articles = 0
        self._lock = asyncio.Lock()
        self._index = NearCopyIndex()
        self._last_id = -1  # the last article id after this writer's latest batch

    async def add(self, outcome: SourceOutcome) -> None:
        self._pending.append(outcome)
        self._articles += len(outcome.candidates)
        if self._articles >= FLUSH_ARTICLES:
            await self.flush()

    async def flush(self) -> None:
        async with self._lock:
            batch, self._pending, self._articles = self._pending, [], 0
            if batch:
                # Off the event loop, so fetching goes on while the store writes.
                await asyncio.to_thread(self._write, batch)

    def _write(self, batch: list[SourceOutcome]) -> None:
        candidates = [c for outcome in batch for c in outcome.candidates]
        with exclusive(self._store, "articles"):
            # Another worker stored articles since this one's last batch: index them too.
            if last_article_id(self._store) != self._last_id:
                self._index = NearCopyIndex()
            write_articles(self._store, candidates, self._report, self._index)
            self._last_id = last_article_id(self._store)
        for outcome in batch:
            write_source_state(self._settings, self._store, outcome, self._now, self._report)


def write_articles(
    store: Store,
    candidates: list[Candidate],
    report: RefreshReport,
    index: NearCopyIndex | None = None,
) -> None:
    index = index or NearCopyIndex()
    ordered = store_order(candidates)
    for start in range(0, len(ordered), WRITE_BATCH):
        kinds, index = _store_batch(store, ordered[start : start + WRITE_BATCH], index)
        for kind in kinds:
            if kind == "known":
                report.known_links += 1
            else:
                report.new_articles += 1
            if kind == "copy":
                report.copies += 1


def store_order(candidates: list[Candidate]) -> list[Candidate]:
    """``candidates`` in the order they are stored: by date, then by fields that set them apart
    when dates tie (undated entries all carry the refresh's instant, entries without a link share
    the feed's URL), so a batch gets the same ids, originals and stories whichever page finished
    first."""
    return sorted(
        candidates,
        key=lambda c: (
            c.article.published,
            c.article.url,
            c.entry_url,
            c.guid,
            c.article.source_id,
            c.article.title,
            c.article.text,
        ),
    )


def _store_batch(
    store: Store, batch: list[Candidate], index: NearCopyIndex
) -> tuple[list[StoredAs], NearCopyIndex]:
    """Store ``batch`` in one transaction, run again if the connection dropped; returns how each
    was stored and the index to go on with (a retry starts afresh: the failed try indexed rows
    that were rolled back)."""
    indexes: list[NearCopyIndex] = []

    def work(conn: Connection) -> list[StoredAs]:
        indexes.append(NearCopyIndex() if indexes else index)
        return store_candidates(conn, batch, indexes[-1])

    kinds = store.write_retrying(work)
    return kinds, indexes[-1]


def write_source_state(
    settings: Settings, store: Store, outcome: SourceOutcome, now: datetime, report: RefreshReport
) -> None:
    """Record the fetch on its source: validators, errors and the next check."""
    source = outcome.source
    assert source.id is not None
    result = outcome.result
    if outcome.error:
        report.failed_sources += 1
        report.errors.append(f"{source.url}: {outcome.error}")
    if outcome.status == 304:
        report.not_modified += 1
    report.page_errors += len(outcome.page_errors)
    error = outcome.error
    if error is None and outcome.page_errors and not outcome.candidates:
        error = outcome.page_errors[0]
    next_check = next_check_after(settings, source, outcome.parsed, result, now, failed=bool(error))
    # Validators of a site's page say nothing about the feed found on it.
    keep_validators = error is None and result is not None and result.ok and not outcome.new_url
    source_id = source.id

    def record(conn: Connection) -> None:
        db.update_source_after_fetch(
            conn,
            source_id,
            now=now,
            status=outcome.status,
            error=error,
            etag=_header(result, "etag") if keep_validators else source.etag,
            last_modified=(
                _header(result, "last-modified") if keep_validators else source.last_modified
            ),
            next_check=next_check,
            title=(outcome.parsed.title or None) if outcome.parsed and not source.title else None,
            new_url=outcome.new_url or _permanent_redirect(result, source),
            n_entries=len(outcome.parsed.entries) if outcome.parsed else 0,
            kind=outcome.kind,
            pause_after=settings.pause_after_failures,
        )

    store.write_retrying(record)


def _header(result: FetchResult | None, name: str) -> str | None:
    if result is None:
        return None
    return result.headers.get(name) or None


def _permanent_redirect(result: FetchResult | None, source: Source) -> str | None:
    # The Fetcher reports the final URL of a chain of permanent redirects in this header.
    if result is None or result.error:
        return None
    moved = result.headers.get("x-newsloom-permanent-redirect")
    return moved if moved and moved != source.url else None


def due_count(store: Store, now: datetime) -> int:
    with store.read() as conn:
        return len(db.due_sources(conn, now))


def add_sources(store: Store, sources: Sequence[Source]) -> list[Source]:
    with store.write() as conn:
        return [db.add_source(conn, s) for s in sources]
