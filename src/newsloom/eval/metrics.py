"""Clustering agreement metrics: B-cubed (item-averaged), pairwise F1, ARI and NMI."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

from newsloom.errors import EvalError


@dataclass(frozen=True)
class PRF:
    precision: float
    recall: float
    f1: float


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _check(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> None:
    if len(gold) != len(pred):
        raise EvalError(f"eval: {len(gold)} gold labels but {len(pred)} predictions")
    if not gold:
        raise EvalError("eval: no items to score")


def bcubed(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> PRF:
    """Bagga & Baldwin B-cubed: per item, the share of its predicted cluster that shares its gold
    cluster (precision) and of its gold cluster that shares its predicted one (recall); averaged."""
    _check(gold, pred)
    both = Counter(zip(gold, pred, strict=True))
    gold_sizes = Counter(gold)
    pred_sizes = Counter(pred)
    precision = sum(n * n / pred_sizes[p] for (_, p), n in both.items()) / len(gold)
    recall = sum(n * n / gold_sizes[g] for (g, _), n in both.items()) / len(gold)
    return PRF(precision, recall, _f1(precision, recall))


def pairwise(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> PRF:
    """Precision/recall over item pairs put in one cluster; no pairs at all scores 1 (vacuous)."""
    _check(gold, pred)

    def pairs(sizes: Counter[Hashable] | Counter[tuple[Hashable, Hashable]]) -> int:
        return sum(n * (n - 1) // 2 for n in sizes.values())

    true_positive = pairs(Counter(zip(gold, pred, strict=True)))
    predicted = pairs(Counter(pred))
    actual = pairs(Counter(gold))
    precision = true_positive / predicted if predicted else 1.0
    recall = true_positive / actual if actual else 1.0
    return PRF(precision, recall, _f1(precision, recall))


def clustering_scores(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> dict[str, float]:
    """Every score by name, unrounded."""
    b3 = bcubed(gold, pred)
    gold_ids = [str(g) for g in gold]
    pred_ids = [str(p) for p in pred]
    return {
        "b3_precision": b3.precision,
        "b3_recall": b3.recall,
        "b3_f1": b3.f1,
        "pairwise_f1": pairwise(gold, pred).f1,
        "ari": float(adjusted_rand_score(gold_ids, pred_ids)),
        "nmi": float(normalized_mutual_info_score(gold_ids, pred_ids)),
        "n_gold": float(len(set(gold))),
        "n_pred": float(len(set(pred))),
    }
