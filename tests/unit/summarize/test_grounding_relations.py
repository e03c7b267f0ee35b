"""Circumstances and polarity a claim gives the statements it copies: fictional sources, one
quirk per test."""

import pytest

from newsloom.summarize.grounding import GroundingChecker
from newsloom.summarize.grounding_relations import (
    _negated_at,
    borrowed_circumstances,
    flipped_polarity,
)
from newsloom.summarize.grounding_runs import source_runs

# Lind resigned on Monday; the final whistle on Saturday belongs to another match, told later.
CLUB = [
    "Coach Tarvo Lind resigned from the club on Monday.",
    "He had led the team for four seasons.",
    "The board thanked him for his work with the youth players.",
    "Fans gathered outside the stadium after the final whistle on Saturday.",
]


@pytest.fixture(scope="module")
def checker() -> GroundingChecker:
    return GroundingChecker()


def test_circumstance_copied_from_a_sentence_about_another_event_is_borrowed(
    checker: GroundingChecker,
) -> None:
    claim = "Coach Tarvo Lind resigned from the club after the final whistle on Saturday."
    assert borrowed_circumstances(claim, source_runs(CLUB)) == [
        "coach tarvo lind resigned from the club || after the final whistle on saturday"
    ]
    wrong = checker.check(claim, CLUB)
    right = checker.check("Coach Tarvo Lind resigned from the club on Monday.", CLUB)
    assert wrong.relations and not right.relations
    assert wrong.score < right.score


def test_circumstance_from_the_next_sentence_tells_the_same_event() -> None:
    sources = [
        "Coach Tarvo Lind resigned from the club.",
        "He announced it in Brevik on Monday.",
    ]
    claim = "Coach Tarvo Lind resigned from the club in Brevik on Monday."
    assert borrowed_circumstances(claim, source_runs(sources)) == []


def test_circumstance_after_a_short_phrase_qualifies_what_the_phrase_names() -> None:
    # "the youth players" names something, it states no event the place could belong to.
    claim = "Youth players at the stadium after the final whistle."
    assert borrowed_circumstances(claim, source_runs(CLUB)) == []


def test_statement_and_circumstance_joined_by_new_words_are_a_paraphrase() -> None:
    claim = "Coach Tarvo Lind resigned from the club, weeks before the final whistle on Saturday."
    assert borrowed_circumstances(claim, source_runs(CLUB)) == []


COURT = [
    "Mirel Kask has not been charged over the crash on the ring road.",
    "Police said the lorry driver was injured in the crash.",
    "Kask, who owns the haulage firm, has not yet been questioned by detectives.",
]


def test_negation_lost_from_a_copied_statement_flips_it(checker: GroundingChecker) -> None:
    claim = "Mirel Kask has been charged over the crash on the ring road."
    assert flipped_polarity(claim, source_runs(COURT)) == [
        "been charged over the crash on the ring road"
    ]
    wrong = checker.check(claim, COURT)
    right = checker.check("Mirel Kask has not been charged over the crash on the ring road.", COURT)
    assert wrong.relations and not right.relations
    assert wrong.score < right.score


def test_negation_added_to_a_copied_statement_flips_it() -> None:
    claim = "The lorry driver was not injured in the crash."
    assert flipped_polarity(claim, source_runs(COURT)) == ["injured in the crash"]


def test_negated_clause_left_out_beside_the_copied_one_flips_nothing() -> None:
    assert flipped_polarity("Kask owns the haulage firm.", source_runs(COURT)) == []


def test_negation_reaches_its_word_across_adverbs() -> None:
    claim = "Kask has not been questioned by detectives."
    assert flipped_polarity(claim, source_runs(COURT)) == []
    assert flipped_polarity("Kask has been questioned by detectives.", source_runs(COURT)) == [
        "been questioned by detectives"
    ]


def test_no_before_a_number_is_no_negation() -> None:
    words = ["lind", "was", "no", "2", "under", "kask"]
    assert not _negated_at(words, [True] * len(words), 3, 0)
    assert _negated_at(["he", "was", "no", "coach"], [True] * 4, 3, 0)
