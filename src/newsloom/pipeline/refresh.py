"""The refresh recipe: a newsroom's day, read top to bottom.

1. pick the sources that are due;
2. fetch them concurrently (the Fetcher bounds hosts, sizes and time), parse each feed, fetch and
   extract the pages of entries not seen before;
3. write each source's new articles in one transaction, deduplicating by canonical URL, guid and text;
4. embed the articles that have no story yet and assign them to stories, oldest first;
5. categorize, rank and summarize the stories that changed.

Steps 3-5 are driven by what the store holds, not by what this run fetched, so a run that was killed
at any point is finished by the next one, and a run with nothing new changes nothing.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

import httpx
from sqlalchemy import Connection

import newsloom.store as db
from newsloom.dedup import canonical_url
from newsloom.errors import ExtractError, NewsloomError, ParseError
from newsloom.ingest.fetch import Fetcher
from newsloom.ingest.parse import parse_feed
from newsloom.pipeline.articles import Candidate, candidate_from_entry, store_candidate
from newsloom.pipeline.schedule import next_check_after
from newsloom.pipeline.stories import cluster_new_articles, refresh_stories
from newsloom.records import FeedEntry, FetchResult, ParsedFeed, Source
from newsloom.settings import Settings
from newsloom.store import Store

Progress = Callable[[str, int, int], None]  # (phase, done, total)


@dataclass
class SourceOutcome:
    source: Source
    status: int = 0
    error: str | None = None
    candidates: list[Candidate] = field(default_factory=list)
    parsed: ParsedFeed | None = None
    result: FetchResult | None = None
    page_errors: list[str] = field(default_factory=list)


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
    summaries: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)

    def one_line(self) -> str:
        return (
            f"refresh: {self.sources} sources ({self.failed_sources} failed, "
            f"{self.not_modified} unchanged), {self.new_articles} new articles "
            f"({self.copies} copies, {self.known_links} already known, {self.page_errors} pages "
            f"fell back to feed text), {self.new_stories} new stories, {self.stories_touched} "
            f"stories updated, {self.summaries} summaries in {self.seconds:.1f} s"
        )


def run_refresh(
    settings: Settings,
    store: Store,
    *,
    now: datetime | None = None,
    transport: httpx.AsyncBaseTransport | None = None,
    progress: Progress | None = None,
    all_sources: bool = False,
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
) -> RefreshReport:
    started = time.monotonic()
    now = now or datetime.now(UTC)
    report = RefreshReport()
    tick = progress or (lambda phase, done, total: None)

    # 1. Due sources.
    with store.read() as conn:
        sources = db.list_sources(conn) if all_sources else db.due_sources(conn, now)
    report.sources = len(sources)

    # 2. Fetch, parse, extract: network-bound, concurrent.
    outcomes: list[SourceOutcome] = []
    if sources:
        async with Fetcher(settings, transport=transport) as fetcher:
            done = 0
            tick("fetch", 0, len(sources))

            async def one(source: Source) -> SourceOutcome:
                nonlocal done
                outcome = await fetch_source(fetcher, settings, store, source, now)
                done += 1
                tick("fetch", done, len(sources))
                return outcome

            outcomes = list(await asyncio.gather(*(one(s) for s in sources)))

    # 3. Store the articles of all sources oldest first, so the first publisher of a text becomes
    # the original and later copies point at it; then each source's new state. A run killed in
    # between re-fetches those sources next time, and storing is idempotent.
    write_articles(store, [c for o in outcomes for c in o.candidates], report)
    for outcome in outcomes:
        write_source_state(settings, store, outcome, now, report)

    # 4 + 5. Stories, from what the store holds.
    clustered = cluster_new_articles(settings, store, now=now, progress=tick)
    report.new_stories = clustered.new_stories
    touched = refresh_stories(settings, store, clustered.touched, now=now, progress=tick)
    report.stories_touched = touched.stories
    report.summaries = touched.summaries
    report.seconds = time.monotonic() - started
    return report


async def fetch_source(
    fetcher: Fetcher, settings: Settings, store: Store, source: Source, now: datetime
) -> SourceOutcome:
    """Fetch and parse one source, then fetch and extract its unseen entries. Never raises."""
    outcome = SourceOutcome(source=source)
    try:
        if settings.obey_robots and not await fetcher.robots_allowed(source.url):
            outcome.error = f"fetch: disallowed by robots.txt ({source.url})"
            return outcome
        result = await fetcher.fetch(
            source.url, etag=source.etag, last_modified=source.last_modified
        )
        outcome.result = result
        outcome.status = result.status
        if result.not_modified:
            return outcome
        if result.error or not result.ok:
            outcome.error = result.error or f"fetch: HTTP {result.status} ({source.url})"
            return outcome
        parsed = parse_feed(result.body, result.final_url)
        outcome.parsed = parsed
        entries = parsed.entries[: settings.max_entries_per_feed]
        with store.read() as conn:
            unseen = [e for e in entries if not _already_stored(conn, source, e.url, e.guid)]
        pages = await asyncio.gather(
            *(_entry_candidate(fetcher, settings, source, e, parsed, now) for e in unseen)
        )
        for candidate, page_error in pages:
            if candidate is not None:
                outcome.candidates.append(candidate)
            if page_error:
                outcome.page_errors.append(page_error)
    except ParseError as exc:
        outcome.error = str(exc)
    except NewsloomError as exc:  # any stage error is recorded on the source
        outcome.error = str(exc)
    return outcome


def _already_stored(conn: Connection, source: Source, url: str, guid: str) -> bool:
    """True when this entry was stored before through this very source (nothing left to do).

    An entry whose article is known only through another feed is not skipped: storing it again
    records the extra link (one article, several feeds) without fetching its page twice.
    """
    assert source.id is not None
    if guid and db.find_article(conn, guid=guid, source_id=source.id) is not None:
        return True
    if not url:
        return False
    known = db.find_article(conn, canonical_url=canonical_url(url))
    return (
        known is not None
        and known.id is not None
        and any(link_source == source.id for _, link_source in db.article_links(conn, known.id))
    )


async def _entry_candidate(
    fetcher: Fetcher,
    settings: Settings,
    source: Source,
    entry: FeedEntry,
    parsed: ParsedFeed,
    now: datetime,
) -> tuple[Candidate | None, str | None]:
    page: FetchResult | None = None
    page_error: str | None = None
    if settings.fetch_pages and entry.url:
        if settings.obey_robots and not await fetcher.robots_allowed(entry.url):
            page_error = f"fetch: page disallowed by robots.txt ({entry.url})"
        else:
            page = await fetcher.fetch(entry.url)
            if page.error or not page.ok:
                page_error = page.error or f"fetch: HTTP {page.status} ({entry.url})"
                page = None
    try:
        candidate = await asyncio.to_thread(candidate_from_entry, source, entry, parsed, page, now)
    except ExtractError as exc:
        return None, str(exc)
    if page is not None and candidate.article.extraction_method == "feed":
        page_error = (
            page_error or f"extract: page gave no article text, kept feed text ({entry.url})"
        )
    return candidate, page_error


WRITE_BATCH = 200


def write_articles(store: Store, candidates: list[Candidate], report: RefreshReport) -> None:
    ordered = sorted(candidates, key=lambda c: (c.article.published, c.article.url))
    for start in range(0, len(ordered), WRITE_BATCH):
        with store.write() as conn:
            for candidate in ordered[start : start + WRITE_BATCH]:
                kind = store_candidate(conn, candidate)
                if kind == "known":
                    report.known_links += 1
                else:
                    report.new_articles += 1
                if kind == "copy":
                    report.copies += 1


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
    keep_validators = error is None and result is not None and result.ok
    with store.write() as conn:
        db.update_source_after_fetch(
            conn,
            source.id,
            now=now,
            status=outcome.status,
            error=error,
            etag=_header(result, "etag") if keep_validators else source.etag,
            last_modified=(
                _header(result, "last-modified") if keep_validators else source.last_modified
            ),
            next_check=next_check,
            title=(outcome.parsed.title or None) if outcome.parsed and not source.title else None,
            new_url=_permanent_redirect(result, source),
            n_entries=len(outcome.parsed.entries) if outcome.parsed else 0,
        )


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
