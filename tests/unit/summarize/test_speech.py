import re

import pytest

from newsloom.summarize import clip, commentary, lede, offstory, openings, people, text, watch
from newsloom.summarize.commentary import writers_voice
from newsloom.summarize.lede import sets_scene
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


def test_alternation_puts_the_longer_word_first() -> None:
    branches = alternation({"say", "says", "according to"})
    assert branches == "according to|says|say"
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
