"""Statements that are no fact of the event: a description of how a thing is, and a view held.

Bullets 2-3 are the next most important facts of the story (issue 16): what happened, who did
what, what it cost, what comes next. Two kinds of statement a story carries tell none of that,
whatever the story, and so are bullets only when no other fact is left (extractive, as a scene
is, scenes.py); they stay in the body, where they explain.

A description tells how a thing is or works, as a review or a manual does: "Riders steer the
little tram through a painted valley", "Most of the toy's appeal lies in its wooden wheels,
carved on a lathe". It is said in the timeless present: no verb in the past, the perfect, the
future or the progressive, nothing that dates it (a day, "now", "this week"), nothing counted
(a figure tells what happened or how much), no one named in full or by role (a person's deed is
an event), no one credited (a statement credited to someone reports what they said) and no
list of what a thing of the news holds ("The leaked files include card numbers"). A
"-ed" word after a determiner or a preposition ("a painted valley", "a track of painted
bridges") or opening a phrase after a comma ("wheels, carved on a lathe") describes a noun; it is
no verb of the sentence.

A description is a fact of the story when the story is the thing itself: bullet 1 then says
how it is, in the timeless present too ("The new phone folds in half like a wallet"), as a
product unveiled or a find described is told.

A view is what someone holds, not what happened: "Its founder argues that the value was never in
the hardware". It is a stance: a verb of holding a view (speech.VIEW: argue, insist, believe,
think) with a claim that gives no figure and tells nothing someone will do. "The union insists
it will strike on Monday" announces a step, "argued that 40 jobs were at risk" gives a figure to
check: both are facts. A view is the news when the story is a reaction; then it is bullet 1, or
no other fact is left, and it is still a bullet.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsloom.summarize.openings import full_names
from newsloom.summarize.people import ROLES
from newsloom.summarize.speech import FORECAST, JUDGE, REPORT, SAY, VIEW, alternation
from newsloom.summarize.words import COUNTS, MONTHS, WEEKDAYS

# English function words: a French sentence (the newsroom's other language) is not read.
_ENGLISH = frozenset(
    "the of and with to for in an its their his her through from at by across over into onto "
    "under is are".split()
)
# Verb forms that place a statement in time: the past, the perfect, the future and the modals of
# what may come. "can" is not one: what a thing can do describes it ("Visitors can bring ...").
_TENSED = frozenset(
    """
    was were had has have did been will would could may might must should shall
    made took gave got went came became found left won lost beat led met put set cut hit let saw
    sold paid fell rose broke kept held brought bought thought knew grew drew threw flew wrote drove
    spoke stood sent spent built fought struck shot fled hid ran began sat meant felt lay laid lit
    dug hung sang sank swam rang wept quit stole split spread hurt shut upset
    """.split()
)
# Counting words: a count tells how much or how many, a fact of the event.
# The counts in words (words.COUNTS) and the larger ones, scales, shares and ranks.
_COUNTS = frozenset(COUNTS) | frozenset(
    """
    twenty thirty forty fifty hundred hundreds thousand thousands million millions billion
    billions dozen dozens half percent first second third
    """.split()
)
# What a thing of the news holds ("The leaked data includes card numbers", "The bill contains
# a ban"): its contents are a fact of the event, not a description of how it works.
_CONTENTS = frozenset(
    "include includes contain contains comprise comprises consist consists".split()
)
# Words that date a statement or say what is planned: then it tells a moment or a step.
# A day, a month or a time that dates it. (The month "May" is a modal too, which _TENSED
# refuses as well.)
_DATED = re.compile(
    r"\b(?:today|tonight|yesterday|tomorrow|now|currently|recently|soon|again|ago|since|until|"
    rf"week|weekend|month|year|years|season|{'|'.join(WEEKDAYS + MONTHS)}|"
    r"plans?|expects?|intends?|aims?|hopes?)\b",
    re.IGNORECASE,
)
# Someone credited with the words, or quoted: a report of what they said.
_CREDITED = re.compile(
    rf"\b(?:{alternation(SAY | REPORT | JUDGE | FORECAST | VIEW)})\b|[\"“”]", re.IGNORECASE
)
# The progressive: something under way now ("is rapidly becoming", "are growing").
_PROGRESSIVE = re.compile(r"\b(?:is|are|am)\s+(?:\w+ly\s+)?\w+ing\b", re.IGNORECASE)
_CONTRACTED = re.compile(r"(?:n['’]t|['’](?:ve|ll|d))$")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d|,")
_DETERMINERS = frozenset(
    "a an the one its his her their our my your every each no some this".split()
)
# A participle phrase after a comma describes the noun before it: ", carved on a lathe".
_PHRASE_START = frozenset("by on in with from at for as under into onto".split())
_PREPOSITIONS = frozenset("of by on in with from at for under into onto through over".split())


@lru_cache(maxsize=65536)  # every candidate of a story is read again at each refresh
def describes(sentence: str) -> bool:
    """A description of how a thing is or works, in the timeless present (module docstring)."""
    words = _WORD.findall(sentence)
    lowered = [w.lower() for w in words]
    if not _ENGLISH & set(lowered):
        return False
    if _DATED.search(sentence) or _CREDITED.search(sentence) or _PROGRESSIVE.search(sentence):
        return False
    if full_names(sentence) or any(w in ROLES for w in lowered):
        return False
    if any(w.isdigit() or w in _COUNTS or w in _CONTENTS for w in lowered):
        return False
    return _timeless(lowered)


def _timeless(lowered: list[str]) -> bool:
    """No verb form of the past, the perfect or the future among the words (lower-cased)."""
    for k, word in enumerate(lowered):
        if word in _TENSED or _CONTRACTED.search(word):
            return False
        if word.endswith("ed") and not _describing(lowered, k):
            return False
    return True


def tells_event(sentence: str) -> bool:
    """A sentence telling something that happened or will: a verb in the past, the perfect or
    the future. A lede in the timeless present tells how a thing is ("The new phone folds in
    half"): its story is the thing, and a description of it is a fact of that story."""
    return not _timeless([w.lower() for w in _WORD.findall(sentence)])


def no_event_fact(sentence: str, lede: str) -> bool:
    """A statement that is no fact of the event bullet 1 (``lede``) tells: a description, when
    the lede tells an event, or a view (module docstring)."""
    return (describes(sentence) and tells_event(lede)) or holds_view(sentence)


def _describing(lowered: list[str], k: int) -> bool:
    """The "-ed" word at ``k`` describes a noun: after a determiner or a preposition ("a painted
    valley", "a track of painted bridges": no finite verb follows either), or opening a phrase
    after a comma ("wheels, carved on a lathe")."""
    before = lowered[k - 1] if k else ""
    after = lowered[k + 1] if k + 1 < len(lowered) else ""
    if before in _DETERMINERS or before in _PREPOSITIONS:
        return True
    return before == "," and after in _PHRASE_START


# Holding a view. Not "claimed" or "declared": a claim of responsibility or a declared emergency
# is a deed.
_HOLDING = VIEW - {"claimed", "claims", "declared"}
_VIEW = re.compile(
    rf"^(?P<who>[^,;:\"“”]{{1,80}}?)\s+(?:had\s+)?(?:{alternation(_HOLDING)})\s+(?!of\b|about\b)"
    r"(?:that\s+)?(?P<claim>[^\"“”]+)$",
    re.IGNORECASE,
)
# A subject that is a clause of its own ("As she contends with ..."), or already credits words.
_NOT_SUBJECT = re.compile(
    rf"^(?:as|when|while|if|although|though|because|after|before)\b|"
    rf"\b(?:{alternation(SAY | REPORT)})\b",
    re.IGNORECASE,
)
# What someone will or may do: an announcement, not a view.
_ANNOUNCES = re.compile(
    r"\b(?:will|would|shall|could|may|might|plans?|planned|intends?|intended|expects?|"
    r"going to)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=65536)
def holds_view(sentence: str) -> bool:
    """Someone's view (module docstring): "<someone> argues that <a claim>", the claim giving no
    figure and telling nothing anyone will do."""
    found = _VIEW.match(sentence.strip())
    if not found or _NOT_SUBJECT.search(found.group("who")):
        return False
    claim = found.group("claim")
    if re.search(r"\d", claim) or _ANNOUNCES.search(claim):
        return False
    return not any(w.lower() in _COUNTS for w in _WORD.findall(claim))
