"""The two summarizers newsloom is measured against (shared data README, "Baselines"), run on the
same items in the same run as newsloom's own summaries.

Round-robin lead: the first sentence of every document (in the file's order), then the second,
and so on until the budget. MMR TF-IDF: TF-IDF over the item's own sentences (English stop words,
sublinear tf) fitted on the item's sentences of 4+ words, the candidates; greedy choice by 0.7 x
cosine to the centroid - 0.3 x the highest cosine to a sentence already chosen, until the chosen
sentences hold the word budget; they are then read in (document, position) order.

Sentences are split per paragraph by newsloom's own splitter. The README's figures used pysbd
0.3.4, which newsloom does not depend on: with pysbd this code gives the README's rows (DUC 2007
update, 100 words: MMR R-2 7.70, R-2 recall 7.83; lead 7.75 / 7.76); with newsloom's splitter MMR
gives 7.46 / 7.56 there (inside the README's 95% interval, 6.7-8.8), NeuS 70 words 18.73.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from newsloom.summarize.text import split_paragraphs, split_sentences

MMR_LAMBDA = 0.7
MIN_CANDIDATE_WORDS = 4


def document_sentences(documents: Sequence[dict[str, Any]]) -> list[list[str]]:
    """Per document, its text's sentences in order, split paragraph by paragraph."""
    return [
        [
            s
            for paragraph in split_paragraphs(str(doc.get("text") or ""))
            for s in split_sentences(paragraph)
        ]
        for doc in documents
    ]


def lead_summary(documents: Sequence[dict[str, Any]], words: int) -> list[str]:
    """Round-robin lead: sentence k of every document before sentence k + 1 of any."""
    per_document = document_sentences(documents)
    chosen: list[str] = []
    used = 0
    depth = max((len(s) for s in per_document), default=0)
    for k in range(depth):
        for sentences in per_document:
            if used >= words:
                return chosen
            if k < len(sentences):
                chosen.append(sentences[k])
                used += len(sentences[k].split())
    return chosen


def mmr_summary(
    documents: Sequence[dict[str, Any]], words: int, lam: float = MMR_LAMBDA
) -> list[str]:
    """Greedy MMR over TF-IDF sentence vectors until ``words`` words, in reading order."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    located = [
        (d, p, s)
        for d, sentences in enumerate(document_sentences(documents))
        for p, s in enumerate(sentences)
        if len(s.split()) >= MIN_CANDIDATE_WORDS
    ]
    if not located:
        return []
    texts = [s for _, _, s in located]
    try:
        matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts)
    except ValueError:  # only stop words: nothing to rank by
        return []
    rows = np.asarray(matrix.todense(), dtype=np.float64)  # rows are unit length (l2 norm)
    centre = rows.mean(axis=0)
    norm = float(np.linalg.norm(centre))
    relevance = rows @ (centre / norm) if norm > 0 else np.zeros(len(texts))
    candidates = list(range(len(texts)))
    penalty = np.zeros(len(texts))
    picked: list[int] = []
    used = 0
    while candidates and used < words:
        best = max(candidates, key=lambda i: (lam * relevance[i] - (1 - lam) * penalty[i], -i))
        candidates.remove(best)
        picked.append(best)
        used += len(texts[best].split())
        penalty = np.maximum(penalty, rows @ rows[best])
    return [texts[i] for i in sorted(picked, key=lambda i: located[i][:2])]


BASELINES = {"mmr": mmr_summary, "lead": lead_summary}
