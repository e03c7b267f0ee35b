"""Copies that skip from a word to its next mention in one source phrase."""

import pytest

from newsloom.summarize.grounding import W_SKIP, GroundingChecker
from newsloom.summarize.grounding_deletions import skipped_repeats
from newsloom.summarize.grounding_runs import source_runs

SOURCES = [
    "The mayor of Harbour Lane paid for her vote against her party with the loss of her seat.",
    "The council approved a plan for new homes for nurses near the hospital on Monday.",
    "The crew repaired their boat during their winter break in Ostvik.",
]
RUNS = source_runs(SOURCES)


def test_a_copy_reading_on_after_the_second_mention_of_a_word_is_found() -> None:
    claim = "The mayor of Harbour Lane paid for her party with the loss of her seat."
    assert skipped_repeats(claim, RUNS) == ["her vote against her party"]
    assert skipped_repeats("The crew repaired their winter break in Ostvik.", RUNS) == [
        "their boat during their winter"
    ]


def test_copies_that_keep_the_phrase_or_shorten_a_chain_of_prepositions_are_not() -> None:
    # Copied whole, or a deletion that does not end on the word before it.
    assert skipped_repeats("The crew repaired their boat during their winter break.", RUNS) == []
    assert skipped_repeats("The crew repaired their boat in Ostvik.", RUNS) == []
    # "a plan for nurses": a link of a chain of prepositions dropped, the relation kept.
    assert skipped_repeats("The council approved a plan for nurses near the hospital.", RUNS) == []
    # Punctuation between the runs in the claim: two phrases, not one phrase cut short.
    assert skipped_repeats("The crew repaired their, winter break in Ostvik.", RUNS) == []


def test_the_skip_costs_what_a_word_put_in_the_slot_costs() -> None:
    checker = GroundingChecker()
    faithful = checker.check(SOURCES[0], SOURCES)
    skipped = checker.check(
        "The mayor of Harbour Lane paid for her party with the loss of her seat.", SOURCES
    )
    assert faithful.skipped == ()
    assert skipped.skipped == ("her vote against her party",)
    # Every word is the source's, in its order, from one sentence: beyond the trigrams the
    # skip breaks, it costs W_SKIP and nothing else.
    assert not (skipped.novel or skipped.jumps or skipped.spliced or skipped.relations)
    matched = (skipped.trigrams + 0.3 * skipped.similarity + 0.3 * skipped.coverage) / 1.6
    assert skipped.score == pytest.approx(matched - W_SKIP)
    assert skipped.score < faithful.score - W_SKIP
