"""The extraction benchmark's shingle metric on tiny hand-made cases, and the eval harness."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from newsloom.errors import EvalError, ExtractError
from newsloom.eval.extraction import (
    ShingleCounts,
    corpus_scores,
    evaluate_extraction,
    load_gold,
    page_precision,
    page_recall,
    shingle_counts,
    shingles,
    tokens,
    word_f1,
)
from newsloom.extract import extract_article
from newsloom.records import Extracted


def test_tokens_are_unicode_words_with_case_kept() -> None:
    assert tokens("Ça va? Oui—très_bien, 42!") == ["Ça", "va", "Oui", "très_bien", "42"]


def test_shingles_are_a_multiset_of_four_token_runs() -> None:
    found = shingles("a b c d e a b c d")
    assert found[("a", "b", "c", "d")] == 2
    assert sum(found.values()) == 6  # 9 tokens give 6 runs of 4


def test_short_and_empty_texts() -> None:
    assert shingles("two words") == {("two", "words"): 1}
    assert shingles("") == {}
    assert shingles("...") == {}


def test_identical_texts_score_one() -> None:
    counts = shingle_counts("one two three four five", "one two three four five")
    assert counts == ShingleCounts(1.0, 0.0, 0.0)
    assert page_precision(counts) == page_recall(counts) == 1.0


def test_extra_and_missing_text_are_normalised_per_page() -> None:
    gold = "w1 w2 w3 w4 w5 w6"  # shingles: 3
    predicted = "w1 w2 w3 w4 w5 w6 x1 x2"  # the 3 gold shingles plus 2 spurious ones
    counts = shingle_counts(gold, predicted)
    assert counts.tp == pytest.approx(3 / 5)
    assert counts.fp == pytest.approx(2 / 5)
    assert counts.fn == 0.0
    assert page_precision(counts) == pytest.approx(3 / 5)
    assert page_recall(counts) == 1.0


def test_repeated_shingles_count_up_to_the_gold_count() -> None:
    counts = shingle_counts("a b c d", "a b c d a b c d")
    # predicted shingles: abcd x2, bcda, cdab, dabc; only one abcd is in the gold
    assert counts == ShingleCounts(pytest.approx(1 / 5), pytest.approx(4 / 5), 0.0)


def test_empty_prediction_has_no_precision_and_zero_recall() -> None:
    counts = shingle_counts("some gold text here", "")
    assert page_precision(counts) is None
    assert page_recall(counts) == 0.0


def test_corpus_f1_is_taken_of_the_mean_precision_and_recall() -> None:
    perfect = shingle_counts("a b c d e", "a b c d e")
    half = ShingleCounts(0.5, 0.5, 0.0)  # precision 0.5, recall 1
    missed = shingle_counts("a b c d e", "")  # precision undefined, recall 0
    scores = corpus_scores([perfect, half, missed])
    assert scores["precision"] == pytest.approx(0.75)  # mean of 1 and 0.5; missed left out
    assert scores["recall"] == pytest.approx(2 / 3)
    assert scores["f1"] == pytest.approx(2 * 0.75 * (2 / 3) / (0.75 + 2 / 3))


def test_corpus_scores_need_a_scorable_page() -> None:
    with pytest.raises(EvalError, match=r"^eval: "):
        corpus_scores([ShingleCounts(0.0, 0.0, 0.0)])


def test_word_f1_is_case_insensitive_bag_of_words() -> None:
    assert word_f1("The cat sat", "the CAT sat") == 1.0
    assert word_f1("a b c d", "a b") == pytest.approx(2 * 1.0 * 0.5 / 1.5)
    assert word_f1("a b", "") == 0.0


def _write_set(root: Path, pages: dict[str, tuple[str, str]]) -> None:
    (root / "html").mkdir(parents=True)
    truth = {}
    for page_id, (html, gold) in pages.items():
        (root / "html" / f"{page_id}.html.gz").write_bytes(gzip.compress(html.encode()))
        truth[page_id] = {"articleBody": gold, "url": f"https://set.example/{page_id}"}
    (root / "ground-truth.json").write_text(json.dumps(truth))


def test_evaluate_extraction_scores_an_extractor_and_counts_rejected_pages(tmp_path: Path) -> None:
    _write_set(
        tmp_path,
        {
            "p1": ("<p>alpha beta gamma delta epsilon</p>", "alpha beta gamma delta epsilon"),
            "p2": ("<p>reject me</p>", "zeta eta theta iota kappa"),
        },
    )
    seen: list[str] = []

    def extractor(html: bytes, url: str) -> Extracted:
        seen.append(url)
        if b"reject" in html:
            raise ExtractError("extract: nothing here")
        return Extracted(text=html.decode().removeprefix("<p>").removesuffix("</p>"))

    out = tmp_path / "pages.jsonl"
    result = evaluate_extraction(tmp_path, extractor, pages_out=out)
    assert seen == ["https://set.example/p1", "https://set.example/p2"]
    assert result["precision"] == 1.0  # p2 has no precision: nothing was predicted
    assert result["recall"] == 0.5
    assert result["f1"] == pytest.approx(2 * 0.5 / 1.5, abs=1e-4)
    assert result["n_pages"] == 2 and result["n_empty"] == 1
    assert result["pages_per_second"] > 0
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [row["id"] for row in rows] == ["p1", "p2"]
    assert rows[1]["precision"] is None and rows[1]["recall"] == 0.0


def test_evaluate_extraction_rejects_a_directory_without_gold(tmp_path: Path) -> None:
    with pytest.raises(EvalError, match=r"ground-truth\.json"):
        evaluate_extraction(tmp_path)


def test_evaluate_extraction_needs_every_page_file(tmp_path: Path) -> None:
    _write_set(tmp_path, {"p1": ("<p>x</p>", "x")})
    truth = json.loads((tmp_path / "ground-truth.json").read_text())
    truth["p2"] = {"articleBody": "y", "url": ""}
    (tmp_path / "ground-truth.json").write_text(json.dumps(truth))
    with pytest.raises(EvalError, match="p2"):
        evaluate_extraction(tmp_path)


def test_the_shared_set_loads_and_its_gold_scores_perfectly_against_itself(
    shared_data: Path,
) -> None:
    directory = shared_data / "extraction" / "scrapinghub"
    if not directory.is_dir():
        pytest.skip("the scrapinghub extraction set is not on this machine")
    pages = load_gold(directory)
    assert len(pages) == 181 and all(page.html_path.is_file() for page in pages)
    scores = corpus_scores([shingle_counts(page.text, page.text) for page in pages])
    assert scores == {"precision": 1.0, "recall": 1.0, "f1": 1.0}


def test_eval_extraction_command_scores_the_product_extractor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from newsloom.cli import main

    pages = Path(__file__).resolve().parents[2] / "data" / "pages"
    html = (pages / "article_with_nav_footer_boilerplate.html").read_text(encoding="utf-8")
    gold = extract_article(html, "https://set.example/p1").text
    _write_set(tmp_path, {"p1": (html, gold), "p2": ("<html><body></body></html>", "lost")})
    assert main(["eval", "extraction", "--no-baselines", str(tmp_path)]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["precision"] == 1.0 and result["recall"] == 0.5  # p2 is empty: no precision
    assert result["n_pages"] == 2 and result["n_empty"] == 1
    assert list(result)[:5] == ["precision", "recall", "f1", "word_f1", "n_pages"]


def test_eval_extraction_over_several_sets_scores_the_baselines_in_the_same_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from newsloom.cli import main

    pages = Path(__file__).resolve().parents[2] / "data" / "pages"
    html = (pages / "article_with_nav_footer_boilerplate.html").read_text(encoding="utf-8")
    gold = extract_article(html, "https://set.example/p1").text
    first, second = tmp_path / "first", tmp_path / "second"
    _write_set(first, {"p1": (html, gold)})
    _write_set(second, {"p1": (html, gold), "p2": ("<html><body></body></html>", "lost")})
    assert main(["eval", "extraction", str(first), str(second)]) == 0
    result = json.loads(capsys.readouterr().out)
    assert list(result["sets"]) == ["first", "second"]
    assert set(result["sets"]["first"]) == {"newsloom", "trafilatura", "readability"}
    assert result["sets"]["first"]["newsloom"]["f1"] == 1.0
    assert result["sets"]["second"]["newsloom"]["recall"] == 0.5
    assert result["pages"] == 3
    # The macro average weighs each set alike, whatever its size.
    expected = (
        result["sets"]["first"]["newsloom"]["f1"] + result["sets"]["second"]["newsloom"]["f1"]
    ) / 2
    assert result["macro_f1"]["newsloom"] == round(expected, 4)
    assert 0 < result["sets"]["second"]["trafilatura"]["f1"] <= 1
    assert result["speed_ratio_vs_trafilatura"] > 0
