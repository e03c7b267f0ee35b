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


def test_stored_importance_is_importance_at_the_last_article() -> None:
    from newsloom.categorize.rank import stored_importance

    stored = stored_importance(
        n_outlets=3, n_articles=6, first_seen=NOW - 14 * H, last_updated=NOW - 10 * H
    )
    assert stored == pytest.approx(math.log(8))  # decay 1, velocity of the 4 h before it
    # Evaluated 10 h later, the velocity has left the window as well as the decay set in.
    assert score(first=14, last=10) == pytest.approx(math.log(4) * 0.5 ** (10 / 12))


def test_current_importance_decays_the_stored_value() -> None:
    from newsloom.categorize.rank import current_importance, decay

    assert decay(NOW, NOW) == 1.0 and decay(NOW + H, NOW) == 1.0
    assert decay(NOW - 12 * H, NOW) == pytest.approx(0.5)
    assert current_importance(2.0, NOW - 24 * H, NOW) == pytest.approx(0.5)
    assert current_importance(-1.0, NOW, NOW) == 0.0


def test_rank_key_orders_like_current_importance_at_any_time() -> None:
    from newsloom.categorize.rank import current_importance, rank_key

    stories = [(0.9, NOW - 1 * H), (0.5, NOW - 2 * H), (3.0, NOW - 30 * H), (0.1, NOW)]
    by_key = sorted(stories, key=lambda s: rank_key(*s), reverse=True)
    for later in (0, 5, 100):
        at = NOW + later * H
        by_value = sorted(stories, key=lambda s: current_importance(s[0], s[1], at), reverse=True)
        assert by_value == by_key
    assert rank_key(0.0, NOW) == -math.inf
    assert rank_key(1e-300, NOW - 100_000 * H) > -math.inf  # no underflow, however old


def test_outlet_weights_for_hosts_and_their_subdomains() -> None:
    from newsloom.categorize.rank import outlet_weights_for

    configured = {"gazette.example": 2.0, "blog.example": 0.5, "news.blog.example": 0.8}
    hosts = [
        "www.gazette.example",
        "gazette.example",
        "news.blog.example",
        "x.blog.example",
        "o.example",
    ]
    assert outlet_weights_for(hosts, configured) == (2.0, 2.0, 0.8, 0.5, 1.0)
    assert outlet_weights_for(["A.Example", "a.example"], {}) == (1.0,)  # distinct hosts only
    with pytest.raises(ValueError, match=r"^rank:"):
        outlet_weights_for(["bad.example"], {"bad.example": -1.0})
