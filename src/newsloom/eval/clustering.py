"""``newsloom eval clustering FILE...``: the pipeline's clustering (single pass, then consolidation)
over labelled JSONL files, each scored and macro-averaged, with the worst merges on request."""

from __future__ import annotations

import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from newsloom.cluster import (
    Assignment,
    ClusterDoc,
    StoryClusterer,
    cluster_stream,
    embed_docs,
    get_embedder,
)
from newsloom.cluster.consolidate import (
    ConsolidationPlan,
    ConsolidationRules,
    Member,
    StoryState,
    plan_consolidation,
)
from newsloom.cluster.features import doc_terms
from newsloom.errors import EvalError
from newsloom.eval.jsonl import read_jsonl
from newsloom.eval.metrics import clustering_scores
from newsloom.settings import Settings

REQUIRED = ("id", "title", "published", "label")
MACRO_KEYS = ("b3_precision", "b3_recall", "b3_f1", "pairwise_f1", "ari", "nmi")
UNDATED = datetime(2000, 1, 1, tzinfo=UTC)  # the instant of every document without a date


def load_labelled(path: Path) -> tuple[list[ClusterDoc], list[str]]:
    """Docs in (published, id) order with their gold labels; ids become 0..n-1 in that order."""
    rows: list[dict[str, Any]] = []
    for where, row in read_jsonl(path, required=REQUIRED, nonempty="documents"):
        row["_published"] = _utc(str(row["published"] or ""), where)
        rows.append(row)
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
    path: Path, settings: Settings, *, consolidate: bool = True, by_error: int = 0
) -> dict[str, Any]:
    """Cluster ``path`` as the pipeline would and score it against the gold labels.

    Like the pipeline after each refresh, consolidation then runs once over all the stories
    (``consolidate=False`` scores the single pass alone); the result says how many merges and
    splits it made. ``by_error`` adds that many of the worst merges (``worst_merges``).
    """
    docs, gold = load_labelled(path)
    started = time.perf_counter()
    embedded = embed_docs(docs, get_embedder().embed)
    reasons: dict[int, str] = {}
    predicted, plan = _cluster(embedded, settings, None, consolidate, reasons)
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
    if by_error:
        result["worst_merges"] = worst_merges(embedded, gold, predicted, reasons, by_error)
    return result


def cluster_documents(
    docs: list[ClusterDoc], settings: Settings, *, consolidate: bool = True
) -> list[int]:
    """The story of each of ``docs`` as ``evaluate_clustering`` finds it (embedded first)."""
    predicted, _ = _cluster(embed_docs(docs, get_embedder().embed), settings, None, consolidate)
    return predicted


def evaluate_sets(
    paths: list[Path], settings: Settings, *, consolidate: bool = True, by_error: int = 0
) -> dict[str, Any]:
    """Each file's evaluation and the macro-average of their scores: one set of settings has to
    hold on all of them at once."""
    if not paths:
        raise EvalError("eval: no files to evaluate")
    files = {
        str(p): evaluate_clustering(p, settings, consolidate=consolidate, by_error=by_error)
        for p in paths
    }
    macro = {key: round(sum(r[key] for r in files.values()) / len(files), 4) for key in MACRO_KEYS}
    return {"files": files, "macro_average": macro}


def worst_merges(
    docs: list[ClusterDoc],
    gold: list[str],
    predicted: list[int],
    reasons: dict[int, str],
    limit: int,
) -> list[dict[str, Any]]:
    """Predicted stories that mix gold events, the most wrongly linked pairs first: each event
    in it with its titles, and why each article of a minority event joined."""
    stories: dict[int, list[int]] = {}
    for i, story_id in enumerate(predicted):
        stories.setdefault(story_id, []).append(i)
    found: list[dict[str, Any]] = []
    for story_id, rows in stories.items():
        events = Counter(gold[i] for i in rows)
        if len(events) < 2:
            continue
        pairs = len(rows) * (len(rows) - 1) // 2
        wrong = pairs - sum(n * (n - 1) // 2 for n in events.values())
        main = events.most_common(1)[0][0]
        found.append(
            {
                "story": story_id,
                "size": len(rows),
                "wrong_pairs": wrong,
                "events": [
                    {
                        "label": label,
                        "docs": count,
                        "titles": [docs[i].title[:120] for i in rows if gold[i] == label][:3],
                    }
                    for label, count in events.most_common()
                ],
                "joined_from_other_events": [
                    {
                        "label": gold[i],
                        "title": docs[i].title[:120],
                        "reasons": reasons.get(docs[i].article_id, ""),
                    }
                    for i in rows
                    if gold[i] != main
                ][:5],
            }
        )
    found.sort(key=lambda f: (-f["wrong_pairs"], f["story"]))
    return found[:limit]


def _cluster(
    docs: list[ClusterDoc],
    settings: Settings,
    threshold: float | None,
    consolidate: bool,
    reasons: dict[int, str] | None = None,
) -> tuple[list[int], ConsolidationPlan | None]:
    """The pipeline's path over embedded ``docs``: the stream loop, then consolidation."""

    def note(doc: ClusterDoc, assignment: Assignment) -> None:
        if reasons is not None:
            reasons[doc.article_id] = assignment.reasons

    predicted = cluster_stream(docs, new_clusterer(settings, threshold), on_assign=note)
    if not consolidate:
        return predicted, None
    plan = consolidation_plan(docs, predicted, settings)
    if reasons is not None:
        merged = {m.story_id: m.reasons for m in plan.merges}
        moved = {a: s.reasons for s in plan.splits for a in s.article_ids}
        for doc, story_id in zip(docs, predicted, strict=True):
            extra = moved.get(doc.article_id) or merged.get(story_id)
            if extra:
                reasons[doc.article_id] = f"{reasons.get(doc.article_id, '')}; then {extra}"
    return apply_plan(docs, predicted, plan), plan


def consolidation_plan(
    docs: list[ClusterDoc], predicted: list[int], settings: Settings
) -> ConsolidationPlan:
    """The pipeline's consolidation over the stories of a clustered stream."""
    members: dict[int, list[Member]] = {}
    for doc, story_id in zip(docs, predicted, strict=True):
        assert doc.vector is not None
        terms = doc_terms(doc.title, doc.text)
        members.setdefault(story_id, []).append(
            Member(doc.article_id, doc.published, doc.vector, terms.entities, terms.terms)
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
    run is (same clusterer construction, same stream loop). The threshold is the single pass's
    bar, so the sweep scores the single pass (``evaluate_clustering(consolidate=False)``)."""
    docs, gold = load_labelled(path)
    embedded = embed_docs(docs, get_embedder().embed)
    results: list[dict[str, Any]] = []
    for threshold in thresholds or sweep_thresholds():
        predicted, _ = _cluster(embedded, settings, threshold, consolidate=False)
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
