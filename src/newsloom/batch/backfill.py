"""``newsloom backfill PATH``: import an archive through the same extraction and dedup as a refresh.

Each record becomes a feed entry (plus its captured page, when the archive has one) and goes
through ``pipeline.articles.candidate_from_entry`` on the runner's workers; candidates are stored
here, in archive order, with ``store.candidates.store_candidate``, so a second import of the same
archive adds nothing and copies are marked exactly as in live ingest.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime
from html import escape
from pathlib import Path
from urllib.parse import urlsplit

import newsloom.store as db
from newsloom.batch.archive import ArchiveRecord, read_archive, utc_or
from newsloom.batch.runners import Runner, batched
from newsloom.dedup import NearCopyIndex
from newsloom.errors import ExtractError, unexpected
from newsloom.pipeline.articles import candidate_from_entry
from newsloom.records import Candidate, FeedEntry, FetchResult, ParsedFeed, Source
from newsloom.store.candidates import store_candidate

log = logging.getLogger(__name__)
BATCH = 64


@dataclass
class BackfillReport:
    records: int = 0
    new: int = 0
    copies: int = 0
    known: int = 0
    skipped: int = 0  # records with neither usable text nor title
    sources_added: int = 0

    def as_json(self) -> dict[str, int]:
        return dict(vars(self))


def source_for(record: ArchiveRecord) -> Source:
    """The feed the record names, else its site's front page (one source per host)."""
    if record.feed_url:
        return Source(
            url=record.feed_url,
            title=record.outlet,
            section=record.section,
            language=record.language,
        )
    parts = urlsplit(record.url)
    host = parts.hostname or "unknown"
    return Source(
        url=f"{parts.scheme or 'https'}://{host}/",
        kind="page",
        title=record.outlet or host,
        site_url=f"{parts.scheme or 'https'}://{host}/",
        section=record.section,
        language=record.language,
    )


def record_entry(record: ArchiveRecord, now: datetime) -> tuple[FeedEntry, FetchResult | None]:
    """The feed entry (text as HTML paragraphs) and the captured page the record stands for."""
    paragraphs = [p.strip() for p in record.text.split("\n") if p.strip()]
    entry = FeedEntry(
        url=record.url,
        guid=record.guid,
        title=record.title,
        content_html="".join(f"<p>{escape(p)}</p>" for p in paragraphs),
        published=record.published,
        authors=(record.author,) if record.author else (),
        language=record.language,
    )
    if not record.html:
        return entry, None
    page = FetchResult(
        url=record.url,
        final_url=record.url,
        status=200,
        fetched_at=utc_or(record.fetched_at, now),
        headers={"content-type": record.content_type or "text/html"},
        body=record.html,
    )
    return entry, page


Sourced = tuple[Source, ArchiveRecord]
BuildCandidates = Callable[[list[Sourced]], list[Candidate | None]]


def candidate_worker(now: datetime) -> BuildCandidates:
    """A worker factory's product: records (with their stored source) to candidates or None."""

    def build(batch: list[Sourced]) -> list[Candidate | None]:
        out: list[Candidate | None] = []
        for source, record in batch:
            moment = utc_or(record.fetched_at, now)
            entry, page = record_entry(record, moment)
            parsed = ParsedFeed(format="unknown", language=source.language)
            try:
                candidate = candidate_from_entry(source, entry, parsed, page, moment)
            except ExtractError:
                out.append(None)
                continue
            except Exception as exc:  # one record's page is that record's problem
                log.warning(unexpected("extract", exc, record.url), extra={"stage": "backfill"})
                out.append(None)
                continue
            # The page is kept (raw_pages) so that reprocess --stage extract can re-run on it.
            out.append(candidate)
        return out

    return build


@dataclass(frozen=True)
class CandidateFactory:
    """Picklable (for Ray actors): builds the candidate worker once per actor."""

    now: datetime

    def __call__(self) -> BuildCandidates:
        return candidate_worker(self.now)


def backfill(
    store: db.Store,
    path: Path,
    runner: Runner,
    *,
    now: datetime,
    batch_size: int = BATCH,
    progress: Callable[[BackfillReport], None] | None = None,
) -> BackfillReport:
    """Import every record under ``path``; idempotent (natural keys: canonical URL, guid)."""
    report = BackfillReport()
    known_sources: dict[str, Source] = {}

    def with_sources(batches: Iterable[list[ArchiveRecord]]) -> Iterator[list[Sourced]]:
        for batch in batches:
            wanted = {s.url: s for s in map(source_for, batch) if s.url not in known_sources}
            if wanted:
                known_sources.update(_ensure_sources(store, list(wanted.values()), report))
            yield [(known_sources[source_for(r).url], r) for r in batch]

    index = NearCopyIndex()
    batches = with_sources(batched(read_archive(path), batch_size))
    for candidates in runner.map_batches(CandidateFactory(now), batches):
        report.records += len(candidates)
        with store.write() as conn:
            for candidate in candidates:
                if candidate is None:
                    report.skipped += 1
                    continue
                outcome = store_candidate(conn, candidate, index)
                report.new += outcome == "new"
                report.copies += outcome == "copy"
                report.known += outcome == "known"
        if progress is not None:
            progress(report)
    log.info("backfill done: %s", report.as_json(), extra={"stage": "backfill"})
    return report


def _ensure_sources(
    store: db.Store, wanted: list[Source], report: BackfillReport
) -> dict[str, Source]:
    with store.read() as conn:
        stored = {s.url: s for s in db.list_sources(conn)}
    missing = [s for s in wanted if s.url not in stored]
    if missing:
        with store.write() as conn:
            for source in missing:
                added = db.add_source(conn, source)
                stored[added.url] = added
                report.sources_added += 1
    return {s.url: replace(stored[s.url]) for s in wanted}
