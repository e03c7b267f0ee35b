from pathlib import Path

import pytest

from newsloom.errors import EvalError
from newsloom.eval.clustering import evaluate_clustering, load_labelled
from newsloom.settings import Settings

DATA = Path(__file__).parent / "data"
TWO_EVENTS = DATA / "two_events_with_date_only_and_empty_text.jsonl"
KEYS = {
    "b3_precision", "b3_recall", "b3_f1", "pairwise_f1", "ari", "nmi",
    "n_docs", "n_gold", "n_pred", "docs_per_second",
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
    result = evaluate_clustering(TWO_EVENTS, Settings(cluster_threshold=1.0))
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
