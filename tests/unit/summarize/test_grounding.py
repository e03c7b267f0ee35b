"""The grounding check on fictional claims: what overlap misses, the check must catch."""

import numpy as np
import pytest

from newsloom.summarize.grounding import (
    GroundingChecker,
    as_written,
    inner_sentences,
    source_sentences,
)
from newsloom.summarize.words import numbers_in
from newsloom.textkit import stem

SOURCES = [
    "The Port Elling tidal barrier closed for the first time on Tuesday as a storm surge of "
    "3.2 metres hit the estuary.",
    "Mayor Ilse Varga said the barrier had protected about 18,000 homes in the lower town.",
    "Engineers lowered the twelve steel gates in 40 minutes.",
]


@pytest.fixture(scope="module")
def checker() -> GroundingChecker:
    return GroundingChecker()


def test_copied_sentence_is_fully_supported(checker: GroundingChecker) -> None:
    support = checker.check(SOURCES[2], SOURCES)
    assert support.supported and support.score == pytest.approx(1.0)
    assert support.aligned[0] == 2


def test_paraphrase_with_known_facts_is_supported(checker: GroundingChecker) -> None:
    claim = "The barrier protected roughly 18,000 homes in the lower town, Varga said."
    support = checker.check(claim, SOURCES)
    assert support.supported, support
    assert support.aligned[0] == 1


@pytest.mark.parametrize(
    ("claim", "field", "value"),
    [
        ("Engineers lowered the twelve steel gates in 55 minutes.", "numbers", "55"),
        ("Mayor Oskar Lind said the barrier had protected about 18,000 homes.", "names", "Oskar"),
        ("The tidal barrier did not close on Tuesday as the storm surge hit.", "negation", True),
    ],
)
def test_invented_number_name_or_negation_fails(
    checker: GroundingChecker, claim: str, field: str, value: object
) -> None:
    support = checker.check(claim, SOURCES)
    found = getattr(support, field)
    assert (value in found) if isinstance(found, tuple) else found == value
    assert not support.supported


# A source sentence whose negation bears on another clause than the one a claim copies.
OWNER = [
    "Councillor Rita Holm, who opened the new ferry terminal in March, has not been re-elected.",
    "The terminal handles about 400 cars a day.",
]


def test_a_negation_on_another_clause_of_the_source_does_not_fail_the_claim(
    checker: GroundingChecker,
) -> None:
    support = checker.check("Councillor Rita Holm opened the new ferry terminal in March.", OWNER)
    assert not support.negation and support.supported, support


def test_copied_words_stripped_of_their_negation_fail_the_claim(
    checker: GroundingChecker,
) -> None:
    support = checker.check("Councillor Rita Holm has been re-elected.", OWNER)
    assert support.negation and not support.supported, support


def test_invented_sentence_scores_below_a_supported_one(checker: GroundingChecker) -> None:
    invented = checker.check("Fishermen blamed the harbour master for flooding the quay.", SOURCES)
    copied = checker.check(SOURCES[0], SOURCES)
    assert invented.novel and not invented.supported
    assert invented.score < copied.score


def test_lower_cased_tokenised_text_is_matched(checker: GroundingChecker) -> None:
    claim = "mayor ilse varga 's barrier protected about 18,000 homes ."
    support = checker.check(claim, SOURCES)
    assert not support.names and not support.numbers
    assert support.supported


@pytest.mark.parametrize("placeholder", ["UNK", "[UNK]", "<unk>", "unk"])
def test_unknown_word_placeholder_of_a_seq2seq_model_is_no_invented_word(
    checker: GroundingChecker, placeholder: str
) -> None:
    # A vocabulary-bound model writes its placeholder where a rare word was; it claims nothing.
    claim = f"engineers lowered the twelve {placeholder} steel gates in 40 minutes ."
    support = checker.check(claim, SOURCES)
    assert not support.novel and not support.names
    assert support.supported
    assert support.score == pytest.approx(checker.check(SOURCES[2], SOURCES).score, abs=0.05)


def test_placeholder_ending_a_sentence_keeps_the_sentence_end(checker: GroundingChecker) -> None:
    sources = [
        "The orchard in Valga picked its first apples on Monday.",
        "Prices of apples at the market stayed low.",
    ]
    # Dropped, "on UNK ." left "on  . prices": the two sentences read as one that says
    # "apples" twice where no source sentence does (a loop).
    claim = "the orchard in valga picked its first apples on UNK . prices of apples at the market "
    claim += "stayed low ."
    assert inner_sentences(as_written(claim)) == [
        "the orchard in valga picked its first apples on",
        "prices of apples at the market stayed low .",
    ]
    assert not checker.check(claim, sources).looped


def test_penn_treebank_bracket_escapes_invent_no_word(checker: GroundingChecker) -> None:
    # Tokenised model output writes "(" and ")" as -LRB- and -RRB-.
    claim = "mayor ilse varga -LRB- of the lower town -RRB- said the barrier had protected homes ."
    support = checker.check(claim, SOURCES)
    assert not support.novel and not support.names
    assert support.supported


def test_contraction_split_by_tokenised_text_invents_no_word(checker: GroundingChecker) -> None:
    sources = ["The gates haven't failed once, and we're proud of them, the engineers said."]
    claim = "the gates have n't failed once , and we 're proud of them , the engineers said ."
    support = checker.check(claim, sources)
    assert not support.novel and not support.negation
    # Joined again, its words and trigrams match the sentence it was copied from.
    assert support.trigrams == pytest.approx(1.0) and support.supported


def test_possessive_split_by_tokenised_text_breaks_no_copied_run(
    checker: GroundingChecker,
) -> None:
    sources = [
        "The mayor visited the lower town on Tuesday.",
        "The mayor's engineers lowered the twelve steel gates in 40 minutes.",
    ]
    claim = "the mayor 's engineers lowered the twelve steel gates in 40 minutes ."
    support = checker.check(claim, sources)
    # Left detached, "s" would cut "the mayor" off its run and read it from the first sentence,
    # a seam the claim never made; joined again, the claim is one run of the second sentence.
    assert support.jumps == 0 and support.trigrams == pytest.approx(1.0)
    assert support.score == pytest.approx(checker.check(sources[1], sources).score)


def test_generator_stuck_in_a_loop_says_a_word_again_at_a_cost(checker: GroundingChecker) -> None:
    # A seq2seq model looping: every word is the sources' own, yet "gates" comes back.
    looping = "engineers lowered the twelve steel gates of the steel gates in 40 minutes ."
    support = checker.check(looping, SOURCES)
    assert support.looped == ("steel", "gates") and not support.novel
    once = checker.check("engineers lowered the twelve steel gates in 40 minutes .", SOURCES)
    assert not once.looped and support.score < once.score


def test_repetition_copied_from_its_evidence_is_no_loop(checker: GroundingChecker) -> None:
    sources = ["The gates held at 7 pm and the gates will open at 7 am, a head-to-head race."]
    assert not checker.check(sources[0], sources).looped
    # Said more often than the evidence says them, the words loop again.
    claim = "The gates held, the gates held and the gates will open at 7 am."
    assert checker.check(claim, sources).looped == ("gates", "held")


def test_number_glued_to_its_unit_in_the_evidence_is_said_there_too(
    checker: GroundingChecker,
) -> None:
    # "7pm ... 7am" says the number twice, as the tokenised claim's "7 pm ... 7 am" does.
    sources = ["The curfew keeps him at home from 7pm until 7am on weekdays."]
    claim = "the curfew keeps him at home from 7 pm until 7 am on weekdays ."
    assert "7" not in checker.check(claim, sources).looped


def test_each_sentence_of_a_tokenised_claim_repeats_against_its_own_evidence(
    checker: GroundingChecker,
) -> None:
    sources = [
        "The barrier closed on Tuesday, the mayor said.",
        "The barrier held through the night.",
        "The barrier protected the lower town.",
        "The mayor thanked the engineers and the mayor thanked the volunteers.",
    ]
    # The first sentence repeats "mayor" as its own source does; the second's closest source
    # sentences say it once at most.
    claim = (
        "the mayor thanked the engineers and the mayor thanked the volunteers . "
        "the mayor said the barrier closed on tuesday , the mayor said ."
    )
    assert checker.check(claim, sources).looped == ("mayor",)


def test_word_that_only_looks_like_a_clitic_is_still_checked(checker: GroundingChecker) -> None:
    # "re" of "re-elected" is no contraction: a claim the sources never make keeps its word.
    support = checker.check("Mayor Ilse Varga was re-elected on Tuesday.", SOURCES)
    assert "re" in support.novel


def test_score_text_ranks_the_faithful_summary_first(checker: GroundingChecker) -> None:
    article = " ".join(SOURCES)
    faithful = "The barrier closed on Tuesday. Engineers lowered the twelve steel gates."
    unfaithful = "The barrier collapsed on Friday. Volunteers lowered 30 wooden gates."
    assert checker.score_text(faithful, article) > checker.score_text(unfaithful, article)


def test_embedder_adds_semantic_alignment() -> None:
    calls: list[int] = []

    def embed(texts: list[str]) -> np.ndarray:
        calls.append(len(texts))
        rows = np.zeros((len(texts), 16))
        for i, text in enumerate(texts):
            for word in text.lower().split():
                rows[i, sum(map(ord, word)) % 16] += 1.0
        return rows

    support = GroundingChecker(embed).check(SOURCES[1], SOURCES)
    assert calls == [3, 1]  # sources once, then the claim
    assert support.supported and support.similarity == pytest.approx(1.0)


def test_no_sources_supports_nothing(checker: GroundingChecker) -> None:
    assert not checker.check("The gates closed on Tuesday.", []).supported


def test_helpers() -> None:
    assert numbers_in(["18,000", "3.2", "39-year-old", "twelve", "gates"]) == {
        "18000",
        "3.2",
        "39",
        "12",
    }
    assert stem("closed") == stem("closes") == stem("closing")
    assert source_sentences("The gates held.The town was safe.") == [
        "The gates held.",
        "The town was safe.",
    ]


def test_claim_fused_from_runs_of_several_sentences_counts_its_seams(
    checker: GroundingChecker,
) -> None:
    # Every run is copied, yet the sources never say the surge hit the lower town.
    fused = "Engineers lowered the twelve steel gates as a storm surge of 3.2 metres hit the lower town."
    support = checker.check(fused, SOURCES)
    assert support.jumps == 2
    copied = checker.check(SOURCES[0], SOURCES)
    assert copied.jumps == 0
    assert support.score < copied.score


def test_sentence_ends_inside_a_tokenised_claim_are_not_seams(checker: GroundingChecker) -> None:
    """Lower-cased, tokenised summaries (" . " between sentences) reach the check unsplit."""
    two = (
        "the port elling tidal barrier closed for the first time on tuesday . "
        "engineers lowered the twelve steel gates in 40 minutes ."
    )
    assert checker.check(two, SOURCES).jumps == 0
    glued = "the port elling tidal barrier closed for the first time engineers lowered the gates"
    assert checker.check(glued, SOURCES).jumps == 1


def _word_hash_embed(texts: list[str]) -> np.ndarray:
    """A stand-in embedder where texts sharing words are close: each word hashed to a bucket."""
    rows = np.zeros((len(texts), 64))
    for i, text in enumerate(texts):
        for word in text.lower().replace(".", " ").split():
            rows[i, sum(map(ord, word)) % 64] += 1.0
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def test_meaning_is_compared_sentence_by_sentence() -> None:
    two = f"{SOURCES[1].lower()[:-1]} . {SOURCES[2].lower()}"
    support = GroundingChecker(_word_hash_embed).check(two, SOURCES)
    whole = _word_hash_embed([two])[0] @ _word_hash_embed(SOURCES).T
    assert support.similarity == pytest.approx(1.0)
    assert whole.max() < 0.9  # one vector for both sentences matches neither source fully


def test_one_unsupported_sentence_inside_a_claim_sets_its_meaning_match() -> None:
    copied = SOURCES[2].lower()
    invented = "fishermen blamed the harbour master for the flooded quay ."
    checker = GroundingChecker(_word_hash_embed)
    alone = checker.check(invented, SOURCES)
    joined = checker.check(f"{copied[:-1]} . {invented}", SOURCES)
    assert joined.similarity == pytest.approx(alone.similarity)


# A fictional season report: four statements, each in a sentence of its own.
SEASON = [
    "The orchard in Valga picked its first apples on Monday.",
    "A late frost had killed most of the cherry blossom in April.",
    "Pickers from Tartu arrived by bus at the end of the week.",
    "The cider press near the mill reopened after a year of repairs.",
    "Prices at the market stayed low through the autumn.",
]


def test_each_sentence_of_a_claim_is_covered_by_its_own_evidence(
    checker: GroundingChecker,
) -> None:
    # A tokenised claim copying four sentences: each is covered by the one it copies, though
    # no three source sentences hold the words of all four.
    four = " . ".join(sentence.lower()[:-1] for sentence in SEASON[:4]) + " ."
    assert checker.check(four, SEASON).coverage == pytest.approx(1.0)
    # One sentence fused from four statements is not covered by its own closest sentences:
    # the claim is as covered as that sentence, however well the other is.
    fused = f"{SEASON[0].lower()[:-1]} . pickers from tartu reopened the cider press in april "
    fused += "at the market ."
    assert checker.check(fused, SEASON).coverage < 1.0


# A fictional rescue report for the cut-short sentences.
RESCUE = ["The ferry crew pulled the two swimmers from the water near the old lighthouse."]


def test_sentence_cut_short_costs_and_fails(checker: GroundingChecker) -> None:
    whole = checker.check("The ferry crew pulled the two swimmers from the water.", RESCUE)
    cut = checker.check("The ferry crew pulled the two swimmers from the", RESCUE)
    assert cut.cut == 1 and not whole.cut
    assert cut.score < whole.score and not cut.supported and whole.supported


def test_sentence_ending_on_a_particle_or_a_placeholder_is_not_cut(
    checker: GroundingChecker,
) -> None:
    # "came in" ends on a particle; "<unk>" stands for a word the model could not spell.
    assert not checker.check("The ferry came in", RESCUE).cut
    assert not checker.check("the crew pulled the swimmers and <unk> .", RESCUE).cut
    # Each sentence of a tokenised claim is read on its own.
    claim = "the ferry crew pulled the two swimmers from the . the crew pulled the swimmers ."
    assert checker.check(claim, RESCUE).cut == 1


def test_page_furniture_copied_from_the_source_states_nothing(checker: GroundingChecker) -> None:
    sources = [*RESCUE, "Click here for all the latest harbour news."]
    story = checker.check("The ferry crew pulled the two swimmers from the water.", sources)
    page = checker.check("Click here for all the latest harbour news.", sources)
    assert page.furniture == 1 and not story.furniture
    assert page.score < story.score and not page.supported and story.supported
