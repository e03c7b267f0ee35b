"""Which text an article keeps: the page's extraction or the feed's own, and the paywall flag."""

from __future__ import annotations

import zlib
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from newsloom.pipeline.articles import candidate_from_entry
from newsloom.records import MAX_RAW_PAGE_BYTES, FeedEntry, FetchResult, ParsedFeed, Source

PAGES = Path(__file__).parents[2] / "data" / "pages"
NOW = datetime(2026, 6, 3, 12, 0, tzinfo=UTC)
SOURCE = Source(url="https://courier.example/feed.xml", id=1, title="Quillhaven Courier")
FEED = ParsedFeed(format="rss")


def _page(name: str, url: str) -> FetchResult:
    return FetchResult(
        url=url,
        final_url=url,
        status=200,
        fetched_at=NOW,
        headers={"content-type": "text/html; charset=utf-8"},
        body=(PAGES / name).read_bytes(),
    )


def test_japanese_page_without_spaces_is_used_over_the_feed_summary() -> None:
    url = "https://courier.example/ja/lighthouse"
    entry = FeedEntry(url=url, title="港川市に新しい灯台", summary_html="<p>新しい灯台が完成。</p>")
    candidate = candidate_from_entry(
        SOURCE, entry, FEED, _page("language_japanese_without_spaces.html", url), NOW
    )
    assert candidate.article.extraction_method != "feed"
    assert "二十海里" in candidate.article.text
    assert candidate.article.language == "ja"


def test_teaser_behind_a_declared_paywall_is_flagged_and_the_longer_feed_text_kept() -> None:
    url = "https://courier.example/lighthouse"
    feed_text = " ".join(
        ["The rebuilt Quillhaven lighthouse opened on Saturday after eleven dark years."] * 8
    )
    entry = FeedEntry(
        url=url, title="Quillhaven lighthouse shines again", content_html=f"<p>{feed_text}</p>"
    )
    page = _page("paywall_teaser_not_accessible_for_free.html", url)
    candidate = candidate_from_entry(SOURCE, entry, FEED, page, NOW)
    assert candidate.article.paywalled
    assert candidate.article.extraction_method == "feed"
    assert "Subscribe to continue" not in candidate.article.text


def test_full_text_page_that_declares_a_paywall_is_not_a_teaser() -> None:
    url = "https://courier.example/full"
    entry = FeedEntry(url=url, title="A long article", summary_html="<p>Short summary.</p>")
    page = _page("paywall_declared_full_text_served.html", url)
    candidate = candidate_from_entry(SOURCE, entry, FEED, page, NOW)
    assert not candidate.article.paywalled
    assert candidate.article.extraction_method != "feed"


def test_the_page_travels_compressed_and_comes_back_as_fetched() -> None:
    """The built article carries its page compressed (a worker sends back a quarter of the
    bytes and the storing process compresses nothing); an oversized page is cut and marked;
    an entry without a page, or with an empty one, keeps none."""
    url = "https://courier.example/ja/lighthouse"
    entry = FeedEntry(url=url, title="港川市に新しい灯台", summary_html="<p>新しい灯台が完成。</p>")
    page = _page("language_japanese_without_spaces.html", url)
    kept = candidate_from_entry(SOURCE, entry, FEED, page, NOW).page
    assert kept is not None and zlib.decompress(kept.compressed) == page.body
    assert (kept.size, kept.truncated) == (len(page.body), False)
    assert len(kept.compressed) < len(page.body)

    padded = replace(page, body=page.body + b"<!-- spacer -->" * (MAX_RAW_PAGE_BYTES // 10))
    cut = candidate_from_entry(SOURCE, entry, FEED, padded, NOW).page
    assert cut is not None and cut.truncated and cut.size == MAX_RAW_PAGE_BYTES
    assert zlib.decompress(cut.compressed) == padded.body[:MAX_RAW_PAGE_BYTES]

    assert candidate_from_entry(SOURCE, entry, FEED, None, NOW).page is None
    empty = replace(page, body=b"")
    assert candidate_from_entry(SOURCE, entry, FEED, empty, NOW).page is None


def test_the_items_filed_section_is_its_first_category_naming_one() -> None:
    url = "https://courier.example/fr/digue"
    entry = FeedEntry(
        url=url,
        title="La digue du port sera rehaussée d'un mètre",
        content_html="<p>Les travaux commenceront au printemps, annonce la capitainerie.</p>",
        categories=("Port Alder", "Actualités", "Environment"),
    )
    candidate = candidate_from_entry(SOURCE, entry, FEED, None, NOW)
    assert candidate.article.section == "climate"
    untagged = candidate_from_entry(
        SOURCE, replace(entry, categories=("Port Alder",)), FEED, None, NOW
    )
    assert untagged.article.section == ""
