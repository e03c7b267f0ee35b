import re

import pytest

from newsloom.summarize import clip, commentary, lede, offstory, openings, people, text, watch
from newsloom.summarize.clip import main_statement
from newsloom.summarize.commentary import writers_voice
from newsloom.summarize.lede import sets_scene
from newsloom.summarize.openings import opening_reference, speaks_to_reader
from newsloom.summarize.repair import leading_name
from newsloom.summarize.speech import (
    FORECAST,
    JUDGE,
    REPORT,
    SAY,
    SAY_FINITE,
    VIEW,
    alternation,
)
from newsloom.summarize.text import compress
from newsloom.summarize.watch import quotes_someone, what_to_watch


def test_alternation_puts_the_longer_word_first() -> None:
    branches = alternation({"say", "says", "said", "according to"})
    assert branches == "according to|s(?:aid|ays|ay)"
    # Unanchored, the longer form wins: "says" is not read as "say" and a stray "s".
    assert re.match(rf"(?:{branches})", "says so").group(0) == "says"


def test_alternation_refuses_what_is_not_plain_words() -> None:
    with pytest.raises(ValueError):
        alternation({"said", "told (?:reporters)"})


def test_the_roles_do_not_overlap() -> None:
    roles = [SAY, REPORT, VIEW, JUDGE, FORECAST]
    for i, one in enumerate(roles):
        for other in roles[i + 1 :]:
            assert not one & other
    assert SAY_FINITE <= SAY


def test_each_module_reads_a_plain_said_from_the_one_list() -> None:
    sentence = "The harbour board said the quay at Vellmar would reopen."
    assert clip._ATTRIBUTION.search(sentence)
    assert commentary._CREDITED.search(sentence)
    assert lede._REPORTS.search(sentence)
    assert offstory._SPEECH.search(sentence)
    assert openings._REPORTED.search(sentence)
    assert watch._ATTRIBUTED.search(sentence)
    assert people._SPEAKS_AFTER.match("Dahl said", len("Dahl"))
    assert text.reports_nothing("The Vellmar Gazette said this week.")


# Every module that asks "whose words are these?" reads the whole of SAY: the plural "say" and
# "adds" credit a statement as "said" and "added" do.
def test_a_verdict_someone_adds_is_theirs() -> None:
    assert writers_voice("The new stand at Corrib Park is superb.") == "verdict"
    assert writers_voice("The new stand at Corrib Park is superb, club officials say.") == ""
    assert writers_voice("The new stand at Corrib Park is superb, the architect adds.") == ""


def test_a_main_clause_that_cites_with_say_reports_no_scene() -> None:
    assert sets_scene("When the flood reached Dunmore, residents carried their pumps uphill.")
    assert not sets_scene("When the flood reached Dunmore, officials say the pumps failed.")
    assert not sets_scene("When the flood reached Dunmore, the mayor adds, the pumps failed.")


def test_a_pronoun_tail_with_tells_names_no_one() -> None:
    assert compress("The quay will close for a month, she tells reporters.") == (
        "The quay will close for a month."
    )
    # ", they say." tags a saying, not someone's words: it stays.
    assert compress("Still waters run deep, they say.") == "Still waters run deep, they say."


def test_a_source_who_adds_a_possibility_holds_it() -> None:
    assert watch._ATTRIBUTED.search("Fares may rise next spring, the operator added.")
    assert watch._ATTRIBUTED.search("The operator tells passengers that fares may rise.")
    assert not watch._ATTRIBUTED.search("All told, fares may rise next spring.")


# Every module that asks whether a sentence reports someone's words reads the whole of REPORT:
# "confirmed", "noted", "explained", "writes", "recalled" credit a statement as "said" does.
def test_a_cut_keeps_a_confirmation_with_its_statement() -> None:
    sentence = (
        "The Dunmore quay will close for six weeks of repairs, which begin in May, the port "
        "authority confirmed."
    )
    assert main_statement(sentence, 30) is None


def test_a_cut_leaves_a_relative_clauses_own_plural_source_with_it() -> None:
    # "say" after a cut credits the relative clause it opens, not the statement before it.
    sentence = (
        "Vellmar will spend 12 million euros on a new ferry pier, which pilots say could open "
        "within two years."
    )
    assert (
        main_statement(sentence, 30) == "Vellmar will spend 12 million euros on a new ferry pier."
    )
    sentence = (
        "Vellmar will spend 12 million euros on a new ferry pier, which opens in May, the harbour "
        "master says."
    )
    assert main_statement(sentence, 30) is None


def test_a_main_clause_that_notes_someone_reports_no_scene() -> None:
    assert not sets_scene("When the flood reached Dunmore, the mayor noted that the pumps failed.")


def test_a_verdict_someone_noted_is_theirs() -> None:
    assert writers_voice("The new stand at Corrib Park is superb, the architect noted.") == ""
    assert writers_voice("The new stand at Corrib Park is superb, the architect insists.") == ""


def test_a_pronoun_tail_with_writes_names_no_one() -> None:
    assert compress("The new stand will seat 9,000 people, she writes.") == (
        "The new stand will seat 9,000 people."
    )


def test_advice_someone_explained_speaks_to_no_reader() -> None:
    assert speaks_to_reader("On a night crossing you learn to trust the lights.")
    assert not speaks_to_reader(
        "On a night crossing you learn to trust the lights, the pilot explained."
    )


def test_an_announcement_is_an_event_not_words_about_one() -> None:
    # offstory leaves the institution's report verbs out on purpose (its comment).
    assert offstory._SPEECH.search("The pilot recalls a night crossing in a gale.")
    assert not offstory._SPEECH.search("The firm announced 200 jobs at its Leith plant.")


# The verb lists that find a clause's finite verb hold every finite form of "say" and "tell":
# irregular, so no "-ed" rule finds "told".
def test_a_name_that_told_something_is_the_clause_subject() -> None:
    assert opening_reference("When Dahl said the plan was dead, she left the hall.") == ""
    assert opening_reference("When Dahl told reporters the plan was dead, she left the hall.") == ""


def test_a_leading_name_that_told_readers_is_a_subject() -> None:
    article = "Harbour Wire told readers the quay would close. The Harbour Wire reported it first."
    assert leading_name("Harbour Wire told readers the quay would close.", article) == (
        "Harbour Wire"
    )


# What comes after a verb of saying is someone's: a quotation opened after "explained". A future
# after "tells ... would" is a step reported; after "explained" or "recalled", "would" is a
# hypothesis or a habit of the past, no step to watch.
def test_a_quotation_opened_after_explained_is_someones_words() -> None:
    assert quotes_someone("The ferry captain explained, 'Nobody sails in this wind and nobody will")


def test_a_future_reported_is_a_step_and_an_explanation_is_none() -> None:
    assert what_to_watch("The harbour board tells skippers that the quay would close.") == 1
    assert what_to_watch("The vet explained that a dart would not have stopped the bull.") == 0
    assert what_to_watch("The pilot recalled that as a girl she would row to the island.") == 0


def test_an_apposition_that_told_something_is_a_clause() -> None:
    assert people._states_role("the party leader")
    assert not people._states_role("the party leader told the rally")
