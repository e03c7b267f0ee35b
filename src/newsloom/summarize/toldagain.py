"""Facts once across the page: a statement whose checkable facts the page has all told.

The pairwise tests (retold.py) compare a statement with one other. A reader compares it with
the whole page: "The Consumer Safety Board says about 86,000 phones are affected" after one
statement gave the recall of 86,000 phones and another named the board tells nothing new,
though no single earlier statement holds both. What a statement gives a reader to check is its
counts (a number and what it counts: "86,000 phones"; a length of time in any of its forms,
"twelve months" = "a year" = "twelve-month" = "year-long"), the names it gives, the roles, days
and times of day it marks, and the words that say what happened. A statement is told again when
it has a count or a name, every one of them is on the page already (the same number of the same
thing, the same name), and every word it says beside them the page has said too (in a word form
of one lemma, or of one kind of act, retelling.py): a reader learns nothing checkable from it. A
statement adding any one thing (a number, a name, a place, "fertiliser is seeping into their
water") stays: a dropped fact is worse than a repeat. A denial ("did not") is never a repeat of
the statement it denies.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from newsloom.summarize.numbers import read_numbers
from newsloom.summarize.openings import REPORTING
from newsloom.summarize.people import ROLES
from newsloom.summarize.retelling import actors, lemma, name_key
from newsloom.summarize.words import CALENDAR, NUMBER_WORDS, TIMES_OF_DAY
from newsloom.textkit import STOP_WORDS, stem

# Lengths of time as a number of one base unit: a week is seven days, a year twelve months, in
# English and French ("deux ans", "trois semaines").
_DURATIONS = {
    "day": ("day", 1), "days": ("day", 1), "jour": ("day", 1), "jours": ("day", 1),
    "week": ("day", 7), "weeks": ("day", 7), "semaine": ("day", 7), "semaines": ("day", 7),
    "month": ("month", 1), "months": ("month", 1), "mois": ("month", 1),
    "year": ("month", 12), "years": ("month", 12), "an": ("month", 12), "ans": ("month", 12),
    "année": ("month", 12), "années": ("month", 12),
}  # fmt: skip
# One unit of time without a number: "a year", "one month", "year-long", "un an".
_ONE = frozenset("a an one un une".split())
# Words after a number that say only that the count applies ("86,000 phones are affected"):
# the count is the fact.
_APPLIES = frozenset(stem(w) for w in "affected involved concerned impacted".split())
# What a number counts: the first lower-case content words after it within its phrase ("86,000
# Nimbus Fold 3 foldable phones" counts foldable phones), past the names between.
COUNTED_WORDS, COUNT_REACH = 2, 6
# A hyphen inside a compound joins its words as a space would: "a twelve-month trial", "year-long".
_COMPOUND = re.compile(r"(?<=[^\W_])-(?=[^\W\d_])")
_SUPERLATIVE = frozenset("most least".split())
_NEGATION = frozenset("not never no ne pas jamais".split())


@dataclass(frozen=True)
class Checkable:
    """What a statement gives a reader to check, read once per statement."""

    counts: frozenset[tuple[str, frozenset[str]]]  # (number, stems of what it counts)
    names: frozenset[str]  # retelling.actors
    marked: frozenset[str]  # roles, days, months and times of day
    said: frozenset[str]  # lemmas of its other content words
    keys: frozenset[str]  # every word as a name's key, for the names of later statements
    lemmas: frozenset[str]  # every word's lemma, for the words of later statements
    denies: bool


@lru_cache(maxsize=16384)
def checkable(sentence: str) -> Checkable:
    read = read_numbers(_COMPOUND.sub(" ", sentence))
    lower = read.lower
    counts: set[tuple[str, frozenset[str]]] = set()
    in_count: set[int] = set()
    for phrase in read.phrases:
        if phrase.year or phrase.day_of_month or phrase.rank_or_magnitude:
            continue
        reach = _phrase_after(read.joined, phrase.at, phrase.unit_at)
        unit = lower[phrase.unit_at] if phrase.unit_at < len(lower) else ""
        in_count.add(phrase.at)
        if unit in _DURATIONS and phrase.unit_at in reach:
            base, size = _DURATIONS[unit]
            counts |= {(f"{float(n) * size:g}", frozenset({base})) for n in phrase.numbers}
            in_count.add(phrase.unit_at)
            continue
        what = frozenset(
            [
                stem(lower[k])
                for k in reach
                if read.words[k][:1].islower()
                and _content(read.words[k])
                and stem(lower[k]) not in _APPLIES
            ][:COUNTED_WORDS]
        )
        counts |= {(number + phrase.scale, what) for number in phrase.numbers}
    for k, word in enumerate(lower):
        # "a year", "one month", "year-long": one unit of time.
        if word in _DURATIONS and k > 0 and lower[k - 1] in _ONE and read.joined[k - 1]:
            base, size = _DURATIONS[word]
            counts.add((f"{size:g}", frozenset({base})))
            in_count.add(k)
    names = actors(sentence)
    said = frozenset(
        lemma(w)
        for k, w in enumerate(read.words)
        if k not in in_count
        and _content(w)
        and name_key(w) not in names
        and stem(w.lower()) not in _APPLIES
    )
    return Checkable(
        counts=frozenset(counts),
        names=names,
        marked=frozenset(w for w in lower if w in ROLES or w in CALENDAR or w in TIMES_OF_DAY),
        said=said,
        keys=frozenset(name_key(w) for w in read.words),
        lemmas=frozenset(lemma(w) for w in read.words),
        denies=any(w in _NEGATION or w.endswith(("n't", "n’t")) for w in lower),
    )


def _phrase_after(joined: tuple[bool, ...], at: int, start: int) -> list[int]:
    """The token indexes from ``start`` up to COUNT_REACH words after the number at ``at``,
    while each runs on from the one before (no comma, dash or bracket between)."""
    found = []
    for k in range(start, min(len(joined), at + 1 + COUNT_REACH)):
        if not joined[k - 1]:
            break
        found.append(k)
    return found


def _content(word: str) -> bool:
    """A word that says something: not a stop word, a number, a day or a reporting verb. A
    superlative's "most" or "least" says something: "the most devastated province" ranks it,
    where "the devastating quake" did not."""
    lower = word.lower()
    return (
        len(word) > 2
        and (lower not in STOP_WORDS or lower in _SUPERLATIVE)
        and lower not in CALENDAR
        and lower not in TIMES_OF_DAY
        and lower not in NUMBER_WORDS
        and not any(c.isdigit() for c in word)
        and not lower.endswith("ly")
        and stem(lower) not in REPORTING
    )


@dataclass
class Page:
    """What the statements read so far have told, to judge the next one against."""

    counts: dict[str, set[str]]  # number -> stems of the things it counted
    keys: set[str]
    marked: set[str]
    said: set[str]

    @classmethod
    def of(cls, statements: Iterable[str]) -> Page:
        page = cls({}, set(), set(), set())
        for text in statements:
            page.add(text)
        return page

    def add(self, text: str) -> None:
        found = checkable(text)
        for number, what in found.counts:
            self.counts.setdefault(number, set()).update(what or {""})
        self.keys |= found.keys
        self.marked |= found.marked
        self.said |= found.lemmas

    def tells(self, text: str) -> bool:
        """The page has told every checkable fact of ``text`` (module docstring)."""
        found = checkable(text)
        if not (found.counts or found.names) or found.denies:
            return False
        for number, what in found.counts:
            counted = self.counts.get(number)
            if counted is None or (what and not what & counted):
                return False
        return found.names <= self.keys and found.marked <= self.marked and found.said <= self.said
