"""References to people a summary has not named: "she" lifted out of its paragraph, "the
24-year-old" with no one before it, a name put where the source had a pronoun."""

from __future__ import annotations

import pytest

from newsloom.summarize.grounding import GroundingChecker
from newsloom.summarize.references import names

BAKERY = (
    "Anna Berg founded the Lindholm bakery in 2010. She sold it to a cooperative in 2019. "
    "Tom Hale runs the cafe next door. The cafe opened in 2015."
)
MATCH = (
    "Mara Quist scored twice as Lindholm beat Skerra 3-1 on Saturday. "
    "The 24-year-old joined from Elling in May. Rain delayed the start by an hour."
)


@pytest.fixture()
def checker() -> GroundingChecker:
    return GroundingChecker()


def unresolved(checker: GroundingChecker, summary: list[str], article: str) -> list[int]:
    return [s.unresolved for s in checker.check_all(summary, [article])]


def test_copied_pronoun_after_the_person_it_means_is_resolved(checker: GroundingChecker) -> None:
    summary = ["Anna Berg founded the Lindholm bakery in 2010.", "She sold it to a cooperative."]
    assert unresolved(checker, summary, BAKERY) == [0, 0]


def test_copied_pronoun_after_someone_else_is_unresolved(checker: GroundingChecker) -> None:
    summary = ["Tom Hale runs the cafe next door.", "She sold it to a cooperative in 2019."]
    supports = checker.check_all(summary, [BAKERY])
    assert [s.unresolved for s in supports] == [0, 1]
    assert not supports[1].supported
    assert supports[1].score < checker.check(summary[1], [BAKERY], ["Anna Berg baked."]).score


def test_pronoun_opening_a_summary_names_no_one(checker: GroundingChecker) -> None:
    assert unresolved(checker, ["She sold it to a cooperative in 2019."], BAKERY) == [1]


def test_description_copied_without_its_antecedent(checker: GroundingChecker) -> None:
    assert unresolved(
        checker, ["Rain delayed the start.", "The 24-year-old joined in May."], MATCH
    )[1]
    named = ["Mara Quist scored twice for Lindholm.", "The 24-year-old joined from Elling in May."]
    assert unresolved(checker, named, MATCH) == [0, 0]


def test_name_put_where_the_source_had_a_pronoun_must_be_the_one_meant(
    checker: GroundingChecker,
) -> None:
    assert unresolved(checker, ["Anna Berg sold it to a cooperative in 2019."], BAKERY) == [0]
    assert unresolved(checker, ["Tom Hale sold it to a cooperative in 2019."], BAKERY) == [1]


def test_pronoun_replacing_the_named_subject_needs_that_name_before_it(
    checker: GroundingChecker,
) -> None:
    assert unresolved(
        checker,
        ["Rain delayed the start.", "He runs the cafe next door."],
        BAKERY + " Rain delayed the start.",
    )[1]
    assert (
        unresolved(checker, ["Tom Hale sold pies.", "He runs the cafe next door."], BAKERY)[1] == 0
    )


def test_lower_cased_tokenised_summary_is_read_sentence_by_sentence(
    checker: GroundingChecker,
) -> None:
    summary = "tom hale runs the cafe next door . she sold it to a cooperative in 2019 ."
    assert unresolved(checker, [summary], BAKERY) == [1]
    fine = "anna berg founded the lindholm bakery in 2010 . she sold it to a cooperative in 2019 ."
    assert unresolved(checker, [fine], BAKERY) == [0]


def test_context_from_the_caller_resolves_a_pronoun(checker: GroundingChecker) -> None:
    """The LLM backend checks one sentence against the one source sentence it cites, with the
    paragraph read so far as context."""
    cited = ["She sold it to a cooperative in 2019."]
    claim = "She sold the bakery to a cooperative in 2019."
    assert checker.check(claim, cited).unresolved == 1
    assert checker.check(claim, cited, ["Anna Berg founded a bakery."]).unresolved == 0


def test_a_name_is_not_looked_for_in_another_source_text(checker: GroundingChecker) -> None:
    texts = ["Tom Hale runs the cafe next door.", "She sold it to a cooperative in 2019."]
    claims = ["Rain fell.", "She sold it to a cooperative in 2019."]
    # The sentence before "She sold it" belongs to another article: it says nothing about "she".
    assert [s.unresolved for s in checker.check_all(claims, texts)] == [0, 0]


def test_names_skip_an_opening_stop_word() -> None:
    assert names(["The", "cafe", "of", "Tom", "Hale"]) == {"tom", "hale"}
    assert names(["Lindholm", "won"]) == {"lindholm"}


def test_pronoun_after_an_opening_connective_still_opens_the_sentence(
    checker: GroundingChecker,
) -> None:
    # "However, she ..." leans on the person before it as much as "She ..." does.
    article = (
        "Anna Berg founded the Lindholm bakery in 2010. However, she sold it to a cooperative "
        "in 2019. Tom Hale runs the cafe next door."
    )
    summary = [
        "Tom Hale runs the cafe next door.",
        "However, she sold it to a cooperative in 2019.",
    ]
    assert unresolved(checker, summary, article) == [0, 1]
    summary = ["Anna Berg founded the Lindholm bakery.", "However, she sold it to a cooperative."]
    assert unresolved(checker, summary, article) == [0, 0]


COURT = (
    "Police in Rennet issued a warrant for the arrest of coach Ivo Sarn, who has been charged "
    "with fraud at the club. The club said it was cooperating."
)


def test_pronoun_put_where_the_source_has_who_means_the_name_before_who(
    checker: GroundingChecker,
) -> None:
    # "he has been charged" copies the relative clause "who has been charged": "who" stands for
    # Ivo Sarn, not for the police that open the source sentence.
    named = ["Ivo Sarn is wanted by police.", "He has been charged with fraud at the club."]
    assert unresolved(checker, named, COURT) == [0, 0]
    other = ["Rennet police issued a warrant.", "He has been charged with fraud at the club."]
    assert unresolved(checker, other, COURT)[1] == 1


# Oskar is the boy the description "seven-year-old" is tied to; Sarn is "the 31-year-old defender".
PITCH = (
    "Ivo Sarn, the 31-year-old defender, scored from a corner. "
    "Laughing, seven-year-old Oskar Lepp ran onto the pitch behind the goal. "
    "He kicked the ball into the empty net as the crowd cheered."
)


def test_description_tied_to_the_name_meant_may_stand_for_a_pronoun(
    checker: GroundingChecker,
) -> None:
    # The source says "He kicked ..." of Oskar and writes "seven-year-old Oskar": the summary
    # may call him by that description.
    summary = ["The seven-year-old kicked the ball into the empty net as the crowd cheered."]
    assert unresolved(checker, summary, PITCH) == [0]


def test_description_tied_to_another_name_gives_the_act_to_them(
    checker: GroundingChecker,
) -> None:
    # "the 31-year-old defender" is Sarn: the kick into the empty net was Oskar's.
    summary = ["The 31-year-old defender kicked the ball into the empty net as the crowd cheered."]
    assert unresolved(checker, summary, PITCH) == [1]


MARKERS = (
    "The stone markers on Halden Moor once guided mail pilots across the valley. "
    "They were lit at night by small gas lamps. Ewan Pike restored two of them in 2021."
)


def test_plural_pronoun_may_stand_for_the_thing_the_summary_named(
    checker: GroundingChecker,
) -> None:
    """ "They" copied from a sentence that goes on about the markers is resolved once the summary
    has named the markers, though it has not named the moor of the sentence before it; after a
    sentence about someone and something else it is not."""
    named = ["The stone markers once guided mail pilots.", "They were lit at night by gas lamps."]
    assert unresolved(checker, named, MARKERS) == [0, 0]
    other = ["Ewan Pike restored two lamps in 2021.", "They were lit at night by gas lamps."]
    assert unresolved(checker, other, MARKERS) == [0, 1]
