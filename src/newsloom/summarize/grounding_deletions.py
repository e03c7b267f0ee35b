"""Deletions that change what a copied phrase says: a copy that skips from a word to the same
word further on in one source phrase.

A copying summarizer (a pointer network, a person pasting) that reaches a word the source says
twice in one phrase can read on after the second mention and drop everything between: "the
mayor paid for her [vote against her] party" becomes "the mayor paid for her party", "the crew
repaired their [boat during their] winter break" becomes "the crew repaired their winter
break", "the film Wind and [Rain and] the singer's debut" breaks a title. Every word the claim
keeps is the source's and in the source's order, so overlap, trigrams and seams see a faithful
copy; but what follows the repeated word now completes the phrase before it: the verb takes
another object, the title another end. A deletion that ends on any other word ("lifted the
[battered] trophy", "has not [yet] signed") keeps the phrase's frame, so it is not read here.
Nor is a skip between two mentions of a preposition: in "a plan for [new homes for] nurses"
what follows the second "for" is the object of a phrase nested in the first one's object, so
"a plan for nurses" drops a link of the chain and keeps a relation the source states (the
plan is for nurses' homes); a determiner, a possessive or a conjunction instead opens a phrase
of its own, and the skip gives its place to another phrase's words.
"""

from __future__ import annotations

from itertools import pairwise

from newsloom.summarize.grounding_runs import SourceRuns, copied_runs
from newsloom.summarize.words import tokens_joined
from newsloom.textkit import stem

# Prepositions: a skip between two mentions of one shortens a chain of phrases (above).
PREPOSITIONS = frozenset(
    "of for in on at to from with by into onto over under about after before against between "
    "during through toward towards across behind beyond near since until upon within without "
    "among".split()
)


def skipped_repeats(claim: str, src: SourceRuns) -> list[str]:
    """The source words (lower-cased, from the repeated word to the one the claim reads on
    with) that a claim (one sentence) skips between two mentions of one word, where the claim
    joins the copied run ending on the first mention to the run that starts after the second,
    both in one phrase of one source sentence (no punctuation between, in the claim or in the
    source), unless that word is a preposition."""
    words, joined = tokens_joined(claim)
    stems = [stem(w) for w in words]
    runs = list(copied_runs(stems, src))
    skipped = []
    for (i, length, start), (j, _, later) in pairwise(runs):
        end = start + length  # the source word after the first run
        if (
            j == i + length  # nothing put between: a pure deletion
            and joined[j - 1]
            and later > end
            and src.sentence_of[start] == src.sentence_of[later]
            and src.stream[later - 1] == src.stream[end - 1]
            and all(src.joined[end - 1 : later])
            and src.words[end - 1] not in PREPOSITIONS
        ):
            skipped.append(" ".join(src.words[end - 1 : later + 1]))
    return skipped
