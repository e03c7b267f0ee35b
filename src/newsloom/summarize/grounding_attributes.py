"""Does a claim give each attribute of a name to the holder its sources give it to?

News text pins attributes to names in two places: before the name ("former Veland captain
Nils Arden", "41-year-old bus driver Carl Wren") and, for an age, straight after it
between commas ("Tobias Lind, 25,"). FRANK's annotators count an attribute given to the
wrong holder among entity errors: "former Veland captain Nils Arden" when the article's
captain is Harlan, "Tobias Lind, 26," when 26 is Jonas Holm's age, "Peter Vale, 37,"
when 37 is his son Owen's, "unlicensed landlords" when the article's unlicensed things are
houses. Every word of such a claim may be in the article; what is wrong is whom it sits next
to. Two signs tell it (``misattributed``):

- the sources state the attribute only next to other names, never next to this one or anyone
  that names this holder more or less fully ("Vale", "Owen Vale": one man; "Peter Vale"
  is another), nor on its own ("the 39-year-old") in a sentence that names the holder or next
  to one;
- an attribute word of the sources never stands in or next to a sentence that names the
  holder: the article does not say it of them anywhere a reader would link it to them.

An attribute word the sources never use is an invented word (grounding.py counts those), and a
possessive name ("Barcelona's training ground") describes the word after it, not itself.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsloom.summarize.grounding_relations import NEGATORS
from newsloom.summarize.grounding_runs import TITLES, SourceRuns
from newsloom.summarize.words import tokens_joined
from newsloom.textkit import STOP_WORDS, stem

# Words of a premodifier read back from a name: "former Veland rugby captain Aled Morrow".
PRE_WORDS = 4
# An age stated between commas after a name has one or two digits ("Smith, 32,").
AGE_DIGITS = 2
# Sentences this close tell of one person: "Brennan was hurt. The 22-year-old, from Port
# Alder, ..." gives the age to Brennan.
NEAR = 1
# Words after which the next one is a verb, not the first word of a description.
_VERB_LEADS = frozenset(
    "to have has had will would can could may might must shall should do does did".split()
)


def misattributed(claim: str, src: SourceRuns) -> list[str]:
    """The attributes a claim (one sentence) puts next to a name that its sources give to
    another holder or never say of this one, each as "attribute -> name"."""
    words, joined = tokens_joined(claim)
    keys = [_key(w) for w in words]
    stems = [stem(k) for k in keys]
    names = frozenset(_key(n) for n in src.names) - TITLES
    sentences = _sentence_words(src)
    found = []
    for start, end in _groups(words, keys, joined, names):
        if _modifies(words, end):
            continue
        group = frozenset(keys[start:end])
        attribute = _premodifier(keys, stems, joined, names, start)
        age = (
            [stems[end]]
            if end < len(words)
            and not joined[end - 1]
            and keys[end].isdigit()
            and len(keys[end]) <= AGE_DIGITS
            else []
        )
        held = {k for k, said in sentences.items() if said & group}
        near = set().union(*(sentences.get(k + d, set()) for k in held for d in (-NEAR, 0, NEAR)))
        named = " ".join(keys[start:end])
        for attached in (attribute, age):
            if attached and _given_to_another(attached, group, src, names, sentences):
                found.append(f"{' '.join(attached)} -> {named}")
                continue
            found += [
                f"{word} -> {named}"
                for word in attached
                if word in src.positions and word not in near
            ]
    return found


def _key(word: str) -> str:
    """A word as a name is compared: lower case, one apostrophe, no possessive "'s"."""
    word = word.lower().replace("’", "'")
    return word[:-2] if word.endswith("'s") else word


def _possessive(word: str) -> bool:
    return word.replace("’", "'").lower().endswith("'s")


def _groups(
    words: Sequence[str], keys: Sequence[str], joined: Sequence[bool], names: frozenset[str]
) -> list[tuple[int, int]]:
    """(start, end) of each run of names in one phrase: "Tobias Lind", "Nils Arden"."""
    groups = []
    i = 0
    while i < len(keys):
        if keys[i] not in names:
            i += 1
            continue
        j = i + 1
        while (
            j < len(keys) and joined[j - 1] and keys[j] in names and not _possessive(words[j - 1])
        ):
            j += 1
        groups.append((i, j))
        i = j
    return groups


def _modifies(words: Sequence[str], end: int) -> bool:
    """The names ending before ``end`` are a possessive: they describe what follows them
    ("Barcelona's training ground"), they are not described. A name before another word of its
    phrase may be either ("British tourists", "Lind met"): it is read as described."""
    return _possessive(words[end - 1])


def _premodifier(
    keys: Sequence[str],
    stems: Sequence[str],
    joined: Sequence[bool],
    names: frozenset[str],
    start: int,
) -> list[str]:
    """The content stems straight before the name at ``start`` in its phrase, read back to a
    function word. None when a name stands before them: "Villa host QPR" is a subject and its
    verb, not a description of QPR."""
    k = start
    while (
        k > 0
        and start - k < PRE_WORDS
        and joined[k - 1]
        and stems[k - 1] not in STOP_WORDS
        and keys[k - 1] not in NEGATORS
    ):
        k -= 1
    if k == start or keys[k] in names or (k > 0 and joined[k - 1] and keys[k - 1] in names):
        return []
    if k > 0 and keys[k - 1] in _VERB_LEADS:
        k += 1  # "to sign midfielder Wright", "have signed Barrow's Keating": a verb first
    return [s for s, key in zip(stems[k:start], keys[k:start], strict=True) if key not in TITLES]


def _sentence_words(src: SourceRuns) -> dict[int, set[str]]:
    """Per source sentence, its stems and its words as names are compared."""
    sentences: dict[int, set[str]] = {}
    for at, root in enumerate(src.stream):
        sentences.setdefault(src.sentence_of[at], set()).update((root, _key(src.words[at])))
    return sentences


def _given_to_another(
    attribute: Sequence[str],
    group: frozenset[str],
    src: SourceRuns,
    names: frozenset[str],
    sentences: dict[int, set[str]],
) -> bool:
    """Every source statement of the attribute sits next to names, none of them this holder's,
    and none stands alone near a sentence naming the holder."""
    length = len(attribute)
    starts = [
        at
        for at in src.positions.get(attribute[0], ())
        if src.stream[at : at + length] == list(attribute)
    ]
    another = False
    for at in starts:
        holders = _holders(at, at + length, src, names)
        if holders and (holders <= group or group <= holders):
            return False
        if holders:
            another = True
            continue
        sentence = src.sentence_of[at]
        if any(sentences.get(sentence + d, set()) & group for d in (-NEAR, 0, NEAR)):
            return False
    return another


def _holders(at: int, end: int, src: SourceRuns, names: frozenset[str]) -> set[str]:
    """The names a source attribute at ``at``..``end`` belongs to: those straight after it in
    its phrase (unless they modify the word after them), or straight before it."""
    sentence = src.sentence_of[at]
    after: set[str] = set()
    k = end
    while (
        k < len(src.stream)
        and src.sentence_of[k] == sentence
        and src.joined[k - 1]
        and _key(src.words[k]) in names
    ):
        after.add(_key(src.words[k]))
        k += 1
    if after and (
        _possessive(src.words[k - 1])
        or (
            k < len(src.stream)
            and src.sentence_of[k] == sentence
            and src.joined[k - 1]
            and src.stream[k] not in STOP_WORDS
        )
    ):
        after = set()
    before: set[str] = set()
    k = at - 1
    while k >= 0 and src.sentence_of[k] == sentence and _key(src.words[k]) in names:
        before.add(_key(src.words[k]))
        if k == 0 or not src.joined[k - 1]:
            break
        k -= 1
    return after | before
