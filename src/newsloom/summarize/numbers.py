"""The one reader of number phrases: where a text gives a number, which figure it is, and what
stands around it (the word it counts or the unit it measures in, a scale, a month before it).

Three rules need a number with its words: a count told again with the same deed
(``counted.counted``), one number in the same phrase (``counted.measures``) or of the same thing
(``counted.counts``), and a figure a later report changed (``roles.revised_figures``,
``roles.stated_figures``), besides the toll a story revises (``roles.tallies``). Each used to
tokenise the text and find its numbers on its own, so a fix to how a number is read (a year, a
rank, a scale) reached one rule and not the others. They now read the text here once (cached:
every pair of a story's statements asks again) and keep only their own judgement of which number
matters. How one word holds a number stays ``words.numbers_in``, which the grounding check shares.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from newsloom.summarize.words import (
    MONTH_ABBREVIATIONS,
    MONTHS,
    NUMBER_WORDS,
    numbers_in,
    tokens_joined,
)

# A rank ("the first Aurora satellite") or a magnitude alone ("1 million" beside "two million")
# counts nothing of its own.
RANKS = frozenset("first second third".split())
# A scale after a figure is part of it ("4.2 billion crowns"); "trillion" is no number word, so
# only a figure in digits takes it.
SCALES = frozenset("thousand million billion trillion".split())
MAGNITUDES = SCALES | {"hundred"}
# The demo newsroom and its readers write French too: its number words from two on ("un",
# "une" are articles as often as numbers). Read for a number's phrase (counted.measures) only:
# the counts and figures compare English deeds and units.
FRENCH_NUMBERS = {
    "deux": "2", "trois": "3", "quatre": "4", "cinq": "5", "six": "6", "sept": "7", "huit": "8",
    "neuf": "9", "dix": "10", "onze": "11", "douze": "12", "quinze": "15", "vingt": "20",
    "trente": "30", "quarante": "40", "cinquante": "50", "soixante": "60", "cent": "100",
}  # fmt: skip
# The months (words.MONTHS) and their abbreviations: "Jan. 5" dates a day, it counts nothing.
_MONTHS = frozenset(MONTHS) | MONTH_ABBREVIATIONS

Written = Literal["digits", "words", "french"]


@dataclass(frozen=True)
class NumberPhrase:
    """One number of a text, at token ``at`` of NumberedText.words."""

    at: int
    numbers: frozenset[str]  # as digits (words.numbers_in); a token may hold several ("1,2")
    written: Written  # in digits, in English number words, or in French number words only
    rank_or_magnitude: bool  # "first", "million": no count of its own (RANKS, MAGNITUDES)
    year: bool  # one whole number from 1900 to 2099: a date, not a quantity
    day_of_month: bool  # right after a month's name ("the Aug. 17 quake"): a date, no count
    scale: str  # the scale after a figure in digits ("billion" in "4.2 billion crowns"), or ""
    unit_at: int  # the word after the number, past the scale: its unit or what it counts

    @property
    def number(self) -> str:
        """The figure, where the token holds one number (else the smallest, as a toll reads)."""
        return min(self.numbers)


@dataclass(frozen=True)
class NumberedText:
    """A text's tokens (words.tokens), whether each runs on to the next within one phrase
    (words.tokens_joined), and the numbers among them in reading order."""

    words: tuple[str, ...]
    lower: tuple[str, ...]
    joined: tuple[bool, ...]
    phrases: tuple[NumberPhrase, ...]

    def at(self, index: int) -> NumberPhrase | None:
        """The number at token ``index``, if that token gives one."""
        return next((p for p in self.phrases if p.at == index), None)


@lru_cache(maxsize=8192)
def read_numbers(text: str) -> NumberedText:
    """Every number the text gives, with its place among the text's tokens. Cached, since every
    pair of a story's statements reads both again: not to be changed by the caller."""
    words, joined = tokens_joined(text)
    lower = [w.lower() for w in words]
    phrases = []
    for at, word in enumerate(lower):
        # Most words are letters only and no number word (no character is both a letter and a
        # digit): numbers_in would find nothing in them.
        if word.isalpha() and word not in NUMBER_WORDS and word not in FRENCH_NUMBERS:
            continue
        numbers = numbers_in([word])
        written: Written = "digits" if any(map(str.isdigit, word)) else "words"
        if not numbers and word in FRENCH_NUMBERS:
            numbers, written = {FRENCH_NUMBERS[word]}, "french"
        if not numbers:
            continue
        number = min(numbers)
        unit_at, scale = at + 1, ""
        if written == "digits" and unit_at < len(words) and lower[unit_at] in SCALES:
            scale, unit_at = lower[unit_at], unit_at + 1
        phrases.append(
            NumberPhrase(
                at=at,
                numbers=frozenset(numbers),
                written=written,
                rank_or_magnitude=word in RANKS or word in MAGNITUDES,
                year=len(numbers) == 1 and number.isdigit() and 1900 <= int(number) <= 2099,
                day_of_month=at > 0 and lower[at - 1].rstrip(".") in _MONTHS,
                scale=scale,
                unit_at=unit_at,
            )
        )
    return NumberedText(tuple(words), tuple(lower), tuple(joined), tuple(phrases))
