from pathlib import Path

import pytest

from newsloom.errors import EvalError
from newsloom.eval.grounding import auc, evaluate_grounding, load_factuality

DATA = Path(__file__).parent / "data"
INVENTED = DATA / "factuality_invented_dates_names_and_events.jsonl"


def test_grounding_separates_faithful_from_invented_summaries() -> None:
    result = evaluate_grounding(INVENTED, use_embedder=False)
    assert set(result) == {"roc_auc", "roc_auc_cnndm", "roc_auc_xsum", "n", "items_per_second"}
    assert result["n"] == 6
    assert result["roc_auc"] == 1.0
    assert result["roc_auc_cnndm"] == 1.0 and result["roc_auc_xsum"] == 1.0


def test_auc_needs_both_classes() -> None:
    assert auc([1, 1], [0.2, 0.4]) is None
    assert auc([0, 1], [0.2, 0.4]) == 1.0


def test_rows_need_article_summary_and_label(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"summary": "s", "factual": 1}\n')
    with pytest.raises(EvalError, match="lacks article"):
        load_factuality(bad)
