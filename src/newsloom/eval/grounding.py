"""``newsloom eval grounding FILE``: the summarizer's grounding check as a factuality detector.

Each line holds a summary, its article and a gold ``factual`` (1 when every sentence was judged
factual). The check scores each summary against its article with the product's MiniLM embedder;
the result is the ROC-AUC of that score against ``factual``, overall and per ``dataset``.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

from sklearn.metrics import roc_auc_score

from newsloom.eval.jsonl import read_jsonl

REQUIRED = ("article", "summary", "factual")


def load_factuality(path: Path) -> list[dict[str, Any]]:
    return [row for _, row in read_jsonl(path, required=REQUIRED, nonempty="items")]


def auc(gold: list[int], scores: list[float]) -> float | None:
    """ROC-AUC, or None when only one class is present."""
    if len(set(gold)) < 2:
        return None
    return round(float(roc_auc_score(gold, scores)), 4)


def evaluate_grounding(path: Path, *, use_embedder: bool = True) -> dict[str, Any]:
    from newsloom.cluster import get_embedder
    from newsloom.summarize.grounding import GroundingChecker

    rows = load_factuality(path)
    checker = GroundingChecker(get_embedder(threads=1).embed if use_embedder else None)
    started = time.perf_counter()
    scores = []
    for done, row in enumerate(rows, start=1):
        scores.append(checker.score_text(str(row["summary"]), str(row["article"])))
        if done % 100 == 0:
            print(f"eval: {done}/{len(rows)} summaries", file=sys.stderr)
    elapsed = time.perf_counter() - started
    gold = [int(bool(row["factual"])) for row in rows]
    result: dict[str, Any] = {"roc_auc": auc(gold, scores)}
    for dataset in sorted({str(row.get("dataset") or "") for row in rows} - {""}):
        index = [i for i, row in enumerate(rows) if row.get("dataset") == dataset]
        result[f"roc_auc_{dataset}"] = auc([gold[i] for i in index], [scores[i] for i in index])
    result["n"] = len(rows)
    result["items_per_second"] = round(len(rows) / elapsed, 2) if elapsed > 0 else 0.0
    return result
