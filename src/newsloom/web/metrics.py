"""``/metrics`` for Prometheus and ``/healthz`` for load balancers and monitors.

``/metrics`` exports the counters and histograms of ``newsloom.metrics`` (fetches, errors,
articles, stories, fetch/refresh/request latency) plus gauges read from the database at scrape
time (sources due, failing and leased, articles, age of the last refresh). ``/healthz`` answers
``{"status": "ok"}`` while the database answers, 503 otherwise; ``?full=1`` adds the last refresh
and the source counts, and ``?max_refresh_age=SECONDS`` also fails when no refresh has been
recorded for that long (a stalled worker), for monitors.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Any

from fastapi import APIRouter, FastAPI, Query, Request
from fastapi.responses import JSONResponse, Response
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newsloom import metrics
from newsloom.errors import NewsloomError
from newsloom.store import Store, count_articles
from newsloom.store.sources import SourceHealth, source_health

router = APIRouter()


def install(app: FastAPI) -> None:
    """Serve /metrics and /healthz and time every request (the one call in ``create_app``)."""
    app.include_router(router)
    app.add_middleware(RequestTimer)


class RequestTimer:
    """Observes each HTTP request's latency by route template (bounded labels, not raw paths).

    Plain ASGI, so timing adds no task or body queue to the request it measures.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def send_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, send_status)
        finally:
            route = getattr(scope.get("route"), "path", None) or "unmatched"
            metrics.observe_request(scope["method"], route, status, time.perf_counter() - started)


class StoreCollector(Collector):
    """Gauges read from the database at scrape time; ``newsloom_database_up`` 0 when it fails."""

    def __init__(self, store: Store, now: datetime) -> None:
        self.store, self.now = store, now

    def collect(self) -> Iterator[GaugeMetricFamily]:
        try:
            with self.store.read() as conn:
                health = source_health(conn, self.now)
                articles = count_articles(conn)
        except NewsloomError:
            yield GaugeMetricFamily("newsloom_database_up", "The database answers", value=0)
            return
        yield GaugeMetricFamily("newsloom_database_up", "The database answers", value=1)
        gauges: list[tuple[str, str, float]] = [
            ("newsloom_sources", "Sources stored", health.sources),
            ("newsloom_sources_due", "Sources due for a fetch", health.due),
            ("newsloom_sources_failing", "Sources whose last fetch failed", health.failing),
            ("newsloom_sources_leased", "Sources a worker is refreshing", health.leased),
            ("newsloom_sources_paused", "Sources not polled until resumed", health.paused),
            ("newsloom_articles", "Articles stored, copies included", articles),
        ]
        age = _refresh_age(health, self.now)
        if age is not None:
            gauges.append(
                ("newsloom_last_refresh_age_seconds", "Seconds since the latest fetch", age)
            )
        for name, documentation, value in gauges:
            yield GaugeMetricFamily(name, documentation, value=value)


def _refresh_age(health: SourceHealth, now: datetime) -> float | None:
    if health.last_checked is None:
        return None
    return max(0.0, (now - health.last_checked).total_seconds())


def _clock(request: Request) -> datetime:
    clock: Callable[[], datetime] = request.app.state.clock
    return clock()


@router.get("/metrics", include_in_schema=False)
def prometheus_metrics(request: Request) -> Response:
    scrape = CollectorRegistry(auto_describe=False)
    scrape.register(StoreCollector(request.app.state.store, _clock(request)))
    body = generate_latest(metrics.process_registry()) + generate_latest(scrape)
    return Response(body, media_type=CONTENT_TYPE_LATEST)


@router.get("/healthz", include_in_schema=False)
def healthz(
    request: Request,
    full: bool = Query(False, description="add the last refresh and source counts"),
    max_refresh_age: float | None = Query(
        None, gt=0, description="seconds; 503 when the latest fetch is older (or none yet)"
    ),
) -> JSONResponse:
    now = _clock(request)
    try:
        with request.app.state.store.read() as conn:
            health = source_health(conn, now)
    except NewsloomError as exc:
        return JSONResponse({"status": "unavailable", "database": str(exc)}, status_code=503)
    age = _refresh_age(health, now)
    stale = max_refresh_age is not None and (age is None or age > max_refresh_age)
    body: dict[str, Any] = {"status": "stale" if stale else "ok"}
    if full or stale:
        body.update(
            database="ok",
            last_refresh=health.last_checked.isoformat() if health.last_checked else None,
            last_refresh_age_seconds=age,
            sources=health.sources,
            sources_due=health.due,
            sources_failing=health.failing,
            sources_leased=health.leased,
            sources_paused=health.paused,
        )
    return JSONResponse(body, status_code=503 if stale else 200)
