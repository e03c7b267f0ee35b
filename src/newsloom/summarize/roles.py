"""What part a statement plays in a story: the main event, a reaction, what comes next.

The summary is a plan, not a ranking: bullet 1 states the main event, the paragraphs run what
happened, then reactions, then what comes next, and the takeaways say what to watch. These rules
read the sentence's form (a lede, a quotation, a future tense), which every outlet shares, rather
than weights fitted to a data set.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

MAIN_EVENT_MAX_WORDS = 45

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


def main_event(
    ledes: Sequence[tuple[int, int]], central: np.ndarray, words: Sequence[int]
) -> int | None:
    """The fact that states the main event. ``ledes``: (article index, fact index) of each
    article's first self-contained sentence that names someone; ``central``: each fact's
    centrality with outlet support (position plays no part: every lede leads).

    The most central lede states the event as the story's reports, taken together, tell it. Once
    a story develops, the later reports repeat the development, so the lede that states it
    becomes the most central one (the miners were freed, the offer was raised, the toll rose).
    Ties go to the later article: the latest report of an equally central event.
    """
    usable = [(a, f) for a, f in ledes if words[f] <= MAIN_EVENT_MAX_WORDS] or list(ledes)
    if not usable:
        return None
    return max(usable, key=lambda af: (float(central[af[1]]), af[0]))[1]
