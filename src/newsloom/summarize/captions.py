"""Captions and clip blurbs told as sentences: a picture's or a video's label, not a report.

A news article tells its events in the past or the perfect ("Firefighters fought the blaze",
"the analyst said"). The label under a photo or a video tells one act in the simple present, as
if the reader were looking at it, and names the moment the picture was taken in full; an
extractor that keeps the figure's text hands it over as one more sentence. Three forms are
refused, each true of any news page:

- A scene dated in full: a weekday together with a full date and its year ("Rowers wait at the start
  line on Sunday, May 4, 2025, before the race.") with no verb in the past or the perfect anywhere
  in it, or a full date standing at the head of a sentence with no comma after its year, a
  caption's time stamp run into its text ("Nov. 2, 2016 The crew celebrates ..."). Prose names
  a weekday for the days around the report and a date for older ones; the two together with
  the year are the caption's way of stamping its picture. Prose that does use them tells a past
  act ("the bank said Friday, Dec. 29, 2017, that ..."), and is left alone.
- A clip's blurb: a named person, or a witness or a reporter, who "discusses", "describes",
  "explains" or "talks about" a topic, or who simply "reports." ("Analyst Jo Marr discusses the
  port deal.", "A witness describes the first moments of the fire.", "Ann Lee and Bo Dahl
  discuss the season."). Speech in a report is told in the past with what was said ("Marr said
  the deal would ..."); the present with only the topic names what the clip holds, and the clip
  is not on the page.
- A share bar's labels run into the caption after them ("Facebook Twitter Pinterest The crowd
  waits ..."): furniture whatever follows.

Headlinese ("Council approves budget"), a continuing state ("The ferry runs twice a day") and the
present of a review ("The game opens on a beach") carry neither a full date nor a clip's verb, so
none of the forms reads them; "reports that ..." and "explains that ..." carry what was said and
are statements, not blurbs.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

from newsloom.summarize.words import IRREGULAR_SIMPLE_PAST, MONTHS

_MONTH = (
    r"(?:(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?|"
    + "|".join(month.capitalize() for month in MONTHS)
    + ")"
)
_WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?)"
# "Tuesday, Dec. 5, 2017", "Mon, June 9, 2014".
_DATED = re.compile(rf"\b{_WEEKDAY},?\s+{_MONTH}\s+\d{{1,2}},\s+\d{{4}}\b")
# A time stamp at the head, its year run into the caption: "Nov. 2, 2016 The crew ...".
_STAMPED = re.compile(rf"^{_MONTH}\s+\d{{1,2}},\s+\d{{4}}\s+[A-Z]")

# Past and perfect forms, and the modals a caption never takes: any one makes the sentence a
# report of what happened rather than a picture's label.
_PAST = (
    frozenset("was were had has have did would could might will said told".split())
    | IRREGULAR_SIMPLE_PAST
)
# After these an "-ed" word is a participle of the present passive or an adjective ("is seen",
# "the injured"), not a past tense.
_BEFORE_PARTICIPLE = frozenset(
    "is are be been being get gets a an the its his her their our my your this that these those "
    "of".split()
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")

# People a clip is about when no name is given: "A witness describes ...", "Our reporter ...".
_PERSON = (
    r"(?:witness|eyewitness|survivor|resident|neighbou?r|student|parent|teacher|fan|victim|"
    r"concertgoer|passenger|expert|analyst|doctor|nurse|official|reporter|correspondent|editor|"
    r"spokes(?:man|woman|person))"
)
_UNNAMED = re.compile(rf"^(?:A|An|One|Our|Their)\s+(?:[a-z]+\s+)?{_PERSON}$")
# Stems one of which every _BLURB_VERB match holds: a cheap test before the regex.
_BLURB_STEMS = (
    "discuss", "describe", "explain", "talk", "weigh", "break", "reflect", "open", "report",
)  # fmt: skip
# A clip's verb after its subject; the subject is what stands before it (is_caption).
_BLURB_VERB = re.compile(
    r"\s(?:(?:discuss(?:es)?|describes?|explains?|talks? (?:about|to|with)|weighs? in|"
    r"breaks? down|reflects? on|opens? up about)\b(?!\s+that\b)|reports?\s*\.?\s*$)"
)


def _is_named(subject: str) -> bool:
    """A name as a clip's subject: capitalised words with at least two in a row ("Jo Marr"),
    joined by "and", a possessive outlet or a lower-case role before a name ("Bloomberg's Jo
    Marr", "Director Ann Lee and stars Bo Dahl")."""
    words = subject.split()
    for i, word in enumerate(words):
        if word[:1].isupper() or word == "and":
            continue
        # A lower-case role stands before a name, never at the end.
        if i + 1 == len(words) or not words[i + 1][:1].isupper():
            return False
    return any(a[:1].isupper() and b[:1].isupper() for a, b in itertools.pairwise(words))


@lru_cache(maxsize=65536)  # every candidate of a story is read again at each refresh
def is_caption(sentence: str) -> bool:
    """True when ``sentence`` is a photo caption, a video blurb or a share bar run into a
    caption (module docstring)."""
    text = sentence.strip()
    if _SHARE_BAR.match(text):
        return True
    if any(q in text for q in '"“”'):
        return False
    # A full date holds its year after a comma (", 2017"): a cheap test before the regexes.
    if (
        (", 19" in text or ", 20" in text)
        and (_DATED.search(text) or _STAMPED.match(text))
        and not _tells_past(text)
    ):
        return True
    if not any(verb in text for verb in _BLURB_STEMS):
        return False
    found = _BLURB_VERB.search(text)
    if found is None:
        return False
    # The subject: from the head of the sentence to the verb, one phrase (no comma, colon or
    # semicolon), capitalised.
    subject = text[: found.start()]
    if not 3 <= len(subject) <= 81 or not subject[0].isupper() or any(c in subject for c in ",;:"):
        return False
    return (_is_named(subject) or bool(_UNNAMED.match(subject))) and not _tells_past(subject)


# Two or more share buttons' labels in a row at the head of a sentence.
_SHARE_BAR = re.compile(
    r"^(?:(?:Facebook|Twitter|Pinterest|WhatsApp|LinkedIn|Reddit|Email|Messenger)\s+){2,}"
)


def _tells_past(text: str) -> bool:
    """A past or perfect form, a modal, or an "-ed" word that is no participle: a participle
    follows a form of "be" or a determiner, takes "by" after it ("released by"), or is joined
    into a compound ("snow-covered")."""
    words = [w.lower() for w in _WORD.findall(text)]
    for i, word in enumerate(words):
        if word in _PAST:
            return True
        if word.endswith("ed") and "-" not in word and len(word) > 4:
            before = words[i - 1] if i else ""
            after = words[i + 1] if i + 1 < len(words) else ""
            if before not in _BEFORE_PARTICIPLE and after != "by":
                return True
    return False
