"""``newsloom eval clustering FILE``: run the pipeline's clusterer over a labelled JSONL file."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from newsloom.cluster import ClusterDoc, StoryClusterer, cluster_stream, embed_docs, get_embedder
from newsloom.errors import EvalError
from newsloom.eval.metrics import clustering_scores
from newsloom.settings import Settings

REQUIRED = ("id", "title", "published", "label")


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
        row["_published"] = _utc(str(row["published"]), f"{path}:{number}")
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


def evaluate_clustering(path: Path, settings: Settings) -> dict[str, Any]:
    """Cluster ``path`` as the pipeline would and score it against the gold labels."""
    docs, gold = load_labelled(path)
    clusterer = StoryClusterer(
        threshold=settings.cluster_threshold or None,
        window_hours=settings.cluster_window_hours,
    )
    started = time.perf_counter()
    embedded = embed_docs(docs, get_embedder().embed)
    predicted = cluster_stream(embedded, clusterer)
    elapsed = time.perf_counter() - started
    scores = clustering_scores(gold, predicted)
    return {
        "b3_precision": round(scores["b3_precision"], 4),
        "b3_recall": round(scores["b3_recall"], 4),
        "b3_f1": round(scores["b3_f1"], 4),
        "pairwise_f1": round(scores["pairwise_f1"], 4),
        "ari": round(scores["ari"], 4),
        "nmi": round(scores["nmi"], 4),
        "n_docs": len(docs),
        "n_gold": int(scores["n_gold"]),
        "n_pred": int(scores["n_pred"]),
        "docs_per_second": round(len(docs) / elapsed, 4) if elapsed > 0 else 0.0,
    }


def _utc(value: str, where: str) -> datetime:
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as exc:
        raise EvalError(f"eval: {where}: bad published date {value!r}") from exc
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)
