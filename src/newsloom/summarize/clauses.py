"""Facts once, clause by clause: a paragraph of two clauses whose one clause the page told.

A statement joins two clauses with a semicolon, ", and" or ", but" (", et", ", mais"): "A batch
of cells can swell near the hinge; the maker is offering refunds." When the page above has told
one clause (toldagain.py's test on the clause: its names and numbers are on the page, and so is
every word it says, but for at most its act, one verb, "is offering" a refund the page said
owners "will get"), the reader meets that fact again inside a new one. The statement is shown
as its other clause alone, in its article's words and still cited to it, when that clause
stands alone: it has its own subject (a name, a determiner, a plural noun) and no pronoun that
the dropped clause resolved ("their water"). A clause whose names and numbers are the page's
but which says more than one new word stays: a dropped fact is worse than a repeat.
"""

from __future__ import annotations

import re

from newsloom.summarize.framed import frame_told
from newsloom.summarize.mainverb import has_tensed_verb, lacks_main_clause
from newsloom.summarize.openings import fact_words, repeats
from newsloom.summarize.retelling import name_key
from newsloom.summarize.toldagain import Page, checkable

# Where a statement joins two clauses: a semicolon, or a comma before "and"/"but" (French "et",
# "mais"); a list's last comma ("A, B, and C") splits no statement of its own, and the kept
# clause must then stand alone anyway.
_JOIN = re.compile(r"\s*(?:;|,\s+(?:and|but|et|mais)\b)\s+")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
# Words before a clause's verb that mark it as one: "is offering", "has been seen", "a confirmé".
_AUXILIARY = frozenset(
    "is are was were be been has have had will would can could may might should must "
    "est sont était étaient a ont avait va vont peut peuvent".split()
)
# A word pointing at something named before: a clause holding one leans on the other clause.
_POINTING = frozenset(
    "he she it they him her them his its their theirs this that these those there such "
    "il elle ils elles lui leur leurs son sa ses eux celui celle ceux cette ces".split()
)
# A relative clause after a comma, up to the next comma.
_RELATIVE = re.compile(r",\s+(?:who|which|whose|qui|dont|où)\b[^,;]*", re.IGNORECASE)
# Words a clause's own subject may open on.
_DETERMINERS = frozenset(
    "the a an some many most several all each every no one two three four five six seven "
    "eight nine ten le la les l un une des du plusieurs certains chaque aucun".split()
)


def retold_clause(text: str, page: Page) -> str | None:
    """``text`` as its one new clause when the page has told its other clause and the new one
    stands alone (module docstring); "" when the page told both; None when ``text`` is to be
    shown whole."""
    parts = _JOIN.split(text.strip())
    if len(parts) != 2:
        return None
    if not _opens_own_clause(parts[1]) or not _has_own_verb(parts[1]):
        # A shared subject's second verb ("..., and will be sent"), a list's last item ("piloted
        # by Ana Lund, who is Swedish, and Ben Ode, who is Irish"): no clause of its own.
        return None
    names = checkable(text).names
    first, second = parts[0].rstrip(" ,.") + ".", parts[1]
    first_told = _clause_told(first, names, page)
    second_told = _clause_told(_capital(second), names, page)
    if first_told and second_told:
        return ""  # each clause a fact the page told
    if first_told:
        kept = _capital(second)
        return kept if _stands_alone(kept) else None
    if second_told:
        return first if _stands_alone(first) else None
    return None


def _clause_told(clause: str, names_in_text: frozenset[str], page: Page) -> bool:
    """The page has told the clause's facts: it has a name or a number, each on the page (a
    number as the same number, a clause's opening name read as the statement read it), and
    every word it says but at most its act, one verb after an auxiliary or in a verb's form."""
    found = checkable(clause)
    words = _WORD.findall(clause)
    names = found.names | (names_in_text & {name_key(w) for w in words})
    if not (found.counts or names) or found.denies:
        return False
    if any(number not in page.counts for number, _ in found.counts):
        return False
    if not (names <= page.keys and found.marked <= page.marked):
        return False
    new = found.said - page.said - names
    if not new:
        return True
    if len(new) > 1:
        return False
    (act,) = new
    return any(
        checkable(word).said == {act}
        and k > 0
        and (words[k - 1].lower() in _AUXILIARY or word.lower().endswith(("s", "ed", "ent")))
        for k, word in enumerate(words)
    )


def _capital(clause: str) -> str:
    return clause[:1].upper() + clause[1:]


def _opens_own_clause(clause: str) -> bool:
    """A second clause with its own subject: a name, a determiner, or a plural noun and then a
    word (not "that", whose clause reports what the first clause's subject said)."""
    words = _WORD.findall(clause)
    if len(words) < 2 or words[0].lower() in _POINTING:
        return False
    first = words[0]
    return (
        first[:1].isupper()
        or first.lower() in _DETERMINERS
        or (first.endswith("s") and words[1].lower() not in _AUXILIARY | {"and", "of", "et"})
    )


def _has_own_verb(clause: str) -> bool:
    """A tensed verb outside a relative clause (", who is Swedish"): an auxiliary, English or
    French, or mainverb.has_tensed_verb's forms."""
    main = _RELATIVE.sub("", clause)
    return has_tensed_verb(main) or bool({w.lower() for w in _WORD.findall(main)} & _AUXILIARY)


def _stands_alone(clause: str) -> bool:
    """No pointing word the other clause resolved, and a main clause."""
    lower = {w.lower() for w in _WORD.findall(clause)}
    return not lower & _POINTING and not lacks_main_clause(clause)


def told_in_order(told: list[str], texts: list[str]) -> list[int]:
    """Indexes of ``texts``, read in order after ``told`` (the headline, then the bullets), that
    tell nothing new: toldagain's whole-statement test, or one clause the page told
    (retold_clause) and the other told too or a repeat of a statement read before it (openings.repeats; the
    headline is not read for it, as a reader's page does not): each clause tells a fact again;
    or a statement read before it told its fact in its frame (framed.py).
    A statement told again leaves the page and is not read for the next ones."""
    page = Page.of(told)
    read = [fact_words(t) for t in told[1:]]
    before = list(told)
    found = []
    for k, text in enumerate(texts):
        kept = retold_clause(text, page)
        told_again = page.tells(text) or kept == "" or _repeats(kept, read)
        if told_again or frame_told(text, before, page):
            found.append(k)
            continue
        page.add(text)
        before.append(text)
        read.append(fact_words(text))
    return found


def new_clauses(told: list[str], texts: list[str]) -> list[str]:
    """``texts`` read in order after ``told`` (the headline, then the bullets), each shown as its
    new clause alone where the page before it told its other clause (retold_clause) and that
    clause repeats no statement before it (told_in_order gives those way)."""
    page = Page.of(told)
    read = [fact_words(t) for t in told[1:]]
    shown = []
    for text in texts:
        kept = retold_clause(text, page)
        shown.append(kept if kept and not _repeats(kept, read) else text)
        page.add(shown[-1])
        read.append(fact_words(shown[-1]))
    return shown


def _repeats(clause: str | None, read: list[frozenset[str]]) -> bool:
    if clause is None:
        return False
    words = fact_words(clause)
    return any(repeats(words, before) for before in read)
