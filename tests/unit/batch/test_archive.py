from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from newsloom.batch.archive import read_jsonl, record_from_json
from newsloom.batch.backfill import record_entry, source_for
from newsloom.errors import ParseError

NOW = datetime(2026, 3, 5, tzinfo=UTC)


def test_jsonl_with_broken_and_urlless_lines_keeps_the_good_ones(tmp_path: Path) -> None:
    path = tmp_path / "jsonl_broken_lines.jsonl"
    path.write_text(
        '{"url": "https://quay-post.test/a", "title": "Quay repaired", "text": "One.\\nTwo.",'
        ' "published": "2026-03-01T10:00:00Z"}\n'
        "{broken\n"
        '{"title": "no url"}\n'
        "\n"
        '["not", "an", "object"]\n',
        encoding="utf-8",
    )
    records = list(read_jsonl(path))
    assert [r.url for r in records] == ["https://quay-post.test/a"]
    assert records[0].published == datetime(2026, 3, 1, 10, tzinfo=UTC)


def test_record_without_url_is_a_parse_error() -> None:
    with pytest.raises(ParseError, match=r"^parse: "):
        record_from_json({"title": "x"})


def test_source_is_the_named_feed_or_the_site() -> None:
    named = record_from_json({"url": "https://a.test/x", "feed_url": "https://a.test/rss"})
    assert source_for(named).url == "https://a.test/rss"
    bare = record_from_json({"url": "https://b.test/news/1", "outlet": "B Daily"})
    site = source_for(bare)
    assert (site.url, site.kind, site.title) == ("https://b.test/", "page", "B Daily")


def test_text_becomes_escaped_paragraphs() -> None:
    record = record_from_json({"url": "https://a.test/x", "text": "Fish <b> & chips\n\nSecond"})
    entry, page = record_entry(record, NOW)
    assert entry.content_html == "<p>Fish &lt;b&gt; &amp; chips</p><p>Second</p>"
    assert page is None
