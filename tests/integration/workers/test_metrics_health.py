"""/metrics counts what a refresh did and reads the store; /healthz says whether to trust it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine

from newsloom.pipeline.refresh import add_sources, run_refresh
from newsloom.records import Source
from newsloom.settings import Settings
from newsloom.store import Store
from newsloom.web import create_app
from tests.integration.pipeline.loopback import LoopbackSite, Reply
from tests.integration.store.conftest import pg_url_or_skip
from tests.integration.workers.conftest import fresh_database

NOW = datetime(2026, 4, 2, 9, 0, tzinfo=UTC)


def _rss(base: str) -> bytes:
    items = "".join(
        f"<item><title>Lighthouse keeper log {n}</title><link>{base}/log/{n}</link>"
        f"<guid>log-{n}</guid><pubDate>Thu, 02 Apr 2026 0{n}:00:00 GMT</pubDate>"
        f"<description>Entry {n}: the keeper of Skerrow light counted {n * 7} passing "
        "boats and logged the fog horn tests.</description></item>"
        for n in (1, 2, 3)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Skerrow Light</title>'
        f"<link>{base}/</link>{items}</channel></rss>"
    ).encode()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def settings(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Settings]:
    base = Settings(
        data_dir=tmp_path, allowed_hosts=("127.0.0.1",), obey_robots=False, fetch_pages=False
    )
    if request.param == "sqlite":
        yield base
        return
    for url in fresh_database(pg_url_or_skip()):
        yield base.model_copy(update={"database_url": url})


def _sample(text: str, name: str, labels: str = "") -> float:
    """The value of one sample in Prometheus text format (0 when absent)."""
    pattern = rf"^{re.escape(name)}{re.escape(labels)} (\S+)$"
    match = re.search(pattern, text, re.MULTILINE)
    return float(match.group(1)) if match else 0.0


def test_metrics_count_a_refresh_and_read_the_store(settings: Settings) -> None:
    with LoopbackSite({}) as site:
        site.routes["/light.rss"] = Reply(
            body=_rss(site.base_url), content_type="application/rss+xml"
        )
        site.routes["/gone.rss"] = Reply(404, b"no such feed", "text/plain")
        store = Store.open(settings)
        try:
            add_sources(store, [Source(url=f"{site.base_url}/light.rss")])
            add_sources(store, [Source(url=f"{site.base_url}/gone.rss")])
            client = TestClient(create_app(settings, store=store, clock=lambda: NOW))
            before = client.get("/metrics").text
            report = run_refresh(settings, store, now=NOW, stories=False)
            assert report.new_articles == 3 and report.failed_sources == 1
            client.get("/healthz")
            after = client.get("/metrics")
        finally:
            store.close()
    assert after.headers["content-type"].startswith("text/plain")
    text = after.text

    def delta(name: str, labels: str = "") -> float:
        return _sample(text, name, labels) - _sample(before, name, labels)

    assert delta("newsloom_fetches_total", '{result="ok"}') == 1
    assert delta("newsloom_fetches_total", '{result="error"}') == 1
    assert delta("newsloom_fetch_errors_total") == 1
    assert delta("newsloom_articles_stored_total", '{kind="new"}') == 3
    assert delta("newsloom_fetch_seconds_count") == 2
    assert delta("newsloom_refresh_seconds_count") == 1
    # Read from the store at scrape time.
    assert _sample(text, "newsloom_database_up") == 1
    assert _sample(text, "newsloom_sources") == 2
    assert _sample(text, "newsloom_sources_due") == 0
    assert _sample(text, "newsloom_sources_failing") == 1
    assert _sample(text, "newsloom_sources_leased") == 0  # recording a fetch ends its lease
    assert _sample(text, "newsloom_articles") == 3
    assert _sample(text, "newsloom_last_refresh_age_seconds") == 0
    # Requests are timed by route template, so labels stay few.
    healthz = 'newsloom_http_request_seconds_count{method="GET",route="/healthz",status="200"}'
    assert healthz in text


def test_healthz_reports_database_and_refresh_age(settings: Settings) -> None:
    store = Store.open(settings)
    later = NOW + timedelta(hours=3)
    try:
        add_sources(store, [Source(url="http://127.0.0.1:9/never.rss")])
        assert TestClient(create_app(settings, store=store)).get("/healthz").json() == {
            "status": "ok"
        }
        run_refresh(settings, store, now=NOW, stories=False)  # port 9: the fetch fails, recorded
        client = TestClient(create_app(settings, store=store, clock=lambda: later))
        full = client.get("/healthz", params={"full": 1}).json()
        stale = client.get("/healthz", params={"max_refresh_age": 3600})
        fresh = client.get("/healthz", params={"max_refresh_age": 4 * 3600})
    finally:
        store.close()
    assert full["status"] == "ok" and full["database"] == "ok"
    assert full["last_refresh_age_seconds"] == 3 * 3600
    assert full["sources"] == 1 and full["sources_failing"] == 1 and full["sources_leased"] == 0
    assert stale.status_code == 503 and stale.json()["status"] == "stale"
    assert fresh.status_code == 200 and fresh.json() == {"status": "ok"}


def test_healthz_and_metrics_when_the_database_is_unreachable(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path)
    missing = tmp_path / "no-such-dir" / "newsloom.db"
    store = Store(create_engine(f"sqlite:///{missing}"))
    client = TestClient(create_app(settings, store=store))
    health = client.get("/healthz")
    assert health.status_code == 503 and health.json()["status"] == "unavailable"
    assert _sample(client.get("/metrics").text, "newsloom_database_up") == 0


def test_multiprocess_mode_exports_the_sum_of_every_worker(tmp_path: Path) -> None:
    """With PROMETHEUS_MULTIPROC_DIR, /metrics in one process sums what all processes recorded."""
    env = {**os.environ, "PROMETHEUS_MULTIPROC_DIR": str(tmp_path)}
    record = (
        "from newsloom import metrics; metrics.observe_fetch(0.2, failed=False, not_modified=False)"
    )
    for _ in range(2):  # two refresh workers, each fetching one source, then exiting
        subprocess.run([sys.executable, "-c", record], env=env, check=True, timeout=120)
    scrape = (
        "from prometheus_client import generate_latest; from newsloom import metrics; "
        "print(generate_latest(metrics.process_registry()).decode())"
    )
    text = subprocess.run(
        [sys.executable, "-c", scrape], env=env, check=True, capture_output=True, text=True
    ).stdout
    assert _sample(text, "newsloom_fetches_total", '{result="ok"}') == 2
    assert _sample(text, "newsloom_fetch_seconds_count") == 2
