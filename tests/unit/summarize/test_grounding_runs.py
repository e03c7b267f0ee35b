"""Copied runs and the actor each one is given: fictional sources, one quirk per test."""

import pytest

from newsloom.summarize.grounding import GroundingChecker
from newsloom.summarize.grounding_runs import source_runs, swapped_actors
from newsloom.summarize.words import tokens_joined

# The caretaker is Kask; Lind is the coach who resigned.
CLUB = [
    "Coach Tarvo Lind resigned on Monday after the defeat at Brevik.",
    "His assistant Mirel Kask was appointed caretaker until the end of the season.",
]


@pytest.fixture(scope="module")
def checker() -> GroundingChecker:
    return GroundingChecker()


def test_name_pasted_before_a_copied_statement_of_another_actor_is_swapped(
    checker: GroundingChecker,
) -> None:
    claim = "Tarvo Lind was appointed caretaker until the end of the season."
    assert swapped_actors(claim, source_runs(CLUB)) == ["Lind"]
    wrong = checker.check(claim, CLUB)
    right = checker.check("Mirel Kask was appointed caretaker until the end of the season.", CLUB)
    assert wrong.swapped == ("Lind",) and not right.swapped
    assert wrong.score < right.score


def test_lower_cased_tokenised_claim_is_read_with_the_sources_names() -> None:
    claim = "tarvo lind was appointed caretaker until the end of the season ."
    assert swapped_actors(claim, source_runs(CLUB)) == ["lind"]


def test_name_closing_an_appositive_is_not_the_actor() -> None:
    # "the injured Lind," ends a clause inside commas: the appointment is Kask's.
    sources = ["Kask, who replaced the injured Tarvo Lind, was appointed caretaker on Monday."]
    assert (
        swapped_actors("Mirel Kask was appointed caretaker on Monday.", source_runs(sources)) == []
    )


def test_actor_named_before_a_description_keeps_the_statement() -> None:
    # The claim names Kask, then says where she is from: "Oddun" is not the new actor.
    sources = ["Kask was appointed caretaker until the end of the season."]
    claim = "Mirel Kask, 41, from Oddun was appointed caretaker until the end of the season."
    assert swapped_actors(claim, source_runs(sources)) == []


def test_list_item_dropped_before_the_next_one_is_no_swap() -> None:
    # "Kask from Oddun and Varga": the run "and Varga from Brevik" follows "Oddun" in the
    # source, but a run opening with "and" adds an item; it says nothing about the name before.
    sources = ["The winners were Kask from Oddun and Varga from Brevik."]
    claim = "The winners were Kask and Varga from Brevik."
    assert swapped_actors(claim, source_runs(sources)) == []


def test_a_run_stated_once_without_a_name_before_it_is_not_given_to_anyone() -> None:
    sources = ["After the defeat, the board said it was appointed caretaker in error."]
    assert swapped_actors("Kask was appointed caretaker in error.", source_runs(sources)) == []


def test_tokens_joined_marks_phrases_broken_by_punctuation() -> None:
    words, joined = tokens_joined("Kask, 41, was appointed (again) today")
    assert words == ["Kask", "41", "was", "appointed", "again", "today"]
    assert joined == [False, False, True, False, False, False]
    assert tokens_joined("") == ([], [])
