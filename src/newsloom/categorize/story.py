"""A story's category: the vote of its sources' declared sections, else an optional classifier."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Protocol

from newsloom.categorize.taxonomy import GENERAL, SLUGS, normalise_section
from newsloom.records import Article


class Classifier(Protocol):
    """Predicts a taxonomy slug and a confidence (0..1) for each article, scikit-learn style.

    Used for articles whose feed declares no usable section (general feeds).
    """

    def predict(self, items: Sequence[Article]) -> list[tuple[str, float]]: ...


def categorize_story(
    articles: Sequence[Article],
    sections: Mapping[int, str],
    classifier: Classifier | None = None,
    *,
    min_confidence: float = 0.5,
) -> str:
    """The taxonomy slug of a story.

    Each article votes with its source's declared section (``sections``: source_id -> section),
    normalised to a slug. Specific categories beat "general": the most voted specific slug wins,
    ties broken by taxonomy order. Articles without a specific section are passed to
    ``classifier`` when one is given; its predictions below ``min_confidence`` are ignored and
    the others vote with their confidence as weight. With no vote at all the story is "general".
    """
    votes: defaultdict[str, float] = defaultdict(float)
    unlabelled: list[Article] = []
    for article in articles:
        slug = normalise_section(sections.get(article.source_id, ""))
        if slug is not None and slug != GENERAL:
            votes[slug] += 1.0
        else:
            unlabelled.append(article)
    if classifier is not None and unlabelled:
        for label, confidence in classifier.predict(unlabelled):
            if label in SLUGS and label != GENERAL and confidence >= min_confidence:
                votes[label] += confidence
    if not votes:
        return GENERAL
    return min(votes, key=lambda slug: (-votes[slug], SLUGS.index(slug)))
