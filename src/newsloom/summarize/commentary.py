"""The writer's commentary and verdicts: sentences a careful editor's summary does not pass on.

A summary page tells what happened, each statement cited. A sentence in which the article's
writer speaks in their own voice, with no one credited, is not news however well it reads:

- an order or a plea to the reader ("Don't panic: ...", "Forget the ...", "Imagine ..."),
- an exclamation outside quotation marks,
- a question the writer asks and does not report anyone asking (a rhetorical question),
- a slang label for the people in the story ("Boffins at the museum ..."),
- a verdict by an evaluative word ("two superb performances", "a dismal first half", "she did
  not disappoint", "the play deserves better") that no one in the sentence is credited with,
- the writer's impression ("the reopening feels less like a ribbon-cutting than a homecoming").

An attributed opinion stays: "the union called the plan reckless, its leader said" reports what
someone said, which is news; so does a quotation (the words inside quotation marks are the
speaker's, not the writer's). These markers hold for any news text in English; a text in
another language simply has none of them.
"""

from __future__ import annotations

import re

from newsloom.summarize.openings import QUOTED
from newsloom.summarize.speech import JUDGE, REPORT, SAY, VIEW, alternation

# Someone credited: a verb of saying or judging with its speaker, a source, or critics named as
# holders of the view ("critics called it", "reviewers praised").
_CREDITING = SAY | REPORT | JUDGE | VIEW
_CREDITED = re.compile(
    rf"\b(?:{alternation(_CREDITING)}|"
    r"critics?|reviewers?|judges?|fans?|supporters?|opponents?|residents?|readers?|viewers?)\b",
    re.IGNORECASE,
)
# An order or a plea to the reader at the sentence's opening: "Don't panic", "Do not miss",
# "Forget the ...", "Imagine ...", "Spare a thought for ...", "Take note".
_IMPERATIVE = re.compile(
    r"^(?:don['’]t|do not|never mind|forget|imagine|spare a thought|take note|make no mistake|"
    r"believe it or not|mark (?:your|the) calendars?|look no further)\b",
    re.IGNORECASE,
)
# Slang labels a tabloid gives to the people it reports on.
_SLANG = re.compile(
    r"\b(?:boffins?|eggheads?|whizz-?kids?|top brass|bigwigs?|fat cats?|do-gooders?|"
    r"jobsworths?|luvvies|sickos?)\b"
)
# A verdict by an evaluative word: praise or blame with no measure behind it. Words a report
# uses of measured things ("record", "strong winds", "severe flooding") are not here, nor words
# that describe a sight ("a stunning image", "dazzling green light"): news tells sights so, and
# the sentence's fact (a meteor seen, an image taken) is the news.
_VERDICT = re.compile(
    r"\b(?:superb(?:ly)?|brilliant(?:ly)?|magnificent(?:ly)?|masterful(?:ly)?|"
    r"masterpiece|sublime|delightful(?:ly)?|spellbinding|mesmeri[sz]ing|exquisite(?:ly)?|"
    r"disappointing(?:ly)?|dismal(?:ly)?|woeful(?:ly)?|lacklustre|lackluster|abysmal(?:ly)?|"
    r"shambolic|dreadful(?:ly)?|laughabl[ey]|pitiful(?:ly)?|"
    r"did not disappoint|didn['’]t disappoint|failed to impress|"
    # What something or someone merits is a judgement ("the play deserves to be judged on its
    # own", "the side deserved more"), not a report, unless someone is credited with it.
    r"deserv(?:e|es|ed)|"
    r"(?:was|is) no accident)\b"
)
# The writer's present impression of the event ("its reopening feels less like a ribbon-cutting
# than a homecoming", "the new fee feels more like a fine than a charge"): "feels like" in the
# present, outside quotation marks and with no one credited, is nobody's but the writer's. (A
# past "felt like" may be a witness's account retold, and "I feel like" is a speaker's.)
_IMPRESSION = re.compile(r"\bfeels (?:less |more |much more |a lot )?like\b")


# A name whose mark is part of it ("reports Yahoo!"): no exclamation of the writer's.
_NAMED_MARK = re.compile(r"\bYahoo!", re.IGNORECASE)


def _unquoted(sentence: str) -> str:
    return _NAMED_MARK.sub("Yahoo", QUOTED.sub(" ", sentence))


def writers_voice(sentence: str) -> str:
    """What marks ``sentence`` as the writer's commentary or verdict (``"imperative"``,
    ``"exclamation"``, ``"question"``, ``"slang"``, ``"verdict"``, ``"impression"``), or ``""``
    when it reports.

    A question or a verdict crediting someone (a verb of saying or judging, a source, critics)
    reports that view and is news; so is a quotation."""
    text = _unquoted(sentence).strip()
    if not text:
        return ""
    # The writer's own form whoever is credited: an order to the reader, an exclamation, a
    # slang label ("Boffins ... say ..." credits the scientists in the writer's mocking word).
    if _IMPERATIVE.search(text):
        return "imperative"
    if text.rstrip("”\"’' )").endswith("!"):
        return "exclamation"
    # The word lists below are matched on the lowered text: one pass without case folding.
    lowered = text.lower()
    if _SLANG.search(lowered):
        return "slang"
    # A question, a verdict or an impression is the writer's unless someone is credited with
    # it (the costlier test, so it is made only when one of them is there).
    if text.rstrip("”\"’' )").endswith("?"):
        kind = "question"
    elif _VERDICT.search(lowered):
        kind = "verdict"
    elif _IMPRESSION.search(lowered):
        kind = "impression"
    else:
        return ""
    return "" if _CREDITED.search(sentence) else kind


def is_commentary(sentence: str) -> bool:
    """``sentence`` is the writer's commentary or verdict (writers_voice)."""
    return bool(writers_voice(sentence))
