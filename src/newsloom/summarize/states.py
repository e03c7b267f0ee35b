"""Facts once when one known thing's state is told again in other words.

Outlets close a story on where a thing stands, each in their own words: "The inquiry is ongoing
and has been slowed by leads abroad" and "The inquiry is still pending, with complications from
its reach abroad"; "The ferry is now scheduled to sail tomorrow evening" and "The ferry is
scheduled to leave again on Friday evening". The words differ, so ``openings.repeats`` sees two
facts. What they share is the subject, a thing the page already knows by its noun ("The
inquiry", "The Kestrel ferry"), the same state after its verb of being ("is scheduled", or
"ongoing" and "pending": one state, not finished) and something more said of it in the same
word family ("complicated", "complications"). A thing has one state at a time, so two such
statements tell one fact, unless the shorter brings a name or a number the other does not (a
new party, a new figure: news of its own).
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsloom.summarize.words import CALENDAR, numbers_in, same_word_family, tokens
from newsloom.textkit import STOP_WORDS, stem

# A verb of being, as news tells a state: "is", "were", "remains".
BEING = r"(?:is|are|was|were|remains?|remained)"
# "The [up to four words] noun is|was|remains [now|still ...] state": a thing known by its
# noun (lower case: a common noun, not a name) and the word that tells its state.
_STATE = re.compile(
    r"^\s*The\s+(?:[\w'’.-]+\s+){0,4}?([a-z][a-z-]*)\s+"
    rf"(?:{BEING}|(?:has|have|had)\s+been)\s+"
    r"(?:(?:now|still|already|currently|also|again|yet)\s+)*"
    r"(not\s+)?([a-z][a-z-]*)"
)
# A thing not finished, in any of the words news uses for it: one state.
_UNFINISHED = frozenset("ongoing pending continuing underway unfinished unresolved".split())
# Two words are one family when one stem begins the other and that beginning is a word's
# worth ("complicat" in "complicated" and "complications"); shorter beginnings are chance.
_FAMILY = 5


def _state_word(word: str) -> str:
    return "unfinished" if word in _UNFINISHED else stem(word)


@lru_cache(maxsize=8192)
def _state(sentence: str) -> tuple[str, str, str] | None:
    """(subject noun, state, the rest) of a statement that opens on a known thing's state, or
    None. A stop word after the verb ("is a", "was in") tells no state of its own."""
    match = _STATE.match(sentence)
    if not match:
        return None
    noun, negation, word = match.group(1), match.group(2), match.group(3)
    if noun in STOP_WORDS or (word in STOP_WORDS and word not in _UNFINISHED):
        return None
    state = ("not " if negation else "") + _state_word(word)
    return stem(noun), state, sentence[match.end() :]


def states(sentence: str) -> frozenset[str]:
    """The subject and state a statement opens on ("flight|schedul"), for grouping: the
    statements to compare with same_state share one."""
    found = _state(sentence)
    return frozenset({f"{found[0]}|{found[1]}"}) if found else frozenset()


def _rest_words(rest: str) -> set[str]:
    """What else a statement says of its subject: its content words, days and months aside
    (every statement of one day's story may name the day)."""
    return {
        stem(w)
        for w in tokens(rest)
        if w.lower() not in STOP_WORDS and w.lower() not in CALENDAR and len(w) > 1
    }


def _anchors(sentence: str) -> set[str]:
    """Names (capitalised words after the first, days and months aside: a day is a time,
    told as "tomorrow" elsewhere) and numbers."""
    words = tokens(sentence)
    names = {
        w
        for w in words[1:]
        if w[:1].isupper() and w.lower() not in STOP_WORDS and w.lower() not in CALENDAR
    }
    return names | numbers_in(words)


def same_state(a: str, b: str) -> bool:
    """Two statements that open on the same known thing in the same state (states) and say one
    more thing of it in common, in one word family, where the shorter names no one and gives no
    number the other does not: one state, told twice."""
    found_a, found_b = _state(a), _state(b)
    if not found_a or not found_b or found_a[:2] != found_b[:2]:
        return False
    rest_a, rest_b = _rest_words(found_a[2]), _rest_words(found_b[2])
    if not any(same_word_family(x, y, _FAMILY) for x in rest_a for y in rest_b):
        return False
    shorter, longer = sorted((a, b), key=lambda s: len(tokens(s)))
    return _anchors(shorter) <= _anchors(longer)
