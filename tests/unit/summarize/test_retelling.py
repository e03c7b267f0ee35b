"""Another outlet's statement of an event already told, with nothing of its own, is one fact
(retelling.py); one that adds a number, a name, a time or a place, or denies, is not."""

import newsloom.summarize.retold as retold
from newsloom.summarize.retelling import actors, event_keys, kinds, retells_event
from newsloom.summarize.retold import repeats_statement
from newsloom.summarize.vectors import repeated_facts

PULLED = (
    "Corvid Chat, the messaging app, has been removed from Orchard's app store, days after the "
    "regulator singled it out as a haven for fraudsters."
)
BANNED = "The popular encrypted chat service Corvid Chat was temporarily banned, Orchard confirmed."
ENDED = "The Harlow Comets ended their 40-year curse to win the league title in a tense final."
BROKE = "The Harlow Comets broke the longest title drought in the league."
# The same event, each with something checkable of its own.
MONDAY = "The popular encrypted chat service Corvid Chat was banned from its store on Monday."
COUNT = "Corvid Chat's 12 apps were banned from the store by Orchard."
CLINIC = "Corvid Chat's founder was banned from the store and taken to a clinic."
DENIED = "Orchard did not say the messaging app Corvid Chat was banned from the store."
# Same name, another kind of act.
CRITICISED = "Corvid Chat criticised the decision in a letter to its users."


def test_one_event_in_other_words_is_one_fact() -> None:
    assert kinds(PULLED) == kinds(BANNED) == frozenset({"removal"})
    assert "corvid|removal" in event_keys(PULLED) & event_keys(BANNED)
    assert retells_event(PULLED, BANNED) and repeats_statement(PULLED, BANNED)
    assert retells_event(ENDED, BROKE)  # ended a curse, broke a drought: one outcome


def test_the_word_tests_alone_miss_the_pair(monkeypatch) -> None:
    monkeypatch.setattr(retold, "retells_event", lambda a, b: False)
    assert not retold.repeats_statement(PULLED, BANNED)


def test_a_later_statement_with_a_detail_of_its_own_is_another_fact() -> None:
    for later in (MONDAY, COUNT, CLINIC, DENIED):
        assert not retells_event(PULLED, later), later
    assert not retells_event(PULLED, CRITICISED)  # another kind of act


def test_the_test_reads_one_direction() -> None:
    # The later one may say less than the earlier one, not more: PULLED adds the regulator
    # and the days since to BANNED.
    assert retells_event(PULLED, BANNED) and not retells_event(BANNED, PULLED)


def test_an_act_that_opens_the_statement_as_its_topic_is_not_the_act() -> None:
    assert kinds("The removal suggests Corvid Chat broke the rules.") == frozenset()
    assert kinds("The ferry crashed into the pier.") == frozenset({"crash"})
    assert actors("Police said the app was removed.") == frozenset()  # any sentence's first word
    assert "corvid" in actors("Corvid's apps were removed.")


def test_the_summarizer_marks_one_direction() -> None:
    _, repeated = repeated_facts([PULLED, BANNED, CRITICISED])
    # Row i is left out once column j is chosen: BANNED after PULLED, never PULLED after BANNED.
    assert repeated[1, 0] and not repeated[0, 1]
    assert not repeated[2, 0] and not repeated[2, 1]
