"""``newsloom eval categories``: label maps, metrics and a run on a tiny hand-made file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsloom.errors import EvalError
from newsloom.eval.categories import (
    category_scores,
    evaluate_categories,
    load_categorised,
    load_label_map,
    map_label,
)

# Fictional articles; gold labels in another outlet's vocabulary, one with no place in ours.
ROWS = [
    ("Riverside Rovers win the cup final in extra time", "The striker scored twice.", "Sport"),
    ("Glenmoor Athletic sack their coach after ten defeats", "The club is bottom.", "Sport"),
    ("Corvex shares slump on profit warning", "The retailer cut its forecast.", "Money"),
    ("Central bank of Norland raises interest rates", "Inflation hit 6%.", "Money"),
    ("Brightwave unveils a faster laptop chip", "The processor doubles battery life.", "Tech"),
    ("Crossword answers for Tuesday", "Across: one down.", "Puzzles"),
]
LABEL_MAP = {"sport": "sports", "Money": "business", "Tech": "technology"}


def write_set(path: Path) -> Path:
    lines = [
        json.dumps({"id": i, "title": t, "text": x, "label": label})
        for i, (t, x, label) in enumerate(ROWS)
    ]
    path.write_text("\n".join(lines) + "\n\n", encoding="utf-8")
    return path


def test_scores_macro_average_only_the_gold_classes() -> None:
    gold = ["sports", "sports", "business", "business"]
    pred = ["sports", "science", "business", "business"]
    scores = category_scores(gold, pred)
    assert scores["accuracy"] == 0.75
    # sports: P 1, R 0.5 -> F1 2/3; business: F1 1. Science is not a gold class.
    assert scores["per_class_f1"] == pytest.approx({"business": 1.0, "sports": 2 / 3})
    assert scores["macro_f1"] == pytest.approx((1 + 2 / 3) / 2)


def test_scores_refuse_mismatched_inputs() -> None:
    with pytest.raises(EvalError, match=r"^eval: "):
        category_scores(["sports"], [])


def test_label_map_inline_or_from_a_file(tmp_path: Path) -> None:
    assert load_label_map(json.dumps(LABEL_MAP)) == LABEL_MAP
    path = tmp_path / "map.json"
    path.write_text(json.dumps({"tech": "technology", "misc": None}), encoding="utf-8")
    assert load_label_map(str(path)) == {"tech": "technology"}


@pytest.mark.parametrize("spec", ['{"sport": "athletics"}', "[1, 2]", "{not json", "/no/such"])
def test_bad_label_maps_are_refused(spec: str) -> None:
    with pytest.raises(EvalError, match=r"^eval: "):
        load_label_map(spec)


def test_map_label_is_exact_then_case_insensitive_else_the_synonyms() -> None:
    assert map_label("Sport", LABEL_MAP) == "sports"
    assert map_label("Puzzles", LABEL_MAP) is None
    assert map_label("sci/tech", None) == "technology"
    assert map_label("puzzles", None) is None


def test_unmapped_labels_are_skipped(tmp_path: Path) -> None:
    data = load_categorised(write_set(tmp_path / "set.jsonl"), LABEL_MAP)
    assert data.gold == ["sports", "sports", "business", "business", "technology"]
    assert data.skipped == 1
    assert data.texts[0].startswith("Riverside Rovers win the cup final in extra time.")


def test_rows_without_a_label_are_an_error(tmp_path: Path) -> None:
    path = tmp_path / "set.jsonl"
    path.write_text('{"title": "No label here"}\n', encoding="utf-8")
    with pytest.raises(EvalError, match="lacks label"):
        load_categorised(path, LABEL_MAP)


def test_evaluate_on_a_tiny_hand_made_file(tmp_path: Path) -> None:
    result = evaluate_categories(write_set(tmp_path / "set.jsonl"), LABEL_MAP)
    assert result["n_docs"] == 5 and result["n_skipped"] == 1
    assert result["accuracy"] == 1.0 and result["macro_f1"] == 1.0
    assert set(result["per_class_f1"]) == {"business", "sports", "technology"}
    assert result["docs_per_second"] > 0


def test_the_command_prints_one_json_object(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from newsloom.cli import main

    path = write_set(tmp_path / "set.jsonl")
    args = ["eval", "categories", str(path), "--label-map", json.dumps(LABEL_MAP)]
    assert main(["--data-dir", str(tmp_path), *args]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["n_docs"] == 5 and result["macro_f1"] == 1.0
