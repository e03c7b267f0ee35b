"""The story headline among the articles' titles (headline.py): a title a feed cut short is
not shown when another title is whole."""

from datetime import UTC, datetime, timedelta

from newsloom.records import Article
from newsloom.summarize.headline import choose_headline, cut_short

T0 = datetime(2030, 5, 1, 8, tzinfo=UTC)
TEXT = "The Harbour Board voted on Tuesday to close the old pier to traffic after storm damage."


def article(number: int, title: str) -> Article:
    return Article(
        id=number,
        source_id=number,
        url=f"https://outlet{number}.example/a",
        canonical_url=f"https://outlet{number}.example/a",
        title=title,
        text=TEXT,
        published=T0 + timedelta(hours=number),
        fetched_at=T0,
        outlet=f"outlet{number}",
    )


def test_a_title_cut_short_loses_to_a_whole_one() -> None:
    assert cut_short("Harbour Board shuts old pier after storm damage to...")
    assert cut_short("Harbour Board shuts old pier after storm damage to …")
    assert not cut_short("Harbour Board shuts old pier after storm damage")
    titles = [
        "Harbour Board shuts old pier after storm damage to its...",
        "Harbour Board shuts old pier after storm damage to its deck",
        "Harbour Board shuts old pier after storm damage to...",
    ]
    headline = choose_headline([article(k, t) for k, t in enumerate(titles, 1)], TEXT)
    assert headline == "Harbour Board shuts old pier after storm damage to its deck"


def test_a_title_cut_short_is_shown_when_no_title_is_whole() -> None:
    titles = ["Harbour Board shuts old pier after...", "Old pier shut after storm damage to..."]
    headline = choose_headline([article(k, t) for k, t in enumerate(titles, 1)], TEXT)
    assert headline in titles
