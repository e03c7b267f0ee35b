"""Facts once when one count is told again with the same deed.

"Fans waited hours in online queues as all fourteen dates sold out" and "By lunchtime all
fourteen concerts had sold out" give one fact: the same number, and right after it the same
deed in a past form ("sold"), whatever the counted thing is called. Two statements that merely
give the same number ("will play fourteen dates", "none of the fourteen dates is north of
Carrow") say different things of it, and stay. (The same number of the same thing without a
deed, "près de trois semaines d'avance" twice, is not judged here: counting two shared words
after a number as one fact cost NeuS R2 19.59 -> 19.47.)
"""

from __future__ import annotations

from functools import lru_cache

from newsloom.summarize.deeds import IRREGULAR_PAST, deed_lemma
from newsloom.summarize.words import numbers_in, tokens

COUNT_REACH = 3  # words after a number that say what it counts and what was done to it
# A rank ("the first Aurora satellite") or a magnitude alone ("1 million" beside "two million")
# counts nothing of its own.
_NOT_COUNTS = frozenset("first second third hundred thousand million billion".split())


@lru_cache(maxsize=8192)
def counted(text: str) -> dict[str, frozenset[str]]:
    """Per number the text gives, the deed_lemma of the past forms within COUNT_REACH words
    after it ("fourteen concerts had sold out" -> {"14": {"sold"}}). Cached: every pair of a
    story's statements that share a number asks it."""
    words = tokens(text)
    found: dict[str, frozenset[str]] = {}
    for k, word in enumerate(words):
        if word.lower() in _NOT_COUNTS:
            continue
        # The word right after the number describes what is counted ("all fourteen trapped
        # men"); the deed comes after the counted thing ("fourteen dates sold out").
        after = [w.lower() for w in words[k + 2 : k + 1 + COUNT_REACH]]
        done = frozenset(deed_lemma(w) for w in after if _past(w))
        for number in numbers_in([word]):
            found[number] = found.get(number, frozenset()) | done
    return found


def same_count(a: str, b: str) -> bool:
    """The two statements give one number and, right after it, the same deed."""
    one, other = counted(a), counted(b)
    return any(one[number] & other[number] for number in one.keys() & other.keys())


def _past(word: str) -> bool:
    """A past form: "sold", "freed", "injured"; not "need", "red" or "speed"."""
    if word in IRREGULAR_PAST:
        return True
    return len(word) > 4 and word.endswith("ed") and not word.endswith("eed")
