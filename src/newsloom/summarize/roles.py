"""What part a statement plays in a story: the main event, a reaction, what comes next.

The summary is a plan, not a ranking: bullet 1 states the main event, the paragraphs run what
happened, then reactions, then what comes next, and the takeaways say what to watch. These rules
read the sentence's form (a lede, a quotation, a future tense), which every outlet shares, rather
than weights fitted to a data set.
"""

from __future__ import annotations

import re

MAIN_EVENT_MAX_WORDS = 45  # a longer lede is not a bullet; which lede leads is lede.py's call

_QUOTE = re.compile(r"[\"“”]")
_PRESENT = re.compile(
    r"\b(?:is|are|remains?|has been|have been|is still|are still|continues? to|stands?)\b",
    re.IGNORECASE,
)
_REACTION = re.compile(
    r"\b(?:welcomed?|critici[sz]ed?|condemned?|praised?|argued?|urged?|vowed?|warned?|"
    r"called (?:it|the|for)|described (?:it|the)|reacted|responded|angered|furious|delighted)\b",
    re.IGNORECASE,
)
_NEXT = re.compile(
    r"\b(?:will|plans? to|planned|expected to|is due|are due|due to|next (?:week|month|year|"
    r"season|step)|must|is set to|are set to|intends? to|aims? to|hopes? to|would (?:need|have "
    r"to)|by the end of|within \w+ (?:days|weeks|months|years)|deadline|review|inquiry|"
    r"investigation|vote|ratif\w+|could|may)\b",
    re.IGNORECASE,
)


def describes_present(sentence: str) -> bool:
    """A statement about how things stand ("are trapped", "is boring a hole", "have been
    waiting"), which a later development can make untrue, unlike what happened."""
    return bool(_PRESENT.search(sentence))


def is_quotation(sentence: str) -> bool:
    return bool(_QUOTE.search(sentence))


def is_reaction(sentence: str) -> bool:
    """Somebody's words or judgement about the event, not the event itself."""
    return is_quotation(sentence) or bool(_REACTION.search(sentence))


def looks_ahead(sentence: str) -> bool:
    """A consequence or a next step: what a reader should watch for."""
    return bool(_NEXT.search(sentence))
