"""Descriptions the sources tie to a name, and the description a sentence puts for a pronoun."""

from __future__ import annotations

from newsloom.summarize.grounding_links import described, tied_names
from newsloom.summarize.words import tokens

SOURCES = [
    tokens("Ivo Sarn, the 31-year-old defender, scored from a corner."),
    tokens("Laughing, seven-year-old Oskar Lepp ran onto the pitch behind the goal."),
    tokens("He kicked the ball into the empty net."),
]


def test_a_description_is_tied_to_the_name_after_it_or_before_its_the() -> None:
    assert tied_names(["seven", "year", "old"], SOURCES) == {"oskar"}
    assert tied_names(["31", "year", "old", "defender"], SOURCES) == {"sarn"}
    assert tied_names(["goalkeeper"], SOURCES) == set()
    assert tied_names(["the"], SOURCES) == set()  # stop words alone describe no one


def test_the_description_is_what_the_sentence_puts_before_the_origins_words() -> None:
    origin = SOURCES[2]
    sentence = tokens("The seven-year-old kicked the ball into the empty net.")
    assert described(sentence, origin) == ["seven", "year", "old"]
    assert described(tokens("Oskar kicked the ball."), origin) == []
    assert described(tokens("The crowd cheered as he kicked the ball."), origin) == []
