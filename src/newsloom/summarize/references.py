"""Does a sentence lean on a name that the text before it never gives?

A sentence that opens with a pronoun ("He said ...") or with the description a source uses for
someone it has just named ("The 39-year-old ...") is only right if the earlier sentences name
that person. When a sentence is lifted out of its place, the reference points at whoever the
summary mentioned last. This coreference error is the one annotators find most often in
summaries that copy their sources (FRANK's CorefE). Names are compared as written, so cased
sources also serve lower-cased summaries.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from newsloom.summarize.grounding_links import described, tied_names
from newsloom.textkit import STOP_WORDS

PRONOUNS = frozenset("he she they his her their him them".split())  # not "it": "It is time ..."
MIN_OVERLAP = 0.4  # share of a sentence's content words its origin (a source sentence) must hold
LOOK_BACK = 3  # source sentences before the origin searched for the name a reference points to
OPENING_SHARE = 3  # a subject named in the origin's first third of words is the one it is about
# Words that tie a sentence to the one before without naming anyone: "However, he had instead
# taken ..." opens with "he" as much as "He had taken ..." does.
CONNECTIVES = frozenset("and but so yet then now however instead meanwhile also still".split())
# A relative pronoun stands for the name just before it ("Ivo Sarn, who has been charged").
RELATIVES = frozenset(("who", "whom"))
# Plural pronouns also stand for things and groups that no name gives ("the stone markers ...
# They were lit at night"): what they mean may be a common noun.
PLURAL = frozenset(("they", "their", "them"))


def names(words: Sequence[str]) -> set[str]:
    """Capitalised words, lower-cased; an opening word only when it is not a stop word."""
    return {
        w.lower()
        for i, w in enumerate(words)
        if w[:1].isupper() and (i > 0 or w.lower() not in STOP_WORDS)
    }


def _opening(words: Sequence[str]) -> str:
    """A sentence's first word after any connectives, lower-cased."""
    return next((w.lower() for w in words if w.lower() not in CONNECTIVES), "")


def unresolved(
    words: Sequence[str],
    earlier: set[str],
    overlap: np.ndarray,
    source_words: Sequence[Sequence[str]],
    text_of: Sequence[int],
) -> bool:
    """True when ``words`` (one sentence) refers to someone ``earlier`` (the lower-cased words
    before it) never names. ``overlap``: per source sentence, the share of the sentence's
    content stems it holds; ``source_words`` are the source sentences and ``text_of`` the source
    text each belongs to: a name is looked for only in the same text."""
    if not words or not len(overlap):
        return False
    origin_at = int(np.argmax(overlap))
    if overlap[origin_at] < MIN_OVERLAP:
        return False
    origin = source_words[origin_at]
    opens_pronoun = _opening(words) in PRONOUNS
    origin_pronoun = bool(origin) and _opening(origin) in PRONOUNS
    # "The 39-year-old ...", copied with its opening from a source that names no one there.
    description = (
        len(words) > 2
        and words[0].lower() == "the"
        and [w.lower() for w in origin[:2]] == [w.lower() for w in words[:2]]
        and not names(origin[:3])
    )

    def antecedent() -> set[str]:
        for at in range(origin_at - 1, max(-1, origin_at - 1 - LOOK_BACK), -1):
            if text_of[at] != text_of[origin_at]:
                break
            if found := names(source_words[at]):
                return found
        return set()

    if opens_pronoun and not earlier:
        return True  # a pronoun that opens a text names no one
    if opens_pronoun or description:
        if origin_pronoun or description:
            meant = antecedent()
            if _opening(words) in PLURAL:
                meant |= _subject_before(origin_at, source_words, text_of)
        else:  # the sentence put a pronoun where its origin names the subject
            meant = names(origin[: max(1, len(origin) // OPENING_SHARE)])
            meant = _relative_subject(words, origin) or meant
        return bool(meant) and not meant & earlier
    if origin_pronoun:
        # The sentence put a name where its origin has a pronoun: it must be the one meant.
        given = {w.lower() for w in words[:4]} - {w.lower() for w in origin} - STOP_WORDS
        meant = antecedent()
        # Or a description the sources tie to a name ("the nine-year-old" for "nine-year-old
        # Toby"): right when that name is the one meant (grounding_links.py).
        given |= tied_names(described(words, origin), source_words)
        return bool(given and meant) and not given & meant
    return False


def _subject_before(
    origin_at: int, source_words: Sequence[Sequence[str]], text_of: Sequence[int]
) -> set[str]:
    """The content words (lower-cased) opening the source sentence before the origin: the
    subject that a plural pronoun opening the origin most often goes on about ("The stone
    markers guided pilots. They were lit at night."), a name or a common noun."""
    if not origin_at or text_of[origin_at - 1] != text_of[origin_at]:
        return set()
    before = source_words[origin_at - 1]
    return {w.lower() for w in before[: max(1, len(before) // OPENING_SHARE)]} - STOP_WORDS


def _relative_subject(words: Sequence[str], origin: Sequence[str]) -> set[str]:
    """The name a relative clause the sentence copies is about: "he has been charged" copied
    from "... coach Ivo Sarn, who has been charged ..." puts the pronoun where the origin has
    "who", and "who" stands for the name just before it, not for the origin's subject."""
    after = [w.lower() for w in words[1:3]]
    lowered = [w.lower() for w in origin]
    if len(after) < 2 or _opening(words) not in ("he", "she"):
        return set()
    for at in range(1, len(lowered) - 1):
        if lowered[at : at + 2] == after and lowered[at - 1] in RELATIVES:
            name: set[str] = set()
            for word in reversed(origin[: at - 1]):
                if not word[:1].isupper():
                    break
                name.add(word.lower())
            return name
    return set()
