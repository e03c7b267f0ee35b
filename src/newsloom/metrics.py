"""Prometheus metrics this process records; ``web/metrics.py`` serves them at ``/metrics``.

Counters and histograms live in prometheus_client's default registry. A web server exports what
its own process recorded (``newsloom run`` refreshes in the same process). Separate
``newsloom refresh`` workers on the same host are included when every process is started with
``PROMETHEUS_MULTIPROC_DIR`` set to one shared, empty directory (prometheus_client's multiprocess
mode, see docs/operations.md); workers on other hosts are scraped through their own web tier.
"""

from __future__ import annotations

import os
from typing import Protocol

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram
from prometheus_client.multiprocess import MultiProcessCollector

MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"

# Seconds: a feed answers in tens of milliseconds to tens of seconds (timeouts, slow sites).
FETCH_BUCKETS = (0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120)
# Seconds: a pass takes from a second to an hour with tens of thousands of sources.
REFRESH_BUCKETS = (1, 5, 15, 30, 60, 120, 300, 600, 1200, 3600)
# Seconds: pages and API answers; the budgets are 50 ms (story page) and 150 ms (search).
REQUEST_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.25, 0.5, 1, 2.5, 5)

FETCHES = Counter(
    "newsloom_fetches", "Source fetches, by result (ok, not_modified, error)", ["result"]
)
FETCH_ERRORS = Counter("newsloom_fetch_errors", "Source fetches that failed")
ARTICLES_STORED = Counter(
    "newsloom_articles_stored", "Articles a refresh stored, by kind (new, copy, known)", ["kind"]
)
STORIES_CREATED = Counter("newsloom_stories_created", "Stories a refresh created")
STORIES_UPDATED = Counter("newsloom_stories_updated", "Stories a refresh re-ranked")
SUMMARIES_WRITTEN = Counter("newsloom_summaries_written", "Summaries a refresh wrote")
FETCH_SECONDS = Histogram(
    "newsloom_fetch_seconds",
    "Fetching and reading one source with its new pages",
    buckets=FETCH_BUCKETS,
)
REFRESH_SECONDS = Histogram(
    "newsloom_refresh_seconds", "One refresh pass, end to end", buckets=REFRESH_BUCKETS
)
REQUEST_SECONDS = Histogram(
    "newsloom_http_request_seconds",
    "Web requests, by method, route template and status",
    ["method", "route", "status"],
    buckets=REQUEST_BUCKETS,
)
LAST_REFRESH = Gauge(
    "newsloom_last_refresh_finished_timestamp_seconds",
    "When a refresh pass in this process last finished (Unix time)",
    multiprocess_mode="max",
)


class RefreshCounts(Protocol):
    """What a finished refresh reports (``pipeline.refresh.RefreshReport``)."""

    new_articles: int
    copies: int
    known_links: int
    new_stories: int
    stories_touched: int
    summaries: int
    seconds: float


def observe_fetch(seconds: float, *, failed: bool, not_modified: bool) -> None:
    """One source fetched (and its new pages extracted) in ``seconds``."""
    FETCH_SECONDS.observe(seconds)
    if failed:
        FETCH_ERRORS.inc()
    FETCHES.labels("error" if failed else "not_modified" if not_modified else "ok").inc()


def observe_refresh(report: RefreshCounts, finished_at: float) -> None:
    """A refresh pass ended at ``finished_at`` (Unix time) with these counts."""
    ARTICLES_STORED.labels("new").inc(report.new_articles - report.copies)
    ARTICLES_STORED.labels("copy").inc(report.copies)
    ARTICLES_STORED.labels("known").inc(report.known_links)
    STORIES_CREATED.inc(report.new_stories)
    STORIES_UPDATED.inc(report.stories_touched)
    SUMMARIES_WRITTEN.inc(report.summaries)
    REFRESH_SECONDS.observe(report.seconds)
    LAST_REFRESH.set(finished_at)


def observe_request(method: str, route: str, status: int, seconds: float) -> None:
    REQUEST_SECONDS.labels(method, route, str(status)).observe(seconds)


def process_registry() -> CollectorRegistry:
    """The registry to export: every process's metrics in multiprocess mode, else this one's."""
    if os.environ.get(MULTIPROC_ENV):
        registry = CollectorRegistry()
        MultiProcessCollector(registry)
        return registry
    from prometheus_client import REGISTRY

    return REGISTRY
