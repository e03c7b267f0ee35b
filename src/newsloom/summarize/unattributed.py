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
