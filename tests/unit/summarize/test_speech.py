import re

import pytest

from newsloom.summarize import clip, commentary, lede, offstory, openings, people, text, watch
from newsloom.summarize.speech import (
    FORECAST,
    JUDGE,
    REPORT,
    SAY,
    SAY_FINITE,
    VIEW,
    alternation,
)


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
