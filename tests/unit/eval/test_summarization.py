from pathlib import Path

import pytest

from newsloom.errors import EvalError
from newsloom.eval.summarization import (
    cut_words,
    evaluate_summarization,
    load_items,
    reference_lines,
    summarize_item,
    to_articles,
    without_titles,
)
from newsloom.settings import Settings
from newsloom.summarize import build_summarizer

DATA = Path(__file__).parent / "data"
DAM = DATA / "summarization_dam_update_two_batches.jsonl"
KEYS = {"rouge1", "rouge2", "rougeLsum", "rouge2_recall", "n_items", "items_per_second"}


def test_evaluate_scores_every_item_with_the_pipeline_summarizer() -> None:
    result = evaluate_summarization(DAM, Settings(), words=40, progress=False)
    assert set(result) == KEYS
    assert result["n_items"] == 2
    assert 30 < result["rouge1"] <= 100 and 0 < result["rouge2"] <= 100
    assert 0 < result["rouge2_recall"] <= 100


def test_previous_mode_scores_the_update_whats_new() -> None:
    summarizer = build_summarizer(Settings())
    update = load_items(DAM)[1]
    sentences = summarize_item(summarizer, update, 60, previous=True)
    joined = " ".join(sentences)
    assert "14 million crowns" in joined or "began filling" in joined
    assert "three cracks" not in joined.lower()  # already reported by the first batch
    fresh = evaluate_summarization(DAM, Settings(), words=60, previous=True, progress=False)
    assert fresh["n_items"] == 2 and fresh["rouge2_recall"] > 0


def test_documents_become_articles_with_outlets_and_times() -> None:
    docs = load_items(DAM)[0]["documents"]
    articles = to_articles([*docs, {"title": "t", "text": "x"}], first_id=5)
    assert [a.id for a in articles] == [5, 6, 7]
    assert [a.source_id for a in articles] == [1, 2, 3]
    assert articles[0].published.isoformat().startswith("2031-04-07")
    assert articles[2].published.tzinfo is not None


def test_cut_words_and_reference_lines() -> None:
    assert cut_words(["one two three.", "four five six."], 4) == ["one two three.", "four"]
    assert cut_words(["one two."], 10) == ["one two."]
    assert reference_lines("The dam held. Crews left.\nRain fell.") == (
        "The dam held.\nCrews left.\nRain fell."
    )


def test_bad_files_are_eval_errors(tmp_path: Path) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n")
    with pytest.raises(EvalError, match=r"^eval: .* has no items"):
        load_items(empty)
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"documents": [{"text": "x"}]}\n')
    with pytest.raises(EvalError, match="reference_summaries"):
        load_items(broken)
    with pytest.raises(EvalError, match="cannot read"):
        load_items(tmp_path / "missing.jsonl")


def test_without_titles_blanks_every_title_and_keeps_the_rest() -> None:
    # Multi-News documents come as text only: the eval can score the summarizer that way.
    update = load_items(DAM)[1]
    bare = without_titles(update)
    docs = [*bare["documents"], *bare["previous_documents"]]
    assert docs and all(d["title"] == "" for d in docs)
    assert [d["text"] for d in bare["documents"]] == [d["text"] for d in update["documents"]]
    assert all(d["title"] for d in update["documents"])  # the item read is left as it was
    result = evaluate_summarization(DAM, Settings(), words=40, titles=False, progress=False)
    assert result["n_items"] == 2 and result["rouge2"] > 0
