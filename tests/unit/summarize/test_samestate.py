"""The same subject in the same state is bullet 1's fact again (samestate.py)."""

from newsloom.summarize.samestate import opening_state, same_subject_state

LEDE = (
    "Harlow's new ferry, the Kestrel, is seaworthy and carrying passengers again, the port "
    "authority said on Tuesday after a week of repairs."
)
AGAIN = "The passenger ferry is seaworthy once more, the port said, and has begun a trial month."
OTHER_STATE = "The ferry is too slow for the winter timetable, its captain said."
OTHER_THING = "The harbour is seaworthy enough for larger ships, engineers said."
PASSIVE = "The Kestrel ferry was damaged by a storm in March."
PASSIVE_AGAIN = "The ferry was damaged by a rock on Tuesday."
CLAUSE = "The ferry that sank in 1990 is seaworthy again."


def test_one_subject_in_one_state_is_one_fact() -> None:
    assert opening_state(LEDE) == (frozenset({"ferry", "kestrel"}), "seaworthy")
    assert same_subject_state(LEDE, AGAIN)


def test_another_state_another_thing_or_an_event_is_another_fact() -> None:
    assert not same_subject_state(LEDE, OTHER_STATE)  # too slow: another state
    assert not same_subject_state(LEDE, OTHER_THING)  # the harbour: another subject
    # "was damaged by": a passive tells an event, and two may be two events.
    assert opening_state(PASSIVE) is None and not same_subject_state(PASSIVE, PASSIVE_AGAIN)
    assert opening_state(CLAUSE) is None  # the subject holds a clause of its own
