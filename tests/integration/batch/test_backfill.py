from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import newsloom.store as db
from newsloom.batch.backfill import backfill
from newsloom.batch.runners import LocalRunner
from newsloom.store import Store
from newsloom.store.articles import raw_page
from newsloom.store.status import store_status
from tests.integration.batch.conftest import FERRY_URL

NOW = datetime(2026, 3, 5, tzinfo=UTC)


def test_backfill_imports_jsonl_and_warc_once(store: Store, archive: Path) -> None:
    first = backfill(store, archive, LocalRunner(), now=NOW)
    assert (first.records, first.new, first.copies, first.skipped) == (14, 13, 1, 0)
    assert first.sources_added == 4  # three outlets and the WARC's site
    again = backfill(store, archive, LocalRunner(), now=NOW)
    assert (again.new, again.copies, again.known, again.sources_added) == (0, 0, 14, 0)
    with store.read() as conn:
        assert db.count_articles(conn) == 14
        ferry = db.find_article(conn, canonical_url=FERRY_URL)
        assert ferry is not None and ferry.id is not None
        assert "ferry" in ferry.text and ferry.extraction_method != "feed"
        assert "About us" not in ferry.text  # boilerplate left to the extractor
        page = raw_page(conn, ferry.id)
        assert page is not None and b"<article>" in page.body
        status = store_status(conn, NOW)
    assert status.articles == 14
    assert status.articles_without_vectors == 13  # the wire copy is never embedded
    assert status.unclustered_articles == 13
    assert status.sources == 4 and status.sources_due == 4


def test_backfill_missing_archive_is_a_config_error(store: Store, tmp_path: Path) -> None:
    import pytest

    from newsloom.errors import ConfigError

    with pytest.raises(ConfigError, match=r"^config: no archive"):
        backfill(store, tmp_path / "nowhere", LocalRunner(), now=NOW)
