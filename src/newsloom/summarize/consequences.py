"""A consequence already told: who or what the news affected, and how, read as a key takeaway
when the story has no next step left to tell (issue 16: "consequences and what to watch").

Its form says whether a sentence tells one, in any outlet's text: an outcome verb with its
affected party, counted or named ("Five people were taken to hospital", "One tram driver is
being treated for injuries", "the station remains closed", "Shares in Ondine Holdings fell 9
percent", "the ferry app is still available for older phones"). What qualifies:

- people harmed or acted on: killed, injured, evacuated, arrested, charged, fined, sacked,
  jailed, treated in or taken to hospital, stranded, left homeless;
- a service or a thing stopped or changed: closed, cancelled, suspended, postponed, banned,
  removed, recalled, grounded, a contract extended, a law or a price changed;
- money lost, paid or raised with its amount, a price or a share moving by a figure;
- a record set ("the largest marathon ever held in Veland", "a record 12,400 runners");
- a state that holds now ("still available", "no longer open").

The party must be there to read: a number, a name (a capitalised word past the sentence's
first) or a party described ("customers who paid ..."), so that "He was arrested" (who?) is not
one. Never a quotation, the writer's commentary or someone's opinion (watch.voiced), a
statement leaning on the one before ("That left ...", "earlier that month"), the event's scene
at a moment of its day ("at 11:20 p.m.", "on Saturday afternoon"), nor background ("In July
2012, a bank error caused ...", "a year ago").

Nor a consequence of a kind the page has told (new_consequence): another outlet's toll ("some
30 civilians were killed") under a bullet 1 that gives the toll is the same news in other
figures, and "was charged" under "indicted" the same charge.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from newsloom.summarize.watch import dated_back, voiced
from newsloom.summarize.words import COUNTS

# Outcomes done to people or things, in the passive ("were evacuated", "has been suspended",
# "is being treated"), the affected party its subject.
_DONE_TO = (
    r"killed|injured|wounded|evacuated|displaced|arrested|detained|charged|fined|sacked|"
    r"dismissed|jailed|imprisoned|sentenced|convicted|hospitali[sz]ed|rescued|stranded|"
    r"laid off|evicted|closed|shut(?: down)?|cancell?ed|suspended|postponed|banned|"
    r"(?:removed|pulled|withdrawn|taken off) (?:from|off)|recalled|grounded|halted|extended|"
    r"scrapped|reinstated|"
    r"taken to (?:a |the )?(?:\w+ )?hospital|treated (?:for|in|at)"
)
_PASSIVE = re.compile(
    rf"\b(?:was|were|has been|have been|is being|are being|is|are|had been)\s+"
    rf"(?:\w+ly\s+|also\s+|still\s+|now\s+)?(?:{_DONE_TO})\b",
    re.IGNORECASE,
)
_COUNTS = "|".join(COUNTS)  # "one" to "twelve" (words.COUNTS)
# People harmed, counted beside the harm ("59 people died", "killing 12", "the deaths of three
# climbers"; not an age or an hour elsewhere in the sentence: "until his death in 1998").
_COUNT = rf"(?:\d[\d,.]*|{_COUNTS}|dozens?|hundreds|thousands)"
_HARMED = re.compile(
    rf"\b(?:killing|injuring|wounding)\s+(?:at least\s+|some\s+|about\s+)?{_COUNT}\b|"
    rf"\b(?:left|leaving)\s+(?:at least\s+|some\s+|about\s+)?{_COUNT}\s+(?:\w+\s+){{0,2}}?"
    r"(?:dead|injured|homeless|stranded|without power)\b|"
    rf"\b{_COUNT}\s+(?:\w+\s+){{0,2}}(?:died|dead|deaths|casualties|fatalities)\b|"
    rf"\bdeaths of (?:at least\s+|some\s+)?{_COUNT}\b",
    re.IGNORECASE,
)
# The same outcomes done by someone to a counted party ("The sting arrested 17 men", "fined
# three clubs"), and what people are now owed ("are eligible for a refund").
_DONE_COUNTED = re.compile(
    rf"\b(?:killed|injured|wounded|evacuated|arrested|detained|charged|fined|sacked|fired|"
    rf"rescued|laid off|displaced)\s+(?:at least\s+|some\s+|about\s+|more than\s+)?"
    rf"{_COUNT}\b(?!\s*(?:yards?|points?|runs?|goals?|shots?|times?)\b)",
    re.IGNORECASE,
)
_OWED = re.compile(
    r"\b(?:is|are|will be|would be)\s+(?:now\s+|also\s+)?(?:eligible|entitled)\s+(?:for|to)\b",
    re.IGNORECASE,
)
# A moment of the day ("at 11:20 p.m.", "on Saturday afternoon"): the sentence tells the event's
# scene as it unfolded, not what it left.
_SCENE = re.compile(
    r"\b\d{1,2}(?:[:.]\d\d)?\s*(?:a\.?m\b|p\.?m\b)|"
    r"\b(?:morning|afternoon|evening|night|midnight|dawn|dusk)\b",
    re.IGNORECASE,
)
# What happened a year or more before ("the pier burned down more than a year ago", "last year"):
# background to the news, not what it left.
_BEFORE = re.compile(
    rf"\b(?:a|\d+|{_COUNTS}|several|many) "
    r"(?:years?|seasons?|decades?) ago\b|\blast (?:year|season)\b",
    re.IGNORECASE,
)
# A subject or a time told by the sentence before ("That left 12 families homeless", "earlier
# that month", "the following day"): read alone as a takeaway, it names nothing.
_LEANS = re.compile(
    r"^(?:that|this|these|those|it|they)\b|"
    r"\b(?:that|the following|the previous|the next) (?:day|week|month|year|night)\b",
    re.IGNORECASE,
)
# A state the news left that holds now, said of its subject ("remains closed", "are still
# available", "is no longer open"; not "the girls still in captivity", which describes them).
_STATE = re.compile(
    r"\b(?:remains?|remained|stays?|(?:is|are|was|were)\s+(?:still|no longer))\s+(?:\w+ly\s+)?"
    r"(?:closed|shut|open|available|suspended|banned|missing|in hospital|in custody|in force|"
    r"offline|off-limits|grounded|captives?|in captivity|homeless|without power)\b",
    re.IGNORECASE,
)
# A price, a share or a figure moving by an amount ("fell 9 percent", "rose by $2"; not a height,
# "rose 49m above the water line").
_MOVED = re.compile(
    r"\b(?:rose|fell|jumped|dropped|slumped|soared|climbed|tumbled|plunged|surged|gained|lost|"
    r"closed (?:down|up)|(?:is|are|was|were) (?:up|down))\s+(?:by\s+)?(?:about\s+|nearly\s+|almost\s+|more than\s+)?"
    r"(?:[$€£¥]\s?\d|\d[\d,.]*\s*(?:%|percent|per cent|points?|cents?|pence)(?!\w))",
    re.IGNORECASE,
)
# Money raised, paid or lost, with its amount ("raised 3.1 million crowns", "paid $4,000"). Not
# what a thing "cost": a price told, with no one it fell on ("The mission cost 390 million").
_MONEY = re.compile(
    r"\b(?:raised|paid|lost|owes?|refunded|awarded)\s+(?:an estimated\s+|about\s+|"
    r"nearly\s+|more than\s+|some\s+)?(?:[$€£¥]\s?)?\d",
    re.IGNORECASE,
)
# A record set: "a record 12,400", "the largest ... ever", "for the first time since".
_RECORD = re.compile(
    r"\b(?:a|the|new|national|world|all-time) record\b(?! (?:of|label|company|store|deal))|"
    r"\b(?:largest|biggest|highest|lowest|deadliest|worst|most)\b[^.;]*\bever\b|"
    r"\bfor the first time (?:since|in)\b",
    re.IGNORECASE,
)
# Who or what was affected: a figure, or a name past the sentence's first word.
_FIGURE = re.compile(
    rf"\d|\b(?:{_COUNTS}|dozens?|hundreds?|thousands?|millions?)\b",
    re.IGNORECASE,
)
# (The first word is a name when it owns something: "Tallow's desktop version".)
_NAME = re.compile(r"(?<=\s)[A-Z][a-z]|^[A-Z][\w-]*['’]s\b")
# Or a party described by what it is to the news ("customers who paid ...", "passengers").
_PARTY = re.compile(
    r"\b(?:customers|passengers|residents|users|workers|employees|staff|drivers|travell?ers|"
    r"tenants|patients|pupils|students|parents|families|households|shoppers|consumers|owners|"
    r"subscribers|members|fans|visitors|investors|shareholders|victims)\b",
    re.IGNORECASE,
)


# Every form above in one pattern: one scan of a sentence that tells none (most of a story's).
_OUTCOME = re.compile(
    "|".join(
        f"(?:{form.pattern})"
        for form in (_PASSIVE, _STATE, _MOVED, _MONEY, _RECORD, _HARMED, _DONE_COUNTED, _OWED)
    ),
    re.IGNORECASE,
)


# A word each form above must contain (its verb, its state word, "record"): a sentence with
# none of them tells none, and most of a story's sentences are read with one set lookup.
_TRIGGERS = frozenset(
    """killed injured wounded evacuated displaced arrested detained charged fined sacked
    dismissed jailed imprisoned sentenced convicted hospitalised hospitalized rescued stranded
    laid evicted closed shut cancelled canceled suspended postponed banned removed pulled
    withdrawn taken recalled grounded halted extended scrapped reinstated treated fired
    remain remains remained stay stays still longer
    rose fell jumped dropped slumped soared climbed tumbled plunged surged gained lost up down
    raised paid owes owe refunded awarded record ever first
    killing injuring wounding left leaving died dead deaths casualties fatalities
    eligible entitled""".split()
)
_WORDS = re.compile(r"[a-z]+")


# A story's sentences are read again each time it is summarised (a refresh, a new article).
@lru_cache(maxsize=16384)
def tells_consequence(sentence: str) -> bool:
    """The sentence tells an outcome with its affected party, counted or named (module
    docstring), in the page's own voice."""
    if _TRIGGERS.isdisjoint(_WORDS.findall(sentence.lower())) or not _OUTCOME.search(sentence):
        return False
    if not (_FIGURE.search(sentence) or _NAME.search(sentence) or _PARTY.search(sentence)):
        return False
    return not (
        _SCENE.search(sentence)
        or _BEFORE.search(sentence)
        or _LEANS.search(sentence)
        or dated_back(sentence)
        or voiced(sentence)
    )


# Kinds of outcome, by the words that tell them: a page that has told one kind (the toll in
# bullet 1: "killed", "injured") tells it again in another outlet's figures ("some 30 civilians
# were killed", "at least 40 people were injured"), and a charge again as "indicted".
_KINDS = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"\b(?:kill(?:s|ed|ing)?|dead|died|dies|deaths?|fatal\w*|toll)\b",
        r"\b(?:injur\w*|wound(?:s|ed)?|hurt|hospitali?\w*|treated)\b",
        r"\b(?:arrest\w*|detain\w*|custody)\b",
        r"\b(?:charg(?:e|es|ed|ing)|indict\w*|convict\w*|sentenc\w*|jail\w*|prison\w*)\b",
        r"\b(?:fired|firing|sack(?:ed|ing)|dismiss\w*|ousted|laid off|lay-?offs?|resign\w*)\b",
        r"\b(?:evacuat\w*|displaced|homeless|fled)\b",
        r"\b(?:clos(?:e|es|ed|ing|ure|ures)|shut\w*|reopen\w*)\b",
        r"\b(?:cancell?\w*|postpon\w*|suspend\w*|suspension|halt\w*)\b",
        r"\b(?:ban(?:s|ned|ning)?|prohibit\w*)\b",
        r"\b(?:remov\w*|pulled|withdr[ae]wn?|recall\w*|taken off)\b",
        r"\b(?:captiv\w*|missing|kidnap\w*|abduct\w*|hostages?)\b",
        # A market's move is one kind whatever moved ("Carrow index closes at 3-year low" then
        # "The index fell 420 points").
        r"\b(?:shares?|stocks?|prices?|profits?|revenue|rose|rises|fell|falls|jumped|dropped|"
        r"slumped|soared|climbed|tumbled|plunged|surged|clos(?:es|ed) (?:at|up|down|higher|lower)|"
        r"(?:is|are|was|were) (?:up|down))\b",
        r"\b(?:record|ever|first time)\b",
        r"\b(?:extend\w*|extension)\b",
    )
)


def told_kinds(said: Sequence[str]) -> frozenset[int]:
    """The kinds of outcome (_KINDS) the statements ``said`` tell, read once per page."""
    return frozenset(k for k, kind in enumerate(_KINDS) if any(kind.search(t) for t in said))


def new_consequence(sentence: str, told: frozenset[int]) -> bool:
    """tells_consequence, of no kind in ``told`` (told_kinds of the page so far, its headline
    first)."""
    if not tells_consequence(sentence):
        return False
    return not any(kind.search(sentence) for k, kind in enumerate(_KINDS) if k in told)
