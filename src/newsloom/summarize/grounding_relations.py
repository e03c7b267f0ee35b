"""Does a claim keep the relations its sources state: the circumstance and the polarity that a
source sentence gives the statement a claim copies from it?

FRANK's annotators mark two errors that keep every word of the sources and still change what
they say. A circumstance error attaches a time, a place or an occasion to an event the sources
do not attach it to: "Mara, 32, ran her first marathon || after a doctor told her to take
up exercise", the statement copied from one sentence and the "after" clause from
another that tells a later moment; "X is favourite for the Harbour Cup || on April 11", the date
taken from a sentence about another race. Copying summarizers make it at a seam, where the run
a claim copies for its statement ends and the run it copies for the circumstance begins, each
from another part of the text (``borrowed_circumstances``). And a predicate error changes the
relation itself; the one that shows in copied words is a polarity flip, a negation lost ("X has
[not] been charged") or added around a statement the sources make without it
(``flipped_polarity``). A claim that drops a negated clause beside the one it copies ("Stewart
played 133 Tests" from "Stewart, who played 133 Tests, has not been approached") flips nothing:
only a negation standing before the copied words themselves counts.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from newsloom.summarize.grounding_runs import SourceRuns, copied_runs
from newsloom.summarize.words import tokens_joined
from newsloom.textkit import STOP_WORDS, stem

# Words that open a circumstance: a time ("after", "on"), a place ("in", "at"), an occasion
# ("during", "following").
CIRCUMSTANCE = frozenset(
    "after before when while during since until following as on in at near".split()
)
# A copied run of this many words states something of an event (a verb with its argument:
# "tipped the scales", "is favourite for"); a shorter one is a phrase ("the phone", "a fire")
# that a circumstance may qualify wherever the sources name it.
STATEMENT_WORDS = 3
# Sentences this close tell one event: a circumstance read from the sentence after the
# statement's ("He was arrested. It happened on Friday.") is still the event's own.
NEAR = 1
NEGATORS = frozenset("not no never nor neither without cannot".split())
# A negation qualifies the first content word it leads to across function words and adverbs
# ("has not been charged", "did not immediately turn", "has not yet been approached").
NEGATION_REACH = 3
_BETWEEN = frozenset("yet even ever still always also just".split())


def borrowed_circumstances(claim: str, src: SourceRuns) -> list[str]:
    """The circumstances (a run opening with ``CIRCUMSTANCE``) that a claim (one sentence)
    attaches straight after a copied statement, when no source sentence holding the statement
    is, or is next to, one holding the circumstance: each as "statement || circumstance"."""
    words, _ = tokens_joined(claim)
    lowered = [w.lower() for w in words]
    stems = [stem(w) for w in words]
    runs = [
        (i, length)
        for i, length, _ in copied_runs(stems, src)
        if not all(s in STOP_WORDS for s in stems[i : i + length])
    ]
    borrowed = []
    for (i, length), (j, later) in pairwise(runs):
        between = lowered[i + length : j]
        if length < STATEMENT_WORDS or any(stem(w) not in STOP_WORDS for w in between):
            continue
        if lowered[j] not in CIRCUMSTANCE and not (between and between[-1] in CIRCUMSTANCE):
            continue
        statement, circumstance = _holders(stems, i, length, src), _holders(stems, j, later, src)
        if not any(abs(a - b) <= NEAR for a in statement for b in circumstance):
            said = " ".join(lowered[i : i + length])
            borrowed.append(f"{said} || {' '.join(lowered[i + length : j + later])}")
    return borrowed


def flipped_polarity(claim: str, src: SourceRuns) -> list[str]:
    """Copied runs (with a content word) that the claim negates where every source statement of
    them is not negated, or the reverse."""
    words, joined = tokens_joined(claim)
    lowered = [w.lower() for w in words]
    stems = [stem(w) for w in words]
    flipped = []
    for i, length, _ in copied_runs(stems, src):
        run = stems[i : i + length]
        first = next((k for k, s in enumerate(run) if s not in STOP_WORDS), None)
        if first is None:
            continue
        negated = _negated_at(lowered, joined, i + first, first)
        starts = [at for at in src.positions[run[0]] if src.stream[at : at + length] == run]
        found = {
            _negated_at(src.words, src.joined, at + first, first, src.sentence_of) for at in starts
        }
        if found == {not negated}:
            flipped.append(" ".join(lowered[i : i + length]))
    return flipped


def _holders(stems: Sequence[str], i: int, length: int, src: SourceRuns) -> set[int]:
    """The source sentences that hold the claim's run of ``length`` stems from ``i`` whole."""
    run = list(stems[i : i + length])
    return {
        src.sentence_of[at] for at in src.positions[run[0]] if src.stream[at : at + length] == run
    }


def _negated_at(
    words: Sequence[str],
    joined: Sequence[bool],
    at: int,
    inside: int,
    sentence_of: Sequence[int] | None = None,
) -> bool:
    """A negation leads to the word at ``at``: reading back within one phrase (and sentence)
    over function words and adverbs only, ``inside`` of them part of the run itself."""
    for k in range(at - 1, max(-1, at - 1 - NEGATION_REACH - inside), -1):
        if not joined[k] or (sentence_of is not None and sentence_of[k] != sentence_of[at]):
            return False
        word = words[k].replace("’", "'")
        if word in NEGATORS or word.endswith("n't"):
            # "No 2" (number two) is no negation.
            return not (word == "no" and any(map(str.isdigit, words[k + 1])))
        if stem(word) not in STOP_WORDS and word not in _BETWEEN and not word.endswith("ly"):
            return False
    return False
