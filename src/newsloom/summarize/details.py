"""A figure of the setting, told bare, is a detail: no bullet.

Bullets 2-3 carry the next most important facts, each read alone. "The attendance at the Millrace
Ground was 9,870." gives a figure and nothing else: no one acts, nothing changes, nothing is
compared ("up from 47,000", "a record"). It measures where or how the main event took place, which
a reader takes from the paragraphs; as a bullet it stands in for a fact. The form is that of any
news text: a subject of common nouns (a place may qualify it: "at the Millrace Ground"), a linking
verb, and a figure with at most a unit after it, ending the sentence. A figure with a comparison,
a deed ("rose to", "reached") or an actor ("Halvard employs 9,870 people") has more to it and
stays a candidate.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsloom.summarize.speech import SAY, alternation
from newsloom.summarize.words import numbers_in, tokens

# "The attendance at the Millrace Ground was 9,870." / "Turnout was about 64 percent."
_BARE_FIGURE = re.compile(
    r"^(?:(?:The|Its|Their)\s+[a-z][a-z'’-]*|[A-Z][a-z'’-]*)(?:\s+[a-z][a-z'’-]*){0,2}"  # measure
    r"(?:\s+(?:at|in|on|of|for)\s+(?:the\s+)?[A-Za-z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)?"  # where
    r"\s+(?:was|were|is|are|stood\s+at)\s+"
    r"(?:(?:about|around|roughly|nearly|almost|some|just\s+over|just\s+under)\s+)?"
    r"\d[\d,.]*(?:\s+[a-z%]+)?[.!]?$"
)


# Someone cited for the figure: "The mill said output was 4,312 tonnes" is the mill's statement.
# (speech.py's words, the ones this check has always read: SAY's crediting verbs but "say",
# "added" and "adds", and three of REPORT's.)
_CITED_WORDS = (SAY - {"say", "added", "adds"}) | {"reported", "reports", "announced"}
_CITED = re.compile(rf"\b(?:{alternation(_CITED_WORDS)})\b")


@lru_cache(maxsize=65536)  # read for every pair of a page's statements
def bare_figure(sentence: str) -> bool:
    """The sentence only measures the setting: a common-noun subject, a linking verb and a
    figure (module docstring), with no one cited for it."""
    text = sentence.strip()
    return bool(_BARE_FIGURE.match(text)) and not _CITED.search(text)


@lru_cache(maxsize=65536)
def figures_of(sentence: str) -> frozenset[str]:
    """The numbers that identify a figure within one story: not small counts (up to twelve)
    and not years (as openings.figures reads them)."""
    found = set()
    for number in numbers_in(tokens(sentence)):
        value = int(number) if number.isdigit() else 0
        if "." in number or (value > 12 and not 1900 <= value <= 2099):
            found.add(number)
    return frozenset(found)


def same_bare_figure(a: str, b: str) -> bool:
    """One of the two statements is a bare figure of the setting (bare_figure) that the other
    gives too: "The attendance at the Millrace Ground was 9,870." beside "A crowd of 9,870,
    Sallow's largest of the season, stayed ...". The bare one has nothing else to tell."""
    return any(
        bare_figure(one) and figures_of(one) & figures_of(other) for one, other in ((a, b), (b, a))
    )
