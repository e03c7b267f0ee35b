"""A thing's short name ("the hall") is written as the name its article gave it (shortnames.py)."""

from newsloom.summarize.shortnames import (
    name_things_once,
    short_names,
    thing_names,
    unnamed_short_references,
)


def name_short_references(sentence: str, names: dict[str, dict[str, bool]]) -> str:
    """The sentence as a page that has said nothing before it shows it."""
    return name_things_once([sentence], [short_names(sentence, names)])[0]


EARLIER = (
    "Volunteers packed the Marlow Street Hall with blankets. "
    "Since Vesk Bridge closed, the Harbour Board has closed two piers."
)


def test_the_one_name_with_that_noun_replaces_its_short_form() -> None:
    names = thing_names(EARLIER)
    assert names["hall"] == {"Marlow Street Hall": True}
    assert names["board"] == {"Harbour Board": True}
    assert names["bridge"] == {"Vesk Bridge": False}  # "Since" is not part of the name
    assert (
        name_short_references("Several families at the hall were still waiting for news.", names)
        == "Several families at the Marlow Street Hall were still waiting for news."
    )
    assert name_short_references("The board met on Sunday.", names) == (
        "The Harbour Board met on Sunday."
    )


def test_left_alone_when_two_names_or_the_sentence_says_which() -> None:
    names = thing_names(EARLIER + " A second Town Hall opened its doors.")
    sentence = "Several families at the hall were still waiting for news."
    assert name_short_references(sentence, names) == sentence  # which hall?
    names = thing_names(EARLIER)
    for sentence in (
        "The hall of the old school was empty.",  # an "of" phrase says which
        "Families at the Marlow Street Hall said the hall was cold.",  # named in the sentence
        "The council said the piers would reopen.",  # no name ends in "council" here
    ):
        assert name_short_references(sentence, names) == sentence


def test_the_page_counts_a_short_name_whose_noun_it_has_not_given() -> None:
    names = thing_names(EARLIER)
    sentence = "Families at the hall were still waiting for news."
    assert unnamed_short_references(sentence, names) == ["the hall"]
    assert unnamed_short_references(sentence, names, {"marlow", "street", "hall"}) == []


def test_a_modifier_an_idiom_or_people_is_not_a_short_name() -> None:
    names = thing_names(
        "Divers left from the Vesk Lake pier. The Harbour Police, the Marlow Women and the"
        " Apollo Stage met."
    )
    for sentence in (
        "Readings of the lake surface rose.",  # "lake" modifies "surface"
        "Divers said the police arrived late.",  # not a place or body news names
        "Organisers said the women had raised the money.",
        "The report set the stage for a vote.",  # an idiom
    ):
        assert unnamed_short_references(sentence, names) == []
    assert unnamed_short_references("Divers said the lake was calm.", names) == ["the lake"]


def test_candidates_carry_the_name_their_article_gave() -> None:
    from datetime import UTC, datetime

    from newsloom.records import Article
    from newsloom.summarize.facts import candidates_of

    article = Article(
        id=1,
        source_id=1,
        url="https://outlet.example/a",
        canonical_url="https://outlet.example/a",
        title="Donations pile up in Marlow Street",
        lead="",
        text=(
            "Volunteers packed the Marlow Street Hall with blankets on Sunday morning.\n\n"
            "By the evening several families at the hall were sorting tins for the ferry."
        ),
        published=datetime(2030, 5, 1, tzinfo=UTC),
        fetched_at=datetime(2030, 5, 1, tzinfo=UTC),
        outlet="Outlet",
        language="en",
    )
    candidates = candidates_of([article])
    (candidate,) = [c for c in candidates if "families at the hall" in c.text]
    assert candidate.short_names == (("the hall", "the Marlow Street Hall"),)


def test_the_page_names_a_thing_once_where_it_has_not_said_which() -> None:
    pair = (("the hall", "the Marlow Street Hall"),)
    texts = ["Families at the hall were still waiting.", "Volunteers at the hall sorted tins."]
    assert name_things_once(texts, [pair, pair]) == [
        "Families at the Marlow Street Hall were still waiting.",
        "Volunteers at the hall sorted tins.",
    ]
    # The headline said which hall: nothing to add.
    assert name_things_once(texts[:1], [pair], "Marlow Street Hall fills up") == texts[:1]


def test_an_owner_or_a_sentence_opening_is_not_part_of_the_name() -> None:
    names = thing_names(
        "Rangers in Veland's Ostby National Park counted the birds. In New Carrow Museum volunteers met."
    )
    assert names["park"] == {"Ostby National Park": True}
    assert names["museum"] == {"New Carrow Museum": False}


def test_a_verb_after_the_short_name_is_any_finite_verb() -> None:
    # mainverb.FINITE is the one list: "fought" tells the board did something, as "met" does;
    # a noun after it is what the board modifies.
    names = thing_names(EARLIER)
    assert name_short_references("The board fought the closure for a year.", names) == (
        "The Harbour Board fought the closure for a year."
    )
    sentence = "The board secretary was away."
    assert name_short_references(sentence, names) == sentence
