"""A long sentence's main statement: its words up to where an elaboration begins.

A news sentence often states its fact, then elaborates it: a relative clause of background
(", which ...", ", who ..."), a participle clause of what came with it or of it (", saying
...", ", making it ..."), the source it leans on (", according to ..."), or an aside after a
semicolon or a dash. The words before that point are a statement of their own, in the source's own words, so a bullet may show them alone
(still cited to the same articles) and leave room for another fact. Nothing is reworded; the
statement is cut, never rewritten.

The cut is refused where it would change what the statement claims or leave it unfinished: an
open quotation or parenthesis, too few words to state a fact, a reporting verb left without what
it reported ("The paper said this week, citing officials, that ..."), a dash that opens an aside the
sentence closes again, or the sentence's own attribution after the cut ("..., saying 'Shame
on you', a council clerk has testified"): that would turn a witness's account into the page's
own.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsloom.summarize.mainverb import has_tensed_verb, lacks_main_clause
from newsloom.summarize.speech import REPORT, SAY, SAY_FINITE, alternation
from newsloom.summarize.text import reports_nothing

MIN_WORDS = 8  # a statement shorter than this rarely says who did what
# Where an elaboration begins: a non-restrictive relative clause, a participle clause after a
# comma (", saying ...", ", making it the largest ...", ", leaving 300 without ..."), a source,
# a semicolon or a dash (spaced, as dashes between clauses are). Words in -ing that are not
# participles (", during the night", ", morning and evening") do not begin one.
_NOT_PARTICIPLE = r"(?!(?:during|morning|evening|nothing|something|anything|everything)\b)"
_DASH = re.compile(r"\s(?:[—–]|--)\s")
_ELABORATION = re.compile(
    rf",\s*(?:which|who|according to|{_NOT_PARTICIPLE}[a-z]+ing)\b|;|\s(?:[—–]|--)\s"
)
# A reporting verb after the cut: the sentence's own attribution would be cut off. Not the plural
# "say": after a cut it is most often the source of the relative clause cut off, not of the
# statement ("... a second crossing, which engineers say could open within four years").
_ATTRIBUTING = (SAY - {"say"}) | REPORT | {"claimed", "claims"}
_ATTRIBUTION = re.compile(rf"\b(?:{alternation(_ATTRIBUTING)})\b", re.IGNORECASE)


def _left_open(text: str) -> bool:
    """A quotation or a parenthesis the text opens and does not close."""
    return (
        text.count('"') % 2 == 1
        or text.count("“") != text.count("”")
        or text.count("(") != text.count(")")
    )


# What a reported or subordinate clause opens on: its verb must come before the cut.
# "told" and "tells" take their listener first ("told reporters that ..."): its "that" opens it.
_CLAUSE_OPENING = re.compile(
    rf"\b(?:that|saying|{alternation(SAY_FINITE - {'told', 'tells'})})\s+", re.IGNORECASE
)


def _clause_cut(head: str) -> bool:
    """The head ends inside a clause its last "that" (or "saying") opened, before the clause's
    verb ("..., saying that the first cargo for her new ferry" once ", which is due ..., will
    be ..." is cut): the statement would be left unfinished."""
    openings = list(_CLAUSE_OPENING.finditer(head))
    return bool(openings) and lacks_main_clause(head[openings[-1].end() :] + ".")


@lru_cache(maxsize=8192)
def main_statement(sentence: str, limit: int) -> str | None:
    """The longest head of ``sentence`` that ends where an elaboration begins and holds
    MIN_WORDS to ``limit`` words, with a full stop; None when there is none."""
    found = None
    # Two dashes set an aside inside the sentence ("The closure – ordered last week – has left"):
    # the statement goes on after it, so neither dash ends it.
    paired = len(_DASH.findall(sentence)) > 1
    for match in _ELABORATION.finditer(sentence):
        if paired and _DASH.fullmatch(match.group()):
            continue
        head = sentence[: match.start()].rstrip(" ,;")
        if _ATTRIBUTION.search(sentence[match.end() :]):
            break
        if len(head.split()) > limit:
            break
        if stands_alone(head):
            found = head.rstrip(".") + "."
    return found


def stands_alone(head: str) -> bool:
    """A head of a sentence that states something by itself: MIN_WORDS or more, no quotation or
    bracket left open, no clause left unfinished, and not a report of nothing ("The paper said
    this week, citing officials, that ...": cut before "that", it would report nothing)."""
    return (
        len(head.split()) >= MIN_WORDS
        and not _left_open(head)
        and not reports_nothing(head + ".")
        and not _clause_cut(head)
    )


# Where a headline may stop though a bullet may not. An appositive after a comma: the sentence
# names something, then describes it (", a vestige of ...", ", an agency that ..."). The occasion
# or cause of the deed ("... because of the shutdown", "... in anticipation of the caravan"): a
# headline tells who did what, and leaves why and on what occasion to the sentence below it (as
# lede.main_clause leaves what follows "after" to the background).
_HEADLINE_CUT = re.compile(
    r",\s*(?:a|an)\s|\s(?:because|amid|after|following|in anticipation of)\s", re.IGNORECASE
)
# An aside set by two dashes ends a headline when the words after it go on with an adverbial or
# another clause ("... her speech — or send it in writing — because of ..."): the words
# before it are a whole clause. When they go on with a verb ("The closure – ordered last week –
# has left ..."), the head is the subject alone.
_ASIDE_THEN = re.compile(
    r"\s(?:[—–]|--)\s.*?\s(?:[—–]|--)\s(?=(?:because|after|before|following|amid|in|on|at|"
    r"for|from|with|by|as|and|or|but|while|when|during|despite|until)\b)",
    re.IGNORECASE,
)


# Words that make "after" or "before" part of a time phrase, not the start of an occasion: "three
# days after Election Day", "until after the government reopens", "shortly before noon".
_TIME_BEFORE = re.compile(
    r"\b(?:until|since|just|shortly|soon|right|long|even|minutes?|hours?|days?|weeks?|months?|"
    r"years?|decades?)$",
    re.IGNORECASE,
)


@lru_cache(maxsize=1024)
def headline_statement(sentence: str, limit: int) -> str | None:
    """A headline made of ``sentence`` for a page that shows the sentence whole right under it:
    its main statement (main_statement), else its shortest head before a closing appositive, an
    occasion or cause, or a dashed aside after a whole clause, no full stop. A headline may
    leave out what the sentence below tells; the same refusals hold (too few words, an open
    quotation, an attribution cut off, a clause left unfinished, no main clause). None when no
    head states the event alone."""
    found = main_statement(sentence, limit)
    if found is None:
        cuts = sorted(
            [(m.start(), m.end()) for m in _HEADLINE_CUT.finditer(sentence)]
            + [(m.start(), m.end()) for m in _ASIDE_THEN.finditer(sentence)]
        )
        for start, end in cuts:
            head = sentence[:start].rstrip(" ,—–-")
            if _ATTRIBUTION.search(sentence[end:]):
                break
            if len(head.split()) > limit:
                break
            if _TIME_BEFORE.search(head):
                continue  # "a month | after the riot", "until | after the shutdown": one phrase
            if (
                stands_alone(head)
                and not lacks_main_clause(head + ".")
                # A head may be a fronted phrase and a name without their verb ("Fearing more
                # deaths, Gov. Ana Weiss | after ..."): a headline shows a verb only verbs have.
                and has_tensed_verb(head)
                # "A school in Elling named | after a captain ...": a head ending on a participle
                # may be a noun's description left unfinished, not a clause's verb.
                and not head.split()[-1].lower().endswith("ed")
            ):
                found = head
                break  # the shortest: a headline is short, the sentence below tells the rest
    return found.rstrip(".") if found else None
