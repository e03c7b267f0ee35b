"""Copied runs and the actor each one is given: fictional sources, one quirk per test."""

import pytest

from newsloom.summarize.grounding import GroundingChecker
from newsloom.summarize.grounding_runs import (
    copied_runs,
    dropped_hedges,
    fragment_jumps,
    source_runs,
    spliced_slots,
    swapped_actors,
)
from newsloom.summarize.words import tokens_joined
from newsloom.textkit import stem

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


def test_nationality_after_the_is_a_description_not_another_actor() -> None:
    # "The Estonian" is how the sources go on to call Kask: a description of the actor, not a
    # second person put in front of her appointment. A bare name still is.
    sources = [
        "Mirel Kask was appointed caretaker until the end of the season.",
        "The Estonian had coached the youth team for six years.",
    ]
    claim = "The Estonian was appointed caretaker until the end of the season."
    assert swapped_actors(claim, source_runs(sources)) == []
    named = "Estonian was appointed caretaker until the end of the season."
    assert swapped_actors("Then " + named, source_runs(sources)) == ["Estonian"]


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


# A fictional court report: the source hedges the theft, the praise is stated outright.
THEFT = [
    "Police said the caretaker Ilmar Sepp allegedly took the keys to the harbour office.",
    "The harbour master, who is thought to earn more than 90,000 crowns a year, praised the "
    "night staff.",
]


def _stems(claim: str) -> list[str]:
    return [stem(w) for w in tokens_joined(claim)[0]]


def test_copied_statement_that_drops_its_hedge_is_given_as_fact(
    checker: GroundingChecker,
) -> None:
    runs = source_runs(THEFT)
    fact = "Ilmar Sepp took the keys to the harbour office."
    assert dropped_hedges(_stems(fact), runs) == ["allegedly"]
    # "thought to earn": the hedge leads to the copied verb across one word.
    assert dropped_hedges(_stems("The harbour master earns more than 90,000 crowns a year."), runs)
    hedged = "Ilmar Sepp allegedly took the keys to the harbour office."
    assert dropped_hedges(_stems(hedged), runs) == []
    wrong, right = checker.check(fact, THEFT), checker.check(hedged, THEFT)
    assert wrong.unhedged == ("allegedly",) and not right.unhedged
    assert wrong.score < right.score


def test_claim_keeping_a_hedge_of_its_own_is_not_flagged() -> None:
    claim = "Police said caretaker Ilmar Sepp may have taken the keys to the harbour office."
    assert dropped_hedges(_stems(claim), source_runs(THEFT)) == []


def test_hedge_inside_an_aside_the_claim_skips_does_not_qualify_it() -> None:
    # "who claimed ..." is set off by dashes: the copied statement about the fee stands.
    sources = ["The mayor - who claimed the ferry would close - raised the harbour fee in May."]
    claim = "The mayor raised the harbour fee in May."
    assert dropped_hedges(_stems(claim), source_runs(sources)) == []


def test_a_date_is_no_hedge() -> None:
    # "May" as a month, capitalised in the source, says nothing about certainty.
    runs = source_runs(["The schedule changed on May 2 after the storm."])
    assert not runs.hedges
    assert dropped_hedges(_stems("The schedule changed after the storm."), runs) == []
    assert source_runs(["The schedule may change after the storm."]).hedges


# Two fictional sentences that share the function-word pair "has been".
HARBOUR = [
    "The old ferry has been repainted in the harbour colours.",
    "Captain Ott Raud has been given a two-year contract by the port authority.",
]


def test_run_of_stop_words_alone_marks_no_seam() -> None:
    # "it has been" matches both sentences' "has been"; the claim's statement is the second
    # sentence's, whichever copy of the function words the walk finds first.
    runs = source_runs(HARBOUR)
    claim = [
        stem(w) for w in tokens_joined("Raud, it has been said, was given a two-year contract")[0]
    ]
    assert fragment_jumps(claim, runs) == 0


def test_equally_long_runs_are_read_from_the_sentence_before() -> None:
    # "has been given a" runs four words in both sentences; after "captain ott raud" (second
    # sentence) the walk takes the second sentence's copy, so the claim reads without a seam.
    sources = [
        "The ferry has been given a new coat of paint.",
        "Captain Ott Raud of the port has been given a bonus.",
    ]
    runs = source_runs(sources)
    claim = [stem(w) for w in tokens_joined("Captain Ott Raud has been given a medal.")[0]]
    starts = [start for _, _, start in copied_runs(claim, runs)]
    assert [runs.sentence_of[start] for start in starts] == [1, 1]
    assert fragment_jumps(claim, runs) == 0


def test_run_held_by_several_sentences_is_read_from_the_one_with_fewest_seams() -> None:
    # "Captain Ott Raud" opens both sentences; the rest of the claim is the second one's, so the
    # claim is one sentence copied with its words reordered, not a fusion of two.
    sources = [
        "Captain Ott Raud opened the new ferry terminal.",
        "On Friday Captain Ott Raud praised the night staff.",
    ]
    claim = [
        stem(w) for w in tokens_joined("Captain Ott Raud on Friday praised the night staff")[0]
    ]
    assert fragment_jumps(claim, source_runs(sources)) == 0
    # A claim that does join the two sentences still has its seam.
    fused = [
        stem(w)
        for w in tokens_joined("On Friday Captain Ott Raud opened the new ferry terminal")[0]
    ]
    assert fragment_jumps(fused, source_runs(sources)) == 1


def test_run_copied_across_a_sentence_end_marks_no_seam_where_the_copy_reads_on() -> None:
    # "overnight ferry crews" runs on from the first sentence into the second as the source
    # wrote it; the run after "said they" comes from that second sentence: no fusion.
    sources = [
        "The storm hit the coast overnight.",
        "Ferry crews stayed in port on Monday.",
    ]
    claim = [
        stem(w)
        for w in tokens_joined(
            "The storm hit the coast overnight ferry crews said they stayed in port on Monday"
        )[0]
    ]
    assert fragment_jumps(claim, source_runs(sources)) == 0
    # Runs of the two sentences joined in another order still have their seam.
    fused = [stem(w) for w in tokens_joined("Ferry crews stayed in port as the storm hit")[0]]
    assert fragment_jumps(fused, source_runs(sources)) == 1


# Father and son share a surname; the voyage is the son's.
SAILORS = [
    "Sailor Aivar Tamm, 37, took his small dinghy out in early March.",
    "His father Jaan Tamm said he never lost hope.",
]


def test_name_copied_with_its_surname_before_another_actors_statement_is_swapped() -> None:
    # "Jaan Tamm" is copied whole from the second sentence; the voyage after it is Aivar's.
    claim = "Jaan Tamm, 37, took his small dinghy out in early March."
    assert swapped_actors(claim, source_runs(SAILORS)) == ["Jaan"]
    assert swapped_actors("Aivar Tamm, 37, took his small dinghy out.", source_runs(SAILORS)) == []


def test_title_and_given_name_of_one_person_are_no_swap() -> None:
    # "Mr Tamm" and "Aivar Tamm" are one man: a title names no one, on either side.
    sources = ["Last winter Mr Tamm, 37, took his small dinghy out.", "His son is Aivar Tamm."]
    assert swapped_actors("Aivar Tamm, 37, took his small dinghy out.", source_runs(sources)) == []
    sources = [SAILORS[0], "Last year Mr Tamm sold his house."]
    assert swapped_actors("Mr Tamm, 37, took his small dinghy out.", source_runs(sources)) == []


# The trainer's sentence, then one opening with "He": the training is Oll's, not the rider's.
STABLE = [
    "Trainer Priit Oll showed the press round his yard on Thursday.",
    "He trains Northwind for owner Helle Saar, who retains rider Kalev Mets.",
]


def test_statement_after_an_opening_pronoun_belongs_to_the_subject_before() -> None:
    runs = source_runs(STABLE)
    assert swapped_actors("Mets trains Northwind for owner Helle Saar.", runs) == ["Mets"]
    assert swapped_actors("Oll trains Northwind for owner Helle Saar.", runs) == []


def test_phrase_the_sources_say_of_several_actors_is_no_ones_statement() -> None:
    # "will start" is said of Rand and of Vool: giving it to Kask swaps nothing.
    sources = [
        "The race begins at noon and driver Rand will start first.",
        "His rival Vool will start second.",
        "Last year Kask finished fourth.",
    ]
    assert swapped_actors("Kask will start third.", source_runs(sources)) == []


def test_caption_position_note_does_not_hide_the_actor() -> None:
    # "Raud (centre) is now a ferry pilot": the piloting is Raud's, not Kask's.
    sources = [
        "Captain Mirel Kask retired in May.",
        "Retired skipper Ott Raud (centre) is now a ferry pilot on the island route.",
    ]
    runs = source_runs(sources)
    assert swapped_actors("Mirel Kask is now a ferry pilot on the island route.", runs) == ["Kask"]
    assert swapped_actors("Ott Raud is now a ferry pilot on the island route.", runs) == []


def test_pronoun_inside_a_sentence_stands_for_its_subject() -> None:
    # The bail is Pent's: "he" in "where he was granted bail" is the sentence's subject.
    sources = [
        "Neighbour Arvo Lepp, 55, was hurt in a row outside the flats.",
        "Accused Tiit Pent hid his face as he left court where he was granted bail on Friday.",
    ]
    runs = source_runs(sources)
    assert swapped_actors("Mr Lepp was granted bail on Friday.", runs) == ["Lepp"]
    assert swapped_actors("Tiit Pent was granted bail on Friday.", runs) == []


def test_name_modifying_a_description_is_not_whom_the_pronoun_means() -> None:
    # "he" stands for "the Parnu Tigers captain", a description of Lepp: "Parnu Tigers" only
    # says which captain, so giving the posting to Lepp swaps no actor.
    sources = [
        "Rower Arvo Lepp showed off a new boat on Friday.",
        "And the Parnu Tigers captain joined in on the joke as he shared the picture online.",
    ]
    runs = source_runs(sources)
    assert swapped_actors("Arvo Lepp shared the picture online.", runs) == []
    # A named subject still owns the pronoun's statement.
    named = [sources[0], "Then Mart Kivi joined in on the joke as he shared the picture online."]
    assert swapped_actors("Arvo Lepp shared the picture online.", source_runs(named)) == ["Lepp"]


# The new ferry is what may be named after the skipper; the skipper is Hanno Pärn.
NAMING = [
    "Bets on the new ferry being named Aurora have doubled since Friday.",
    "Skipper Hanno Pärn, whose boat was called Aurora, won the regatta at Kuressaare.",
]


def test_source_phrase_given_another_argument_from_elsewhere_is_spliced(
    checker: GroundingChecker,
) -> None:
    runs = source_runs(NAMING)
    # "Bets on ... being named Aurora": the slot held "the new ferry"; the claim puts the
    # skipper, a name from the other sentence, in it.
    wrong = "Bets on Hanno Pärn being named Aurora have doubled since Friday."
    assert spliced_slots(_stems(wrong), runs) == ["hanno pärn"]
    right = "Bets on the new ferry being named Aurora have doubled since Friday."
    assert spliced_slots(_stems(right), runs) == []
    assert checker.check(wrong, NAMING).spliced == ("hanno pärn",)
    assert checker.check(wrong, NAMING).score < checker.check(right, NAMING).score


def test_shortened_fuller_or_paraphrased_slot_is_no_splice() -> None:
    runs = source_runs(NAMING)
    # Words dropped from the slot, nothing put in their place: a compression.
    assert spliced_slots(_stems("Bets on the ferry being named Aurora have doubled."), runs) == []
    # A word no source uses: a paraphrase, which the invented-word check reads.
    assert spliced_slots(_stems("Bets on the vessel being named Aurora have doubled."), runs) == []
    club = ["Tarvo Lind met the mayor on Friday.", "The players said coach Lind would stay."]
    # "Tarvo Lind" for "Lind" names more of the same man; "their coach" names less.
    fuller = "The players said coach Tarvo Lind would stay."
    assert spliced_slots(_stems(fuller), source_runs(club)) == []
    shorter = "The players said their coach would stay."
    assert spliced_slots(_stems(shorter), source_runs(club)) == []
    # Another man of the sources in the same slot is a splice.
    other = ["Ott Raud met the mayor on Friday.", "The players said coach Lind would stay."]
    swapped = "The players said coach Ott Raud would stay."
    assert spliced_slots(_stems(swapped), source_runs(other)) == ["ott raud"]
