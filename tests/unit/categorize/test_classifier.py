"""The prototype classifier on hand-written fictional headlines, and in categorize_story."""

from __future__ import annotations

from datetime import UTC, datetime

import numpy as np
import pytest

from newsloom.categorize import CategoryClassifier, categorize_story
from newsloom.categorize.lexical import KeywordCounter, keyword_pattern
from newsloom.categorize.prototypes import PROTOTYPES
from newsloom.categorize.taxonomy import SLUGS
from newsloom.records import Article

T0 = datetime(2031, 5, 4, 9, 0, tzinfo=UTC)

HEADLINES = {
    "world": "Valdoria and Estmark trade artillery fire as border ceasefire breaks down",
    "politics": "Ruling party loses its majority in the Norland parliament after snap election",
    "business": "Shares in Corvex Holdings tumble after the retailer issues a profit warning",
    "technology": "Brightwave releases a messaging app that encrypts every chat on the phone",
    "science": "Astronomers spot a new comet beyond the orbit of Neptune with a space telescope",
    "health": "Hospitals report a sharp rise in patients admitted with winter flu",
    "sports": "Riverside Rovers win the cup final with a goal in extra time",
    "entertainment": "Singer Mara Lind tops the album charts as her debut film premieres",
    "climate": "Heatwave and drought dry up rivers as carbon emissions hit a new record",
    "general": "Police arrest man after a burglary at a corner shop in Eastfield",
}


@pytest.fixture(scope="module")
def classifier() -> CategoryClassifier:
    return CategoryClassifier().prepare()


def article(i: int, source_id: int, title: str, lead: str = "") -> Article:
    return Article(
        source_id=source_id,
        url=f"https://example.test/{i}",
        canonical_url=f"https://example.test/{i}",
        title=title,
        text=lead,
        lead=lead,
        published=T0,
        fetched_at=T0,
        id=i,
    )


def test_prototypes_cover_the_taxonomy_in_its_order() -> None:
    assert tuple(p.slug for p in PROTOTYPES) == SLUGS
    assert all(len(p.headlines) >= 20 for p in PROTOTYPES)


@pytest.mark.parametrize("slug", list(HEADLINES))
def test_prototypes_classify_a_fictional_headline_of_every_category(
    classifier: CategoryClassifier, slug: str
) -> None:
    assert classifier.predict([HEADLINES[slug]]) == [slug]


def test_a_disaster_toll_abroad_is_world_news_and_the_weather_stays_climate(
    classifier: CategoryClassifier,
) -> None:
    # A storm's dead, evacuated and relief are news of the place it struck, as the world
    # prototype's earthquakes and floods abroad are; forecasts and records stay climate.
    toll = [
        "Typhoon Marla leaves 14 dead on the Osreth islands as thousands shelter in schools",
        "Hurricane kills 20 across the Carrib islands; aid flights land at the capital",
    ]
    weather = [
        "Forecasters warn of storm-force winds and heavy rain along the coast this weekend",
        "Record autumn rainfall linked to warming seas, climate scientists say",
    ]
    assert classifier.predict(toll) == ["world", "world"]
    assert classifier.predict(weather) == ["climate", "climate"]


def test_probabilities_are_a_distribution_over_the_classes(
    classifier: CategoryClassifier,
) -> None:
    proba = classifier.predict_proba(list(HEADLINES.values()))
    assert proba.shape == (len(HEADLINES), len(SLUGS))
    assert np.allclose(proba.sum(axis=1), 1.0)
    assert classifier.classes_ == SLUGS
    # Deterministic: the same texts give the same numbers.
    assert np.array_equal(proba, classifier.predict_proba(list(HEADLINES.values())))


def test_precomputed_vectors_give_the_same_answer(classifier: CategoryClassifier) -> None:
    texts = [HEADLINES["sports"], HEADLINES["health"]]
    vectors = classifier._embed(texts)
    assert classifier.predict(texts, vectors) == classifier.predict(texts)


def test_fit_on_declared_sections_teaches_an_unknown_topic() -> None:
    # "Quillball" is invented: the prototypes cannot know it is a sport.
    texts = [
        "Harbour Herons take the quillball title in front of a packed arena",
        "Quillball league: Eastfield Owls sign a new captain for the season",
        "Quillball: two late points send the Herons to the play-offs",
        "Quillball star ruled out after knee injury in the derby",
    ]
    probe = ["Quillball: Owls and Herons meet on Saturday"]
    base = CategoryClassifier()
    before = base.predict_proba(probe)[0][SLUGS.index("sports")]
    fitted = CategoryClassifier().fit([*texts, "Markets calm"], [*(["Sport"] * 4), "news"])
    after = fitted.predict_proba(probe)[0][SLUGS.index("sports")]
    assert fitted.n_fitted_["sports"] == 4 and sum(fitted.n_fitted_.values()) == 4
    assert after > before
    assert fitted.predict(probe) == ["sports"]


def test_fit_rejects_mismatched_lengths() -> None:
    with pytest.raises(ValueError, match="categorize"):
        CategoryClassifier().fit(["a", "b"], ["sports"])


def test_general_feeds_go_to_the_classifier(classifier: CategoryClassifier) -> None:
    story = [
        article(1, 1, HEADLINES["health"], "Doctors say the virus is spreading in schools."),
        article(2, 2, "Flu wards fill up across the region", "Nurses warn of long waits."),
    ]
    assert categorize_story(story, {1: "news", 2: ""}, classifier) == "health"


def test_declared_specific_sections_win_over_predictions(
    classifier: CategoryClassifier,
) -> None:
    story = [
        article(1, 1, HEADLINES["health"]),
        article(2, 2, HEADLINES["health"]),
        article(3, 3, HEADLINES["health"]),
    ]
    # Two articles from a declared business section outvote one confident prediction.
    assert categorize_story(story, {1: "business", 2: "Markets", 3: "news"}, classifier) == (
        "business"
    )


def test_a_story_never_ends_without_a_category(classifier: CategoryClassifier) -> None:
    assert categorize_story([], {}, classifier) == "general"
    story = [article(1, 1, HEADLINES["general"])]
    assert categorize_story(story, {1: "top stories"}, classifier) in SLUGS


def test_keyword_stems_match_word_starts_and_whole_words() -> None:
    pattern = keyword_pattern("econom|war=|foreign minister")
    assert pattern.findall("Economists fear the economy") == ["Econom", "econom"]
    assert pattern.findall("war warning wars") == ["war"]
    assert len(pattern.findall("the foreign  minister said")) == 1


def test_keyword_counts_are_damped_per_category() -> None:
    counter = KeywordCounter(PROTOTYPES)
    scores = counter.scores(["Striker scores as the team wins the league", ""])
    sports = SLUGS.index("sports")
    assert scores[0, sports] == scores[0].max() > 0
    assert np.all(scores[1] == 0)


def test_fit_articles_learns_only_from_specific_sections() -> None:
    story = [
        article(1, 1, "Quillball: Herons beat Owls", "A late point decided it."),
        article(2, 1, "Quillball final sold out", "Tickets went in an hour."),
        article(3, 2, "Town hall clock repaired", "It chimes again."),
    ]
    fitted = CategoryClassifier().fit_articles(story, {1: "Sport", 2: "top stories"})
    assert fitted.n_fitted_["sports"] == 2 and sum(fitted.n_fitted_.values()) == 2


def test_repeated_texts_are_embedded_once_and_the_cache_is_bounded() -> None:
    from newsloom.cluster.embed import get_embedder

    calls: list[list[str]] = []

    def counting_embed(texts: list[str]) -> np.ndarray:
        calls.append(texts)
        return get_embedder().embed(texts)

    classifier = CategoryClassifier(counting_embed, cache_size=50).prepare()
    texts = [HEADLINES["sports"], HEADLINES["sports"], HEADLINES["health"]]
    first = classifier.predict_proba(texts)
    second = classifier.predict_proba(texts)
    assert calls[-1] == [HEADLINES["sports"], HEADLINES["health"]]  # one call, no duplicates
    assert np.array_equal(first, second) and len(calls) == 2  # prototypes, then the texts
    assert len(classifier._cache) == 50  # oldest (prototype) texts evicted


def test_a_story_with_stored_vectors_is_categorized_without_embedding_again() -> None:
    from newsloom.cluster.embed import embedding_text, get_embedder

    calls: list[list[str]] = []

    def counting_embed(texts: list[str]) -> np.ndarray:
        calls.append(texts)
        return get_embedder().embed(texts)

    classifier = CategoryClassifier(counting_embed).prepare()
    story = [article(1, 1, HEADLINES["health"]), article(2, 2, HEADLINES["health"] + " again")]
    # As clustering stores them: title and the start of the body, unit length.
    stored = get_embedder().embed([embedding_text(a.title, a.text or a.lead) for a in story])
    vectors = {1: stored[0], 2: stored[1]}
    assert categorize_story(story, {}, classifier, vectors=vectors) == "health"
    assert len(calls) == 1  # the prototypes only
    # An article without a stored vector: the classifier embeds what it reads, as before.
    assert categorize_story(story, {}, classifier, vectors={1: stored[0]}) == "health"
    assert len(calls) == 2
