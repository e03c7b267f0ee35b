from newsloom.summarize.captions import is_caption
from newsloom.summarize.consequences import tells_consequence
from newsloom.summarize.mainverb import has_tensed_verb
from newsloom.summarize.roles import long_past
from newsloom.summarize.watch import what_to_watch
from newsloom.summarize.words import numbers_in, tokens


def test_tokens_keep_letters_of_any_script_whole() -> None:
    assert tokens("La maire a prolongé l'interdiction à Vernaz, 3.75 %.") == [
        "La", "maire", "a", "prolongé", "l'interdiction", "à", "Vernaz", "3.75",
    ]  # fmt: skip
    assert tokens("Zürich's Straße, Kraków") == ["Zürich's", "Straße", "Kraków"]
    assert numbers_in(tokens("dix-huit, 18,000 and six")) == {"18000", "6"}


def test_the_rules_reading_counts_in_words_read_every_count_to_twelve() -> None:
    # words.COUNTS is the one list: a count of eleven or twelve reads as a count of ten does,
    # where some rules' own copies stopped at ten.
    for count in ("ten", "eleven", "twelve"):
        assert long_past(f"The two ferries were last refitted {count} years ago.", 2030)
        assert not tells_consequence(
            f"Six sailors died in a fire on the same ferry {count} years ago."
        )
        assert what_to_watch(f"The regulator could rule on the licence within {count} days.") == 1
    assert tells_consequence("Six sailors died in a fire on the same ferry.")
    assert what_to_watch("The regulator could rule on the licence.") == 0


def test_the_irregular_past_is_one_list_for_captions_and_main_verbs() -> None:
    # words.IRREGULAR_SIMPLE_PAST: a dated act in the past is prose, not a picture's caption, and a
    # clause with "caught" or "chose" has its tensed verb, whichever list read them before.
    for verb in ("ran the boat aground", "wore life jackets", "caught a line"):
        assert not is_caption(f"The crew {verb} on Sunday, May 4, 2025, off Carrow.")
    assert is_caption("The crew wait on the quay on Sunday, May 4, 2025, off Carrow.")
    assert has_tensed_verb("The harbour master caught the last ferry")
    assert has_tensed_verb("The harbour master chose the last ferry")
    assert has_tensed_verb("The crowd heard the verdict in silence")
    assert not has_tensed_verb("The harbour master of the last ferry")


def test_numbers_in_words_of_letters_digits_and_neither() -> None:
    # A word of letters only gives a number when it is a number word; one with digits gives
    # them; one with neither ("²", "l'an") gives none.
    assert numbers_in(["Twelve", "ferries", "3rd", "39-year-old", "²", "l'an", "Million"]) == {
        "12", "3", "39", "1000000",
    }  # fmt: skip


def test_tokens_are_the_callers_own_list() -> None:
    # Read once per text (cached), each caller still gets a list it may change.
    first = tokens("The ferry left Velmora at dawn.")
    first.append("changed")
    assert tokens("The ferry left Velmora at dawn.") == [
        "The",
        "ferry",
        "left",
        "Velmora",
        "at",
        "dawn",
    ]
