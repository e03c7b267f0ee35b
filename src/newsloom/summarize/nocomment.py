"""A statement that someone gave no comment, and nothing else.

"The council did not respond to requests for comment." or "In an email, the prosecutor's office
declined to comment." tells the reader what a source did not say: no event, figure or view of the
story. In the article it tells the reader the writer asked; read alone on a summary page it is a
statement with no news in it, and it takes the place of one. Only a sentence whose one main clause
is the refusal is left out: "The club confirmed the sale but declined to comment on the fee" tells
the sale (a tensed verb outside the refusal, mainverb.has_tensed_verb), and a refusal told with a
reason the reader can check ("declined to comment, citing the inquiry") keeps its clause too.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsloom.summarize.mainverb import has_tensed_verb

# A refusal to comment: the verb of not saying ("declined to comment", "did not immediately
# respond", "could not be reached"). Its one home: watch.py reads it too.
REFUSAL = (
    r"\b(?:declined|declines|refused|refuses|would not|will not|did not|does not|could not|"
    r"didn['’]t|wouldn['’]t|won['’]t|couldn['’]t|has not|have not|had not)\s+"
    r"(?:immediately\s+|yet\s+)?(?:to\s+)?"
    r"(?:comment|respond|reply|elaborate|return\s+(?:a\s+|an\s+)?"
    r"(?:calls?|messages?|emails?|requests?)|be\s+reached)\b"
)
# The refusal to its end: the verb of not saying, then what was asked ("to requests for comment",
# "on the ruling", "to a message seeking comment"), up to the full stop. A comma ends it: what
# follows one ("..., citing the inquiry", "..., and the vote goes ahead") is more than the refusal.
_REFUSAL = re.compile(rf"{REFUSAL}[^,;:]*[.!]?[\"”’]?\s*$", re.IGNORECASE)


@lru_cache(maxsize=65536)  # every candidate of a story is read again at each refresh
def only_refusal(sentence: str) -> bool:
    """The sentence ends on a refusal to comment, and what comes before it holds no tensed verb of
    its own: the refusal is all it states."""
    found = _REFUSAL.search(sentence)
    return found is not None and not has_tensed_verb(sentence[: found.start()])
