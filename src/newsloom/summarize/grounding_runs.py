"""Where a claim's copied word runs come from in the sources, and to whom the sources give them.

A claim is walked as greedy longest runs of stems it shares with the sources (Grusky et al.'s
extractive fragments). Two errors live where runs meet. A seam between runs of different
source sentences is where fusion attaches a fact to the wrong subject, place or time
(``fragment_jumps``). And a run that the sources state about one named actor can be given to
another: "Brandt was assistant to former Port Alder manager Otto Brandt" where the source reads
"Keller was assistant to ...", or "Hollis trains Seaspray Lad" built from a sentence about
its trainer ("He trains Seaspray Lad", the "He" opening a sentence about the trainer).
FRANK's annotators mark that wrong actor as an entity error; copying summarizers make it by
pasting a name from elsewhere in front of a copied predicate (``swapped_actors``).
And a run copied from a statement the source hedges ("was allegedly killed", "officials, who are
thought to earn ...", "as she apparently tried to") loses the hedge when the copy leaves it out:
what the source reports as a claim, a belief or a likelihood, the claim states as fact
(``dropped_hedges``). And a claim that keeps both ends of a source phrase but fills the words
between with others taken from elsewhere in the sources ("Bets on [Hanno Pärn] being named
Aurora have doubled" from "Bets on [the new ferry] being named Aurora ...", the skipper named
in another sentence) states the source's frame of another argument (``spliced_slots``): a
paraphrase brings words the sources do not use (counted as invented), a compression drops words
without putting others in their place, and a fuller or shorter naming of the same thing ("Tarvo
Lind" for "Lind", "their coach" for "coach Lind") is neither.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from newsloom.summarize.people import NAME_TITLES
from newsloom.summarize.references import OPENING_SHARE
from newsloom.summarize.words import CALENDAR, same_word_family, tokens_joined
from newsloom.textkit import STOP_WORDS, stem

MIN_RUN = 2  # words in a copied run that counts as a fragment
# A run that opens with one of these attaches a circumstance or a list item to the word before
# it ("Veland at the Port Alder Stadium", "Ilse and Princess Mara"), not a statement about it.
# Words that make a statement a claim, a belief or a possibility rather than a fact. Only their
# lower-case form counts: "May 2" is a date.
HEDGES = frozenset(
    "allegedly alleged alleges allege reportedly apparently supposedly purportedly seemingly may "
    "might could possibly probably likely thought believed suspected claimed claims accused "
    "appears appeared seems seemed".split()
)
# A hedge qualifies the word it leads to within this many words: "allegedly killed", "thought to
# earn", "apparently tried to break up".
HEDGE_REACH = 2
_HEDGE_STEMS = frozenset(stem(word) for word in HEDGES)
# Titles stand before a name without being one: "Mr Brandt" and "Otto Brandt" are one man (the
# attribute and quotation checks read them so too).
TITLES = NAME_TITLES
_PERSONAL = frozenset(("he", "she"))
# Words that stand for someone named elsewhere: putting one in a slot, or a name where the
# source has one, refers to the same person, not to another argument.
_STAND_INS = frozenset("he she him her his hers they them their it its we us our i me my".split())
# A slot is a phrase: an argument, a time, an amount ("the second royal baby", "both times").
# Longer stretches between two pieces of one source sentence are clauses, the fusion that
# ``fragment_jumps`` reads.
SLOT_WORDS = 6
# The shorter of two stems that name one thing in two forms ("georgia" / "georgian",
# "honeybe" / "honeybee") has at least this many letters.
MIN_SHARED_STEM = 4
# A caption's note of where someone stands in the picture, set off between a name and what is
# said of them: "Marsh (centre) is now a pundit".
_ASIDES = frozenset("left right centre center pictured above below top bottom inset".split())
_LINKS = frozenset(
    "in on at for and or nor of to from with by as after before the a an but than into onto over "
    "under near against between during since until via".split()
)


@dataclass(frozen=True)
class SourceRuns:
    """Every source word in reading order, indexed for the run walk."""

    stream: list[str]  # every stem of every sentence, in order
    words: list[str]  # the same words as written, lower-cased
    joined: list[bool]  # word i runs into word i+1 with only spaces between (one phrase)
    sentence_of: list[int]  # sentence index of each word
    positions: dict[str, list[int]]  # where each stem occurs in ``stream``
    names: frozenset[str]  # words the sources write capitalised inside a sentence, never lower
    hedges: frozenset[int] = frozenset()  # where a hedge word (``HEDGES``) occurs in ``stream``


def source_runs(sentences: Sequence[str]) -> SourceRuns:
    stream: list[str] = []
    words: list[str] = []
    joined: list[bool] = []
    sentence_of: list[int] = []
    capitalised: set[str] = set()
    lowered: set[str] = set()
    hedges: set[int] = set()
    for k, sentence in enumerate(sentences):
        found, links = tokens_joined(sentence)
        hedges.update(len(stream) + at for at, word in enumerate(found) if word in HEDGES)
        for position, word in enumerate(found):
            if word[:1].isupper() and position > 0:
                capitalised.add(word.lower())
            elif word[:1].islower():
                lowered.add(word)
        stream += [stem(w) for w in found]
        words += [w.lower() for w in found]
        joined += links
        sentence_of += [k] * len(found)
    positions: dict[str, list[int]] = {}
    for at, word in enumerate(stream):
        positions.setdefault(word, []).append(at)
    names = frozenset(
        w for w in capitalised - lowered if stem(w) not in STOP_WORDS and w not in CALENDAR
    )
    return SourceRuns(stream, words, joined, sentence_of, positions, names, frozenset(hedges))


def copied_runs(claim: Sequence[str], src: SourceRuns) -> Iterator[tuple[int, int, int]]:
    """(claim start, length, a source start) of each run of ``MIN_RUN``+ stems, longest first
    from left to right. Of equally long runs, the one in the sentence the run before came from
    is taken: a copy read with fewer seams explains the same words."""
    i, previous = 0, -1
    while i < len(claim):
        length, start = 0, -1
        for at in src.positions.get(claim[i], ()):
            k = 1
            while i + k < len(claim) and at + k < len(src.stream):
                if src.stream[at + k] != claim[i + k]:
                    break
                k += 1
            if k > length or (k == length and src.sentence_of[at] == previous):
                length, start = k, at
        if length >= MIN_RUN:
            yield i, length, start
            previous = src.sentence_of[start]
        i += max(length, 1)


def _longest(claim: Sequence[str], i: int, src: SourceRuns) -> int:
    """The longest run of the claim's stems from ``i`` that the sources hold."""
    longest = 0
    for at in src.positions.get(claim[i], ()):
        k = 1
        while (
            i + k < len(claim) and at + k < len(src.stream) and src.stream[at + k] == claim[i + k]
        ):
            k += 1
        longest = max(longest, k)
    return longest


def fragment_jumps(claim: Sequence[str], src: SourceRuns) -> int:
    """How often the claim's copied runs come from a different source sentence than the run
    before. A claim copied from one sentence has none; a fusion of three sentences has two. A
    run of function words alone ("has been", "it to") occurs in any sentence: where the walk
    finds it says nothing of where the claim's statement comes from, so it marks no seam. And
    a run that several sentences hold (a caption repeating the body, a name said twice) is read
    from whichever of them gives the fewest seams: where the walk happened to find it first is
    no fusion."""
    # Each run may come from any sentence that holds it whole; the fewest switches count.
    # A run the sources hold across a sentence end (copied in the order the source wrote it)
    # belongs to both sentences: the run after it, read on from the second, marks no seam.
    options = [
        {
            src.sentence_of[at + k]
            for at in src.positions[claim[i]]
            if src.stream[at : at + length] == list(claim[i : i + length])
            for k in range(length)
        }
        for i, length, _ in copied_runs(claim, src)
        if not all(word in STOP_WORDS for word in claim[i : i + length])
    ]
    if not options:
        return 0
    cost = dict.fromkeys(options[0], 0)
    for sentences in options[1:]:
        best = min(cost.values())
        cost = {k: min(cost.get(k, best + 1), best + 1) for k in sentences}
    return min(cost.values())


def swapped_actors(claim: str, src: SourceRuns) -> list[str]:
    """Names the claim puts straight in front of a copied statement that the sources, wherever
    they state it, put straight after another name the claim does not give before it.

    Only phrases count (no comma between name and run on either side: "Tamsin, whose clip has
    80,000 plays on Vimlo, is suing" gives the suing to Tamsin, not Vimlo), and only runs that
    state something about the name (not "on Tuesday" or "and Nils Arden")."""
    words, joined = tokens_joined(claim)
    lowered = [w.lower() for w in words]
    stems = [stem(w) for w in words]
    swapped = []
    runs = {i: length for i, length, _ in copied_runs(stems, src)}
    # A name inside a copied run ("Peter Vale" copied whole, then ", 37, took his boat") may
    # still stand before a statement the sources make of another: the longest run that starts
    # right after it is read too.
    for i in range(1, len(stems)):
        if (
            i not in runs
            and lowered[i - 1] in src.names
            and (length := _longest(stems, i, src)) >= MIN_RUN
        ):
            runs[i] = length
    for i, length in sorted(runs.items()):
        # A capitalised word after "the" ("the Briton", "the Georgian national") describes
        # someone, as "the defender" does: the sources' way to go on about a person they named,
        # not another person (FRANK: 2 faithful summaries failed by it, no wrong one).
        name = lowered[i - 1] if i else ""
        run = stems[i : i + length]
        if (
            name not in src.names
            or name in TITLES
            or not joined[i - 1]
            or (i > 1 and lowered[i - 2] == "the" and joined[i - 2])
            or lowered[i] in _LINKS
            or all(s in STOP_WORDS for s in run)
        ):
            continue
        starts = [at for at in src.positions[run[0]] if src.stream[at : at + length] == run]
        before = [_before(at, src) for at in starts]
        # Who each statement of the run is about: the name before it, or for a "he" or "she"
        # that opens its sentence, whom the sentence before is about (one or more words).
        about = {
            frozenset((_meant(at - 1, src) if word in _PERSONAL else set()) or {word})
            for at, word in zip(starts, before, strict=True)
        }
        actors = set().union(*about)
        # The sources state the run of one actor only (a phrase said of several, "will start",
        # belongs to none), always after a name, not this one, and the claim has not named
        # that actor before (it may describe them between).
        if (
            len(about) == 1
            and actors <= src.names - TITLES
            and name not in actors
            and not actors & set(lowered[: i - 1])
        ):
            swapped.append(words[i - 1])
    return swapped


def dropped_hedges(claim: Sequence[str], src: SourceRuns) -> list[str]:
    """Hedge words that qualify what a claim (its stems, one sentence) copies from a source
    sentence and that the claim leaves out, when the claim has no hedge of its own.

    The origin is the source sentence that gives the claim most of its copied words, at least
    half of them. A hedge qualifies a copied word it leads to within ``HEDGE_REACH`` words of
    one phrase (no punctuation between): "was allegedly killed", "who are thought to earn"; one
    inside an aside the claim skips ("the singer - who claimed the levy would hurt - had made")
    does not.
    """
    runs = list(copied_runs(claim, src))
    copied: dict[int, set[int]] = {}  # origin -> positions of the words copied from it
    for _, length, start in runs:
        copied.setdefault(src.sentence_of[start], set()).update(range(start, start + length))
    if not copied:
        return []
    origin, words = max(copied.items(), key=lambda item: len(item[1]))
    said = set(claim)
    if 2 * len(words) < len(claim) or said & _HEDGE_STEMS:
        return []
    dropped = []
    for at in sorted(src.hedges):
        if src.sentence_of[at] != origin or src.stream[at] in said:
            continue
        # A copied word within reach, with only spaces between it and the hedge.
        for k in range(at + 1, min(at + 1 + HEDGE_REACH, len(src.stream))):
            if not src.joined[k - 1]:
                break
            if k in words:
                dropped.append(src.words[at])
                break
    return dropped


def spliced_slots(claim: Sequence[str], src: SourceRuns) -> list[str]:
    """Per slot, the content stems a claim (its stems, one sentence) puts between two copied
    runs of one source sentence in place of other content words that the source has there,
    when every one of them is a word of the sources (taken from elsewhere, not a paraphrase)
    and neither side only names more or less of what the other names."""
    runs = list(copied_runs(claim, src))
    spliced: list[str] = []
    for k, (i, length, start) in enumerate(runs):
        sentence, end = src.sentence_of[start], start + length
        for j, later, _ in runs[k + 1 :]:
            # The first later run the same source sentence holds after this one.
            after = [
                at
                for at in src.positions[claim[j]]
                if at >= end
                and src.sentence_of[at] == sentence
                and src.stream[at : at + later] == list(claim[j : j + later])
            ]
            if not after:
                continue
            put, kept = claim[i + length : j], src.stream[end : min(after)]
            if put and kept and len(put) <= SLOT_WORDS and len(kept) <= SLOT_WORDS:
                put_content, kept_content = _content(put), _content(kept)
                if (
                    put_content
                    and kept_content
                    and all(word in src.positions for word in put_content)
                    and not _names_within(put_content, kept_content)
                    and not _names_within(kept_content, put_content)
                ):
                    spliced.append(" ".join(put_content))
            break
    return spliced


def _content(stems: Sequence[str]) -> list[str]:
    return [s for s in stems if s not in STOP_WORDS and s not in _STAND_INS]


def _names_within(some: Sequence[str], other: Sequence[str]) -> bool:
    """Every stem of ``some`` is one of ``other``'s, in the same or another form."""
    return all(any(same_word_family(a, b, MIN_SHARED_STEM) for b in other) for a in some)


def _before(at: int, src: SourceRuns) -> str:
    """The source word in the same phrase just before position ``at``, reading past a
    caption's position note ("Marsh (centre) is now a pundit": Marsh); "" when none."""
    if at > 0 and src.sentence_of[at - 1] == src.sentence_of[at]:
        if src.joined[at - 1]:
            return src.words[at - 1]
        if (
            at > 1
            and src.words[at - 1] in _ASIDES
            and not src.joined[at - 2]
            and src.sentence_of[at - 2] == src.sentence_of[at]
        ):
            return src.words[at - 2]
    return ""


def _meant(pronoun: int, src: SourceRuns) -> set[str]:
    """The names a "he" or "she" at source position ``pronoun`` points to: inside a sentence,
    those in its own opening third before it ("Wren hid his face as he walked out of court, where
    he was given bail": Wren); opening a sentence, those in the opening third of the sentence
    before (its subject, as in references.py). Empty when the pronoun opens the text."""
    if pronoun == 0:
        return set()
    sentence = src.sentence_of[pronoun]
    if src.sentence_of[pronoun - 1] == sentence:
        start, end = _sentence_span(pronoun, src)
        stop = pronoun  # only names before the pronoun
    elif src.sentence_of[pronoun - 1] == sentence - 1:
        start, end = _sentence_span(pronoun - 1, src)
        stop = end
    else:
        return set()
    opening = range(start, min(stop, start + max(1, (end - start) // OPENING_SHARE)))
    return {
        src.words[at]
        for at in opening
        if src.words[at] in src.names and not _premodifier(at, start, end, src)
    }


def _premodifier(at: int, start: int, end: int, src: SourceRuns) -> bool:
    """The name at ``at`` modifies a noun in a description ("the Parnu Tigers captain",
    "the Narva club striker"): read after "the" across names only, it leads in one phrase to
    a lower-case content word. The description, not the name, is whom the sentence is
    about."""
    first = at
    while first > start and src.words[first - 1] in src.names and src.joined[first - 1]:
        first -= 1
    last = at
    while last + 1 < end and src.words[last + 1] in src.names and src.joined[last]:
        last += 1
    return (
        first > start
        and src.words[first - 1] == "the"
        and last + 1 < end
        and src.joined[last]
        and src.stream[last + 1] not in STOP_WORDS
    )


def _sentence_span(at: int, src: SourceRuns) -> tuple[int, int]:
    """The stream positions of the source sentence holding position ``at``: (start, end)."""
    sentence = src.sentence_of[at]
    start, end = at, at + 1
    while start > 0 and src.sentence_of[start - 1] == sentence:
        start -= 1
    while end < len(src.stream) and src.sentence_of[end] == sentence:
        end += 1
    return start, end
