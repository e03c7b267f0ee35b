import math
from datetime import UTC, datetime, timedelta

import pytest

from newsloom.categorize.rank import importance

NOW = datetime(2031, 5, 6, 12, 0, tzinfo=UTC)
H = timedelta(hours=1)


def score(
    outlets: int = 3,
    articles: int = 6,
    first: float = 4,
    last: float = 0,
    weights: tuple[float, ...] = (),
) -> float:
    return importance(
        n_outlets=outlets,
        n_articles=articles,
        first_seen=NOW - first * H,
        last_updated=NOW - last * H,
        now=NOW,
        outlet_weights=weights,
    )


def test_documented_examples_have_exact_values() -> None:
    assert score() == pytest.approx(math.log(8))  # ln 4 coverage + ln 2 velocity, no decay
    assert score(first=16, last=12) == pytest.approx(math.log(2))  # ln 4 halved, no velocity


def test_velocity_counts_only_the_share_of_articles_inside_six_hours() -> None:
    # 8 articles over 10 h to 2 h ago: 4 h of 8 h in the window -> 4 articles / 6 h.
    expected = (math.log(4) + math.log1p(4 / 6)) * 0.5 ** (2 / 12)
    assert score(articles=8, first=10, last=2) == pytest.approx(expected)


def test_more_outlets_rank_higher() -> None:
    values = [score(outlets=n) for n in (1, 2, 5, 20)]
    assert values == sorted(values) and len(set(values)) == 4


def test_older_stories_rank_lower() -> None:
    values = [score(first=age + 1, last=age) for age in (0, 3, 12, 48)]
    assert values == sorted(values, reverse=True) and len(set(values)) == 4


def test_half_life_is_twelve_hours() -> None:
    assert score(first=30, last=24) == pytest.approx(score(first=30, last=24 - 12) / 2)


def test_faster_stories_rank_higher() -> None:
    assert score(articles=12) > score(articles=6) > score(articles=1)


def test_outlet_weights_replace_the_outlet_count() -> None:
    assert score(weights=(1.0, 1.0, 1.0)) == pytest.approx(score())
    assert score(weights=(3.0, 1.0, 1.0)) > score()
    assert score(weights=(0.2, 0.2, 0.2)) < score()


def test_single_instant_story_counts_fully_when_recent() -> None:
    assert score(outlets=1, articles=3, first=1, last=1) == pytest.approx(
        (math.log(2) + math.log1p(0.5)) * 0.5 ** (1 / 12)
    )
    assert score(outlets=1, articles=3, first=7, last=7) == pytest.approx(
        math.log(2) * 0.5 ** (7 / 12)
    )


def test_future_timestamps_do_not_inflate_the_score() -> None:
    assert score(first=0, last=-1) <= score(first=0, last=0) + 1e-9


def test_negative_counts_are_rejected() -> None:
    with pytest.raises(ValueError, match=r"^rank:"):
        score(outlets=-1)
    with pytest.raises(ValueError, match=r"^rank:"):
        score(weights=(1.0, -0.5))
