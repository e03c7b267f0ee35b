"""``newsloom eval clustering FILE``: run the pipeline's clusterer over a labelled JSONL file."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from newsloom.cluster import ClusterDoc, StoryClusterer, cluster_stream, embed_docs, get_embedder
from newsloom.cluster.consolidate import (
    ConsolidationPlan,
    ConsolidationRules,
    Member,
    StoryState,
    plan_consolidation,
)
from newsloom.cluster.features import doc_terms
from newsloom.errors import EvalError
from newsloom.eval.metrics import clustering_scores
from newsloom.settings import Settings

REQUIRED = ("id", "title", "published", "label")
UNDATED = datetime(2000, 1, 1, tzinfo=UTC)  # the instant of every document without a date


def load_labelled(path: Path) -> tuple[list[ClusterDoc], list[str]]:
    """Docs in (published, id) order with their gold labels; ids become 0..n-1 in that order."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise EvalError(f"eval: cannot read {path}: {exc}") from exc
    rows: list[dict[str, Any]] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise EvalError(f"eval: {path}:{number} is not JSON: {exc}") from exc
        missing = [key for key in REQUIRED if key not in row]
        if missing:
            raise EvalError(f"eval: {path}:{number} lacks {', '.join(missing)}")
        row["_published"] = _utc(str(row["published"] or ""), f"{path}:{number}")
        rows.append(row)
    if not rows:
        raise EvalError(f"eval: {path} has no documents")
    rows.sort(key=lambda r: (r["_published"], str(r["id"])))
    docs = [
        ClusterDoc(
            article_id=i,
            title=str(row.get("title") or ""),
            text=str(row.get("text") or ""),
            published=row["_published"],
        )
        for i, row in enumerate(rows)
    ]
    return docs, [str(row["label"]) for row in rows]


def new_clusterer(settings: Settings, threshold: float | None = None) -> StoryClusterer:
    """The clusterer the pipeline builds from ``settings``; ``threshold`` overrides the setting."""
    if threshold is None:
        threshold = settings.cluster_threshold or None
    return StoryClusterer(threshold=threshold, window_hours=settings.cluster_window_hours)


def evaluate_clustering(
    path: Path, settings: Settings, *, consolidate: bool = False
) -> dict[str, Any]:
    """Cluster ``path`` as the pipeline would and score it against the gold labels.

    ``consolidate`` then runs the pipeline's consolidation once over all the stories (the pipeline
    runs it after each refresh) and adds how many merges and splits it made.
    """
    docs, gold = load_labelled(path)
    clusterer = new_clusterer(settings)
    started = time.perf_counter()
    embedded = embed_docs(docs, get_embedder().embed)
    predicted = cluster_stream(embedded, clusterer)
    plan = consolidation_plan(embedded, predicted, settings) if consolidate else None
    if plan is not None:
        predicted = apply_plan(embedded, predicted, plan)
    elapsed = time.perf_counter() - started
    scores = _scores(gold, predicted)
    result = {
        **{k: v for k, v in scores.items() if not k.startswith("n_")},
        "n_docs": len(docs),
        "n_gold": scores["n_gold"],
        "n_pred": scores["n_pred"],
        "docs_per_second": round(len(docs) / elapsed, 4) if elapsed > 0 else 0.0,
    }
    if plan is not None:
        result["consolidation_merges"] = len(plan.merges)
        result["consolidation_splits"] = len(plan.splits)
    return result


def consolidation_plan(
    docs: list[ClusterDoc], predicted: list[int], settings: Settings
) -> ConsolidationPlan:
    """The pipeline's consolidation over the stories of a clustered stream."""
    members: dict[int, list[Member]] = {}
    for doc, story_id in zip(docs, predicted, strict=True):
        assert doc.vector is not None
        entities = doc_terms(doc.title, doc.text).entities
        members.setdefault(story_id, []).append(
            Member(doc.article_id, doc.published, doc.vector, entities)
        )
    states = [
        StoryState(story_id, min(m.published for m in group), tuple(group))
        for story_id, group in members.items()
    ]
    return plan_consolidation(
        states, ConsolidationRules(window_hours=settings.cluster_window_hours)
    )


def apply_plan(docs: list[ClusterDoc], predicted: list[int], plan: ConsolidationPlan) -> list[int]:
    """Story ids after the plan: split-off articles get new ids, merged stories their survivor's."""
    position = {doc.article_id: i for i, doc in enumerate(docs)}
    out = list(predicted)
    next_id = max(predicted, default=0) + 1
    for split in plan.splits:
        for article_id in split.article_ids:
            out[position[article_id]] = next_id
        next_id += 1
    into = {m.story_id: m.into_id for m in plan.merges}
    return [into.get(story_id, story_id) for story_id in out]


def sweep_thresholds(start: float = 0.10, stop: float = 0.50, step: float = 0.02) -> list[float]:
    """``start``, ``start + step``, ... up to ``stop`` (inclusive), rounded to 4 places."""
    if step <= 0 or not 0 <= start <= stop <= 1:
        raise EvalError(f"eval: bad sweep range {start}..{stop} step {step}")
    count = round((stop - start) / step) + 1
    return [round(start + i * step, 4) for i in range(count) if start + i * step <= stop + 1e-9]


def sweep_clustering(
    path: Path, settings: Settings, thresholds: list[float] | None = None
) -> dict[str, Any]:
    """The evaluation at each threshold: embedded once, each run clustered exactly as the default
    run is (same clusterer construction, same stream loop)."""
    docs, gold = load_labelled(path)
    embedded = embed_docs(docs, get_embedder().embed)
    results: list[dict[str, Any]] = []
    for threshold in thresholds or sweep_thresholds():
        predicted = cluster_stream(embedded, new_clusterer(settings, threshold))
        results.append({"threshold": threshold, **_scores(gold, predicted)})
    best = max(results, key=lambda r: r["b3_f1"])  # the lowest threshold among ties
    return {
        "n_docs": len(docs),
        "best_threshold": best["threshold"],
        "best_b3_f1": best["b3_f1"],
        "sweep": results,
    }


def _scores(gold: list[str], predicted: list[int]) -> dict[str, Any]:
    scores = clustering_scores(gold, predicted)
    return {
        "b3_precision": round(scores["b3_precision"], 4),
        "b3_recall": round(scores["b3_recall"], 4),
        "b3_f1": round(scores["b3_f1"], 4),
        "pairwise_f1": round(scores["pairwise_f1"], 4),
        "ari": round(scores["ari"], 4),
        "nmi": round(scores["nmi"], 4),
        "n_gold": int(scores["n_gold"]),
        "n_pred": int(scores["n_pred"]),
    }


def _utc(value: str, where: str) -> datetime:
    if not value.strip():
        # A set without dates (ECB+): one instant for all, so time gives no hint either way.
        return UNDATED
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as exc:
        raise EvalError(f"eval: {where}: bad published date {value!r}") from exc
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)
