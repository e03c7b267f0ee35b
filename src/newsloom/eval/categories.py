"""``newsloom eval categories FILE``: the category classifier scored on a labelled JSONL file.

One JSON object per line with ``title``, ``text`` (optionally ``lead``/``description``) and a
gold label (field ``label`` unless told otherwise). A label map sends gold labels onto taxonomy
slugs; labels it does not map are skipped. Nothing is trained on the file: the classifier runs
as the pipeline runs it on a general feed, from its prototypes alone.
"""

from __future__ import annotations

import json
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sklearn.metrics import accuracy_score, f1_score

from newsloom.categorize.classifier import LEAD_CHARS, CategoryClassifier
from newsloom.categorize.taxonomy import SLUGS, normalise_section
from newsloom.errors import EvalError
from newsloom.eval.jsonl import read_jsonl


@dataclass(frozen=True)
class LabelledSet:
    texts: list[str]  # title + lead, as the classifier reads an article (its keywords)
    vector_texts: list[str]  # title + body, as refresh embeds an article (its stored vector)
    gold: list[str]  # taxonomy slugs
    skipped: int  # rows whose gold label the map does not send onto the taxonomy


def load_label_map(spec: str) -> dict[str, str]:
    """A label map from inline JSON (``{"sport": "sports"}``) or the path of a JSON file.

    Values must be taxonomy slugs; ``null`` values mean "skip this label".
    """
    text = spec.strip()
    if not text.startswith("{"):
        try:
            text = Path(spec).read_text(encoding="utf-8")
        except OSError as exc:
            raise EvalError(f"eval: label map is neither JSON nor a readable file: {exc}") from exc
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise EvalError(f"eval: label map is not valid JSON: {exc}") from exc
    if not isinstance(raw, dict):
        raise EvalError("eval: label map must be a JSON object {gold label: taxonomy slug}")
    bad = sorted(str(v) for v in raw.values() if v is not None and v not in SLUGS)
    if bad:
        raise EvalError(f"eval: label map values must be taxonomy slugs {SLUGS}, got {bad}")
    return {str(k): str(v) for k, v in raw.items() if v is not None}


def map_label(label: str, label_map: Mapping[str, str] | None) -> str | None:
    """The slug of a gold label: from the map (exact, then case-insensitive), or with no map
    the taxonomy's own section synonyms ("sport" -> "sports")."""
    if label_map is None:
        return normalise_section(label)
    if label in label_map:
        return label_map[label]
    folded = {k.casefold(): v for k, v in label_map.items()}
    return folded.get(label.casefold())


def load_categorised(
    path: Path,
    label_map: Mapping[str, str] | None,
    *,
    label_field: str = "label",
    lead_chars: int = LEAD_CHARS,
) -> LabelledSet:
    from newsloom.cluster.embed import embedding_text

    texts: list[str] = []
    vector_texts: list[str] = []
    gold: list[str] = []
    skipped = 0
    for where, row in read_jsonl(path):
        if row.get(label_field) is None:
            raise EvalError(f"eval: {where} lacks {label_field}")
        slug = map_label(str(row[label_field]), label_map)
        if slug is None:
            skipped += 1
            continue
        lead = row.get("lead") or row.get("description") or row.get("text") or ""
        title = str(row.get("title") or "")
        texts.append(embedding_text(title, str(lead), lead_chars))
        # As pipeline/stories.ensure_vectors: the text, or the lead when there is none.
        vector_texts.append(embedding_text(title, str(row.get("text") or lead)))
        gold.append(slug)
    if not gold:
        raise EvalError(f"eval: {path} has no document whose label maps onto the taxonomy")
    return LabelledSet(texts, vector_texts, gold, skipped)


def category_scores(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, Any]:
    """Accuracy, and F1 per gold class and macro-averaged over the gold classes.

    Only classes that occur in the gold labels are averaged: a set without, say, science gold
    labels is not scored on science, but predicting science for its documents costs recall.
    """
    if len(gold) != len(predicted) or not gold:
        raise EvalError(f"eval: {len(gold)} gold labels but {len(predicted)} predictions")
    labels = sorted(set(gold))
    per_class = f1_score(gold, predicted, labels=labels, average=None, zero_division=0.0)
    return {
        "accuracy": float(accuracy_score(gold, predicted)),
        "macro_f1": float(per_class.mean()),
        "per_class_f1": {label: float(f) for label, f in zip(labels, per_class, strict=True)},
    }


def evaluate_categories(
    path: Path,
    label_map: Mapping[str, str] | None,
    *,
    label_field: str = "label",
    classifier: CategoryClassifier | None = None,
) -> dict[str, Any]:
    """Classify every mapped document of ``path`` and score the predictions."""
    classifier = classifier or CategoryClassifier()
    data = load_categorised(
        path, label_map, label_field=label_field, lead_chars=classifier.lead_chars
    )
    classifier.prepare()  # embeds the prototypes: a fixed cost, kept out of docs_per_second
    started = time.perf_counter()
    # As refresh categorizes: from the vectors clustering stored (categorize/story.py).
    from newsloom.cluster.embed import get_embedder

    vectors = get_embedder().embed(data.vector_texts)
    predicted = classifier.predict(data.texts, vectors)
    elapsed = time.perf_counter() - started
    scores = category_scores(data.gold, predicted)
    return {
        "accuracy": round(scores["accuracy"], 4),
        "macro_f1": round(scores["macro_f1"], 4),
        "n_docs": len(data.gold),
        "n_skipped": data.skipped,
        "docs_per_second": round(len(data.gold) / elapsed, 2) if elapsed > 0 else 0.0,
        "per_class_f1": {k: round(v, 4) for k, v in scores["per_class_f1"].items()},
    }
