"""CandidateBuilder: pages built on worker processes come back as if built here, errors per page."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path

import pytest

from newsloom.errors import ExtractError
from newsloom.pipeline.articles import candidate_from_entry
from newsloom.pipeline.pool import CandidateBuilder
from newsloom.records import FeedEntry, FetchResult, ParsedFeed, Source

PAGES = Path(__file__).parents[2] / "data" / "pages"
NOW = datetime(2026, 6, 3, 12, 0, tzinfo=UTC)
SOURCE = Source(url="https://courier.example/feed.xml", id=1, title="Quillhaven Courier")
PAGE_NAMES = [
    "language_japanese_without_spaces.html",
    "paywall_declared_full_text_served.html",
    "paywall_teaser_not_accessible_for_free.html",
]


def _job(number: int, name: str) -> tuple[FeedEntry, FetchResult]:
    url = f"https://courier.example/story/{number}"
    entry = FeedEntry(url=url, guid=url, title=f"Story {number}", summary_html="<p>Summary.</p>")
    page = FetchResult(
        url=url,
        final_url=url,
        status=200,
        fetched_at=NOW,
        headers={"content-type": "text/html; charset=utf-8"},
        body=(PAGES / name).read_bytes(),
    )
    return entry, page


async def _build_all(
    builder: CandidateBuilder, jobs: list[tuple[FeedEntry, FetchResult]], feed: ParsedFeed
) -> list[object]:
    return await asyncio.gather(
        *(builder.build(SOURCE, entry, feed, page, NOW) for entry, page in jobs),
        return_exceptions=True,
    )


def _run(
    builder: CandidateBuilder,
    jobs: list[tuple[FeedEntry, FetchResult]],
    feed: ParsedFeed,
    announced: int | None = None,
) -> list[object]:
    """Build ``jobs`` (after announcing ``announced`` pages, when given), then close the builder."""
    try:
        if announced is not None:
            builder.expect(announced)
        return asyncio.run(_build_all(builder, jobs, feed))
    finally:
        builder.close()


def test_pages_built_by_worker_processes_equal_pages_built_here() -> None:
    jobs = [_job(n, PAGE_NAMES[n % len(PAGE_NAMES)]) for n in range(9)]
    feed = ParsedFeed(format="rss", entries=tuple(entry for entry, _ in jobs))
    builder = CandidateBuilder(workers=2, threshold=0)
    built = _run(builder, jobs, feed)
    assert builder.started_pool
    for (entry, page), candidate in zip(jobs, built, strict=True):
        assert candidate == candidate_from_entry(SOURCE, entry, feed, page, NOW)


def test_a_page_that_fails_fails_alone() -> None:
    good = _job(1, PAGE_NAMES[1])
    empty = FeedEntry(url="https://courier.example/empty", guid="empty")  # no title, no text
    blank = FetchResult(
        url=empty.url, final_url=empty.url, status=200, fetched_at=NOW, body=b"<html></html>"
    )
    builder = CandidateBuilder(workers=2, threshold=0)
    built = _run(builder, [good, (empty, blank)], ParsedFeed(format="rss"))
    assert not isinstance(built[0], BaseException)
    assert isinstance(built[1], ExtractError)
    assert str(built[1]).startswith("extract: ")


@pytest.mark.parametrize("workers", [1, 2])
def test_small_runs_build_in_this_process(workers: int) -> None:
    jobs = [_job(n, PAGE_NAMES[1]) for n in range(3)]
    builder = CandidateBuilder(workers=workers, threshold=8)
    built = _run(builder, jobs, ParsedFeed(format="rss"))
    assert not builder.started_pool
    assert all(not isinstance(candidate, BaseException) for candidate in built)


def test_a_feed_of_many_new_entries_starts_the_pool_before_its_first_page() -> None:
    """A run that announces more pages than the threshold builds none of them here: its first
    page already goes to a worker (the pool is waited for while it starts)."""
    jobs = [_job(1, PAGE_NAMES[1])]
    builder = CandidateBuilder(workers=2, threshold=8)
    built = _run(builder, jobs, ParsedFeed(format="rss"), announced=20)
    assert builder.started_pool
    entry, page = jobs[0]
    assert built == [candidate_from_entry(SOURCE, entry, ParsedFeed(format="rss"), page, NOW)]


def test_a_few_announced_pages_start_no_pool() -> None:
    jobs = [_job(n, PAGE_NAMES[1]) for n in range(3)]
    builder = CandidateBuilder(workers=2, threshold=8)
    built = _run(builder, jobs, ParsedFeed(format="rss"), announced=3)
    assert not builder.started_pool
    assert all(not isinstance(candidate, BaseException) for candidate in built)
