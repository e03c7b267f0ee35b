from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from newsloom.categorize import TAXONOMY, categorize_story, normalise_section
from newsloom.categorize.taxonomy import filed_section
from newsloom.records import Article

T0 = datetime(2031, 5, 6, 7, 0, tzinfo=UTC)


def test_taxonomy_lists_the_documented_categories_with_descriptions() -> None:
    slugs = [c.slug for c in TAXONOMY]
    assert slugs == [
        "world",
        "politics",
        "business",
        "technology",
        "science",
        "health",
        "sports",
        "entertainment",
        "climate",
        "general",
    ]
    assert all(c.name and c.description for c in TAXONOMY)


@pytest.mark.parametrize(
    ("section", "slug"),
    [
        ("tech", "technology"),
        ("Sci/Tech", "technology"),
        ("sci-tech", "technology"),
        ("Science & Technology", "technology"),
        ("sport", "sports"),
        ("Football", "sports"),
        ("economy", "business"),
        ("Markets", "business"),
        ("business-news", "business"),
        ("culture", "entertainment"),
        ("Arts", "entertainment"),
        ("environment", "climate"),
        ("international", "world"),
        ("World News", "world"),
        ("us-news", "general"),
        ("Top Stories", "general"),
        ("science", "science"),
        ("health_care", "health"),
        ("US Politics", "politics"),
        ("/sport/football/", "sports"),
        ("https://news.example.test/world/europe/", "world"),
        ("news/technology", "technology"),
        # Other languages' section names, with or without their accents.
        ("Économie", "business"),
        ("Economie", "business"),
        ("Planète", "climate"),
        ("Santé", "health"),
        ("Fußball", "sports"),
        ("Wirtschaft", "business"),
        ("Ausland", "world"),
        ("Medio ambiente", "climate"),
        ("Deportes", "sports"),
        ("Faits divers", "general"),
        ("https://journal.example/economie/entreprises/", "business"),
    ],
)
def test_normalise_section_maps_synonyms_to_slugs(section: str, slug: str) -> None:
    assert normalise_section(section) == slug


@pytest.mark.parametrize("section", ["", "   ", "crosswords", "obituaries-archive-2031"])
def test_unknown_sections_normalise_to_none(section: str) -> None:
    assert normalise_section(section) is None


def story(*source_ids: int) -> list[Article]:
    return [
        Article(
            source_id=s,
            url=f"https://example.test/{i}",
            canonical_url=f"https://example.test/{i}",
            title="Tidal barrier closes",
            text="The gates closed.",
            published=T0,
            fetched_at=T0,
            id=i,
        )
        for i, s in enumerate(source_ids, start=1)
    ]


def test_majority_of_declared_sections_wins() -> None:
    sections = {1: "environment", 2: "Climate", 3: "sci-tech"}
    assert categorize_story(story(1, 2, 3), sections) == "climate"


def test_ties_are_broken_by_taxonomy_order_whatever_the_article_order() -> None:
    sections = {1: "sport", 2: "economy"}
    assert categorize_story(story(1, 2), sections) == "business"
    assert categorize_story(story(2, 1), sections) == "business"


def test_specific_sections_beat_general_ones() -> None:
    sections = {1: "news", 2: "us-news", 3: "health"}
    assert categorize_story(story(1, 2, 3), sections) == "health"


def test_general_when_nothing_is_declared() -> None:
    assert categorize_story(story(1, 2), {1: "", 2: "news"}) == "general"
    assert categorize_story(story(5), {}) == "general"


def test_an_article_stored_under_a_general_feed_votes_with_the_section_feed_listing_it() -> None:
    # Source 1 is the outlet's general feed, 2 its world feed: both list article 1, stored once
    # under source 1; source 3 is another outlet's business feed.
    sections = {1: "news", 2: "world", 3: "business"}
    articles = story(1, 3)
    assert categorize_story(articles, sections) == "business"
    assert categorize_story(articles, sections, carried_by={1: [1, 2], 2: [3]}) == "world"


def test_an_article_listed_by_two_section_feeds_splits_its_vote() -> None:
    sections = {1: "science", 2: "health", 3: "sports"}
    # Article 1 (science and health feeds) gives each half a vote; article 2 a whole sports one,
    # which wins (whole votes for each of three sections would tie, won by science's order).
    assert categorize_story(story(1, 3), sections, carried_by={1: [1, 2]}) == "sports"
    assert categorize_story(story(1), sections, carried_by={1: [1, 2, 1]}) == "science"


class TitleKeywordClassifier:
    """A tiny real classifier: a label when a keyword appears in the title."""

    def __init__(self, keywords: dict[str, str]) -> None:
        self.keywords = keywords

    def predict(self, items: Sequence[Article]) -> list[tuple[str, float]]:
        out = []
        for item in items:
            hits = [label for word, label in self.keywords.items() if word in item.title.lower()]
            out.append((hits[0], 0.9) if hits else ("general", 0.0))
        return out


def test_classifier_labels_articles_from_general_feeds() -> None:
    classifier = TitleKeywordClassifier({"barrier": "climate"})
    assert categorize_story(story(1, 2), {1: "news"}, classifier) == "climate"
    # Declared sections still count: two sports votes beat one confident prediction.
    assert categorize_story(story(1, 2, 3), {2: "sport", 3: "football"}, classifier) == "sports"


def test_low_confidence_predictions_are_ignored() -> None:
    classifier = TitleKeywordClassifier({"barrier": "climate"})
    assert categorize_story(story(1), {}, classifier, min_confidence=0.95) == "general"


def test_an_items_filed_section_is_its_first_category_naming_one() -> None:
    # Free tags (a place, a person) and general ones ("News") say nothing of the topic.
    assert filed_section(["Port Alder", "News", "World news", "Sport"]) == "world"
    assert filed_section(("Mira Tollan", "Top stories")) == ""
    assert filed_section([]) == ""


def test_an_items_own_filing_votes_like_a_section_feed() -> None:
    # Articles from general feeds (1, 2); the outlet filed article 1's item under "Science".
    filed = [replace(story(1)[0], section="science"), *story(2)[1:]]
    assert categorize_story(filed, {1: "news", 2: ""}) == "science"
    # It joins its feed's declared section in the article's one vote (half each); article 2's
    # whole business vote then wins.
    two = [replace(a, source_id=s) for a, s in zip(story(1, 2), (3, 4), strict=True)]
    two[0] = replace(two[0], section="science")
    assert categorize_story(two, {3: "health", 4: "economy"}) == "business"


def test_an_item_filed_by_its_outlet_places_a_story_the_model_cannot_read() -> None:
    # Written in French, which the embedding model was not trained on: it reads no topic in the
    # text with any confidence (the story would be "general"). The outlet's filing of the item
    # ("Environnement" or "Climate" in its feed, a slug once ingested) places it.
    from newsloom.categorize import CategoryClassifier

    article = Article(
        source_id=1,
        url="https://courrier.example/1",
        canonical_url="https://courrier.example/1",
        title="Les cerisiers de la vallée fleurissent avec dix jours d'avance",
        text="Les arboriculteurs craignent une gelée tardive sur les bourgeons.",
        published=T0,
        fetched_at=T0,
        id=1,
        language="fr",
    )
    classifier = CategoryClassifier()
    assert categorize_story([article], {1: "news"}, classifier) == "general"
    filed = replace(article, section="climate")
    assert categorize_story([filed], {1: "news"}, classifier) == "climate"
