"""A crowd's reaction to one person, told again in other words, is one fact (crowds.py)."""

from newsloom.summarize.crowds import reactions, same_reaction
from newsloom.summarize.retold import repeats_statement
from newsloom.summarize.vectors import repeated_facts

JEERED = "Home supporters jeered Councillor Brandt as she left the town hall after the vote."
CALLED = (
    "Protesters outside the chamber spent the evening calling for the councillor's resignation."
)
TURNED = "The crowd turned on Brandt when the result was read out."
CHEERED = "The crowd cheered Mayor Oduya as the new bridge opened."
OTHER = "Supporters chanted against Okonkwo before the vote."
BOUGHT = "Fans bought the stadium from the owner's creditors in 2011."


def test_one_crowd_reaction_to_one_person_told_three_ways_is_one_fact() -> None:
    assert reactions(JEERED) == {(False, "Brandt")}
    assert reactions(CALLED) == {(False, "councillor")}
    for a, b in [(JEERED, CALLED), (JEERED, TURNED), (CALLED, TURNED)]:
        assert same_reaction(a, b) and repeats_statement(a, b)


def test_another_person_or_the_other_leaning_is_another_fact() -> None:
    assert reactions(CHEERED) == {(True, "Oduya")}
    assert not same_reaction(TURNED, CHEERED)  # cheered, not turned on
    assert not same_reaction(TURNED, OTHER)  # Brandt and Okonkwo, both named
    assert reactions(BOUGHT) == frozenset()  # a deed of the crowd, aimed at no one


def test_the_summarizer_counts_the_same_repeats() -> None:
    _, same_fact = repeated_facts([JEERED, TURNED, CHEERED])
    assert same_fact[0, 1] and not same_fact[0, 2] and not same_fact[1, 2]
