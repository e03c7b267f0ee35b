from pathlib import Path

import pytest

from newsloom.errors import EvalError
from newsloom.eval.grounding import (
    auc,
    auc_spread,
    evaluate_grounding,
    load_factuality,
    trigram_overlap,
)

DATA = Path(__file__).parent / "data"
INVENTED = DATA / "factuality_invented_dates_names_and_events.jsonl"
SENTENCE_LABELS = DATA / "factuality_sentence_labels_one_swapped_actor.jsonl"


def test_grounding_separates_faithful_from_invented_summaries() -> None:
    result = evaluate_grounding(INVENTED, use_embedder=False)
    assert set(result) == {
        "roc_auc",
        "roc_auc_cnndm",
        "roc_auc_xsum",
        "trigram_roc_auc",
        "trigram_roc_auc_cnndm",
        "trigram_roc_auc_xsum",
        "roc_auc_cnndm_spread",
        "roc_auc_xsum_spread",
        "systems",
        "n",
        "items_per_second",
    }
    assert result["n"] == 6
    assert result["roc_auc"] == 1.0
    assert result["roc_auc_cnndm"] == 1.0 and result["roc_auc_xsum"] == 1.0
    # The check is never below the plain trigram baseline it is reported next to.
    for part in ("", "_cnndm", "_xsum"):
        assert result[f"roc_auc{part}"] >= result[f"trigram_roc_auc{part}"]
    # Each system of the fixture wrote one summary per part: no class pair to rank.
    assert set(result["systems"]) == {
        f"{part}/{name}" for part in ("cnndm", "xsum") for name in "abc"
    }
    assert all(
        figures == {"roc_auc": None, "trigram_roc_auc": None, "n": 1}
        for figures in result["systems"].values()
    )


def test_sentence_labels_are_scored_sentence_by_sentence() -> None:
    """QAGS-style rows label each summary sentence: the second sentence of q2 swaps in an actor
    and an event the article never has, while its first sentence is copied."""
    result = evaluate_grounding(SENTENCE_LABELS, use_embedder=False)
    assert result["sentences"] == 6
    assert result["sentence_roc_auc"] == 1.0
    assert result["sentence_roc_auc_cnndm"] == 1.0
    assert result["systems"]["cnndm/a"] == {"roc_auc": 1.0, "trigram_roc_auc": 1.0, "n": 2}
    assert (
        result["roc_auc_cnndm_spread"] == 0.0
    )  # every resample with both classes ranks them right


def test_auc_spread_is_seeded_and_zero_when_the_ranking_is_perfect() -> None:
    gold = [0, 0, 1, 1, 0, 1]
    assert auc_spread(gold, [0.1, 0.2, 0.8, 0.9, 0.3, 0.7]) == 0.0
    noisy = [0.5, 0.2, 0.4, 0.9, 0.6, 0.7]
    assert auc_spread(gold, noisy) == auc_spread(gold, noisy) > 0
    assert auc_spread([1, 1], [0.1, 0.2]) is None


def test_trigram_overlap_is_the_share_of_summary_trigrams_in_the_article() -> None:
    article = "The mayor opened the new bridge on Monday morning."
    assert trigram_overlap("The mayor opened the new bridge.", article) == 1.0
    assert trigram_overlap("The mayor closed the old bridge.", article) == 0.0
    assert trigram_overlap("Bridge opened.", article) == 1.0  # no trigram to check


def test_auc_needs_both_classes() -> None:
    assert auc([1, 1], [0.2, 0.4]) is None
    assert auc([0, 1], [0.2, 0.4]) == 1.0


def test_rows_need_article_summary_and_label(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"summary": "s", "factual": 1}\n')
    with pytest.raises(EvalError, match="lacks article"):
        load_factuality(bad)
