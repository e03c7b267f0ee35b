"""Store fixtures for batch tests: SQLite always, PostgreSQL when NEWSLOOM_TEST_PG_URL is set."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from tests.integration.batch.archive_maker import (
    article_html,
    article_lines,
    story_text,
    write_jsonl,
    write_warc,
)
from tests.integration.store.conftest import pg_engine, settings, store  # noqa: F401

FERRY_URL = "https://lakeside-times.test/story/ferry"


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    """Twelve articles of four stories, a wire copy, a bad line and a one-page WARC."""
    directory = tmp_path / "archive"
    write_jsonl(directory, article_lines())
    text = story_text(random.Random(1), "ferry lake service boats island", 120)
    write_warc(directory, [(FERRY_URL, article_html("Lakeside ferry returns to service", text))])
    return directory
