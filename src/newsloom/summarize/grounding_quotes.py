"""Quoted words and their speaker: both must come from one source statement.

A reported statement has two parts, the words said and who said them ("Marta Holm said the
bridge will reopen", "'It makes me sick,' Ilse Varg told the crowd"), and one source statement
gives both. Two errors break that, whatever the text. A quotation whose words no one source
sentence holds whole (two statements' words joined inside one pair of quotation marks, or
words the source never said put between them) presents as someone's exact words what nobody
said in those words (``invented_quotes``). And a claim that copies the words of one statement
and puts another's speaker in front of them ("Holm told supporters 'it makes me sick'" where
the source has Holm tell supporters one thing and Varg tell the crowd the other) reports what
its speaker never said (``misquoted``). FRANK's annotators mark both as errors of the entity or
of the attribution. The speaker check is narrow on purpose: the claim's speaker must be a
name, the reported words must come mostly from one source sentence, and that sentence must
name the speaker of each of its speech verbs in one phrase with it. A sentence that names no
one ("We know where to look.", a quotation going on) or gives its speaker as "he" or "the
minister" leaves the speaker to the sentences around it, which this does not read: it says
nothing either way.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from newsloom.summarize.grounding_runs import TITLES, SourceRuns, copied_runs
from newsloom.summarize.speech import EXCHANGE, REPORT, SAY, VIEW
from newsloom.summarize.words import tokens, tokens_joined
from newsloom.textkit import STOP_WORDS, stem

# Verbs that report what someone said, wrote or claimed: speech.py's verbs that credit words to
# a speaker ("according" is no verb with a subject, so it is read apart below), a warning or a
# plea, and the present and other forms a summary's tag takes ("Holm admits", "Berg alleges").
SPEECH = (
    (SAY - {"according"})
    | REPORT
    | EXCHANGE
    | VIEW
    | frozenset(
        "warned warns urged urges revealed reveals alleged alleges claim states explains "
        "confirms announces declares asks replies admits".split()
    )
)
_ACCORDING = stem("according")
# A quotation: between double quotes ("", “”, tokenised `` ''), curly single ones, or straight
# single ones and backticks that no letter touches on the outside ("the fans' bus" and "Holm's"
# open nothing).
_QUOTED = re.compile(
    r"(?:``|\"|“|‘|(?<!\w)['`])\s*(.+?)\s*(?:''|\"|”|’(?!\w)|(?<!\w)'(?!\w)|'(?=\s|$|[.,;:!?]))"
)
# Any quotation mark: a quotation may open in one sentence and close in another.
_QUOTE_MARK = re.compile(r"``|''|\"|“|”|‘|’(?!\w)|(?<!\w)['`]|'(?!\w)")
# The speaker's own words: a summary tells of people in the third person.
FIRST_PERSON = frozenset(
    "i me my mine myself we our ours ourselves i'm i've i'd i'll we're we've we'd we'll".split()
)
# A quoted word or name ("branded 'eccentric'", "'Doggie'") is a term, not a statement: a
# quotation states something with two content words or more.
QUOTE_WORDS = 2


def invented_quotes(claim: str, src: SourceRuns) -> list[str]:
    """The claim's quotations that no one source sentence holds whole: every word copied in
    runs from one sentence (words it skips may be left out, as "..." would), none from
    another, none the sources do not give there."""
    found = []
    for match in _QUOTED.finditer(claim):
        stems = [stem(w) for w in tokens(match.group(1))]
        if sum(s not in STOP_WORDS for s in stems) < QUOTE_WORDS:
            continue
        runs = list(copied_runs(stems, src))
        whole = sum(length for _, length, _ in runs) == len(stems)
        # A run of function words alone ("it is") occurs in any sentence: where the walk
        # finds it says nothing of where the quotation comes from.
        origins = {
            src.sentence_of[start]
            for i, length, start in runs
            if not all(s in STOP_WORDS for s in stems[i : i + length])
        }
        if not whole or len(origins) > 1:
            found.append(match.group(1))
    return found


def unvoiced(
    claim: str, parts: Sequence[str], src: SourceRuns, sources: Sequence[str]
) -> list[str]:
    """First-person words ("I", "my", "we") of a claim with no quotation mark, in a sentence
    with no speech verb: a speaker's words given without the quotation marks and the speaker
    that tell whose they are, so that the "I" names no one (as a "he" with no one named
    before it does). A first-person word the source writes capitalised inside a sentence is
    part of a title ("her memoir Tell Me Everything"), not a speaker's."""
    if _QUOTE_MARK.search(claim):
        return []
    found = []
    for part in parts:
        words, _ = tokens_joined(part)
        lowered = [w.lower() for w in words]
        if not FIRST_PERSON.intersection(lowered) or SPEECH.intersection(lowered):
            continue
        copied = {
            i + k: start + k
            for i, length, start in copied_runs([stem(w) for w in words], src)
            for k in range(length)
        }
        found += [
            words[k]
            for k, word in enumerate(lowered)
            if word in FIRST_PERSON and not (k in copied and _titled(copied[k], src, sources))
        ]
    return found


def _titled(at: int, src: SourceRuns, sources: Sequence[str]) -> bool:
    """The source writes the word at stream position ``at`` capitalised inside its sentence,
    and it is not "I"."""
    first = bisect_left(src.sentence_of, src.sentence_of[at])
    written = tokens_joined(sources[src.sentence_of[at]])[0][at - first]
    lower = written.lower()
    return at > first and written[:1].isupper() and lower != "i" and not lower.startswith("i'")


def misquoted(claim: str, src: SourceRuns) -> list[str]:
    """Speakers (names) a claim gives words that the source sentence they come from gives to
    someone else it names as their speaker, and sources it cites "according to" that the
    source sentence does not."""
    words, joined = tokens_joined(claim)
    lowered = [w.lower() for w in words]
    stems = [stem(w) for w in words]
    found: list[str] = []
    for verb, word in enumerate(lowered):
        if word not in SPEECH:
            continue
        speaker = _speaker(verb, lowered, joined, src.names)
        if not speaker:
            continue
        # The words reported: after "Holm said", to the end of the sentence; before a closing
        # "Holm said", from its start.
        closing = verb == len(words) - 1
        said = range(0, speaker[0]) if closing else range(verb + 1, len(words))
        origin = _origin([stems[k] for k in said], src)
        if origin is None:
            continue
        named = _source_speakers(origin, src)
        if named and not named & {lowered[k] for k in speaker}:
            found.append(" ".join(words[k] for k in speaker))
    return found + _according(words, stems, src)


def _according(words: Sequence[str], stems: Sequence[str], src: SourceRuns) -> list[str]:
    """The sources a claim cites with "according to" ("..., according to the census") that
    the source sentence its statement comes from does not name, where that sentence cites a
    source of its own (a speech verb or "according to"). The cited source may be a report or
    a body as well as a person: its content words are compared, less those of the statement."""
    found = []
    for at in range(len(words) - 2):
        if stems[at] != _ACCORDING or words[at + 1].lower() != "to":
            continue
        # What it cites runs to the end of the sentence ("according to U.S. census figures":
        # an abbreviation's full stop ends no phrase).
        said = stems[:at]
        cited = {s for s in stems[at + 2 :] if s not in STOP_WORDS} - set(said)
        origin = _origin(list(said), src)
        if not cited or origin is None:
            continue
        start, stop = bisect_left(src.sentence_of, origin), bisect_right(src.sentence_of, origin)
        cites = _ACCORDING in src.stream[start:stop] or any(
            src.words[k] in SPEECH for k in range(start, stop)
        )
        if cites and not cited & set(src.stream[start:stop]):
            found.append(" ".join(words[at + 2 :]))
    return found


def _speaker(verb: int, lowered: list[str], joined: list[bool], names: frozenset[str]) -> list[int]:
    """The positions of the name written in one phrase straight before a speech verb ("Marta
    Holm said", "Mr Holm told"), titles left out; empty when none."""
    start = verb
    while start > 0 and joined[start - 1] and lowered[start - 1] in names:
        start -= 1
    if start == verb and verb > 0 and not joined[verb - 1]:
        # An aside between the name and its verb ("Holm, who chairs the board, said"): the
        # name that opens the sentence, set off by the aside's comma.
        end = 0
        while end < verb and lowered[end] in names:
            if not joined[end]:
                return [k for k in range(end + 1) if lowered[k] not in TITLES]
            end += 1
        return []
    return [k for k in range(start, verb) if lowered[k] not in TITLES]


def _origin(said: list[str], src: SourceRuns) -> int | None:
    """The source sentence that gives at least half of these stems in copied runs with a
    content word, or None."""
    copied: dict[int, int] = {}
    for i, length, start in copied_runs(said, src):
        if all(s in STOP_WORDS for s in said[i : i + length]):
            continue
        sentence = src.sentence_of[start]
        copied[sentence] = copied.get(sentence, 0) + length
    if not copied:
        return None
    origin, count = max(copied.items(), key=lambda item: item[1])
    return origin if 2 * count >= len(said) else None


def _source_speakers(sentence: int, src: SourceRuns) -> set[str]:
    """The names a source sentence gives as the speakers of its speech verbs, each in one
    phrase with its verb ("Holm said", "said Holm"); empty when it has no speech verb or one
    of its verbs has no name beside it ("he said", "the minister said"): who spoke is then
    told elsewhere."""
    start = bisect_left(src.sentence_of, sentence)
    end = bisect_right(src.sentence_of, sentence)
    speakers: set[str] = set()
    for at in range(start, end):
        if src.words[at] not in SPEECH:
            continue
        before = at - 1
        while before >= start and src.joined[before] and src.words[before] in src.names:
            speakers.add(src.words[before])
            before -= 1
        after = at + 1
        while after < end and src.joined[after - 1] and src.words[after] in src.names:
            speakers.add(src.words[after])
            after += 1
        if before == at - 1 and after == at + 1:
            return set()
    return speakers - TITLES
