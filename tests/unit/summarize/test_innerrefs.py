"""A reference past a statement's opening must resolve on the page (innerrefs.py)."""

import pytest

from newsloom.summarize.innerrefs import inner_reference


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        # A demonstrative whose noun the page never told.
        ("The new radar at Fenwick Point should close that gap within a year.", "demonstrative"),
        ("In the smaller crater, those other minerals are rare.", "demonstrative"),
        ("Brightwell says its new ticket machines will cut that to two minutes.", "demonstrative"),
        ("The council wants to know who approved this arrangement.", "demonstrative"),
        # A pronoun with nothing before it that it may stand for.
        ("Marrowby Textiles said they would be offered jobs at the other mill.", "pronoun"),
        ("Divers have now photographed it for the first time.", "pronoun"),
        ("Orlen Press is expected to publish them in the spring.", "pronoun"),
    ],
)
def test_an_unresolved_reference_is_found(sentence: str, reason: str) -> None:
    assert inner_reference(sentence) == reason


@pytest.mark.parametrize(
    "sentence",
    [
        # "that" as a conjunction or a relative.
        "The harbour master said that the ferry would sail at noon.",
        "Shops on Mill Lane expect the closure to deepen a slump that began in March.",
        "Growers in the valley fear that prices will fall.",
        # A time or a manner the report counts from, or what follows a colon.
        "The museum will reopen the east wing this week.",
        "The club has won nine games over that span.",
        "The observatory posted this message: the comet is visible tonight.",
        # A pronoun whose antecedent is earlier in the sentence.
        "Teachers at Brook Lane say they have had no training.",
        "The Tarnwick council said it would review the plan.",
        "Nurses at the clinic said the new rota left them exhausted.",
        # One who speaks for a body: "they" is that body.
        "A Dunmore fire brigade spokesman said they were called at 6am.",
        # A question word, a pronoun pointing forward to a name, an "it" of no thing.
        "Why it matters: the bridge carries half the island's traffic.",
        "As it promised on Monday, Harlow Water cut its prices.",
        "Engineers say it will take two years to rebuild the pier.",
        # A place noun after a place the sentence names.
        "Fishing boats from Kellis were stopped at the border of that country.",
        # Inside a quotation the speaker's own context resolves it.
        'The mayor said: "We will fix that gap before winter."',
    ],
)
def test_a_resolved_or_non_reference_is_left(sentence: str) -> None:
    assert inner_reference(sentence) == ""


def test_a_demonstrative_noun_the_page_told_resolves() -> None:
    sentence = "The new radar at Fenwick Point should close that gap within a year."
    told = {"forecasters", "have", "a", "gap", "in", "coverage"}
    assert inner_reference(sentence, told) == ""


def test_the_statement_before_resolves_a_pronoun() -> None:
    sentence = "Marrowby Textiles said they would be offered jobs at the other mill."
    previous = "Two hundred weavers lost their posts when the Dunmore plant shut."
    assert inner_reference(sentence, previous=previous) == ""
