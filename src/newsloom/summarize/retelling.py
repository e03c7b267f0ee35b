"""Facts once when another outlet's statement tells an event the page has told, in its own words.

Outlets open on one event each in their words: "Corvid Chat, the messaging app, was pulled from
Orchard's app store" and "The encrypted chat service Corvid Chat was temporarily banned by
Orchard"; "The Harlow Comets ended their 40-year curse to win the league title" and "The Harlow
Comets broke the longest title drought in the league". Other verbs and adjectives leave the two
sharing too few words for ``openings.repeats``. What makes them one fact, in any story: the same
actor or affected party (a name both give), the same kind of act or outcome (removed and banned,
ended a curse and broke a drought: _KINDS, the verbs and nouns news uses for one kind of event),
more of what the later one says beside its names among the earlier one's words (or words of one
kind) than chance gives, and nothing checkable the later one adds: no number, name, role, day or
time of day the earlier one lacks. A statement adding any of these ("... banned on Monday after
its founder was charged") carries a fact of its own and is kept, even where it repeats the
event: a dropped fact is worse than a repeat.

The test is directional, as a reader meets the page: the later statement (or the candidate a
summary would add) against one already read. The earlier one may say more than the later one.
An act that is the later statement's opening topic ("The removal suggests Corvid Chat broke the
rules", "The crash was the third this year") tells something new about the event, not the
event: it does not count as the same act.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from newsloom.summarize.deeds import deed_lemma
from newsloom.summarize.openings import POSSESSIVE, REPORTING
from newsloom.summarize.people import ROLES
from newsloom.summarize.words import CALENDAR, NUMBER_WORDS, TIMES_OF_DAY, numbers_in, tokens
from newsloom.textkit import STOP_WORDS, stem

# Kinds of events and outcomes, each with the verbs and nouns news uses for it whatever the
# story. A word that names two kinds ("fired" a missile, "fired" a coach) is in none.
_KINDS = {
    "death": "kill killed kills killing dead death deaths die died dies dying deadly",
    "injury": "injure injured injures injuring injuries injury wound wounded wounding",
    "crash": "crash crashed crashes crashing collide collided collides colliding collision"
    " derail derailed derails derailing",
    "removal": "remove removed removes removing removal pull pulled pulls pulling ban banned"
    " bans banning withdraw withdrew withdrawn withdraws withdrawing",
    "halt": "halt halted halts halting suspend suspended suspends suspending",
    "discovery": "discover discovered discovers discovering discovery detect detected detects"
    " detecting detection",
    "dismissal": "sack sacked sacks sacking dismiss dismissed dismisses dismissing dismissal"
    " oust ousted ousts ousting",
    "retirement": "retire retired retires retiring retirement",
    "separation": "split splits splitting divorce divorced divorcing separation separated",
    "arrest": "arrest arrested arrests arresting detain detained detains detaining detention",
    "charge": "indict indicted indicts indicting indictment",
    "rise": "rise rises rose risen rising climb climbed climbs climbing surge surged surges"
    " surging soar soared soars soaring",
    "decline": "fall falls fell fallen falling drop dropped drops dropping plunge plunged"
    " plunges plunging tumble tumbled tumbles tumbling",
    "premiere": "debut debuted debuts premiere premiered premieres unveil unveiled unveils"
    " unveiling trailer teaser",
    "leak": "leak leaked leaks leaking",
    "image": "image images photo photos photograph photographs picture pictures footage"
    " capture captured captures capturing",
    "sentence": "sentence sentenced sentences sentencing jail jailed prison imprisonment",
    "launch": "launch launched launches launching",
    "drought": "drought curse",
}
_KIND = {word: kind for kind, words in _KINDS.items() for word in words.split()}
_DETERMINERS = frozenset("the this that its their his her".split())
# Where or when: the words a preposition of place or time introduces ("taken to a clinic",
# "in the spring"), lower-case ones only (a name is compared as a name). "to" only
# before a determiner: "to win" is a verb.
_PLACE = re.compile(
    r"\b(?:(?:in|at|from|near|outside|inside|across)\s+(?:(?:a|an|the|his|her|its|their)\s+)?"
    r"|to\s+(?:a|an|the|his|her|its|their)\s+)"
    r"((?:[a-z][\w'’-]*\s+){0,2}[a-z][\w'’-]*)\b(?!\s+[A-Z])"
)
# A statement denying what the other states tells another fact.
_NEGATION = frozenset("not never".split())
# Name-like words that are still one place: "Australia" and "Australian", "China" and "Chinese".
_DEMONYM = ("ese", "ian", "an", "ia", "a")
_ROOT = 4  # letters a place's root keeps ("chin", "austral")
# The later statement's words beside its names that must be the earlier one's (or of one kind):
# a third, as in the shared deed of one person (vectors.repeated_facts), and two of them, the
# kind of act and one more thing said of it.
SHARE = 3
MIN_SHARED = 2


def _root(word: str) -> str:
    for suffix in _DEMONYM:
        if word.endswith(suffix) and len(word) - len(suffix) >= _ROOT:
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=65536)  # asked for every word of every statement, of a story's few words
def name_key(word: str) -> str:
    return _root(stem(POSSESSIVE.sub("", word).lower()))


def _is_name(word: str) -> bool:
    lower = word.lower()
    return (
        word[:1].isupper()
        and lower not in STOP_WORDS
        and lower not in CALENDAR
        and lower not in NUMBER_WORDS
    )


@lru_cache(maxsize=16384)
def _names(sentence: str) -> frozenset[str]:
    """Every capitalised word that is not a stop word, a day, a month or a number, as a key."""
    return frozenset(name_key(w) for w in tokens(sentence) if _is_name(w))


@lru_cache(maxsize=16384)
def actors(sentence: str) -> frozenset[str]:
    """The names a statement gives, as keys: capitalised words after its first, and its first
    when a name follows it or it is possessive or set off by a comma ("Corvid's apps",
    "Corvid Chat, the messaging app"); a capitalised first word alone is any sentence's."""
    words = tokens(sentence)
    found = {name_key(w) for w in words[1:] if _is_name(w)}
    if words and _is_name(words[0]):
        after = sentence.lstrip()[len(words[0]) :]
        possessive = POSSESSIVE.search(words[0]) or after[:1] == ","
        if possessive or (len(words) > 1 and _is_name(words[1])):
            found.add(name_key(words[0]))
    return frozenset(found)


@lru_cache(maxsize=16384)
def kinds(sentence: str) -> frozenset[str]:
    """The kinds of act or outcome (_KINDS) a statement tells, but not one that is its opening
    topic: a kind's noun right after the determiner it opens on, or one word later ("The
    removal suggests ...", "The deadly crash was ..."); a verb form there ("The flight crashed")
    still tells the act."""
    words = [w.lower() for w in tokens(sentence)]
    found = set()
    for k, word in enumerate(words):
        kind = _KIND.get(word)
        if kind is None:
            continue
        topic = 0 < k <= 2 and words[0] in _DETERMINERS and not word.endswith("ed")
        if not topic:
            found.add(kind)
    return frozenset(found)


def lemma(word: str) -> str:
    lower = word.lower()
    return _KIND.get(lower) or deed_lemma(lower)


@lru_cache(maxsize=16384)
def _said(sentence: str) -> frozenset[str]:
    """What a statement says beside its names, numbers and times: lemmas of its lower-case
    content words, a kind's words as their kind; reporting verbs and "-ly" manner words
    aside."""
    return frozenset(
        lemma(w)
        for w in tokens(sentence)
        if w[:1].islower()
        and len(w) > 2
        and w.lower() not in STOP_WORDS
        and w.lower() not in CALENDAR
        and w.lower() not in TIMES_OF_DAY
        and w.lower() not in NUMBER_WORDS
        and not any(c.isdigit() for c in w)
        and not w.lower().endswith("ly")
        and stem(w.lower()) not in REPORTING
    )


@lru_cache(maxsize=16384)
def _all_lemmas(sentence: str) -> frozenset[str]:
    return frozenset(lemma(w) for w in tokens(sentence))


class _Details(NamedTuple):
    """What a statement gives that a reader can check, read once per statement."""

    numbers: frozenset[str]  # other than one
    names: frozenset[str]  # _names
    word_keys: frozenset[str]  # every word as a name's key, to find the other's names among
    marked: frozenset[str]  # roles, days, months and times of day, lower-cased
    denies: bool
    places: tuple[frozenset[str], ...]  # lemmas of each place or time phrase's words


@lru_cache(maxsize=16384)
def _details(sentence: str) -> _Details:
    words = tokens(sentence)
    lower = [w.lower() for w in words]
    places = []
    for phrase in _PLACE.finditer(sentence):
        found = frozenset(lemma(w) for w in phrase.group(1).split() if w not in STOP_WORDS)
        if found:
            places.append(found)
    return _Details(
        numbers=frozenset(numbers_in(words) - {"1"}),
        names=_names(sentence),
        word_keys=frozenset(name_key(w) for w in words),
        marked=frozenset(w for w in lower if w in ROLES or w in CALENDAR or w in TIMES_OF_DAY),
        denies=any(w in _NEGATION or w.endswith(("n't", "n’t")) for w in lower),
        places=tuple(places),
    )


def _adds_detail(later: str, earlier: str) -> bool:
    """The later statement gives a number (other than one), a name, a role, a day or a time
    of day that the earlier one does not, a place or time after a preposition ("to a clinic",
    "in the spring") none of whose words the earlier one has, or denies what the
    earlier one does not ("did not sign the deal")."""
    new, old = _details(later), _details(earlier)
    if new.numbers - old.numbers or new.names - old.word_keys or new.marked - old.marked:
        return True
    if new.denies and not old.denies:
        return True
    lemmas = _all_lemmas(earlier)
    return any(not place & lemmas for place in new.places)


def event_keys(sentence: str) -> frozenset[str]:
    """ "name|kind" for each name and kind of act a statement gives, for grouping: the
    statements to compare with retells_event share one."""
    return frozenset(f"{name}|{kind}" for name in actors(sentence) for kind in kinds(sentence))


def retells_event(earlier: str, later: str) -> bool:
    """The later statement tells the earlier one's event again (module docstring): a name both
    give, one kind of act, a third of what the later says beside its names (and at least two
    words) among the earlier one's, and no number, name, role or time of its own."""
    if not event_keys(earlier) & event_keys(later):
        return False
    said = _said(later)
    shared = said & _all_lemmas(earlier)
    if len(shared) < MIN_SHARED or SHARE * len(shared) < len(said):
        return False
    return not _adds_detail(later, earlier)
