"""Facts that pin down *which* event a document reports: the score, the age at death, the magnitude
its opening states.

Two reports of one event word everything differently, but they do not disagree on the final score,
on the age of the man who died or on the magnitude of the quake; two events of one kind (two
matches, two deaths, two quakes) nearly always do. A fact counts against a match only when both
sides state one of the same type: a document that gives no score is no evidence either way.

Facts are read from the title and the opening sentences only: that is where a report states its
own event, while later paragraphs recall other matches and earlier quakes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A final score next to the result it settles: "31-24 victory", "beat the Harriers, 31-24",
# "Kestrels beat Herons 20 - 13". A record ("13-2"), a range ("40-70%") or a series tally is not one.
_SCORE = re.compile(
    r"\b(\d{1,3})\s?[-–]\s?(\d{1,3})\s+(?:win|wins|victory|defeat|loss|triumph|rout|draw)\b"
    r"|\b(?:beat|beats|top|tops|defeat|defeats|defeated|edge|edges|rout|routs|down|downs|lose to"
    r"|loses to|lost to)\s+(?:the\s+)?(?:(?:host|visiting)\s+)?(?:[A-Z][\w.'’]*\s*){1,3},?\s+"
    r"(\d{1,3})\s?[-–]\s?(\d{1,3})\b(?![-–%])",
)
# The age of someone who died: "dies at 95", "died aged 75", "dead at 75".
_AGE_AT_DEATH = re.compile(
    r"\b(?:dies|died|dead|passed away)\b,?\s+(?:at|aged|at the age of)\s+(\d{2,3})\b", re.IGNORECASE
)
# A quake's magnitude: "magnitude 6.1", "6.1-magnitude", "measuring 6.1", "6.1 on the Richter".
_MAGNITUDE = re.compile(
    r"\bmagnitude[- ](?:of\s+)?(\d(?:\.\d)?)\b|\b(\d\.\d)\s?[- ]magnitude\b|"
    r"\bmeasuring\s+(\d\.\d)\b|\b(\d\.\d)\s+on the richter\b",
    re.IGNORECASE,
)
# Where a report states its own event: the title and the first sentences (the news lead).
OPENING_SENTENCES = 3
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n")


@dataclass(frozen=True)
class EventFacts:
    """What a document states about its event; every field empty when it states nothing."""

    scores: frozenset[str] = frozenset()  # "13-20": both sides, the smaller first
    ages: frozenset[str] = frozenset()  # age at death of whoever died
    magnitudes: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.scores or self.ages or self.magnitudes)

    def __or__(self, other: EventFacts) -> EventFacts:
        return EventFacts(
            scores=self.scores | other.scores,
            ages=self.ages | other.ages,
            magnitudes=self.magnitudes | other.magnitudes,
        )


def event_facts(title: str, text: str) -> EventFacts:
    """The facts stated in the title and the opening sentences of ``text``."""
    opening = "\n".join(
        [title, *_SENTENCE_END.split(text, maxsplit=OPENING_SENTENCES)[:OPENING_SENTENCES]]
    )
    return EventFacts(
        scores=frozenset(
            "-".join(sorted((p for p in m.groups() if p is not None), key=int))
            for m in _SCORE.finditer(opening)
        ),
        ages=frozenset(m.group(1) for m in _AGE_AT_DEATH.finditer(opening)),
        magnitudes=frozenset(
            next(g for g in m.groups() if g is not None) for m in _MAGNITUDE.finditer(opening)
        ),
    )


def conflict(ours: EventFacts, theirs: EventFacts) -> str:
    """Why ``ours`` and ``theirs`` are facts of two different events ("" when nothing disagrees):
    both state a fact of one type and share none of its values."""
    for name, mine, other in (
        ("scores", ours.scores, theirs.scores),
        ("ages at death", ours.ages, theirs.ages),
        ("magnitudes", ours.magnitudes, theirs.magnitudes),
    ):
        if mine and other and not mine & other:
            return f"{name} differ ({', '.join(sorted(mine))} vs {', '.join(sorted(other))})"
    return ""
