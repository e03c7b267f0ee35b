"""Consolidation merges converged stories, splits off drifted members, and respects corrections."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np

from newsloom.cluster.consolidate import (
    ConsolidationRules,
    Member,
    StoryState,
    plan_consolidation,
    related_stories,
)

T0 = datetime(2031, 5, 2, 6, 0, tzinfo=UTC)
DIM = 384

FERRY = frozenset({"gullhaven", "ferry line 4", "marta olsen", "council"})
STORM = frozenset({"brindle valley", "storm", "farm board"})
QUAKE = frozenset({"ostmark", "richter", "harbour bridge"})


def event_vector(event: int, member: int, noise: float = 0.25) -> np.ndarray:
    center = np.random.default_rng(event).standard_normal(DIM)
    jitter = np.random.default_rng(10_000 * event + member).standard_normal(DIM)
    vector = center / np.linalg.norm(center) + noise * jitter / np.linalg.norm(jitter)
    return (vector / np.linalg.norm(vector)).astype(np.float32)


def story(
    story_id: int,
    event: int,
    article_ids: list[int],
    names: frozenset[str],
    *,
    start: datetime = T0,
    hours_apart: float = 2.0,
) -> StoryState:
    members = tuple(
        Member(a, start + timedelta(hours=i * hours_apart), event_vector(event, a), names)
        for i, a in enumerate(article_ids)
    )
    return StoryState(story_id=story_id, first_seen=start, members=members)


def test_two_stories_of_one_event_merge_into_the_bigger_one() -> None:
    big = story(7, event=1, article_ids=[1, 2, 3], names=FERRY)
    small = story(3, event=1, article_ids=[4, 5], names=FERRY, start=T0 + timedelta(hours=5))
    other = story(9, event=2, article_ids=[6, 8], names=STORM)
    plan = plan_consolidation([small, big, other])
    assert plan.splits == ()
    assert [(m.story_id, m.into_id) for m in plan.merges] == [(3, 7)]
    assert plan.merges[0].similarity >= 0.8
    assert "gullhaven" in plan.merges[0].reasons


def test_equal_sizes_keep_the_older_story() -> None:
    later = story(2, event=1, article_ids=[1, 2], names=FERRY, start=T0 + timedelta(hours=3))
    older = story(5, event=1, article_ids=[3, 4], names=FERRY, start=T0)
    plan = plan_consolidation([later, older])
    assert [(m.story_id, m.into_id) for m in plan.merges] == [(2, 5)]


def test_close_vectors_without_shared_names_stay_apart() -> None:
    # Two events of one kind look alike to the embedding; the names tell them apart.
    first = story(1, event=1, article_ids=[1, 2], names=FERRY)
    second = story(2, event=1, article_ids=[3, 4], names=QUAKE)
    assert not plan_consolidation([first, second])


def test_stories_further_apart_than_the_window_stay_apart() -> None:
    first = story(1, event=1, article_ids=[1, 2], names=FERRY)
    later = story(2, event=1, article_ids=[3, 4], names=FERRY, start=T0 + timedelta(days=5))
    assert not plan_consolidation([first, later], ConsolidationRules(window_hours=72))
    assert plan_consolidation([first, later], ConsolidationRules(window_hours=24 * 7)).merges


def test_a_storyline_over_days_is_not_split_and_merges_with_its_follow_up() -> None:
    # One article a day for a week: each is within the window of the previous one.
    running = story(1, event=1, article_ids=[1, 2, 3, 4, 5, 6, 7], names=FERRY, hours_apart=24)
    follow_up = story(
        2, event=1, article_ids=[8], names=FERRY, start=T0 + timedelta(days=8, hours=1)
    )
    plan = plan_consolidation([running, follow_up], ConsolidationRules(window_hours=72))
    assert plan.splits == ()
    assert [(m.story_id, m.into_id) for m in plan.merges] == [(2, 1)]


def test_a_member_that_drifted_is_split_off() -> None:
    ferry = story(4, event=1, article_ids=[1, 2, 3, 4], names=FERRY)
    stray = Member(9, T0 + timedelta(hours=1), event_vector(3, 9), QUAKE)
    drifted = StoryState(4, T0, (*ferry.members, stray))
    plan = plan_consolidation([drifted])
    assert [(s.story_id, s.article_ids) for s in plan.splits] == [(4, (9,))]
    assert plan.splits[0].similarity < 0.35
    assert "drifted" in plan.splits[0].reasons


def test_drifted_members_that_belong_together_leave_together() -> None:
    ferry = story(4, event=1, article_ids=[1, 2, 3, 4, 5], names=FERRY)
    quake = story(0, event=3, article_ids=[8, 9], names=QUAKE)
    mixed = StoryState(4, T0, (*ferry.members, *quake.members))
    plan = plan_consolidation([mixed])
    assert [s.article_ids for s in plan.splits] == [(8, 9)]


def test_a_story_with_no_clear_core_is_left_alone() -> None:
    half = story(1, event=1, article_ids=[1, 2], names=FERRY)
    other = story(1, event=3, article_ids=[3, 4], names=QUAKE)
    assert not plan_consolidation([StoryState(1, T0, (*half.members, *other.members))])


def test_pinned_articles_are_never_split_off() -> None:
    ferry = story(4, event=1, article_ids=[1, 2, 3, 4], names=FERRY)
    placed_by_hand = Member(9, T0 + timedelta(hours=1), event_vector(3, 9), QUAKE)
    merged = StoryState(4, T0, (*ferry.members, placed_by_hand))
    assert not plan_consolidation([merged], pinned={9})


def test_stories_kept_apart_by_a_split_are_never_merged() -> None:
    first = story(1, event=1, article_ids=[1, 2, 3], names=FERRY)
    split_off = story(2, event=1, article_ids=[4], names=FERRY)
    third = story(3, event=1, article_ids=[5], names=FERRY)
    plan = plan_consolidation([first, split_off, third], apart={(2, 1)})
    merged = {(m.story_id, m.into_id) for m in plan.merges}
    assert (2, 1) not in merged
    assert (3, 1) in merged
    # Not through a third story either: 2 would end up with 1 by way of 3.
    assert all(m.into_id != 1 for m in plan.merges if m.story_id == 2)


def test_the_plan_is_the_same_whatever_the_input_order() -> None:
    stories = [
        story(1, event=1, article_ids=[1, 2], names=FERRY),
        story(2, event=1, article_ids=[3], names=FERRY),
        story(3, event=2, article_ids=[4, 5, 6], names=STORM),
        story(4, event=2, article_ids=[7], names=STORM),
    ]
    first = plan_consolidation(stories)
    assert first == plan_consolidation(list(reversed(stories)))
    assert {(m.story_id, m.into_id) for m in first.merges} == {(2, 1), (4, 3)}


def test_related_stories_are_the_focus_and_its_close_neighbours() -> None:
    centroids = {
        1: event_vector(1, 1),
        2: event_vector(1, 2),
        3: event_vector(2, 3),
    }
    assert related_stories(centroids, {1}, 0.8) == {1, 2}
    assert related_stories({}, {5}, 0.8) == {5}


def _texts(article_ids: list[int], words: str, names: frozenset[str]) -> list[Member]:
    """Members of one event (one embedding neighbourhood) whose texts use ``words``."""
    from newsloom.cluster.features import doc_terms

    out = []
    vocabulary = words.split()
    for i, a in enumerate(article_ids):
        own = vocabulary[i % 3 :] + vocabulary[: i % 3]  # each article words it its own way
        terms = doc_terms(" ".join(own[:4]), " ".join(own[2:])).terms
        out.append(Member(a, T0 + timedelta(hours=i), event_vector(1, a), names, terms))
    return out


VELORIA = "earthquake veloria marsk governor brandt tents rubble church school toll"
OSTRAVA = "earthquake ostrava dunhollow mayor kren power substation harbour promenade grid"
OTHER = [
    story(20 + i, event=10 + i, article_ids=[100 + i], names=STORM) for i in range(6)
]  # other stories of the window: they give the words their rarity


def test_a_second_event_of_one_kind_is_split_off_whole() -> None:
    # One embedding neighbourhood (two quakes), shared names, but other words: two events.
    veloria = _texts([1, 2, 3, 4], VELORIA, QUAKE)
    ostrava = _texts([5, 6, 7], OSTRAVA, QUAKE)
    both = StoryState(1, T0, (*veloria, *ostrava))
    plan = plan_consolidation([both, *OTHER])
    assert [(s.story_id, s.article_ids) for s in plan.splits] == [(1, (5, 6, 7))]
    assert "another event" in plan.splits[0].reasons
    assert plan.splits[0].similarity < ConsolidationRules().event_similarity


def test_one_odd_article_is_not_a_second_event() -> None:
    veloria = _texts([1, 2, 3, 4, 5], VELORIA, QUAKE)
    odd = _texts([6, 7], OSTRAVA, QUAKE)  # fewer than min_split_size
    assert not plan_consolidation([StoryState(1, T0, (*veloria, *odd)), *OTHER]).splits


def test_stories_close_in_kind_but_not_in_words_are_not_merged() -> None:
    veloria = StoryState(1, T0, tuple(_texts([1, 2], VELORIA, QUAKE)))
    ostrava = StoryState(2, T0, tuple(_texts([3, 4], OSTRAVA, QUAKE)))
    again = StoryState(3, T0, tuple(_texts([5], VELORIA, QUAKE)))
    plan = plan_consolidation([veloria, ostrava, again, *OTHER])
    assert [(m.story_id, m.into_id) for m in plan.merges] == [(3, 1)]


def _reports(article_ids: list[int], player: str, *, hours_apart: float) -> list[Member]:
    """Reports on a player put on injured reserve, in the same words but for the player."""
    from newsloom.cluster.features import doc_terms

    first, last = player.split()
    out = []
    for i, a in enumerate(article_ids):
        terms = doc_terms(
            f"Harbour Saints place {player} on injured reserve",
            f"The Harbour Saints placed {player} on injured reserve on day {i}, ending his season. "
            f"{last} hurt his knee in practice, coach Ansel Ruud said. {first} {last} will have "
            "surgery next week and the Saints signed a replacement from their practice squad.",
        )
        published = T0 + timedelta(hours=i * hours_apart)
        out.append(Member(a, published, event_vector(1, a), terms.entities, terms.terms))
    return out


def test_untimed_reports_with_rival_protagonists_are_two_events() -> None:
    # An undated archive: every report stamped with one instant. Same team, same words, same
    # embedding neighbourhood; only who was hurt differs, and that is the evidence left.
    varn = _reports([1, 2, 3, 4], "Pierre Varn", hours_apart=0)
    delmar = _reports([5, 6, 7], "Rico Delmar", hours_apart=0)
    plan = plan_consolidation([StoryState(1, T0, (*varn, *delmar)), *OTHER])
    assert [(s.story_id, s.article_ids) for s in plan.splits] == [(1, (5, 6, 7))]


def test_rival_protagonists_published_over_time_are_left_to_the_window() -> None:
    # The same reports with real times: other protagonists of one window are often other angles
    # of one event, so the names alone split nothing.
    varn = _reports([1, 2, 3, 4], "Pierre Varn", hours_apart=1)
    delmar = _reports([5, 6, 7], "Rico Delmar", hours_apart=1)
    assert not plan_consolidation([StoryState(1, T0, (*varn, *delmar)), *OTHER]).splits


def _patch_reports(article_ids: list[int], year: str) -> list[Member]:
    """Untimed reports on an emergency browser patch by one company, in one year."""
    from newsloom.cluster.features import doc_terms

    out = []
    for i, a in enumerate(article_ids):
        terms = doc_terms(
            "Corvan rushes out emergency patch for its browser",
            f"Corvan released an emergency patch for the Lumen browser in March {year} after "
            f"attackers exploited a flaw (report {i}). Corvan urged Lumen users to update at once.",
        )
        out.append(Member(a, T0, event_vector(1, a), terms.entities, terms.terms))
    return out


def test_untimed_reports_naming_other_years_are_two_events() -> None:
    # Same company, same words, same protagonist: only the year tells the two patches apart.
    first = _patch_reports([1, 2, 3, 4], "2008")
    second = _patch_reports([5, 6, 7], "2013")
    plan = plan_consolidation([StoryState(1, T0, (*first, *second)), *OTHER])
    assert [(s.story_id, s.article_ids) for s in plan.splits] == [(1, (5, 6, 7))]
    same_year = _patch_reports([5, 6, 7], "2008")
    assert not plan_consolidation([StoryState(1, T0, (*first, *same_year)), *OTHER]).splits
