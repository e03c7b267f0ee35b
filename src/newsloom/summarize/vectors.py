"""Sentence vectors and maximal-marginal-relevance selection."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from newsloom.errors import SummarizeError

Embed = Callable[[list[str]], np.ndarray]


def l2_rows(matrix: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length; all-zero rows stay zero."""
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return np.divide(matrix, norms, out=np.zeros_like(matrix), where=norms > 0)


def tfidf_rows(texts: Sequence[str]) -> np.ndarray:
    """Unit-length TF-IDF rows, fitted on ``texts`` themselves (one story's sentences)."""
    for stop_words in ("english", None):
        vectorizer = TfidfVectorizer(
            stop_words=stop_words, sublinear_tf=True, token_pattern=r"(?u)\b\w[\w'’-]*\b"
        )
        try:
            matrix = vectorizer.fit_transform(list(texts))
        except ValueError:  # empty vocabulary: only stop words or punctuation
            continue
        return l2_rows(np.asarray(matrix.todense(), dtype=np.float64))
    return np.zeros((len(texts), 1))


def embed_rows(embed: Embed, texts: list[str]) -> np.ndarray:
    """Unit-length rows from a caller-supplied sentence embedder, checked for shape."""
    matrix = np.asarray(embed(texts), dtype=np.float64)
    if matrix.ndim != 2 or matrix.shape[0] != len(texts):
        raise SummarizeError(
            f"summarize: embed returned shape {matrix.shape} for {len(texts)} sentences"
        )
    return l2_rows(matrix)


def centroid(rows: np.ndarray, groups: Sequence[Sequence[int]]) -> np.ndarray:
    """Unit mean of per-group means, so every article weighs the same whatever its length."""
    means = [rows[list(g)].mean(axis=0) for g in groups if len(g)]
    if not means:
        return np.zeros(rows.shape[1])
    mean = np.mean(means, axis=0)
    norm = float(np.linalg.norm(mean))
    return mean / norm if norm > 0 else mean


@dataclass(frozen=True)
class Selection:
    """Inputs MMR needs about each candidate fact (index-aligned arrays)."""

    scores: np.ndarray  # salience, higher is better
    semantic: np.ndarray  # fact x fact cosine, for the MMR penalty
    lexical: np.ndarray  # fact x fact TF-IDF cosine, for the hard redundancy cut
    words: Sequence[int]
    outlets: Sequence[frozenset[int]]


def mmr(
    sel: Selection,
    pool: Sequence[int],
    chosen: Sequence[int],
    *,
    count: int,
    budget: int | None = None,
    lam: float = 0.7,
    redundancy: float = 0.5,
    diversity_bonus: float = 0.05,
) -> list[int]:
    """Pick up to ``count`` facts from ``pool``, ending as close to ``budget`` words as possible.

    Score = lam * salience - (1 - lam) * max similarity to what is already chosen, plus a small
    bonus for facts from an outlet not cited yet. Facts lexically too close to a chosen one are
    skipped outright. Ties go to the lower index, so the result is deterministic.
    """
    picked: list[int] = []
    taken = list(chosen)
    cited = set().union(*(sel.outlets[i] for i in taken)) if taken else set()
    remaining = [i for i in pool if i not in set(taken)]
    used_words = 0
    while remaining and len(picked) < count:
        best, best_score = -1, -np.inf
        for i in remaining:
            # Within budget, or overshooting it by less than stopping would undershoot it.
            if budget is not None and picked and sel.words[i] >= 2 * (budget - used_words):
                continue
            if taken and float(sel.lexical[i, taken].max()) >= redundancy:
                continue
            penalty = float(sel.semantic[i, taken].max()) if taken else 0.0
            bonus = diversity_bonus if sel.outlets[i] - cited else 0.0
            score = lam * float(sel.scores[i]) - (1 - lam) * penalty + bonus
            if score > best_score:
                best, best_score = i, score
        if best < 0:
            break
        picked.append(best)
        taken.append(best)
        cited |= sel.outlets[best]
        used_words += sel.words[best]
        remaining.remove(best)
    return picked
