"""Several worker processes: how many, and each worker rebuilding the parent's settings."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsloom.settings import Settings
from newsloom.web.serving import SETTINGS_ENV, app_from_parent, worker_count


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
