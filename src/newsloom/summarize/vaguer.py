"""Facts once when a figure is told again in words.

One outlet writes "the water contains microcystin at 12 micrograms per litre, above the threshold
of 10"; another "the laboratory measured a microcystin concentration above the health threshold;
tap water is not affected". The second clause is news, the first tells the measurement again
without its numbers. A clause without a number, at least three of whose content words and half or
more are in a statement that gives numbers, restates that statement: the reader has the figures.
The words are compared in the story's language: French function words and elisions ("l'eau",
"d'Annaz") are no content, so the rule holds for the newsroom's French stories too.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsloom.summarize.deeds import deed_lemma
from newsloom.summarize.lede import FUNCTION_WORDS
from newsloom.summarize.words import NUMBER_WORDS, tokens

MIN_SHARED = 3  # content words a restating clause shares: two ("profit fell") name no fact
_CLAUSE = re.compile(r"\s*[;:]\s+")
_NUMBER = re.compile(r"\d|\b(?:" + "|".join(sorted(NUMBER_WORDS)) + r")\b", re.IGNORECASE)
_ELISION = re.compile(r"^(?:[cdjlmnst]|qu)['’]", re.IGNORECASE)


@lru_cache(maxsize=8192)
def _content(text: str) -> frozenset[str]:
    words = {_ELISION.sub("", w.lower()) for w in tokens(text)}
    return frozenset(
        deed_lemma(w) for w in words if len(w) > 1 and w not in FUNCTION_WORDS and not w.isdigit()
    )


@lru_cache(maxsize=8192)
def _has_number(text: str) -> bool:
    """Digits, or a word numbers_in reads as a number ("two", "million"), found by one regular
    expression rather than by tokenising: every clause of a story's sentences asks it."""
    return bool(_NUMBER.search(text))


def vague_clauses(text: str) -> list[frozenset[str]]:
    """The content words of each of the text's clauses that give no number."""
    return [_content(c) for c in _CLAUSE.split(text) if not _has_number(c)]


def precise_words(text: str) -> frozenset[str]:
    """The text's content words when it gives a number, else none."""
    return _content(text) if _has_number(text) else frozenset()


def restates(clause: frozenset[str], told: frozenset[str]) -> bool:
    """A vague clause's words (vague_clauses) against a precise statement's (precise_words)."""
    shared = len(clause & told)
    return shared >= MIN_SHARED and 2 * shared >= len(clause)


def figure_in_words(vaguer: str, precise: str) -> bool:
    """A clause of ``vaguer`` tells ``precise``'s fact without its numbers."""
    told = precise_words(precise)
    return bool(told) and any(restates(c, told) for c in vague_clauses(vaguer))
