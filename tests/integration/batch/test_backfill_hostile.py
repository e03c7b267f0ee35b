"""Issue 14, case 5: ``newsloom backfill`` logs and skips bad lines; none of them stops the import."""

from __future__ import annotations

import gzip
import json
import logging
from datetime import UTC, datetime
from pathlib import Path

import pytest

import newsloom.store as db
from newsloom.batch.backfill import backfill
from newsloom.batch.runners import LocalRunner
from newsloom.store import Store

NOW = datetime(2026, 3, 5, tzinfo=UTC)
TEXT = " ".join(
    "The Lindby bridge reopened on Tuesday after the river authority finished its repairs."
    for _ in range(8)
)


def _line(url: str, **fields: object) -> str:
    return json.dumps({"url": url, "title": "Bridge reopens", "text": TEXT, **fields})


def test_hostile_archive_lines_are_skipped_and_the_good_ones_imported(
    store: Store, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    json_ld = '{"wordCount": ' + "9" * 5000 + "}"
    html = (
        f'<html><head><title>Weir</title><script type="application/ld+json">{json_ld}</script>'
        f"</head><body><article><p>{TEXT} The weir was cleared.</p></article></body></html>"
    )
    lines = [
        "[" * 100_000,  # RecursionError in json.loads
        _line("https://a.test/json-ld", html=html, title="Weir cleared"),  # 5000-digit JSON-LD
        '{"url": "https://a.test/surrogate", "title": "Lock \\ud800 mended", "text": "'
        + TEXT.replace("bridge", "lock")
        + '"}',
        _line("http://a.test:99999/bad-port"),
        _line("https://a.test/" + "x" * 5000),
        '{"url": 5}',
        "not json at all",
        _line("https://a.test/good", title="Ferry back", text=TEXT.replace("bridge", "ferry")),
    ]
    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    # A second file that breaks off: a truncated gzip stream.
    whole = gzip.compress((_line("https://b.test/lost") + "\n").encode() * 50)
    (archive / "b.jsonl.gz").write_bytes(whole[: len(whole) // 2])
    (archive / "c.jsonl").write_text(
        _line("https://c.test/after", text=TEXT.replace("bridge", "quay")) + "\n"
    )

    with caplog.at_level(logging.WARNING):
        report = backfill(store, archive, LocalRunner(), now=NOW)
    with store.read() as conn:
        titles = {
            a.title: a for a in db.recent_articles(conn, since=datetime(2000, 1, 1, tzinfo=UTC))
        }
    assert {"Weir cleared", "Lock \ufffd mended", "Ferry back"} <= set(titles)
    assert titles["Weir cleared"].extraction_method != "feed"
    assert any("c.test/after" in a.url for a in titles.values()), "files after a broken one"
    skipped = [r.getMessage() for r in caplog.records if "skipped" in r.getMessage()]
    assert len(skipped) >= 5
    assert any("port" in m.lower() for m in skipped)
    assert any("longer than" in m for m in skipped)
    assert any("b.jsonl.gz" in r.getMessage() for r in caplog.records)
    assert report.records >= 4
