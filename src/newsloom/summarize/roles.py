"""What part a statement plays in a story: the main event, a reaction, what comes next.

The summary is a plan, not a ranking: bullet 1 states the main event, the paragraphs run what
happened, then reactions, then what comes next, and the takeaways say what to watch. These rules
read the sentence's form (a lede, a quotation, a future tense), which every outlet shares, rather
than weights fitted to a data set.
"""

from __future__ import annotations

import re

from newsloom.summarize.deeds import IRREGULAR_PAST, deed_lemma
from newsloom.summarize.numbers import NumberedText, NumberPhrase, read_numbers
from newsloom.summarize.words import DOUBLE_QUOTES, PLURAL_COUNTS, tokens
from newsloom.textkit import STOP_WORDS

MAIN_EVENT_MAX_WORDS = 45  # a longer lede is not a bullet; which lede leads is lede.py's call

_PRESENT = re.compile(
    r"\b(?:is|are|remains?|has been|have been|is still|are still|continues? to|stands?)\b",
    re.IGNORECASE,
)
_REACTION = re.compile(
    r"\b(?:welcomed?|critici[sz]ed?|condemned?|praised?|argued?|urged?|vowed?|warned?|"
    r"called (?:it|the|for)|described (?:it|the)|reacted|responded|angered|furious|delighted)\b",
    re.IGNORECASE,
)
# "Later than planned", "as planned" compare what happened with a plan: no step ahead.
_NEXT = re.compile(
    r"\b(?:will|plans? to|(?<!than )(?<!as )planned|expected to|is due|are due|due to|next (?:week|month|year|"
    r"season|step)|must|is set to|are set to|intends? to|aims? to|hopes? to|would (?:need|have "
    r"to)|by the end of|within \w+ (?:days|weeks|months|years)|deadline|review|inquiry|"
    r"investigation|vote|ratif\w+|could|may)\b",
    re.IGNORECASE,
)

# The present perfect with "since": a state lasting up to the moment of the report.
_ONGOING = re.compile(r"\b(?:has|have) been\b[^.;]*\bsince\b", re.IGNORECASE)
# How things stand, said as provisional: what the next report is expected to change.
_PROVISIONAL = re.compile(
    r"\b(?:for now|so far|for the moment|at the moment|at present|currently|tonight|by morning|"
    r"hopes? to|reported to be|yet to|not yet|pour l'instant|pour le moment|encore)\b",
    re.IGNORECASE,
)


def provisional(sentence: str) -> bool:
    """A state the writer marks as holding for now ("safe for now", "hopes to break through by
    morning", "are reported to be in a refuge chamber"): once a later report has moved the story
    on, it is no longer how things stand."""
    return bool(_PROVISIONAL.search(sentence))


def ongoing(sentence: str) -> bool:
    """A state its report saw lasting until then ("have been trapped since the collapse"), which a
    later development may have ended."""
    return bool(_ONGOING.search(sentence))


def describes_present(sentence: str) -> bool:
    """A statement about how things stand ("are trapped", "is boring a hole", "have been
    waiting"), which a later development can make untrue, unlike what happened."""
    return bool(_PRESENT.search(sentence))


def is_quotation(sentence: str) -> bool:
    return bool(DOUBLE_QUOTES.search(sentence))


def is_reaction(sentence: str) -> bool:
    """Somebody's words or judgement about the event, not the event itself."""
    return is_quotation(sentence) or bool(_REACTION.search(sentence))


def looks_ahead(sentence: str) -> bool:
    """A consequence or a next step: what a reader should watch for."""
    return bool(_NEXT.search(sentence))


# When a statement's own clause happened, said as a time long before its report: "two seasons
# ago", "il y a trois ans", "in 2019", "in April 2014", "en 2019". A year inside a clause of its
# own ("the record set by Moll in 2010", "girls who were taken in 2014") dates that clause only.
_AGO = re.compile(
    rf"\b(?:(?:{'|'.join(PLURAL_COUNTS)}|a few|several|many|\d+)\s+"
    r"(?:years|seasons|decades)\s+ago|a decade ago|il y a (?:\w+|\d+) (?:ans|saisons))\b",
    re.IGNORECASE,
)
_IN_YEAR = re.compile(
    r"\b(?:in|en|during)\s+(?:(?:early|late|mid-?|début|fin)\s*)?(?:[A-Za-zéû]+\s+)?"
    r"(?P<year>(?:19|20)\d\d)\b(?!\s*[-–])"
)
# A clause of its own before the year: a relative, "set by", or an apposition after a comma
# ("Morrow & Sons, the bakery chain founded in 1962, opened ...", "The bakery, founded in ...").
_OWN_CLAUSE = re.compile(
    r"\b(?:who|which|that|whose|where|when|since|set by|held by|qui|que|dont|depuis)\b|"
    r",\s+(?:the|a|an|le|la|les|un|une|[a-z]+ed)\b",
    re.IGNORECASE,
)
# A year at least this far back is past whatever the month: one year back may be last month
# ("in December 2017" in a January 2018 report).
LONG_PAST_YEARS = 2


def long_past(sentence: str, year: int) -> bool:
    """The statement's main clause happened long before its report (published in ``year``): it
    is background ("The two clubs were level on points two seasons ago", "received a grant in
    2019"), not news a reader of the story now needs first."""
    if _AGO.search(sentence):
        return True
    for match in _IN_YEAR.finditer(sentence):
        if year - int(match.group("year")) < LONG_PAST_YEARS:
            continue
        if not _OWN_CLAUSE.search(sentence[: match.start()]):
            return True
    return False


# Counts that a story revises as it develops (a death toll, the missing), by kind.
_TALLY_KINDS = {
    "dead": frozenset("died dead killed deaths death toll fatalities".split()),
    "injured": frozenset("injured wounded hurt".split()),
    "missing": frozenset({"missing"}),
}
_TALLY_WORDS = {word: kind for kind, words in _TALLY_KINDS.items() for word in words}
_RISES = frozenset(
    "rose risen rises climbed climbs reached reaches increased jumped stands".split()
)
TALLY_REACH = 4  # words between a count and what it counts ("four people had died")


def tallies(sentence: str) -> frozenset[tuple[str, str]]:
    """(kind, number) of the counts a sentence reports: "at least four people had died" ->
    ("dead", "4"); "the number of people killed rose to nine" -> ("dead", "9"). A later report
    with another number of the same kind has revised the count."""
    read = read_numbers(sentence)
    lower = read.lower

    def number_at(index: int) -> str:
        phrase = read.at(index)
        return phrase.number if phrase and phrase.written != "french" else ""

    found: set[tuple[str, str]] = set()
    for k, word in enumerate(lower):
        kind = _TALLY_WORDS.get(word)
        if kind is None:
            continue
        number = ""
        for back in range(k - 1, max(-1, k - 1 - TALLY_REACH), -1):
            number = number_at(back)
            if number:
                break
        if not number and k + 1 < len(lower):  # "killed sixty people"
            number = number_at(k + 1)
        if not number:
            for ahead in range(k + 1, min(len(lower) - 2, k + 12)):
                if lower[ahead] in _RISES and lower[ahead + 1] in {"to", "at"}:
                    number = number_at(ahead + 2)
                    break
        if number:
            found.add((kind, number))
    return frozenset(found)


def revises(older: str, newer: str) -> bool:
    """``newer`` gives another number for a count ``older`` reports (a toll of four, then nine),
    and names nobody ``older`` does not: the same count, not another storm's."""
    old, new = tallies(older), tallies(newer)
    kinds = {kind for kind, _ in old} & {kind for kind, _ in new}
    if not kinds:
        return False
    if not _names(older) <= _names(newer):
        return False
    return any(
        {n for k, n in old if k == kind}.isdisjoint({n for k, n in new if k == kind})
        for kind in kinds
    )


def _names(sentence: str) -> set[str]:
    found = tokens(sentence)
    return {
        re.sub(r"['’]s$", "", w)
        for w in found[1:]
        if w[:1].isupper() and w.lower() not in STOP_WORDS
    }


# An aim its report saw pending: "the effort to free the miners", "hopes to reach them", "is
# racing to finish". The event word is the verb after "to".
_PENDING_AIM = re.compile(
    r"\b(?:efforts?|race|races|racing|bids?|attempts?|operation|mission|fight|struggle|push|"
    r"trying|tries|hopes?|hoping|plans?|planning|aims?|aiming|expected|scheduled|due)"
    r"\s+to\s+([a-z]+)\b"
)


def pending_events(sentence: str) -> frozenset[str]:
    """deed_lemma of the events a sentence states as aims still pending ("the effort to free
    the miners" -> "fre")."""
    return frozenset(deed_lemma(m.group(1)) for m in _PENDING_AIM.finditer(sentence))


_PAST_FORM = re.compile(r"\b[a-z]+ed\b")


def done_events(text: str) -> frozenset[str]:
    """deed_lemma of the events a text states as done: its past forms ("freed", "won")."""
    found = {deed_lemma(w) for w in _PAST_FORM.findall(text.lower())}
    found |= {deed_lemma(w) for w in re.findall(r"[a-z]+", text.lower()) if w in IRREGULAR_PAST}
    return frozenset(found)


# A wait its report announced: "will wait at least a day longer", "on hold until further notice".
_WAITING = re.compile(
    r"\b(?:will|must|to|would) (?:have to )?wait\b|\bwait\w*\b[^.;]*\blonger\b|"
    r"\buntil further notice\b|\bon hold\b",
    re.IGNORECASE,
)
# A report telling that wait over: what was waited for happened "after a one-day delay", "a day
# later than planned".
_WAIT_OVER = re.compile(
    r"\bafter (?:a|an|the|its|their)\s+(?:[\w'’-]+\s+){0,2}(?:delay|postponement)s?\b|"
    r"\blater than (?:planned|scheduled|expected)\b",
    re.IGNORECASE,
)


def waits(sentence: str) -> bool:
    """The statement announces a wait ("the satellite will wait at least a day longer"): how
    things stood until the awaited event, untrue once a later report tells it happened."""
    return bool(_WAITING.search(sentence))


def wait_over(text: str) -> bool:
    """The text tells that a wait ended: the event happened "after a one-day delay", "a day
    later than planned"."""
    return bool(_WAIT_OVER.search(text))


# A figure a report says was changed: "has raised its offer for Kestrel Steel to 68 crowns a
# share", "cut its forecast to 2.1 percent". The words between the verb and "to" name what
# changed (the offer, the forecast); the word after the number, past a scale, is its unit.
_REVISION_VERBS = frozenset(
    """
    raised raises increased increases lifted lifts sweetened sweetens cut cuts lowered lowers
    reduced reduces revised revises trimmed trims boosted boosts upped ups
    """.split()
)
REVISION_REACH = 6  # words between the verb and "to" ("its offer for Kestrel Steel Works")


def revised_figures(text: str) -> frozenset[tuple[str, str, str]]:
    """(thing, figure, unit) of each change the text reports: "raised its offer for Kestrel
    Steel Works to 68 crowns a share" -> ("offer", "68", "crowns")."""
    # Read over whole articles: one that uses no revision verb even inside a word (most) is
    # not tokenised at all.
    lowered = text.lower()
    if not any(verb in lowered for verb in _REVISION_VERBS):
        return frozenset()
    read = read_numbers(text)
    words, lower = read.words, read.lower
    found: set[tuple[str, str, str]] = set()
    for k, word in enumerate(lower):
        if word not in _REVISION_VERBS:
            continue
        for at in range(k + 1, min(len(words) - 2, k + 2 + REVISION_REACH)):
            if lower[at] != "to":
                continue
            figure = _figure(read, read.at(at + 1))
            if figure is not None:
                things = {
                    lower[i]
                    for i in range(k + 1, at)
                    if lower[i].isalpha() and lower[i] not in STOP_WORDS and words[i].islower()
                }
                found.update((thing, *figure) for thing in things)
            break
    return frozenset(found)


def _figure(read: NumberedText, number: NumberPhrase | None) -> tuple[str, str] | None:
    """(figure, unit) of a number in digits and the word after it, past a scale ("68 crowns",
    "4.2 billion crowns" -> ("4.2billion", "crowns")): a figure compares with another only in
    the same unit."""
    if number is None or number.written != "digits":
        return None
    if number.unit_at >= len(read.words) or not read.lower[number.unit_at].isalpha():
        return None
    return f"{number.number}{number.scale}", read.lower[number.unit_at]


def stated_figures(sentence: str) -> set[tuple[str, str]]:
    """(figure, unit) of every figure in digits the sentence gives ("62 crowns")."""
    read = read_numbers(sentence)
    return {f for number in read.phrases if (f := _figure(read, number)) is not None}


# A verdict on terms: "says the offer undervalues the company", "rejected the bid as too low".
_VERDICT = re.compile(
    r"\b(?:undervalu(?:e|es|ed|ing)|reject(?:s|ed)?|rebuff(?:s|ed)?|spurn(?:s|ed)?|"
    r"too low|too high|inadequate)\b",
    re.IGNORECASE,
)


def judged_away(older: str, changes: frozenset[tuple[str, str, str]]) -> bool:
    """``older`` gives a verdict on a thing a later report says was changed ("The board says the
    offer undervalues the company" once the offer was raised to 68 crowns): the verdict was on
    the old terms, and read beside the new ones it tells a stance nobody holds any more."""
    if not changes or not _VERDICT.search(older):
        return False
    words = {w.lower() for w in tokens(older)}
    return any(thing in words for thing, _, _ in changes)


def revised_away(older: str, changes: frozenset[tuple[str, str, str]]) -> bool:
    """``older`` gives a figure a later report changed: it names the changed thing and gives
    another figure in the same unit ("The offer, 62 crowns in cash for each share, ..." once
    the offer was raised to 68 crowns)."""
    if not changes:
        return False
    words = {w.lower() for w in tokens(older)}
    figures = stated_figures(older)
    return any(
        thing in words and any(u == unit for _, u in figures) and (figure, unit) not in figures
        for thing, figure, unit in changes
    )
