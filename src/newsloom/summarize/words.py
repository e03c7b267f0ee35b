"""Word-level helpers shared by the grounding check and its reference check: tokens, a light
stemmer, stop words and numbers written as digits or words."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

_TOKEN = re.compile(r"[A-Za-z0-9]+(?:[.,'’][A-Za-z0-9]+)*")
_DIGITS = re.compile(r"\d+(?:\.\d+)?")
_NUMBER_WORDS = {
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
    "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "twenty": "20",
    "thirty": "30", "forty": "40", "fifty": "50", "hundred": "100", "thousand": "1000",
    "million": "1000000", "billion": "1000000000", "first": "1", "second": "2", "third": "3",
}  # fmt: skip
STOP_WORDS = frozenset(
    """
    a an the and or but if of to in on at by for with from as into onto about over after before
    than then that this these those there here is are was were be been being has have had do does
    did will would shall should can could may might must it its he she they them his her their we
    our you your i me my who whom whose which what when where why how all any both each more most
    other some such only own same so too very just also s t said says say told tell according
    up down out off again further once per via while during since until because against between
    through under above below new one year years last first
    """.split()
)
_SUFFIXES = ("ingly", "edly", "ings", "ing", "ied", "ies", "ed", "es", "ly", "s")


@lru_cache(maxsize=65536)  # a story repeats its words; stemming is pure
def stem(word: str) -> str:
    """A light suffix stripper: enough to match "closed"/"closes"/"closing" without a library."""
    word = word.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)] + ("y" if suffix in ("ied", "ies") else "")
    return word


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def numbers_in(words: Sequence[str]) -> set[str]:
    """Numbers as digit strings: "3.2", "18,000" -> "18000", "39-year-old" -> "39", "six" -> "6"."""
    found: set[str] = set()
    for word in words:
        lower = word.lower()
        if any(ch.isdigit() for ch in lower):
            plain = re.sub(r"(?<=\d),(?=\d{3})", "", lower)
            found.update(m.rstrip(".") for m in _DIGITS.findall(plain))
        elif lower in _NUMBER_WORDS:
            found.add(_NUMBER_WORDS[lower])
    return found
