"""Somebody's words without their name: a sentence read from an organisation's or a person's
statement, which its article quotes at length and without quotation marks (issue 16).

An article often gives a company's statement as a run of sentences: "The conduct of two of our
deckhands does not represent our crews. Every ferry line faces such risks. When that happens, we
review it." Its middle sentence says neither "we" nor who speaks, and
read alone as a bullet or a takeaway it is a general claim in the page's voice, where it was the
company's defence. Its form says so in any outlet's text: the sentence before it and the one
after it in its article both speak in the first person ("we", "our", "I") and credit no one;
the sentence between them credits no one either. A sentence that names its speaker ("the
company said") is attributed; a sentence in quotation marks, or beside one, is where a quotation
opens or closes ('"Ines and I feel very lucky." The couple already have two sons.'), and the
writer's own voice may be on its other side.

A turn of a broadcast transcript inside an article, opened by its speaker's label in capitals
("VOSS: That is certainly what the crews say."), is a conversation's line: read alone, nobody
knows whose (speaker_turn; at an article's opening the same form is a dateline, "OSLO: The
ferry ...").

A sentence speaking to its reader is nobody's statement either: "you should update the app"
(openings.speaks_to_reader), or a how-to's step in the imperative, "Tap (Share) on a photo,
and ..." (instructs).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from newsloom.summarize.speech import FRENCH_REPORT, REPORT, SAY, alternation

# The first person outside a name, in English and French: "we", "our", "us", "myself", "nous",
# "je", and "I" before a verb ("US" is the country, and "I" a pronoun only before a verb). "Our
# planet", "our skies" and "our own sun" are everyone's ("a relay between our planet and a probe
# past the comet"). Its one home: watch.py reads it too.
FIRST_PERSON = re.compile(
    r"\b(?i:we|we['’](?:re|ve|ll|d)|ours|ourselves|nous|notre|nos)\b|\b(?:us|my|me|myself)\b|"
    r"\b(?i:our)\b(?! (?i:own )?(?i:planet|skies|sky|solar system|galaxy|milky way|world|moon|"
    r"sun|species|oceans?)\b)|"
    r"\bI(?:['’](?:m|ve|ll|d)\b| (?:am|was|have|had|will|would|think|thought|believe|know|hope|"
    r"feel|want|can|could|do|did|don['’]t|just|really|never)\b)|\b(?i:je)\b|\b(?i:j)['’]\w"
)
_CREDITED = re.compile(
    rf"\b(?:{alternation(SAY | REPORT | FRENCH_REPORT)})\b|\bstatement\b", re.IGNORECASE
)
# Quotation marks: a sentence in them is quoted as such, and its run is the quotation.
_QUOTE_MARK = re.compile(r"[\"“”«»„]")


@lru_cache(maxsize=65536)  # every candidate of a story is read again at each refresh
def _speaks(sentence: str) -> bool:
    """The sentence speaks in the first person and credits no one: a statement read out."""
    return bool(FIRST_PERSON.search(sentence)) and not _CREDITED.search(sentence)


def in_statement(sentences: Sequence[str], position: int) -> bool:
    """The sentence at ``position`` of its article's ``sentences`` sits in a run of someone's
    first-person statement without its speaker's name (module docstring): the sentences either
    side speak in the first person and credit no one, and it credits no one itself."""
    if not 0 < position < len(sentences) - 1:
        return False
    sentence = sentences[position]
    before, after = sentences[position - 1], sentences[position + 1]
    # The first person is rare: asked first, it settles most sentences.
    if not (_speaks(after) and _speaks(before)):
        return False
    if any(_QUOTE_MARK.search(text) for text in (before, sentence, after)):
        return False
    return not _CREDITED.search(sentence)


# An instruction to the reader, in the imperative that opens the sentence: a verb of a how-to
# with what it acts on after it ("Tap (Share) on a photo, and ...", "Go to Settings", "Make
# sure the app is updated", "Tap the icon"). The object's determiner, bracket or preposition
# tells the verb from a noun or an adjective that opens a news sentence ("Press secretary Ana
# Lind said", "Select committee members voted"); verbs with a particle make nouns too ("Turn out
# was low", "Sign-ups rose") and are left out.
_IMPERATIVE = re.compile(
    r"^(?:(?:first|then|next|now|finally|simply|just),?\s+)?"
    r"(?:select|click|tap|press|choose|open|go|head|scroll|swipe|enter|type|visit|download|"
    r"install|update|check|navigate|make sure|be sure|remember|don['’]t forget)"
    r"\s+(?:the|a|an|your|this|that|these|those|to|on|in|into|it|them|"
    r"[(\[“\"‘'])",
    re.IGNORECASE,
)


@lru_cache(maxsize=65536)  # every candidate of a story is read again at each refresh
def instructs(sentence: str) -> bool:
    """The sentence instructs its reader in the imperative ("Tap (Share) on a friend's
    profile, and their activity will appear"): a how-to's step, nobody's statement of the news."""
    return bool(_IMPERATIVE.match(sentence.strip()))


_SPEAKER_LABEL = re.compile(r"^[A-Z]{3,}(?:[ .'’-]+[A-Z]{2,})*:\s")


@lru_cache(maxsize=65536)  # every candidate of a story is read again at each refresh
def speaker_turn(sentence: str, position: int) -> bool:
    """The sentence, at ``position`` in its article, is a transcript's turn opened by its
    speaker's label in capitals; the first sentence's label is a dateline (module docstring)."""
    return position > 0 and bool(_SPEAKER_LABEL.match(sentence))
