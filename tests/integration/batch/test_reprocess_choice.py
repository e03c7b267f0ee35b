"""Re-extraction keeps a page exactly when live ingest does: one page-vs-feed rule
(``extract/choice.py``), with Chinese and Japanese characters counted as words on both paths."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import newsloom.store as db
from newsloom.batch.reprocess import reprocess_extract
from newsloom.batch.runners import LocalRunner
from newsloom.pipeline.articles import candidate_from_entry
from newsloom.records import FeedEntry, FetchResult, KeptPage, ParsedFeed, Source
from newsloom.store import Store
from newsloom.store.candidates import store_candidate

PAGES = Path(__file__).parents[2] / "data" / "pages"
NOW = datetime(2026, 6, 3, 12, 0, tzinfo=UTC)
URL = "https://courier.example/ja/lighthouse"
TYPE = "text/html; charset=utf-8"


def test_a_japanese_page_the_live_path_keeps_is_kept_by_reprocess_too(store: Store) -> None:
    with store.write() as conn:
        source = db.add_source(conn, Source(url="https://courier.example/feed.xml", title="C"))
    body = (PAGES / "language_japanese_without_spaces.html").read_bytes()
    page = FetchResult(
        url=URL,
        final_url=URL,
        status=200,
        fetched_at=NOW,
        headers={"content-type": TYPE},
        body=body,
    )
    entry = FeedEntry(url=URL, title="港川市に新しい灯台", summary_html="<p>新しい灯台が完成。</p>")
    feed = ParsedFeed(format="rss")

    live = candidate_from_entry(source, entry, feed, page, NOW).article
    assert live.extraction_method != "feed"
    # A count of space-separated words (reprocess's own rule until issue 19) refused this page.
    assert len(live.text.split()) < 40

    # The same entry stored from its feed text alone, its page kept: what reprocess re-reads.
    feed_only = candidate_from_entry(source, entry, feed, None, NOW)
    assert feed_only.article.extraction_method == "feed"
    kept = replace(feed_only, page=KeptPage.of(body), page_url=URL, page_type=TYPE)
    with store.write() as conn:
        assert store_candidate(conn, kept) == "new"

    assert reprocess_extract(store, LocalRunner()) == 1
    with store.read() as conn:
        stored = db.find_article(conn, canonical_url=feed_only.article.canonical_url)
    assert stored is not None
    assert (stored.text, stored.extraction_method) == (live.text, live.extraction_method)
    # A second pass finds nothing better: the rule is stable.
    assert reprocess_extract(store, LocalRunner()) == 0
