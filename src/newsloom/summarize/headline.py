"""A neutral story headline chosen among the articles' own titles."""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from newsloom.records import Article
from newsloom.summarize.text import clean_title, word_count
from newsloom.summarize.vectors import tfidf_rows

W_SUMMARY = 0.5  # closeness to the summary body, next to closeness to the other titles
_SHOUTY = re.compile(r"\b[A-Z]{4,}\b")


def _tone_penalty(title: str) -> float:
    """Questions, exclamations, quotes and shouting read as framing rather than report."""
    penalty = 0.0
    if "?" in title or "!" in title:
        penalty += 0.3
    if any(ch in title for ch in "\"“”‘’'") and re.search(r"[\"“‘]\w|\w[\"”]", title):
        penalty += 0.15
    penalty += 0.1 * len(_SHOUTY.findall(title))
    words = word_count(title)
    if words < 4 or words > 16:
        penalty += 0.2
    return penalty


def choose_headline(articles: Sequence[Article], summary_text: str) -> str:
    """The title most central among the story's titles (and closest to its summary), cleaned.

    ``articles`` are in time order; ties go to the earliest. Falls back to nothing when no article
    has a title (the caller then uses a summary sentence).
    """
    titles = [clean_title(a.title, a.outlet) for a in articles]
    indexed = [(i, t) for i, t in enumerate(titles) if t]
    if not indexed:
        return ""
    if len(indexed) == 1:
        return indexed[0][1]
    rows = tfidf_rows([t for _, t in indexed] + [summary_text or " "])
    title_rows, summary_row = rows[:-1], rows[-1]
    centre = title_rows.mean(axis=0)
    best, best_score = indexed[0][1], -np.inf
    for k, (_, title) in enumerate(indexed):
        # Leave the title out of its own centre so a lone outlier cannot win by length.
        others = (centre * len(indexed) - title_rows[k]) / (len(indexed) - 1)
        score = float(title_rows[k] @ others) + W_SUMMARY * float(title_rows[k] @ summary_row)
        score -= _tone_penalty(title)
        if score > best_score + 1e-12:
            best, best_score = title, score
    return best
