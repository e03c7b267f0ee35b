"""``newsloom bench web`` end to end on a tiny store: server subprocess, load process, one JSON."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

SCENARIOS = (
    "home",
    "category",
    "story_page",
    "search_page",
    "archive",
    "sources",
    "source_page",
    "feed_rss",
    "feed_atom",
    "feed_json",
    "sitemap",
    "api_stories",
    "api_story",
    "api_search",
    "api_sources",
    "picture",
)


def test_bench_web_serves_generated_stories_and_reports_every_scenario(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "newsloom.cli", "--data-dir", str(tmp_path), "bench", "web"]
    command += ["--stories", "40", "--seconds", "0.5", "--concurrency", "2"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    lines = done.stdout.strip().splitlines()
    assert len(lines) == 1
    result = json.loads(lines[0])
    assert result["bench"] == "web" and result["stories"] == 40 and result["backend"] == "sqlite"
    for name in SCENARIOS:
        figures = result[name]
        assert figures["requests"] > 0 and figures["errors"] == 0, (name, figures)
        assert 0 < figures["p50_ms"] <= figures["p95_ms"] <= figures["p99_ms"]
