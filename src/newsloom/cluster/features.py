"""Lexical features of a document: stemmed title+lead terms, entity-like tokens, streaming idf."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from newsloom.cluster.evidence import EventFacts, event_facts
from newsloom.textkit import CLUSTER_STOP_WORDS as _STOP
from newsloom.textkit import plural_stem as stem

# How much body text the lexical features read: the lead carries who/what/where of the event.
LEXICAL_CHARS = 1500
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_SENTENCE_MARKS = frozenset('.!?:;"“”—\n')


@dataclass(frozen=True)
class DocTerms:
    """Term weights (sublinear tf, title counted twice) and entity-like tokens of one document."""

    terms: dict[str, float]
    title_terms: frozenset[str]
    entities: frozenset[str]
    words: int  # words of text available (title + lead); drives how much to trust the match
    # How often each name (not number) is mentioned, a title mention counting twice: the most
    # mentioned names are whom and where the document is about (its principal names).
    name_mentions: dict[str, int] = field(default_factory=dict)
    # Score, age at death, magnitude its opening states: which event, not which kind (evidence).
    facts: EventFacts = field(default_factory=EventFacts)


def doc_terms(title: str, text: str) -> DocTerms:
    """The document's lexical features, from its title and the first LEXICAL_CHARS of its text.

    A refresh reads each new article twice (assigning it, then consolidating its story), so the
    latest documents' features are kept (bounded); callers only read them."""
    return _doc_terms(title, text[:LEXICAL_CHARS])


@lru_cache(maxsize=1024)
def _doc_terms(title: str, lead: str) -> DocTerms:
    title_words = _WORD.findall(title)
    lead_words = _WORD.findall(lead)
    counts: Counter[str] = Counter()
    title_terms = set()
    for word in title_words:
        term = _term(word)
        if term:
            counts[term] += 2  # the headline names the event
            title_terms.add(term)
    for word in lead_words:
        term = _term(word)
        if term:
            counts[term] += 1
    terms = {t: 1.0 + math.log(c) for t, c in counts.items()}
    entities = frozenset(_entities(title, lead))
    return DocTerms(
        terms=terms,
        title_terms=frozenset(title_terms),
        entities=entities,
        words=len(title_words) + len(lead_words),
        name_mentions=_name_mentions(entities, title_words, lead_words),
        facts=event_facts(title, lead),
    )


def _name_mentions(
    entities: frozenset[str], title_words: list[str], lead_words: list[str]
) -> dict[str, int]:
    """Mentions of each name in title (twice) and lead, over the stemmed words, so that
    "Reid's" counts for "reid" and "Tara Reid" for "tara reid"."""
    title = [stem(w.lower()) for w in title_words]
    lead = [stem(w.lower()) for w in lead_words]
    single = Counter(lead)
    single.update(title + title)
    joined_title, joined_lead = f" {' '.join(title)} ", f" {' '.join(lead)} "
    mentions = {}
    for name in entities:
        if name.isdigit():
            continue
        if " " in name:  # a multi-word name: count the phrase
            needle = f" {name} "
            count = 2 * joined_title.count(needle) + joined_lead.count(needle)
        else:
            count = single.get(name, 0)
        if count:
            mentions[name] = count
    return mentions


def _term(word: str) -> str:
    lower = word.lower()
    if lower in _STOP or len(lower) < 2 or lower.isdigit():
        return ""
    return stem(lower)


_THOUSANDS = re.compile(r"(?<=\d)[,.](?=\d{3}\b)")


def _entities(title: str, lead: str) -> set[str]:
    """Capitalised words not opening a sentence, acronyms and numbers: names, places, counts."""
    # "10,000" is one number, not the entities "10" and "000".
    title, lead = _THOUSANDS.sub("", title), _THOUSANDS.sub("", lead)
    found: set[str] = set()
    lead_caps = {m.group(0).lower() for m in _WORD.finditer(lead) if m.group(0)[0].isupper()}
    title_words = _WORD.findall(title)
    title_case = sum(w[0].isupper() for w in title_words) > 0.6 * max(len(title_words), 1)
    for i, word in enumerate(title_words):
        lower = word.lower()
        if lower in _STOP:
            continue
        if word.isdigit() and len(word) >= 3:
            found.add(word)
        elif word[0].isupper() and (
            (not title_case and i > 0) or lower in lead_caps or not lead or word.isupper()
        ):
            found.add(stem(lower))
    found.update(_lead_names(lead))
    return found


def _lead_names(lead: str) -> set[str]:
    """Names in running text; adjacent capitalised words form one name ("Natural History Museum").

    A shared "Museum" says little; a shared "Natural History Museum" says more, and two different
    museums no longer look alike.
    """
    found: set[str] = set()
    run: list[str] = []
    run_is_name = False
    end = -1
    for match in _WORD.finditer(lead):
        word = match.group(0)
        lower = word.lower()
        if word.isdigit():
            if len(word) >= 3:
                found.add(word)
            continue
        capitalised = word[0].isupper() and lower not in _STOP
        adjacent = run and lead[end : match.start()] in (" ", "-")
        if run and not (capitalised and adjacent):
            if run_is_name or len(run) > 1:
                found.add(" ".join(run))
                found.update(run)
            run, run_is_name = [], False
        if capitalised:
            opens_sentence = _opens_sentence(lead, match.start())
            run.append(stem(lower))
            run_is_name = run_is_name or not opens_sentence or (len(word) > 1 and word.isupper())
        end = match.end()
    if run and (run_is_name or len(run) > 1):
        found.add(" ".join(run))
        found.update(run)
    return found


def _opens_sentence(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\r":
        i -= 1
    return i < 0 or text[i] in _SENTENCE_MARKS


class DocumentFrequencies:
    """Document frequencies learned from the stream, so idf needs no corpus fitted up front."""

    def __init__(self) -> None:
        self.docs = 0
        self.df: Counter[str] = Counter()

    def add(self, terms: DocTerms) -> None:
        self.docs += 1
        self.df.update(terms.terms.keys())
        self.df.update(f"#{e}" for e in terms.entities)

    def idf(self, term: str) -> float:
        return math.log((self.docs + 1) / (self.df.get(term, 0) + 1)) + 1.0

    def entity_idf(self, entity: str) -> float:
        return self.idf(f"#{entity}")
