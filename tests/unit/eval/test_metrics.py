import pytest

from newsloom.errors import EvalError
from newsloom.eval.metrics import bcubed, clustering_scores, pairwise

# Gold: {a1 a2 a3} {b1 b2}; predicted: {a1 a2} {a3 b1 b2}.
GOLD = ["a", "a", "a", "b", "b"]
PRED = [1, 1, 2, 2, 2]


def test_bcubed_by_hand() -> None:
    scores = bcubed(GOLD, PRED)
    # precision per item: a1 2/2, a2 2/2, a3 1/3, b1 2/3, b2 2/3 -> 10/3 / 5
    assert scores.precision == pytest.approx((1 + 1 + 1 / 3 + 2 / 3 + 2 / 3) / 5)
    # recall per item: a1 2/3, a2 2/3, a3 1/3, b1 2/2, b2 2/2
    assert scores.recall == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1 + 1) / 5)
    p, r = scores.precision, scores.recall
    assert scores.f1 == pytest.approx(2 * p * r / (p + r))


def test_pairwise_by_hand() -> None:
    scores = pairwise(GOLD, PRED)
    # predicted pairs: (a1,a2) (a3,b1) (a3,b2) (b1,b2) = 4, of which 2 are gold pairs;
    # gold pairs: (a1,a2) (a1,a3) (a2,a3) (b1,b2) = 4.
    assert scores.precision == pytest.approx(2 / 4)
    assert scores.recall == pytest.approx(2 / 4)
    assert scores.f1 == pytest.approx(0.5)


def test_perfect_and_singleton_clusterings() -> None:
    perfect = clustering_scores(GOLD, ["x", "x", "x", "y", "y"])
    assert perfect["b3_f1"] == pytest.approx(1.0)
    assert perfect["pairwise_f1"] == pytest.approx(1.0)
    assert perfect["ari"] == pytest.approx(1.0)
    assert perfect["nmi"] == pytest.approx(1.0)
    alone = clustering_scores(GOLD, [1, 2, 3, 4, 5])
    assert alone["b3_precision"] == pytest.approx(1.0)
    assert alone["b3_recall"] == pytest.approx((1 / 3 * 3 + 1 / 2 * 2) / 5)
    assert alone["pairwise_f1"] == pytest.approx(0.0)
    assert alone["n_pred"] == 5
    assert alone["n_gold"] == 2


def test_ari_by_hand() -> None:
    # Contingency [[2,1],[0,2]]: sum C(n_ij,2)=2, rows C(3,2)+C(2,2)=4, cols 1+3=4, C(5,2)=10.
    expected_index = 4 * 4 / 10
    max_index = (4 + 4) / 2
    expected = (2 - expected_index) / (max_index - expected_index)
    assert clustering_scores(GOLD, PRED)["ari"] == pytest.approx(expected)


def test_mismatched_or_empty_input_is_an_eval_error() -> None:
    with pytest.raises(EvalError, match=r"^eval: "):
        bcubed(["a"], [1, 2])
    with pytest.raises(EvalError, match=r"^eval: "):
        pairwise([], [])
