"""Bullets 2-3 tell a fact bullet 1 does not: the same subject in the same state is one fact.

Reports of one event open on where its main thing stands, each outlet naming it its own way:
"Veland's newest satellite, Aurora-2, is healthy and talking to the ground" and "The weather
satellite is healthy in orbit". A thing has one state at a time, so a second statement that
opens on the same subject (a content word of the subject phrase in common: "satellite") in the
same state after its verb of being ("healthy") tells bullet 1's fact again, whatever it adds
after; as a bullet it takes the place of the next fact. (``states.same_state`` holds two such
statements to be one fact across the whole page only when they say the same of it after the
state too; a bullet is read right under bullet 1, so the opening statement alone decides here.)

A verb of being followed by "to" or "by" is no state but a passive or an outlook ("is expected
to vote", "was hit by"): two of those on one subject may tell two events.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsloom.summarize.states import BEING
from newsloom.summarize.words import tokens
from newsloom.textkit import STOP_WORDS, stem

# The subject phrase (up to eight words, an apposition in commas allowed: "Veland's newest
# satellite, Aurora-2,"), the verb of being, adverbs that leave the state as it is, an
# optional "not", and the word that tells the state, not followed by "to" or "by".
_OPENING = re.compile(
    r"^\s*(?P<subject>(?:[\w'’.-]+,?\s+){1,8}?)"
    rf"{BEING}\s+"
    r"(?:(?:now|still|already|currently|again)\s+)*"
    r"(?P<negation>not\s+)?(?P<state>[a-z][a-z-]*)\b(?!\s+(?:to|by)\b)"
)
# Words that end a subject phrase before its verb: a clause of its own ("The council that ...
# is"), so what follows the verb is not the opening subject's state.
_CLAUSE = frozenset("that which who whom whose when where while after before because if".split())


@lru_cache(maxsize=8192)
def opening_state(sentence: str) -> tuple[frozenset[str], str] | None:
    """(stems of the subject's head nouns, state) of a statement opening on its subject's
    state, or None."""
    match = _OPENING.match(sentence)
    if not match:
        return None
    parts = [[w.lower() for w in tokens(part)] for part in match.group("subject").split(",")]
    if any(w in _CLAUSE for part in parts for w in part):
        return None
    state = match.group("state")
    if state in STOP_WORDS:
        return None
    # The subject is its head nouns: the last word of the phrase and of each apposition
    # ("satellite" and "Aurora-2"), not the words that qualify them ("newest", "weather").
    heads = {
        words[-1] for words in ([w for w in part if not w.isdigit()] for part in parts) if words
    }
    subject = frozenset(stem(w) for w in heads if w not in STOP_WORDS)
    if not subject:
        return None
    return subject, ("not " if match.group("negation") else "") + stem(state)


def same_subject_state(first: str, later: str) -> bool:
    """``later`` opens on a subject of ``first``'s opening in the same state."""
    a, b = opening_state(first), opening_state(later)
    return a is not None and b is not None and a[1] == b[1] and bool(a[0] & b[0])
