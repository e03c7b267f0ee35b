"""A story's category: the vote of its sources' declared sections, else a classifier's."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Protocol, runtime_checkable

import numpy as np

from newsloom.categorize.classifier import CategoryClassifier
from newsloom.categorize.taxonomy import GENERAL, SLUGS, normalise_section
from newsloom.records import Article


@runtime_checkable
class Classifier(Protocol):
    """Gives a taxonomy slug and a confidence (0..1) for each article.

    Used for articles whose feed declares no usable section (general feeds);
    ``newsloom.categorize.classifier.CategoryClassifier`` is the product's one.
    """

    def classify(self, articles: Sequence[Article]) -> list[tuple[str, float]]: ...


@runtime_checkable
class ArticlePredictor(Protocol):
    """The older form of ``Classifier``: ``predict(articles) -> [(slug, confidence)]``."""

    def predict(self, items: Sequence[Article]) -> list[tuple[str, float]]: ...


def categorize_story(
    articles: Sequence[Article],
    sections: Mapping[int, str],
    classifier: Classifier | ArticlePredictor | None = None,
    *,
    min_confidence: float = 0.5,
    vectors: Mapping[int, np.ndarray] | None = None,
    carried_by: Mapping[int, Sequence[int]] | None = None,
) -> str:
    """The taxonomy slug of a story.

    Each article votes with its source's declared section (``sections``: source_id -> section),
    normalised to a slug. Specific categories beat "general": the most voted specific slug wins,
    ties broken by taxonomy order. Articles without a specific section (general feeds) are
    passed to ``classifier`` when one is given; its predictions below ``min_confidence`` (and
    "general" ones) are ignored and the others vote with their confidence as weight, so one
    declared section outweighs any single prediction. With no vote at all the story is
    "general": never empty.

    ``vectors`` (article id -> its stored embedding, the one clustering made) spares the
    product's classifier embedding the articles again, when each article it reads has one.

    ``carried_by`` (article id -> the feeds that listed it) lets an article stored under an
    outlet's general feed vote with the section feed that listed it too; an article that
    several section feeds list splits its one vote between their sections.

    An article's own feed item can say where the outlet filed it (``Article.section``, from the
    item's categories): that is a declaration too, and the one that holds for an article in any
    language, which the classifier (an English model) cannot read. It joins the feeds' sections
    in the article's one vote.
    """
    votes: defaultdict[str, float] = defaultdict(float)
    unlabelled: list[Article] = []
    for article in articles:
        feeds = [article.source_id, *((carried_by or {}).get(article.id or 0, ()))]
        declared = _declared(feeds, sections, article.section)
        for slug in declared:
            votes[slug] += 1.0 / len(declared)
        if not declared:
            unlabelled.append(article)
    if classifier is not None and unlabelled:
        for label, confidence in _predictions(classifier, unlabelled, vectors or {}):
            if label in SLUGS and label != GENERAL and confidence >= min_confidence:
                votes[label] += confidence
    if not votes:
        return GENERAL
    return min(votes, key=lambda slug: (-votes[slug], SLUGS.index(slug)))


def _declared(feeds: Sequence[int], sections: Mapping[int, str], filed: str = "") -> list[str]:
    """The specific sections the article was filed under, each once: its feed item's own
    (``filed``), then the feeds' in their order."""
    found: list[str] = []
    for slug in (normalise_section(n) for n in (filed, *(sections.get(f, "") for f in feeds))):
        if slug is not None and slug != GENERAL and slug not in found:
            found.append(slug)
    return found


def _predictions(
    classifier: Classifier | ArticlePredictor,
    articles: Sequence[Article],
    vectors: Mapping[int, np.ndarray],
) -> list[tuple[str, float]]:
    known = [vectors[a.id] for a in articles if a.id is not None and a.id in vectors]
    if isinstance(classifier, CategoryClassifier) and known and len(known) == len(articles):
        return classifier.classify(articles, np.stack(known))
    if isinstance(classifier, Classifier):
        return classifier.classify(articles)
    return classifier.predict(articles)
