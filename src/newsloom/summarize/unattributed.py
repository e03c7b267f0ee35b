"""A quotation with no speaker on the page: somebody's words nobody is credited with.

A reporter quotes over several sentences and names the speaker once, in the sentence that
closes the quotation or in the one before it:

    'The ferry was never built for that sea. We told them so in March,' the harbour master said.

Cut into sentences, the first one opens a quotation that it never closes; the speaker stands in
a sentence the page may not show. A quoted sentence standing whole, with nothing outside its
marks ("“Nobody warned us about the tide.”"), is the same: the name of whoever said it is in a
sentence before. On a page either one is an opinion or a claim without its owner, and nothing
tells the reader whether the mayor, a rival or a passer-by said it (French quotes the same way,
« Nous ne prendrons aucun risque. », with « » marks).

A quotation that closes before the sentence ends is either tagged ("..., the harbour master
said") or a title ("“The Tide” opens on Friday"), and stays. So does a sentence that does not
open on a quotation mark: its quoted words sit inside a statement of the writer's.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsloom.summarize.speech import EXCHANGE, REPORT, SAY, alternation

# The marks that open a quotation and the ones that may close it. A straight or curly single
# mark closes only where it is not an apostrophe: after a non-space and not before a letter or
# digit ("Y'know", "don’t" and "Jones’s" close nothing).
_OPENING = re.compile(r"^\s*[\"“«‘']")
_CLOSING = {
    '"': re.compile(r"[”\"]"),
    "“": re.compile(r"[”\"]"),
    "«": re.compile(r"»"),
    "‘": re.compile(r"(?<=\S)[’'](?![\w])"),
    "'": re.compile(r"(?<=\S)[’'](?![\w])"),
}
# A tag crediting only a pronoun: "...,' he added." names no one once the sentence leaves its
# article (openings.unnamed_speaker reads the same in double quotation marks).
_PRONOUN_TAG = re.compile(
    rf"^\s*,?\s*(?:(?:he|she|they)\s+(?:{alternation(SAY | REPORT | EXCHANGE)})|"
    rf"(?:{alternation(SAY | REPORT | EXCHANGE)})\s+(?:he|she|they))\b",
    re.IGNORECASE,
)
# What may follow the closing mark of a quotation that is the whole sentence: end punctuation.
_ONLY_END = re.compile(r"^[\s.!?…\"”’»']*$")


@lru_cache(maxsize=65536)  # read for every candidate at each placement of a story
def unattributed_quotation(sentence: str) -> bool:
    """The sentence opens a quotation and either never closes it (its speaker is named in a
    later sentence), closes it only at its very end with no one credited outside the marks, or
    credits it to a pronoun ("..., we told them,' she said.")."""
    found = _OPENING.match(sentence)
    if not found:
        return False
    mark = found.group(0).strip()
    rest = sentence[found.end() :]
    closing = _CLOSING[mark].search(rest)
    if closing is None:
        return True
    after = rest[closing.end() :]
    return bool(_ONLY_END.match(after) or _PRONOUN_TAG.match(after))


# A closing mark that no mark in the sentence opened: the quotation began in a sentence before.
# Copy mixes its marks ("the role of “principal deputy director."), so a curly or a straight
# double mark is opened by either; "''" closes in wire copy that opens with "``" (and "''" opens
# too in some: an even number of them pair up); a straight double mark closes when the sentence
# holds an odd number of them and nothing opened before it.
_UNOPENED: tuple[tuple[tuple[str, ...], str], ...] = (
    (("“", '"'), "”"),
    (("«",), "»"),
    (("``",), "''"),
    (("“",), '"'),
)


def _unopened_close(sentence: str) -> int:
    """The index just after the first closing mark ``sentence`` never opened, or -1."""
    for openers, closing in _UNOPENED:
        at = sentence.find(closing)
        if at < 0 or any(mark in sentence[:at] for mark in openers):
            continue
        if closing == "''" and sentence.count("''") % 2 == 0:
            continue  # "an ''intimate relationship''": opened and closed with the same mark
        if closing == '"' and sentence.count('"') % 2 == 0:
            continue  # straight marks that pair up
        return at + len(closing)
    return -1


# French credits a pronoun by inversion: "», a-t-il dit", "», affirme-t-elle", "», dit-il".
_FRENCH_PRONOUN_TAG = re.compile(r"^\s*,?\s*[\w’'-]*?-(?:t-)?(?:il|elle|ils|elles)\b")


@lru_cache(maxsize=65536)
def closes_unopened_quotation(sentence: str) -> bool:
    """The sentence does not open on a quotation mark but closes one it never opened, and credits
    no one by name: "The harbour, of course, keeps its old rules.''" or "..., there's
    a case for it,'' she said." is the end of somebody's words whose opening, and whose
    speaker, are in a sentence the page does not show. With a named speaker after the close
    ("..., '' said Varga.") the words are credited, and stay."""
    if _OPENING.match(sentence):
        return False  # unattributed_quotation reads a sentence that opens on a mark
    end = _unopened_close(sentence)
    if end < 0:
        return False
    after = sentence[end:]
    return bool(
        _ONLY_END.match(after) or _PRONOUN_TAG.match(after) or _FRENCH_PRONOUN_TAG.match(after)
    )
