"""A place or thing an article named in full and then by its last word: "the hall".

An article names a thing once ("the Tessalian Community Hall on Rope Walk") and after that
writes "the hall", "the ship", "the court": the article's own earlier sentence tells the reader
which one. Lifted onto a summary page, "Families at the hall waited for news" points at a hall
the page has not named, wherever in the sentence it stands. Not every "the <noun>" asks for an
antecedent ("the government", "the storm surge", "the second half"): this one does because the
story's own articles name a thing whose name ends in that noun, so the noun is the short form of
a name. The summarizer writes the name in its place from the sentence's own article
(``name_short_references``: deterministic, nothing invented, the statement still cited to the
article that wrote it) when the article named one such thing before the sentence; the
readability evaluation counts those the page leaves unnamed (``unnamed_short_references``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from newsloom.summarize.mainverb import FINITE
from newsloom.summarize.openings import POSSESSIVE
from newsloom.summarize.people import ROLES
from newsloom.summarize.words import tokens
from newsloom.textkit import STOP_WORDS, stem

# Capitalised words in a run, with the joiners names carry ("Bank of Veland").
_NAME = re.compile(r"\b[A-Z][\w'’&-]*(?:\s+(?:(?:of|de|du|van|von)\s+)?[A-Z][\w'’&-]*)+")
# "the <noun>" not followed by what says which one itself: an "of" phrase, a relative clause,
# or a name ("the hall on Rope Walk", "the ship Gannet").
_SHORT = re.compile(
    r"\b([Tt]he)\s+([a-z][a-z-]+)\b(?!['’]s\b)"
    r"(?!\s+(?:of|which|that|who|where|whose|called|named)\b|\s+(?:\w+\s+)?[A-Z])"
)
Names = dict[str, dict[str, bool]]
# Verbs after a subject that "-ed" and "-s" do not catch: the finite verbs (mainverb.FINITE), and
# "won't" whole (mainverb reads its contraction).
_VERB_CUES = FINITE | {"won't"}
# The nouns news uses for places and bodies it names ("the Tessalian Community Hall", "the
# Harbour Board") and then calls by the noun alone. Other nouns shortened from a name are as often
# an idiom's ("setting the stage", with a "Mars Stage" in the article) or a common noun's.
_PLACES_AND_BODIES = frozenset(
    """
    hall hotel school hospital station club park church cathedral mosque temple museum gallery
    theatre theater cinema stadium arena ground airport port harbour harbor prison jail court
    council committee commission company corporation bank agency bureau institute university
    college academy party union society cooperative co-operative board ministry department
    association foundation centre center library market mine plant factory refinery works
    yard shipyard terminal ship river lake island valley mountain bridge dam tower castle palace
    embassy consulate parliament assembly senate congress festival tournament conference summit
    fund trust charity network channel newspaper restaurant farm estate reserve forest
    """.split()
)
# Capitalised words before a name that are not part of it: an article, or a sentence's first word.
_LEADERS = frozenset(
    """
    the a an in on at since when after before as for from with by but and while if of to
    during under over near inside outside into across after although though because until
    """.split()
)


def thing_names(text: str, found: dict[str, dict[str, bool]] | None = None) -> Names:
    """Per head noun (lower-cased), the names of two words or more that ``text`` gives ending in
    it, each with whether the text writes "the" before it ("hall": {"Tessalian Community Hall":
    True}); added to ``found`` when given. Only places and bodies (_PLACES_AND_BODIES)."""
    found = {} if found is None else found
    for match in _NAME.finditer(text):
        words = match.group(0).split()
        with_the = words[0] == "The" or text[: match.start()].endswith(("the ", "The "))
        while words and words[0].lower() in _LEADERS:
            words = words[1:]  # "The", or a sentence's first word: "Since Cyclone Imre ..."
        owner = next((k for k, w in enumerate(words) if POSSESSIVE.search(w)), -1)
        if owner >= 0:
            # "Veland's Gullhaven National Park": the name is what follows its owner.
            words, with_the = words[owner + 1 :], True
        if len(words) < 2:
            continue
        head = words[-1].lower()
        if head not in _PLACES_AND_BODIES or head in ROLES:
            continue
        named = found.setdefault(head, {})
        name = " ".join(words)
        named[name] = named.get(name, False) or with_the
    return found


def _short_references(
    sentence: str, names: Mapping[str, Mapping[str, bool]]
) -> list[re.Match[str]]:
    """The "the <noun>" phrases of ``sentence`` whose noun is the head of a name in ``names``
    that the sentence does not itself give, and that modifies no noun after it."""
    found = [m for m in _SHORT.finditer(sentence) if m.group(2) in names]
    if not found:
        return []  # most sentences: their own names need no reading
    own = thing_names(sentence)
    return [m for m in found if m.group(2) not in own and not _modifies(sentence[m.end() :])]


def _modifies(after: str) -> bool:
    """The noun is followed by another noun it modifies ("the sea surface", "the club
    secretary"): a lower-case word that is neither a function word nor verb-like."""
    match = re.match(r"\s+([a-z][a-z-]*)\b", after)
    if not match:
        return False
    word = match.group(1)
    verb_like = word.endswith(("ed", "s", "ing")) or word in _VERB_CUES
    return word not in STOP_WORDS and not verb_like


def short_names(
    sentence: str, names: Mapping[str, Mapping[str, bool]]
) -> tuple[tuple[str, str], ...]:
    """(short form, name) for each "the <noun>" of ``sentence`` that shortens the one name
    ``names`` (thing_names of its article's text before it) has ending in that noun: ("the
    hall", "the Tessalian Community Hall"); the name with "the" only when the article writes it
    so. Two names with that head ("Town Hall", "Rope Walk Hall"): none, the article does not
    say which."""
    found = []
    for match in _short_references(sentence, names):
        choices = names[match.group(2)]
        if len(choices) == 1:
            ((name, with_the),) = choices.items()
            found.append((match.group(0), f"{match.group(1)} {name}" if with_the else name))
    return tuple(found)


def name_things_once(
    texts: Sequence[str], pairs: Sequence[Sequence[tuple[str, str]]], headline: str = ""
) -> list[str]:
    """The page's statements in reading order, each short form (``pairs``: short_names of each
    statement) written as its name where the page has not yet given the name's noun (after
    ``headline``): "families at the hall" before any hall is named, not once the page has told
    of the Tessalian Community Hall. A name already given is not repeated, so a statement keeps
    its words wherever the page has said which one."""
    told = {stem(w.lower()) for w in tokens(headline)}
    out = []
    for text, found in zip(texts, pairs, strict=True):
        for short, name in found:
            noun = short.split()[-1]
            if stem(noun) not in told and short in text:
                text = text.replace(short, name, 1)
        out.append(text)
        told |= {stem(w.lower()) for w in tokens(text)}
    return out


def unnamed_short_references(
    sentence: str, names: Mapping[str, Mapping[str, bool]], told: Iterable[str] = ()
) -> list[str]:
    """The short forms in ``sentence`` ("the hall") of names the story's articles give
    (``names``, thing_names) whose noun ``told`` (lower-cased words the page gave before it)
    does not hold."""
    known = {stem(w) for w in told}
    return [m.group(0) for m in _short_references(sentence, names) if stem(m.group(2)) not in known]
