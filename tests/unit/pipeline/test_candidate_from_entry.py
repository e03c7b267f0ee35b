"""Which text an article keeps: the page's extraction or the feed's own, and the paywall flag."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from newsloom.pipeline.articles import candidate_from_entry
from newsloom.records import FeedEntry, FetchResult, ParsedFeed, Source

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
