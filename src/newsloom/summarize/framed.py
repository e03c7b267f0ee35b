"""Facts once by the event frame: one fact told again in other words.

toldagain.py drops a statement every word of which the page has said. Outlets tell one fact in
their own words, each adding a few ordinary ones: "Nimbus says owners will get a full refund or a
replacement" and later "Owners can return the phone for a full refund of the purchase price or
receive a replacement fitted with a new battery". What makes them one fact is their frame: the
same act or its noun ("refund"), the same object or count, the same actor, in the same order, so
at least FRAME_WORDS content words of the earlier statement come back in its order, WORDS_IN_FRAME
of them lower-case words (the act and its object, not names alone), the later statement's subject
among them. The later statement then gives way, unless it adds a fact of its own:

- a number, a name, a role, a day or a time of day the page has not told (toldagain.checkable),
  or a name the earlier statement lacks outside a clause set off by commas (another actor, place
  or thing: "The new Skylark 4 balloon is to take off from ..." after another balloon
  took off from there);
- a clause of its own whose words the page has not all said: a second clause (a semicolon, a
  colon, a dash, ", and", "and" before a verb, a "that" clause) or one set off by commas (",
  which ...", ", triggering ...", ", made from ..."); an alternative ("or receive a
  replacement") is the same act;
- a cause or a consequence ("because", "after", "blamed", "in response"), a denial, a
  superlative the page has not said ("the most powerful"), a date in words the page has not said
  ("last month");
- more words the page has not said than words it has: the frame is then the smaller part;
- an opening circumstance ("In the faulty batch, that film was thinner"): its frame is not the
  statement's own.

A dropped fact is worse than a repeat, so each of these keeps the statement.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsloom.summarize.lede import FUNCTION_WORDS
from newsloom.summarize.openings import REPORTING
from newsloom.summarize.retelling import lemma, name_key
from newsloom.summarize.toldagain import Page, checkable
from newsloom.summarize.words import SEASONS, numbers_in, tokens
from newsloom.textkit import stem

# The act, its object and who did it or where: four words of the earlier statement in its
# order, two of them lower-case (a name or a number alone is no act).
FRAME_WORDS, WORDS_IN_FRAME = 4, 2
# Words that give a cause or a consequence, English and French.
_CAUSE = frozenset(
    "because since after due causing caused leading led thanks therefore consequently so "
    "response blame blamed blames attributed parce car puisque après donc grâce réponse".split()
)
# Denials toldagain.checkable does not read ("cannot"): a denial tells another fact.
_DENIAL = frozenset("cannot nor neither aucun aucune".split())
_DETERMINER = r"(?:the|a|an|their|its|his|her|le|la|les|des|un|une|son|sa|ses|leur|leurs)"
_AUXILIARY = r"(?:is|are|was|were|will|would|has|have|had|can|could|est|sont|a|ont|va|vont)"
# Where a second clause begins: a semicolon, a colon, a dash, ", and", ", but", a "that" clause,
# or "and" before a verb (an auxiliary, a past form, "said", a word and then its object's
# determiner: "and publish their readings").
_SECOND_CLAUSE = re.compile(
    r";|:|\s[-–—]\s|,\s+(?:and|but|et|mais)\s|\s(?:that|que)\s"
    rf"|\s(?:and|et)\s+(?={_AUXILIARY}\s|[a-z]+ed\s|said\s|says\s|[a-z]+\s+{_DETERMINER}\s)"
)
# A relative or participle clause set off by a comma, up to the next comma: ", which ...",
# ", named ...", ", triggering ...", ", made from ...".
_SET_OFF = re.compile(
    r",\s+(?:which|who|whose|where|qui|dont|où|[a-z]+(?:ing|ed)|[a-z]+\s+(?:by|from|with|par|de))"
    r"\b[^,;]*"
)
_SUPERLATIVE = re.compile(r"\b(?:most|least|plus|moins)\s+[^\W\d_]+", re.IGNORECASE)
_WHEN = re.compile(
    r"\b(?:last|next|earlier|later|previous|this|dernier|dernière|prochain|prochaine)\s+"
    rf"(?:week|month|year|season|{'|'.join(SEASONS)}|semaine|mois|année|an)\b",
    re.IGNORECASE,
)
_OPENING_PREPOSITION = frozenset(
    "in on at for from with during after before since until "
    "dans en sur pour avec après avant pendant depuis".split()
)
_COMPOUND = re.compile(r"(?<=[^\W_])-(?=[^\W\d_])")  # "cave-adapted" is "cave adapted"


@lru_cache(maxsize=8192)
def _frame_words(text: str) -> tuple[tuple[str, bool], ...]:
    """(key, whether a lower-case word) of each content word of ``text`` in order: a number as
    its digits, a name as its key, any other word as its lemma."""
    names = checkable(text).names
    found = []
    for word in tokens(_COMPOUND.sub(" ", text)):
        lower = word.lower()
        number = numbers_in([word])
        if number:
            found.append((min(number), False))
        elif lower not in FUNCTION_WORDS and len(word) > 2 and stem(lower) not in REPORTING:
            key = name_key(word)
            found.append((key, False) if key in names else (lemma(word), True))
    return tuple(found)


def _in_order(
    earlier: tuple[tuple[str, bool], ...], later: tuple[tuple[str, bool], ...]
) -> list[int]:
    """Indexes of ``later``'s words in a longest run of ``earlier``'s words in the same order."""
    n, m = len(earlier), len(later)
    longest = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            longest[i][j] = (
                longest[i + 1][j + 1] + 1
                if earlier[i][0] == later[j][0]
                else max(longest[i + 1][j], longest[i][j + 1])
            )
    found, i, j = [], 0, 0
    while i < n and j < m:
        if earlier[i][0] == later[j][0]:
            found.append(j)
            i, j = i + 1, j + 1
        elif longest[i + 1][j] >= longest[i][j + 1]:
            i += 1
        else:
            j += 1
    return found


def adds_fact(text: str, before: list[str], page: Page) -> bool:
    """``text`` tells something the page (``before``, read into ``page``) has not: the list in
    the module docstring."""
    found = checkable(text)
    words = tokens(text)
    said_before = " ".join(before).lower()
    if (
        found.denies
        or any(number not in page.counts for number, _ in found.counts)
        or not (found.names <= page.keys and found.marked <= page.marked)
        or {w.lower() for w in words} & (_CAUSE | _DENIAL)
        or (words and words[0].lower() in _OPENING_PREPOSITION)
        or any(m.group().lower() not in said_before for m in _SUPERLATIVE.finditer(text))
        or any(m.group().lower() not in said_before for m in _WHEN.finditer(text))
        or 2 * len(found.said - page.said) > len(found.said)
    ):
        return True
    clauses = [m.group() for m in _SET_OFF.finditer(text)]
    clauses += _SECOND_CLAUSE.split(_SET_OFF.sub(",", text))[1:]
    return any(
        not (checkable(clause).said <= page.said and checkable(clause).names <= page.keys)
        for clause in clauses
    )


def frame_told(text: str, before: list[str], page: Page) -> bool:
    """A statement of ``before`` (the page so far, read into ``page``) has told ``text``'s
    fact in its frame, and ``text`` adds no fact of its own (module docstring)."""
    if adds_fact(text, before, page):
        return False
    words = _frame_words(text)
    plain = [key for key, lower in words if lower]
    if not plain:
        return False
    subject = plain[0]
    named = checkable(_SET_OFF.sub(",", text)).names
    for earlier in before:
        if not named <= checkable(earlier).keys:
            continue
        frame = [words[k] for k in _in_order(_frame_words(earlier), words)]
        if (
            len(frame) >= FRAME_WORDS
            and sum(lower for _, lower in frame) >= WORDS_IN_FRAME
            and subject in {key for key, _ in frame}
        ):
            return True
    return False
