"""Which report states a story's main event, and whether a later report supersedes it.

Titles are where editors state an article's point in a line. The story's own report is the article
whose title the other articles support most (they name its people, places and numbers); an angle
("Mortgage holders brace ...", "Coast's fossil hunters inspired ...") has a title the other articles
do not share. The report's lede is the sentence of its opening that states its title.

A later report develops the story when its lede's main clause restates the report's title (the same
miners, the same bid) with a new state: something that happened, not something someone will do
("said she would launch an initiative" is a reaction). What stands after "after" in a lede is the
background it leans on ("... will pay more after the Bank raised its rate"), so it does not count.
A feature opens on a scene: "When the band announced its tour, fans in the north scanned the
dates for a city near them." The event it leans on stands in a "When ..." frame as background, and
the main clause tells a moment of the people in it, with no figure and no one quoted: the news is
in the article's standfirst, which then stands in for the opening as the article's lede.
These rules read the form every outlet shares; nothing is fitted to a data set.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache

from newsloom.records import Article
from newsloom.summarize.openings import full_names
from newsloom.summarize.people import ROLES
from newsloom.summarize.speech import REPORT, SAY, alternation
from newsloom.summarize.text import clean_title
from newsloom.summarize.words import numbers_in, tokens
from newsloom.textkit import STOP_WORDS, stem

PREFIX = 6  # stems compared by their first letters: "automate"/"automation", "voting"/"votes"
RESTATES = 0.5  # share of the report title's words a development's main clause carries
LEDE_WINDOW = 3  # sentences of an article's opening that may state its title
# An article reads as a report when its report score (report_scores) is at least this share of
# the best: two thirds, so that an angle sharing the report's subject but half its title stays out.
REPORT_SHARE = 2 / 3

# Where a lede's background begins: the event it follows or the time since.
_BACKGROUND = re.compile(
    r"(?:,\s*)?\b(?:after|following|since|because|when|while|as|until|après|depuis)\b",
    re.IGNORECASE,
)
# A main clause about what someone will or may do, or threatens to: a reaction or a next step.
_NOT_YET = re.compile(
    r"\b(?:will|would|could|may|might|must|should|shall|plans? to|planned to|expected to|"
    r"threaten(?:s|ed)?|vow(?:s|ed)?|hopes? to|intends? to|aims? to)\b",
    re.IGNORECASE,
)
# A question, an exclamation, or a quotation given as the title ("'This port is our family': ...").
_QUESTION_OR_QUOTE = re.compile(r"[?!]|[\"”’]\s*:")
# A title about what can (or cannot) be: a capability or a lesson, not something that happened
# ("What the shuttle can, and cannot, teach the rest of the country"), as "could" is.
_CAN = re.compile(r"\b(?:can|cannot|can['’]t)\b", re.IGNORECASE)
# A frame of background opening a sentence: "When <what happened>, <main clause>".
_WHEN_FRAME = re.compile(
    r"^[\"“‘']?(?:When\s[^,;:]+|For\s[^,;:]*\b(?:who|whose)\s[^,;:]+),\s*(?P<main>.+)$",
    re.DOTALL,
)
# What makes a main clause a report rather than a scene: someone quoted or cited, or a figure.
_REPORTING = SAY | REPORT
_REPORTS = re.compile(rf"\b(?:{alternation(_REPORTING)})\b|\d")
# A scene is narrated: a speaker's own voice ("we look into it", a quotation) is not one.
_VOICE = re.compile(r"\b(?:I|we|our|us|you|your)\b|[\"“”]", re.IGNORECASE)
_ELISION = re.compile(r"^(?:[cdjlmnst]|qu)['’]", re.IGNORECASE)


# Function words of the other language the newsroom carries, which the English list lets through.
_FRENCH_FUNCTION = frozenset(
    "le la les de des du un une et à au aux en dans sur sous chez vers entre pour par avec sans "
    "qui que quoi dont où ou mais donc car ni est sont été être a ont avait son sa ses leur leurs "
    "ce cet cette ces il elle ils elles on nous vous se ne pas plus très aussi comme tout tous "
    "d l c qu".split()
)


FUNCTION_WORDS = STOP_WORDS | _FRENCH_FUNCTION


@lru_cache(maxsize=16384)  # a story's statements are read again as titles, ledes and bullets
def title_words(text: str) -> frozenset[str]:
    """Content stems cut to their first letters, so that word forms meet."""
    words = {_elided(w.lower()) for w in tokens(text)}
    return frozenset(_short_stem(w) for w in words if len(w) > 1 and w not in FUNCTION_WORDS)


def _elided(word: str) -> str:
    """The word without an elided article or pronoun ("l'accord" -> "accord"); only a word with
    an apostrophe can have one, which spares the pattern most words."""
    return _ELISION.sub("", word) if "'" in word or "’" in word else word


@lru_cache(maxsize=65536)
def _short_stem(word: str) -> str:
    """Cached: a story's texts repeat their words, and a refresh summarises many stories."""
    return stem(word)[:PREFIX]


def title_support(articles: Sequence[Article]) -> list[float]:
    """Per article, the mean over the other articles of the share of its title's words that the
    other article's title, lead or text contains: how far the story as a whole tells that title."""
    titles = [title_words(clean_title(a.title, a.outlet)) for a in articles]
    texts = [title_words(f"{a.title}\n{a.lead}\n{a.text}") for a in articles]
    support = []
    for i, title in enumerate(titles):
        others = [k for k in range(len(articles)) if k != i]
        if not title or not others:
            support.append(0.0)
            continue
        support.append(sum(len(title & texts[k]) for k in others) / (len(title) * len(others)))
    return support


def article_words(article: Article) -> frozenset[str]:
    """The content stems of the article's title, lead and text (title_words)."""
    return title_words(f"{article.title}\n{article.lead}\n{article.text}")


def stand_in_title(whole: str, head: str | None, others: Sequence[frozenset[str]]) -> str:
    """For an article without a title, the line standing in for one: its first sentence
    (``whole``), or that sentence's head stating the event alone (``head``,
    clip.headline_statement) when the other articles (``others``: their article_words) tell at
    least as large a share of the head's words as of the whole sentence's. A title tells in a
    line what the story shares, and the words a long lede adds after its head (who said so,
    what it added, the scene around it) are words a title leaves out: counted as title words,
    they would make a lede the story's report for its length alone. A head that keeps the
    scene and drops the event the others tell ("Thousands of islanders filled the streets" of
    a march against a ferry law the others report) is no such line, and the sentence stands in
    whole."""
    if not head or not others:
        return whole

    def share(line: str) -> float:
        words = title_words(line)
        return sum(len(words & other) for other in others) / max(1, len(words))

    return head if share(head) >= share(whole) else whole


def plain_title(title: str) -> bool:
    """A title that reports: no question, exclamation or quotation opening it."""
    return not _QUESTION_OR_QUOTE.search(title)


def lede_of(title: str, opening: Sequence[str]) -> tuple[int, int]:
    """(index, count) of the opening sentence that carries most of the title's words, and how
    many it carries: the sentence that states what the title says (the earlier on a tie)."""
    wanted = title_words(title)
    carried = [len(wanted & title_words(s)) for s in opening]
    best = max(range(len(opening)), key=lambda i: (carried[i], -i))
    return best, carried[best]


def report_scores(
    articles: Sequence[Article], ledes: Mapping[int, tuple[int, int]]
) -> dict[int, float]:
    """Per article with a lede, how far it reads as the story's report, scaled so the best is 1:
    a plain title that the other articles tell (title_support) and that its opening states
    (``ledes``: article -> (lede, title words it carries)), so the report telling most of what
    the story shares scores highest. Features open on a scene and angles have titles of their
    own, so both score low; titles that ask or quote score nothing."""
    support = title_support(articles)
    raw = {
        i: support[i] * carried
        if plain_title(clean_title(articles[i].title, articles[i].outlet))
        else 0.0
        for i, (_, carried) in ledes.items()
    }
    top = max(raw.values(), default=0.0)
    # No title the others tell (one article, or only questions): every lede may report.
    return {i: value / top if top > 0 else 1.0 for i, value in raw.items()}


def follows(later_title: str, report_title: str) -> bool:
    """A later title that reports on the same subject (shares a word with the report's title)
    rather than asking, quoting or saying what may come ("Open chip could cut costs") or what
    can be ("What the shuttle can, and cannot, teach the rest of the country")."""
    if not plain_title(later_title) or _NOT_YET.search(later_title):
        return False
    if _CAN.search(later_title):
        return False
    return bool(title_words(later_title) & title_words(report_title))


def main_clause(sentence: str) -> str:
    """The sentence up to its background clause ("..., 31 hours after a collapse cut them off")."""
    found = _BACKGROUND.search(sentence)
    return sentence[: found.start()].rstrip() if found else sentence


def develops(lede: str, report_title: str) -> bool:
    """A later lede that restates the report's title in its main clause, as something that has
    happened or how things now stand."""
    head = main_clause(lede)
    if _NOT_YET.search(head):
        return False
    wanted = title_words(report_title)
    return bool(wanted) and len(wanted & title_words(head)) >= RESTATES * len(wanted)


# Where a consequence's lede tells the event it follows: "... sacked its manager, a day after a
# 3-0 defeat ...", "... resigned following the vote ...".
_FOLLOWING = re.compile(r"\b(?:after|following)\b", re.IGNORECASE)
# A relative clause tells of something the sentence names, not when its own deed came.
_RELATIVE = re.compile(r",\s+(?:(?:in|of|at|on|for|during)\s+)?(?:which|who|whom|whose|where)\b")
EVENT_CLUE = 2  # content words of the main event the background must carry to tell that event


def follows_event(lede: str, event: str) -> bool:
    """A lede telling a consequence of ``event`` (the page's main event): its main clause, before
    an "after"/"following" clause, tells something done (not what someone will do), and that
    clause tells the event (it carries EVENT_CLUE of its content words). "Kestrel Athletic
    have sacked manager Paulo Ferraz, less than 24 hours after a 3-0 defeat at Sallow
    Wanderers" follows "... scored a hat-trick to take Sallow Wanderers top of the league".
    An "after" inside a relative clause (", in which she said he shouted at her after ...")
    dates what the clause tells, not the lede's deed."""
    relative = _RELATIVE.search(lede)
    found = _FOLLOWING.search(lede, 0, relative.start() if relative else len(lede))
    if not found or _NOT_YET.search(lede[: found.start()]):
        return False
    background = title_words(lede[found.end() :])
    return len(background & title_words(event)) >= EVENT_CLUE


def retells(opening: str, told: Sequence[str]) -> bool:
    """A sentence of another report's opening (LEDE_WINDOW) that the page's headline and bullet 1
    (``told``) already carry at least RESTATES of: every report of one story opens on its event,
    and another outlet's wording of it ("The Harlow Comets ended their 40-year wait for a title"
    under "The Harlow Comets won their first title in 40 years") tells a reader nothing new
    beside it, as a title adds nothing to the lede that restates it. Not when it gives a number
    ``told`` does not ("will open in theaters May 4": a figure or a date of its own is a fact of
    its own; "one" is as often a pronoun or an article as a count), nor when it brings a name
    of several words (openings.full_names) or someone by role that ``told`` does not: another
    actor's deed or stance ("Harlow's mayor wants the title celebrated", "Coach Mirela Stanek
    said ..."), or the event's own place named, is news of its own, however much of the event
    it repeats."""
    words = title_words(opening)
    carried = frozenset().union(*(title_words(t) for t in told))
    if not words or len(words & carried) < RESTATES * len(words):
        return False
    found = tokens(opening)
    if numbers_in(found) - {"1"} - set().union(*(numbers_in(tokens(t)) for t in told)):
        return False
    said = {w.lower() for t in told for w in tokens(t)}
    if any(w.lower() in ROLES and w.lower() not in said for w in found):
        return False
    return not full_names(opening) - frozenset().union(*(full_names(t) for t in told))


def sets_scene(sentence: str) -> bool:
    """A feature's opening scene (module docstring): the event in a "When ..." frame, and a main
    clause that cites no one and gives no figure ("When the dam broke, residents of Ulm watched
    the water reach their doors"). "When polls closed, turnout stood at 64%" and "When police
    arrived, a witness said ..." report, "When she takes over, she will be ..." tells what comes,
    and "When that happens, we act" is a speaker's voice: none of them is a scene."""
    found = _WHEN_FRAME.match(sentence.strip())
    if not found:
        return False
    main = found.group("main")
    # A main clause saying what will or may come ("she will be the first woman to ...") tells a
    # consequence, not a moment.
    return not (_REPORTS.search(main) or _NOT_YET.search(main) or _VOICE.search(sentence))
