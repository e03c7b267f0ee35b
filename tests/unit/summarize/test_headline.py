"""The story headline among the articles' titles (headline.py): a title a feed cut short is
not shown when another title is whole."""

from newsloom.records import Article
from newsloom.summarize.headline import choose_headline, cut_short
from tests.unit.summarize.fictional_stories import article as story_article

TEXT = "The Harbour Board voted on Tuesday to close the old pier to traffic after storm damage."


def article(number: int, title: str) -> Article:
    """Outlet ``number``'s report, an hour after the one before."""
    return story_article(number, number, f"outlet{number}", title, TEXT, 60 * number)


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


def test_an_explainer_title_loses_to_a_report() -> None:
    """A title framing a question without its mark ("What ... can teach", "Why ...") promises an
    analysis, not the news; the reports' title is the headline."""
    titles = [
        "Harbour Board shuts the old pier after storm damage",
        "What the old pier can, and cannot, teach the Harbour Board about storm damage",
        "Old pier shut by Harbour Board after storm damage",
    ]
    headline = choose_headline([article(k, t) for k, t in enumerate(titles, 1)], TEXT)
    assert not headline.startswith("What")
    assert headline in (titles[0], titles[2])
    # The same analysis title, framed with "Why", loses as well.
    titles[1] = "Why the Harbour Board shut the old pier after storm damage"
    headline = choose_headline([article(k, t) for k, t in enumerate(titles, 1)], TEXT)
    assert not headline.startswith("Why")
