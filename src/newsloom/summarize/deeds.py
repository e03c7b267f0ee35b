"""Facts once when one person's deed is told in other word forms.

Two outlets tell a cup final's winning goal as "Joel Arkwright scored twice, including the winner"
and "Striker Joel Arkwright headed the winning goal": the same person, and beside the name the
same deed ("winner", "winning": one lemma). A word's form-free core (deed_lemma) and the words
said right beside a name (deeds_near_names) find it, for any story and any deed; ``repeats`` on
fact_words, which compares whole sentences' stems, does not.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice
from typing import NamedTuple

from newsloom.summarize.openings import FULL_NAME_PATTERN, POSSESSIVE, REPORTING
from newsloom.summarize.words import numbers_in
from newsloom.textkit import STOP_WORDS, stem

_YEAR = re.compile(r"^(?:19|20)\d\d$")
_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")

DEED_REACH = 6  # content words on each side of a name that say what its bearer did
# Past forms that share no letters' stem with their verb: "won" is the deed of "the winner".
_IRREGULAR = {
    "won": "win", "lost": "lose", "struck": "strike", "took": "take", "made": "make",
    "gave": "give", "given": "give", "went": "go", "gone": "go", "found": "find",
    "held": "hold", "left": "leave", "sent": "send", "rose": "rise", "risen": "rise",
    "fell": "fall", "fallen": "fall", "built": "build", "paid": "pay", "sold": "sell",
    "bought": "buy", "brought": "bring", "began": "begin", "begun": "begin", "broke": "break",
    "broken": "break", "chose": "choose", "chosen": "choose", "drove": "drive", "ran": "run",
    "shot": "shoot", "caught": "catch", "fought": "fight", "kept": "keep", "met": "meet",
    "spent": "spend", "stood": "stand", "stole": "steal", "stolen": "steal", "threw": "throw",
    "thrown": "throw", "led": "lead", "saved": "save", "hit": "hit", "beaten": "beat",
}  # fmt: skip
IRREGULAR_PAST = frozenset(_IRREGULAR)
_DEED_SUFFIXES = ("ings", "ing", "ers", "er", "ed", "es", "s")


@lru_cache(maxsize=65536)
def deed_lemma(word: str) -> str:
    """A word's form-free core, so that one deed meets in its word forms: "winner",
    "winning" and "won" -> "win"; "headed", "header" -> "head"; "scored", "scorer" -> "scor"."""
    lower = POSSESSIVE.sub("", word.lower().replace("’", "'"))
    lower = _IRREGULAR.get(lower, lower)
    for suffix in _DEED_SUFFIXES:
        if lower.endswith(suffix) and len(lower) - len(suffix) >= 3:
            lower = lower[: -len(suffix)]
            break
    if len(lower) > 3 and lower[-1] == lower[-2] and lower[-1] not in "aeiouls":
        lower = lower[:-1]  # "winn" -> "win", not "fall" -> "fal"
    if len(lower) > 3 and lower.endswith("e"):
        lower = lower[:-1]  # "score" meets "scor(ed)"
    return lower


class Deeds(NamedTuple):
    """What a sentence says beside one name: deed_lemma of the content words after it (what
    its bearer did), of those on either side, and the other names within that reach."""

    done: frozenset[str]
    near: frozenset[str]
    others: frozenset[str]


@lru_cache(maxsize=8192)
def deeds_near_names(sentence: str) -> dict[str, Deeds]:
    """Per person or organisation of two words or more (key: its last two words, stemmed, so
    that "Striker Joel Arkwright" is Joel Arkwright; not a place: a name after "in", "at" ...),
    (the deed_lemma of the content words within DEED_REACH on each side, the other names said
    within that reach)."""
    spans = [(m.start(), m.end(), m.group(0)) for m in FULL_NAME_PATTERN.finditer(sentence)]
    if not spans:
        return {}  # no name: nothing is said beside one
    keys: dict[int, str] = {}  # span -> _name_key, read once for all its words
    dropped: set[int] = set()  # spans read as places ("in Port Alder")
    units: list[tuple[str, str]] = []  # ("name", key) or ("word", lemma), in reading order
    previous = ""
    at = 0  # the first span that may hold the next word: words and spans run in reading order
    for match in _WORD.finditer(sentence):
        start, word = match.start(), match.group(0)
        lower = word.lower()
        while at < len(spans) and spans[at][1] <= start:
            at += 1
        inside = at < len(spans) and spans[at][0] <= start and at not in dropped
        after = previous
        if lower not in _ARTICLES:
            previous = lower  # "at the Quayside Ground": the preposition counts
        if inside and start == spans[at][0] and after in _PLACE_PREPOSITIONS:
            dropped.add(at)  # "in Port Alder": where it happened, not who did it
            inside = False
        if inside:
            if at not in keys:
                keys[at] = _name_key(spans[at][2])
            key = keys[at]
            if key and (not units or units[-1] != ("name", key)):
                units.append(("name", key))
            elif not key and lower not in STOP_WORDS:
                units.append(("other", stem(word)))
        elif word[:1].isupper() and lower not in STOP_WORDS:
            units.append(("other", stem(word)))
        elif lower not in STOP_WORDS and len(word) > 1 and stem(word) not in REPORTING:
            units.append(("word", deed_lemma(word)))
    found: dict[str, Deeds] = {}
    for k, (kind, key) in enumerate(units):
        if kind != "name":
            continue
        preceding, following = _reach(units, k, -1), _reach(units, k, 1)
        done = frozenset(v for t, v in following if t == "word")
        near = done | frozenset(v for t, v in preceding if t == "word")
        others = frozenset(v for t, v in preceding + following if t != "word" and v != key)
        old = found.get(key, Deeds(frozenset(), frozenset(), frozenset()))
        found[key] = Deeds(old.done | done, old.near | near, old.others | others)
    return found


_PLACE_PREPOSITIONS = frozenset("in at on near into across outside inside".split())
_ARTICLES = frozenset({"the", "a", "an"})


@lru_cache(maxsize=8192)  # a story names its people again and again
def _name_key(name: str) -> str:
    words = [POSSESSIVE.sub("", w) for w in name.split()]
    words = [w for w in words if w.lower() not in STOP_WORDS]
    return " ".join(stem(w) for w in words[-2:]) if len(words) >= 2 else ""


def _reach(units: list[tuple[str, str]], at: int, step: int) -> list[tuple[str, str]]:
    """Up to DEED_REACH content words from ``at`` in direction ``step``, and the names among
    them."""
    found: list[tuple[str, str]] = []
    k, count = at + step, 0
    while 0 <= k < len(units) and count < DEED_REACH:
        found.append(units[k])
        count += units[k][0] == "word"
        k += step
    return found


def same_deed_near_name(a: str, b: str) -> bool:
    """Two sentences that say the same thing right beside the same person's name, and name
    nobody else there that the other does not: "Joel Arkwright scored twice, including the
    winner" and "Striker Joel Arkwright headed the winning goal in the 112th minute" tell one
    deed, whatever the word forms ("winner", "winning")."""
    deeds_a, deeds_b = deeds_near_names(a), deeds_near_names(b)
    for key in deeds_a.keys() & deeds_b.keys():
        one, other = deeds_a[key], deeds_b[key]
        if one.others != other.others:
            continue
        # One word the name does in both ("scored ... the winner", "headed the winning goal"),
        # or two said beside it in both.
        if one.done & other.done or len(one.near & other.near) >= 2:
            return True
    return False


FIGURE_REACH = 4  # words after a name where its apposition gives a figure ("X, a 19-year-old")
# An age said as a premodifier a word or two before the name ("19-year-old forward Leo Haskins").
AGE_BEFORE_REACH = 2
_AGE = re.compile(r"^([^\W_]+)-years?-old$", re.IGNORECASE)


@lru_cache(maxsize=8192)
def figure_beside_name(sentence: str) -> dict[str, frozenset[str]]:
    """Per name (deeds_near_names' key), the numbers said right after it, not years ("Leo
    Haskins, nineteen years old", "Leo Haskins, a 19-year-old"), and an age just before it
    ("19-year-old forward Leo Haskins"): how a report introduces
    someone. Cached, since every bullet candidate is compared with bullet 1: not to be
    changed by the caller."""
    found: dict[str, set[str]] = {}
    aged = "-old" in sentence.lower()  # an age's token ends so (_AGE): else no word is one
    for match in FULL_NAME_PATTERN.finditer(sentence):
        key = _name_key(match.group(0))
        if not key:
            continue
        # The first words after the name, read no further (the word pattern looks at nothing
        # before its start, so reading from the name's end is reading the rest alone).
        following = islice(_WORD.finditer(sentence, match.end()), FIGURE_REACH)
        after = [m.group(0) for m in following]
        numbers = numbers_in([w for w in after if w.lower() not in STOP_WORDS])
        if aged:
            before = [m.group(0) for m in _WORD.finditer(sentence[: match.start()])]
            ages = [_AGE.match(w) for w in before[-AGE_BEFORE_REACH:]]
            numbers |= numbers_in([age.group(1) for age in ages if age])
        found.setdefault(key, set()).update(n for n in numbers if not _YEAR.match(n))
    return {k: frozenset(v) for k, v in found.items() if v}
