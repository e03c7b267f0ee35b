"""Quoted words and their speaker: fictional sources, one quirk per test."""

import pytest

from newsloom.summarize.grounding import GroundingChecker
from newsloom.summarize.grounding_quotes import invented_quotes, misquoted, unvoiced
from newsloom.summarize.grounding_runs import source_runs

# Holm and Varg both spoke at the rally; each said something else.
RALLY = [
    "On Sunday Marta Holm, who left the party in 2009, told supporters she was 'home again'.",
    "Actress Ilse Varg told the crowd 'it breaks my heart' that the library had closed.",
    "'We came for the music.",
    "We stayed for the speeches,' said one student from Brevik.",
]


@pytest.fixture(scope="module")
def checker() -> GroundingChecker:
    return GroundingChecker()


def test_words_given_to_another_named_speaker_than_their_sources_are_misquoted(
    checker: GroundingChecker,
) -> None:
    src = source_runs(RALLY)
    claim = "Marta Holm told the crowd 'it breaks my heart' that the library had closed."
    assert misquoted(claim, src) == ["Marta Holm"]
    # The aside between the name and its verb does not hide who is said to speak.
    aside = "Holm, who left the party in 2009, told the crowd 'it breaks my heart'."
    assert misquoted(aside, src) == ["Holm"]
    wrong = checker.check(claim, RALLY)
    right = checker.check(
        "Ilse Varg told the crowd 'it breaks my heart' that the library had closed.", RALLY
    )
    assert wrong.misquoted == ("Marta Holm",) and not right.misquoted
    assert wrong.score < right.score and not wrong.supported


def test_a_speaker_the_source_does_not_name_beside_its_verb_says_nothing() -> None:
    # "said one student": who spoke is a description, not a name this can compare.
    src = source_runs(RALLY)
    assert misquoted("Ilse Varg said they stayed for the speeches.", src) == []
    # A description as the claim's speaker is not compared either.
    assert misquoted("The actress told the crowd 'it breaks my heart'.", src) == []


def test_a_closing_speaker_is_read_after_the_words_reported() -> None:
    src = source_runs(RALLY)
    assert misquoted("'It breaks my heart,' Marta Holm said.", src) == ["Marta Holm"]
    assert misquoted("'It breaks my heart,' Ilse Varg said.", src) == []


def test_quotation_fused_from_two_statements_is_invented() -> None:
    src = source_runs(RALLY)
    # "home again" is Holm's, "breaks my heart" Varg's: no one said them in one breath.
    assert invented_quotes("Holm said she was 'home again, it breaks my heart'.", src) == [
        "home again, it breaks my heart"
    ]
    # Words the source never put between quotation marks there.
    assert invented_quotes("Varg said 'it hurts my heart'.", src) == ["it hurts my heart"]


def test_quotation_copied_whole_or_running_on_is_no_invention() -> None:
    src = source_runs(RALLY)
    assert invented_quotes("Varg told the crowd 'it breaks my heart'.", src) == []
    # A quotation the source carries on into its next sentence, copied in order.
    assert invented_quotes("'We came for the music. We stayed for the speeches.'", src) == []
    # Tokenised text: backticks and two single quotes.
    assert invented_quotes("varg told the crowd `` it breaks my heart '' .", src) == []
    # One quoted word or name is a term, not a statement; a possessive opens nothing.
    assert invented_quotes("Holm's supporters called her 'Marta'.", src) == []


def test_first_person_words_without_quotation_marks_or_speaker_name_no_one(
    checker: GroundingChecker,
) -> None:
    sources = [
        "Nora Pikk, 19, said the grant ran out in March.",
        "'The grant did not even cover my rent,' she said.",
        "Her tutor lent her a copy of the novel Wait For Me Tomorrow.",
    ]
    src = source_runs(sources)
    claim = "The grant did not even cover my rent."
    assert unvoiced(claim, [claim], src, sources) == ["my"]
    # Quoted, or reported with a speech verb, the words keep their speaker.
    quoted = "'The grant did not even cover my rent,' she said."
    assert unvoiced(quoted, [quoted], src, sources) == []
    reported = "Pikk said the grant did not even cover my rent."
    assert unvoiced(reported, [reported], src, sources) == []
    # A title the source writes capitalised ("Wait For Me Tomorrow") holds no speaker.
    title = "her tutor lent her a copy of the novel wait for me tomorrow ."
    assert unvoiced(title, [title], src, sources) == []
    assert checker.check(claim, sources).misquoted == ("my",)
    assert not checker.check("Nora Pikk said the grant ran out in March.", sources).misquoted


def test_statement_cited_to_another_source_than_its_own_is_misquoted() -> None:
    sources = [
        "Rents in Brevik rose by a fifth last year, the tenants' union said.",
        "The harbour grew busier, according to port records.",
    ]
    src = source_runs(sources)
    claim = "Rents in Brevik rose by a fifth last year, according to port records."
    assert misquoted(claim, src) == ["port records"]
    right = "Rents in Brevik rose by a fifth last year, according to the tenants' union."
    assert misquoted(right, src) == []
    # A source sentence that cites no one leaves the citation to the sentences around it.
    plain = source_runs(["Rents in Brevik rose by a fifth last year."])
    assert misquoted(claim, plain) == []
