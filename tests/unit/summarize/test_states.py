"""One known thing's state, told again in other words, is one fact (states.py)."""

from newsloom.summarize.retold import repeats_statement
from newsloom.summarize.states import same_state, states
from newsloom.summarize.vectors import repeated_facts

ONGOING = (
    "The inquiry is ongoing and has grown more complicated with leads that point to accomplices "
    "abroad."
)
PENDING = "The inquiry is still pending, with complications from its reach abroad."
TOMORROW = "The Kestrel Line ferry is now scheduled to sail tomorrow evening."
FRIDAY = "The ferry is scheduled to leave again on Friday evening."
REPORT = "The council is expected to publish its budget on Monday."
VOTE = "The council is expected to vote on the bridge on Monday."
CLOSED = "The inquiry is not ongoing after the complications were settled."
PARTY = "The inquiry is still pending, with complications from Harlow Bank's reach abroad."


def test_one_state_of_one_thing_told_twice_is_one_fact() -> None:
    assert states(ONGOING) == states(PENDING) != frozenset()  # ongoing, pending: unfinished
    for a, b in [(ONGOING, PENDING), (TOMORROW, FRIDAY)]:
        assert same_state(a, b) and repeats_statement(a, b)


def test_another_deed_another_state_or_news_of_its_own_is_another_fact() -> None:
    assert not same_state(REPORT, VOTE)  # expected to do two things: only the day in common
    assert not same_state(ONGOING, CLOSED)  # not ongoing is another state
    assert not same_state(ONGOING, PARTY)  # the shorter names a bank the other does not
    assert states("The mayor was a teacher before the election.") == frozenset()  # no state


def test_the_summarizer_marks_the_pair() -> None:
    _, repeated = repeated_facts([ONGOING, PENDING, REPORT])
    assert repeated[0, 1] and not repeated[0, 2] and not repeated[1, 2]
