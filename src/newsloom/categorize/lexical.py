"""The lexical half of the classifier: counts of each category's keyword stems in a text."""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from newsloom.categorize.prototypes import Prototype


def keyword_pattern(keywords: str) -> re.Pattern[str]:
    """One regex for a "|"-separated stem list: stems match word starts, "stem=" whole words."""
    parts = []
    for entry in (k.strip() for k in keywords.split("|")):
        if not entry:
            continue
        whole = entry.endswith("=")
        stem = re.escape(entry.rstrip("=")).replace(r"\ ", r"\s+")
        parts.append(stem + (r"\b" if whole else ""))
    return re.compile(r"\b(?:" + "|".join(parts) + ")", re.IGNORECASE)


class KeywordCounter:
    """Per text and category, ``log1p`` of the number of keyword hits.

    Log damping keeps a lead that repeats one word from outvoting the embedding model.
    """

    def __init__(self, prototypes: Sequence[Prototype]) -> None:
        self.classes = tuple(p.slug for p in prototypes)
        self._patterns = [keyword_pattern(p.keywords) for p in prototypes]

    def scores(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), len(self._patterns)), dtype=np.float32)
        for i, text in enumerate(texts):
            for j, pattern in enumerate(self._patterns):
                out[i, j] = np.log1p(len(pattern.findall(text)))
        return out
