"""``newsloom eval grounding FILE``: the summarizer's grounding check as a factuality detector.

Each line holds a summary, its article and a gold ``factual`` (1 when every sentence was judged
factual). The check scores each summary against its article with the product's MiniLM embedder;
the result is the ROC-AUC of that score against ``factual``, overall and per ``dataset``, next to
the same figures for plain trigram overlap (the share of the summary's word trigrams that the
article contains), the baseline the check must never fall below. The sets are small (a few
hundred summaries), so each part's figure comes with its bootstrap spread, and per ``system``
(the summarizer that wrote the summary, where the file names it): a check that only ranks
systems by how much they copy looks good pooled and fails inside each system. Rows that carry
``sentences`` and ``sentence_factual`` (QAGS) are also scored sentence by sentence, each read
after the sentences before it, as the summarizer's citations are.
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.metrics import roc_auc_score

from newsloom.eval.jsonl import read_jsonl

REQUIRED = ("article", "summary", "factual")
RESAMPLES = 200  # bootstrap resamples of a part's summaries for its spread
SEED = 13


def load_factuality(path: Path) -> list[dict[str, Any]]:
    return [row for _, row in read_jsonl(path, required=REQUIRED, nonempty="items")]


def auc(gold: Sequence[int], scores: Sequence[float]) -> float | None:
    """ROC-AUC, or None when only one class is present."""
    if len(set(gold)) < 2:
        return None
    return round(float(roc_auc_score(gold, scores)), 4)


def auc_spread(gold: Sequence[int], scores: Sequence[float]) -> float | None:
    """Standard deviation of the ROC-AUC over bootstrap resamples (seeded: the same figures on
    every run), or None when a part has one class."""
    if len(set(gold)) < 2:
        return None
    labels, values = np.asarray(gold), np.asarray(scores)
    rng = np.random.default_rng(SEED)
    found = []
    for _ in range(RESAMPLES):
        pick = rng.integers(0, len(labels), len(labels))
        if len(set(labels[pick].tolist())) == 2:
            found.append(roc_auc_score(labels[pick], values[pick]))
    return round(float(np.std(found)), 4)


_WORD = re.compile(r"\w+")


def trigram_overlap(summary: str, article: str) -> float:
    """Share of the summary's lower-cased word trigrams found in the article (1.0 when the
    summary has none)."""

    def trigrams(text: str) -> set[tuple[str, ...]]:
        words = _WORD.findall(text.lower())
        return {tuple(words[i : i + 3]) for i in range(len(words) - 2)}

    wanted = trigrams(summary)
    return len(wanted & trigrams(article)) / len(wanted) if wanted else 1.0


def _figures(
    gold: Sequence[int], scores: Sequence[float], baseline: Sequence[float], parts: Sequence[str]
) -> dict[str, Any]:
    """ROC-AUC of the check and of trigram overlap, overall and per part (with its spread)."""
    found: dict[str, Any] = {"roc_auc": auc(gold, scores), "trigram_roc_auc": auc(gold, baseline)}
    for part in sorted(set(parts) - {""}):
        index = [i for i, name in enumerate(parts) if name == part]
        part_gold = [gold[i] for i in index]
        part_scores = [scores[i] for i in index]
        found[f"roc_auc_{part}"] = auc(part_gold, part_scores)
        found[f"roc_auc_{part}_spread"] = auc_spread(part_gold, part_scores)
        found[f"trigram_roc_auc_{part}"] = auc(part_gold, [baseline[i] for i in index])
    return found


def _by_system(
    rows: Sequence[dict[str, Any]],
    gold: Sequence[int],
    scores: Sequence[float],
    baseline: Sequence[float],
) -> dict[str, Any]:
    """Per "dataset/system": the check's ROC-AUC, trigram overlap's, and the summaries."""
    keys = [f"{row.get('dataset') or ''}/{row.get('system') or ''}" for row in rows]
    found: dict[str, Any] = {}
    for key in sorted(set(keys)):
        index = [i for i, k in enumerate(keys) if k == key]
        part_gold = [gold[i] for i in index]
        found[key] = {
            "roc_auc": auc(part_gold, [scores[i] for i in index]),
            "trigram_roc_auc": auc(part_gold, [baseline[i] for i in index]),
            "n": len(index),
        }
    return found


def evaluate_grounding(path: Path, *, use_embedder: bool = True) -> dict[str, Any]:
    from newsloom.cluster import get_embedder
    from newsloom.summarize.grounding import GroundingChecker

    rows = load_factuality(path)
    checker = GroundingChecker(get_embedder(threads=1).embed if use_embedder else None)
    started = time.perf_counter()
    scores = []
    sentence_scores: list[float] = []
    sentence_gold: list[int] = []
    sentence_baseline: list[float] = []
    sentence_parts: list[str] = []
    for done, row in enumerate(rows, start=1):
        article = str(row["article"])
        scores.append(checker.score_text(str(row["summary"]), article))
        sentences = [str(s) for s in row.get("sentences") or ()]
        labels = row.get("sentence_factual") or ()
        if sentences and len(labels) == len(sentences):
            sentence_scores += [s.score for s in checker.check_all(sentences, [article])]
            sentence_gold += [int(bool(label)) for label in labels]
            sentence_baseline += [trigram_overlap(s, article) for s in sentences]
            sentence_parts += [str(row.get("dataset") or "")] * len(sentences)
        if done % 100 == 0:
            print(f"eval: {done}/{len(rows)} summaries", file=sys.stderr)
    elapsed = time.perf_counter() - started
    gold = [int(bool(row["factual"])) for row in rows]
    baseline = [trigram_overlap(str(row["summary"]), str(row["article"])) for row in rows]
    parts = [str(row.get("dataset") or "") for row in rows]
    result = _figures(gold, scores, baseline, parts)
    if any(row.get("system") for row in rows):
        result["systems"] = _by_system(rows, gold, scores, baseline)
    if sentence_gold:
        found = _figures(sentence_gold, sentence_scores, sentence_baseline, sentence_parts)
        result.update({f"sentence_{key}": value for key, value in found.items()})
        result["sentences"] = len(sentence_gold)
    result["n"] = len(rows)
    result["items_per_second"] = round(len(rows) / elapsed, 2) if elapsed > 0 else 0.0
    return result
