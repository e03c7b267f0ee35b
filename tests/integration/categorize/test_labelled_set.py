"""The zero-shot classifier on a slice of the shared BBC set (read in place, never trained on)."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from newsloom.eval.categories import evaluate_categories

BBC_MAP = {
    "business": "business",
    "entertainment": "entertainment",
    "politics": "politics",
    "sport": "sports",
    "tech": "technology",
}
PER_CLASS = 20


def test_prototypes_classify_a_bbc_slice(shared_data: Path, tmp_path: Path) -> None:
    # Every 10th article of each class: a spread-out slice small enough for a unit-test budget.
    rows: defaultdict[str, list[str]] = defaultdict(list)
    for number, line in enumerate((shared_data / "categories" / "bbc.jsonl").open()):
        label = json.loads(line)["label"]
        if number % 10 == 0 and len(rows[label]) < PER_CLASS:
            rows[label].append(line.rstrip("\n"))
    slice_path = tmp_path / "bbc_slice.jsonl"  # a temporary file, not kept in the repository
    slice_path.write_text("\n".join(r for lines in rows.values() for r in lines), "utf-8")
    result = evaluate_categories(slice_path, BBC_MAP)
    assert result["n_docs"] == PER_CLASS * len(BBC_MAP)
    assert result["macro_f1"] >= 0.85, result
