"""Attributes a claim puts next to a name: fictional sources, one quirk per test."""

import pytest

from newsloom.summarize.grounding import GroundingChecker
from newsloom.summarize.grounding_attributes import misattributed
from newsloom.summarize.grounding_runs import source_runs

# Two crew members with their ages; the skipper's role is stated before his name.
CREW = [
    "The ferry left Brevik harbour on Monday with a crew of four.",
    "Deckhand Mart Kask, 24, and engineer Olev Saar, 51, were on board.",
    "Veteran skipper Tarvo Lind said the sea was calm.",
    "The ferry reached the island two hours later.",
]


@pytest.fixture(scope="module")
def checker() -> GroundingChecker:
    return GroundingChecker()


def test_age_the_sources_give_another_name_is_misattributed(checker: GroundingChecker) -> None:
    claim = "Mart Kask, 51, was on board."
    assert misattributed(claim, source_runs(CREW)) == ["51 -> mart kask"]
    wrong = checker.check(claim, CREW)
    right = checker.check("Mart Kask, 24, was on board.", CREW)
    assert wrong.attributes and not right.attributes
    assert wrong.score < right.score


def test_role_the_sources_give_another_name_is_misattributed() -> None:
    claim = "Veteran skipper Olev Saar said the sea was calm."
    assert misattributed(claim, source_runs(CREW)) == ["veteran skipper -> olev saar"]


def test_same_person_named_more_or_less_fully_keeps_the_attribute() -> None:
    assert misattributed("Skipper Lind said the sea was calm.", source_runs(CREW)) == []
    assert misattributed("Kask, 24, was on board.", source_runs(CREW)) == []


def test_another_first_name_with_the_same_surname_is_another_holder() -> None:
    # "Peeter Kask" shares the surname, not the person: 24 is Mart's age.
    claim = "Peeter Kask, 24, was on board."
    assert misattributed(claim, source_runs([*CREW, "His cousin Peeter Kask stayed ashore."])) == [
        "24 -> peeter kask"
    ]


def test_attribute_standing_alone_next_to_a_sentence_naming_the_holder_is_theirs() -> None:
    # "The 51-year-old" names no one itself; the sentence before names Saar.
    sources = [
        "Engineer Olev Saar fixed the pump at sea.",
        "The 51-year-old has served on the ferry for a decade.",
        "Deckhand Mart Kask, 24, helped him.",
    ]
    assert misattributed("Olev Saar, 51, fixed the pump.", source_runs(sources)) == []


def test_attribute_word_never_said_near_the_holder_is_misattributed() -> None:
    # "unlicensed" is said of the boats, in a sentence far from those naming the skipper.
    sources = [
        "Skipper Tarvo Lind met the council on Monday.",
        "He asked for more berths.",
        "The council said the matter would be discussed in spring.",
        "Officials counted forty unlicensed boats in the bay.",
    ]
    claim = "Unlicensed skipper Tarvo Lind met the council."
    assert misattributed(claim, source_runs(sources)) == ["unlicens -> tarvo lind"]
    # Said in the sentence after one naming him, it is his.
    sources[1] = "He admitted he was unlicensed."
    assert misattributed(claim, source_runs(sources)) == []


def test_name_before_the_words_is_a_subject_and_its_verb() -> None:
    # "Lind praised Saar": "praised" is what Lind did, not a description of Saar.
    sources = [*CREW, "The owners praised the whole crew."]
    assert misattributed("Tarvo Lind praised Olev Saar.", source_runs(sources)) == []


def test_word_after_to_is_a_verb_not_a_description() -> None:
    sources = [*CREW, "The owners will keep everyone on board.", "They plan to hire more crew."]
    assert misattributed("The owners plan to hire Olev Saar.", source_runs(sources)) == []
