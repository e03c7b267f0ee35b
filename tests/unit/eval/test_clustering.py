import json
from pathlib import Path

import pytest

from newsloom.cluster import ScoreWeights
from newsloom.cluster.consolidate import ConsolidationPlan, Merge, Split
from newsloom.errors import EvalError
from newsloom.eval.clustering import (
    UNDATED,
    apply_plan,
    evaluate_clustering,
    evaluate_sets,
    load_labelled,
    sweep_clustering,
    sweep_thresholds,
    worst_merges,
)
from newsloom.settings import Settings

DATA = Path(__file__).parent / "data"
TWO_EVENTS = DATA / "two_events_with_date_only_and_empty_text.jsonl"
KEYS = {
    "b3_precision", "b3_recall", "b3_f1", "pairwise_f1", "ari", "nmi",
    "n_docs", "n_gold", "n_pred", "docs_per_second",
    "consolidation_merges", "consolidation_splits",
}  # fmt: skip


def test_load_sorts_by_published_then_id_in_utc() -> None:
    docs, gold = load_labelled(TWO_EVENTS)
    assert [d.published.isoformat() for d in docs][:2] == [
        "2031-03-03T00:00:00+00:00",
        "2031-03-03T08:00:00+00:00",
    ]
    assert gold[:3] == ["pier", "pier", "vote"]
    assert docs[-1].published.isoformat() == "2031-03-04T10:00:00+00:00"
    assert all(d.published.tzinfo is not None for d in docs)


def test_evaluate_clustering_recovers_both_events() -> None:
    result = evaluate_clustering(TWO_EVENTS, Settings())
    assert set(result) == KEYS
    assert result["n_docs"] == 5
    assert result["n_gold"] == 2
    assert result["n_pred"] == 2
    assert result["b3_f1"] == 1.0
    assert result["docs_per_second"] > 0


def test_an_impossible_threshold_gives_singletons() -> None:
    result = evaluate_clustering(TWO_EVENTS, Settings(cluster_threshold=1.0), consolidate=False)
    assert result["n_pred"] == 5
    assert result["b3_precision"] == 1.0


def test_bad_lines_are_eval_errors(tmp_path: Path) -> None:
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"id": "1", "title": "x", "published": "2031-01-01"}\n', encoding="utf-8")
    with pytest.raises(EvalError, match="lacks label"):
        evaluate_clustering(broken, Settings())
    broken.write_text("not json\n", encoding="utf-8")
    with pytest.raises(EvalError, match=r"^eval: .*not JSON"):
        load_labelled(broken)
    with pytest.raises(EvalError, match="cannot read"):
        load_labelled(tmp_path / "missing.jsonl")


def test_sweep_scores_each_threshold_like_the_default_run() -> None:
    default = ScoreWeights().threshold_full
    result = sweep_clustering(TWO_EVENTS, Settings(), [default, 1.0])
    assert [r["threshold"] for r in result["sweep"]] == [default, 1.0]
    at_default, impossible = result["sweep"]
    single = evaluate_clustering(TWO_EVENTS, Settings(), consolidate=False)
    assert {k: at_default[k] for k in single if k in at_default} == {
        k: v for k, v in single.items() if k in at_default
    }
    assert impossible["n_pred"] == 5
    assert result["best_threshold"] == default and result["best_b3_f1"] == 1.0


def test_sweep_thresholds_cover_the_range_inclusive() -> None:
    assert sweep_thresholds(0.1, 0.2, 0.05) == [0.1, 0.15, 0.2]
    assert sweep_thresholds(0.3, 0.3, 0.1) == [0.3]
    with pytest.raises(EvalError, match="bad sweep range"):
        sweep_thresholds(0.5, 0.1, 0.1)


def test_consolidation_keeps_the_two_events_apart_and_reports_its_work() -> None:
    result = evaluate_clustering(TWO_EVENTS, Settings(), consolidate=True)
    assert result["n_pred"] == 2 and result["b3_f1"] == 1.0
    assert result["consolidation_merges"] == 0 and result["consolidation_splits"] == 0


def test_apply_plan_renames_split_and_merged_stories() -> None:
    docs, _ = load_labelled(TWO_EVENTS)
    plan = ConsolidationPlan(
        splits=(Split(story_id=1, article_ids=(docs[1].article_id,), similarity=0.1, reasons=""),),
        merges=(Merge(story_id=2, into_id=1, similarity=0.9, reasons=""),),
    )
    assert apply_plan(docs, [1, 1, 2, 2, 1], plan) == [1, 3, 1, 1, 1]


def _write(path: Path, rows: list[tuple[str, str, str, str]]) -> Path:
    """rows of (id, title, text, label), all without a date (as in ECB+)."""
    lines = [
        json.dumps({"id": i, "title": t, "text": x, "published": "", "label": label})
        for i, t, x, label in rows
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


QUAKE_A = "A strong earthquake struck Veloria province early on Sunday, toppling homes in Marsk."
QUAKE_B = "A strong earthquake struck Ostrava Bay on Sunday, cutting power across Dunhollow."


def test_documents_without_dates_share_one_instant(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "undated.jsonl",
        [("a", "Quake hits Veloria", QUAKE_A, "a"), ("b", "Quake hits Ostrava", QUAKE_B, "b")],
    )
    docs, gold = load_labelled(path)
    assert {d.published for d in docs} == {UNDATED}
    assert gold == ["a", "b"]  # one instant: ordered by id


def test_several_files_give_each_file_and_the_macro_average(tmp_path: Path) -> None:
    undated = _write(
        tmp_path / "undated.jsonl",
        [
            ("a1", "Earthquake topples homes in Veloria", QUAKE_A, "veloria"),
            ("a2", "Veloria earthquake leaves Marsk homes in ruins", QUAKE_A, "veloria"),
            ("b1", "Earthquake cuts power in Dunhollow", QUAKE_B, "ostrava"),
        ],
    )
    result = evaluate_sets([TWO_EVENTS, undated], Settings(), by_error=3)
    assert set(result) == {"files", "macro_average"}
    files = result["files"]
    assert set(files) == {str(TWO_EVENTS), str(undated)}
    for key in ("b3_precision", "b3_recall", "b3_f1"):
        mean = (files[str(TWO_EVENTS)][key] + files[str(undated)][key]) / 2
        assert result["macro_average"][key] == round(mean, 4)
    assert files[str(undated)]["n_docs"] == 3


def test_by_error_lists_stories_mixing_gold_events_with_why_they_joined() -> None:
    docs, _ = load_labelled(TWO_EVENTS)
    gold = ["x", "x", "y", "y", "x"]
    reasons = {d.article_id: f"joined {d.article_id}" for d in docs}
    worst = worst_merges(docs, gold, [1, 1, 1, 2, 1], reasons, limit=5)
    assert len(worst) == 1
    (story,) = worst
    assert story["story"] == 1 and story["size"] == 4
    assert story["wrong_pairs"] == 3  # the "y" article with each of the three "x" ones
    assert [e["label"] for e in story["events"]] == ["x", "y"]
    assert story["joined_from_other_events"] == [
        {"label": "y", "title": docs[2].title, "reasons": f"joined {docs[2].article_id}"}
    ]
