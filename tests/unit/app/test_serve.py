"""Several worker processes: how many, and each worker rebuilding the parent's settings."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsloom.app.serve import SETTINGS_ENV, app_from_parent, worker_count
from newsloom.settings import Settings


def test_worker_count_is_the_flag_then_the_setting_then_one_per_core() -> None:
    cores = os.cpu_count() or 1
    assert worker_count(Settings()) == cores
    assert worker_count(Settings(web_workers=3)) == 3
    assert worker_count(Settings(web_workers=3), requested=1) == 1
    assert worker_count(Settings(web_workers=3), requested=0) == cores


def test_each_worker_builds_its_app_from_the_parents_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parent = Settings(data_dir=tmp_path, site_title="Harbour Loom", api_token="s3cret")
    monkeypatch.setenv(SETTINGS_ENV, parent.model_dump_json())
    app = app_from_parent()
    try:
        assert app.state.settings == parent  # secrets included: the worker needs the API token
        assert app.title == "Harbour Loom"
    finally:
        app.state.store.close()


def test_each_process_works_on_one_request_at_a_time_on_sqlite(tmp_path: Path) -> None:
    from anyio import to_thread
    from fastapi.testclient import TestClient

    from newsloom.web import create_app
    from newsloom.web.app import request_threads

    assert request_threads(Settings()) == 1
    assert request_threads(Settings(database_url="postgresql://u:p@127.0.0.1/db")) == 4
    assert request_threads(Settings(web_threads=6)) == 6

    async def tokens() -> float:
        return to_thread.current_default_thread_limiter().total_tokens

    with TestClient(create_app(Settings(data_dir=tmp_path))) as client:
        assert client.portal is not None
        assert client.portal.call(tokens) == 1
        assert client.get("/healthz").status_code == 200
