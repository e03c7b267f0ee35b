"""A sentence without a main clause is no statement (mainverb.py)."""

import pytest

from newsloom.summarize.mainverb import lacks_main_clause
from newsloom.summarize.text import rejection_reason


@pytest.mark.parametrize(
    "sentence",
    [
        # A feature's scene setter: a list of noun phrases, "converted" an adjective after "one".
        "One rented barn outside Wenlow, a second-hand press and a recipe from a grandmother.",
        # A phrase whose only verb stands in the relative clause after it.
        "Outside the courthouse and along the harbour road on the morning of the verdict, where "
        "the crowd waited in the rain.",
        # A caption. (A plural noun would read as a verb: "The ministers at ..." is kept.)
        "The finance minister at the border crossing in 2019.",
        # A label line: a list whose only verb is in a relative clause, a colon, what it is.
        "Farmhands, bakers and a retired nurse who lent her van: the volunteers behind the "
        "harvest fair.",
        # A standfirst's tag line: "to" before a determiner leads to a place or a thing, it is
        # no infinitive.
        "A short guide to the new bin collection calendar.",
    ],
)
def test_a_sentence_without_a_main_clause_is_a_fragment(sentence: str) -> None:
    assert lacks_main_clause(sentence)
    assert rejection_reason(sentence) == "fragment"


@pytest.mark.parametrize(
    "sentence",
    [
        "The mayor of Wenlow, where the cider festival began, opened the new bridge on Sunday.",
        "The ferry crew and their captain refuse to sail until the storm has passed.",
        "Ines and Marta Colby run the orchard with a staff of three.",
        "The two ministers plan to meet again at the border in March.",
        "A retired teacher painted the mural over two summers.",
        "It's a long way from the capital to the coast.",
        "The dock workers' union wants a written guarantee for every job.",
        "Nobody in the hall expected the jury to reward the quietest film.",
        "Tomorrow the council votes on the harbour plan.",
        # A statement whose verb comes before its colon, or after it.
        "The inspectors gave one reason for the closure: the cracked pier.",
        "The verdict of the review: the ferry sails again in May.",
        "Dock workers plan to strike over the new cranes.",  # an infinitive: a verb after "to"
        "Le conseil municipal a voté la fermeture de la plage pour dix jours.",
    ],
)
def test_a_sentence_with_a_verb_or_in_another_language_is_not_cut(sentence: str) -> None:
    assert not lacks_main_clause(sentence)
