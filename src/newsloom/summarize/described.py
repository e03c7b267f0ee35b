"""Who a description stands for: facts once when one outlet names a person and another
describes them.

News names a person once and describes them after: "Mina Sato-Berg needed only a draw", then
"The Carrow schoolgirl secured her final norm with a draw". Compared pair by pair, a name on one
side and a description on the other are two actors, and one fact is told twice. A description
counts as a person's name when the story's own articles attach it to that person, and to nobody
else:

- as an apposition after the name: "Mina Sato-Berg, a Carrow schoolgirl," "Leo Haskins, a
  19-year-old who ...";
- right before the name: "the 13-year-old Sato-Berg", "19-year-old forward Leo Haskins";
- opening a sentence of an article that, up to there, has named only that person: "The Carrow
  schoolgirl secured ..." under the headline "Mina Sato-Berg, 13, becomes ...". A sentence that
  opens with a description of someone goes on about whom the text is telling of; the same
  description in the middle of a sentence may be anybody ("Maszek said the minister ...").
  Not when the article has used the description's noun before: "the" then points back at the
  one it introduced ("Petra Lund said two boys, aged 12 and 14, broke her window. The
  12-year-old boy lives next door" tells of one of the boys, not of the woman named).

A description is a person noun (a role of people.py, or a word only said of people:
"schoolgirl", "teenager") or an age ("19-year-old"), with up to two words before it that say
which ("Carrow schoolgirl", "19-year-old forward"). ``as_named`` writes the person's surname in
its place, for the comparison only; the page keeps its words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache

from newsloom.records import Article
from newsloom.summarize.people import ROLES, Person
from newsloom.textkit import ENGLISH_STOP_WORDS, stem

# Nouns said only of people, besides the roles news writes before names (people.ROLES).
_PERSON_NOUNS = frozenset(
    "schoolgirl schoolboy teenager youngster girl boy woman man mother father".split()
)
_AGE = re.compile(r"^(?:\d{1,3}|[a-z]+(?:-[a-z]+)?)-year-old$", re.IGNORECASE)
_MODIFIERS = 2  # words before the head that say which one ("Carrow schoolgirl")
_TOKEN = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*|[^\w\s]")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’]?\s+(?=[\"“‘]?[A-Z])")
_ARTICLES = frozenset("the a an".split())


@lru_cache(maxsize=65536)  # read for every word of every article
def _head(word: str) -> bool:
    return word.lower() in ROLES or word.lower() in _PERSON_NOUNS or bool(_AGE.match(word))


def _phrase_at(tokens: Sequence[re.Match[str]], k: int) -> tuple[str, int] | None:
    """The description starting at token ``k`` (after its article), lower-cased, and the index
    of the token after it: the longest run of up to _MODIFIERS content words and a head
    (_head). None when no head ends such a run."""
    found = None
    for end in range(k, min(len(tokens), k + _MODIFIERS + 1)):
        word = tokens[end].group(0)
        if not word[:1].isalnum() or word.lower() in ENGLISH_STOP_WORDS:
            break
        if _head(word):
            found = (" ".join(t.group(0).lower() for t in tokens[k : end + 1]), end + 1)
    return found


def _named(tokens: Sequence[re.Match[str]], at: int, people: Mapping[str, Person]) -> str:
    """The surname of the person whose name (surname, or given name and surname) stands at
    token ``at``, or ""."""
    if at >= len(tokens):
        return ""
    word = tokens[at].group(0)
    if word in people:
        return word
    for surname, person in people.items():
        if word == person.given and at + 1 < len(tokens) and tokens[at + 1].group(0) == surname:
            return surname
    return ""


def _name_before(tokens: Sequence[re.Match[str]], at: int, people: Mapping[str, Person]) -> str:
    """The surname of a person named right before token ``at``: "Mina Sato-Berg" before ", a
    Carrow schoolgirl"."""
    return tokens[at - 1].group(0) if at > 0 and tokens[at - 1].group(0) in people else ""


def _between_commas(tokens: Sequence[re.Match[str]], at: int) -> bool:
    """A name of one or two words stands between commas from token ``at``: ", Ilona Maszek,"
    names the one described before it; "Asked about the coach, Okafor said" does not."""
    words = [t.group(0) for t in tokens[at : at + 4]]
    return words[:1] == [","] and ("," in words[2:4])


def descriptions(articles: Iterable[Article], people: Mapping[str, Person]) -> dict[str, str]:
    """Description (lower-cased, without its article) -> the surname of the person the
    articles attach it to (module docstring). A description attached to two people is
    nobody's."""
    bound: dict[str, set[str]] = {}
    for article in articles:
        seen: set[str] = set()  # people the article has named so far
        told: set[str] = set()  # and the stems of its words
        unread: list[list[re.Match[str]]] = []  # sentences whose stems told lacks yet
        for paragraph in (article.title, article.lead, article.text):
            for sentence in _SENTENCE_END.split(paragraph):
                tokens = list(_TOKEN.finditer(sentence))
                opening = next(
                    (k for k, t in enumerate(tokens) if t.group(0)[:1].isalnum()), len(tokens)
                )
                named_here = {t.group(0) for t in tokens if t.group(0) in people}
                # A description ends on a head word within _MODIFIERS words of its start: the
                # rest of a sentence's tokens start none, and are passed over unread.
                heads = [_head(t.group(0)) for t in tokens]
                # The tokens that may start one, an article before it or not: those up to
                # _MODIFIERS + 1 before a head, in reading order.
                near = sorted(
                    {
                        k
                        for h, head in enumerate(heads)
                        if head
                        for k in range(max(0, h - _MODIFIERS - 1), h + 1)
                    }
                )
                for k in near:
                    token = tokens[k]
                    word = token.group(0)
                    article_word = word.lower() in _ARTICLES
                    start = k + 1 if article_word else k
                    if not any(heads[start : start + _MODIFIERS + 1]):
                        continue
                    found = _phrase_at(tokens, start)
                    if found is None:
                        continue
                    phrase, after = found
                    surname = _named(tokens, after, people)  # "19-year-old forward Leo Haskins"
                    if not surname and _between_commas(tokens, after):
                        surname = _named(tokens, after + 1, people)  # "The governor, Ilona Maszek,"
                    if not surname and article_word and k >= 2 and tokens[k - 1].group(0) == ",":
                        surname = _name_before(tokens, k - 1, people)  # "Haskins, a 19-year-old"
                    if (
                        not surname
                        and word.lower() == "the"
                        and k == opening
                        and len(seen) == 1
                        and named_here <= seen
                        and stem(phrase.split()[-1]) not in _told(told, unread)
                    ):
                        surname = next(iter(seen))  # "The Carrow schoolgirl secured ..."
                    if surname:
                        bound.setdefault(phrase, set()).add(surname)
                seen |= named_here
                unread.append(tokens)
    return {phrase: next(iter(s)) for phrase, s in bound.items() if len(s) == 1}


def _told(told: set[str], unread: list[list[re.Match[str]]]) -> set[str]:
    """``told`` with the stems of the words of the ``unread`` sentences added (and ``unread``
    emptied): descriptions asks for an article's stems at few sentences, and stems its words
    then rather than at every sentence."""
    for tokens in unread:
        told.update(stem(t.group(0).lower()) for t in tokens)
    unread.clear()
    return told


def as_named(text: str, described: Mapping[str, str]) -> str:
    """``text`` with each description of ``described`` after "the" written as the surname of
    the person it stands for: "The Carrow schoolgirl secured ..." -> "Sato-Berg secured ...".
    For comparing statements only."""
    if not described:
        return text
    tokens = list(_TOKEN.finditer(text))
    out: list[str] = []
    at = 0
    for k, token in enumerate(tokens):
        if token.group(0).lower() != "the" or token.start() < at:
            continue
        found = _phrase_at(tokens, k + 1)
        if found is None or found[0] not in described:
            continue
        phrase, after = found
        out.append(text[at : token.start()] + described[phrase])
        at = tokens[after - 1].end()
    out.append(text[at:])
    return "".join(out)
