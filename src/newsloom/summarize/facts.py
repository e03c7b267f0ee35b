"""From a story's articles to candidate sentences and cross-outlet "facts".

A fact is a group of near-identical sentences from one or more articles: it appears once in a
summary and is credited to every article that states it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from newsloom.records import Article
from newsloom.summarize.boxes import boxed_sentences
from newsloom.summarize.clip import main_statement
from newsloom.summarize.cut import finished_head, is_cut
from newsloom.summarize.openings import leads_into_quote
from newsloom.summarize.repair import name_own_outlet, repair_opening
from newsloom.summarize.shortnames import Names, short_names, thing_names
from newsloom.summarize.text import (
    MAX_WORDS,
    clean_sentence,
    normalise_space,
    rejection_reason,
    split_sentences,
    word_count,
)

# TF-IDF cosine at which two sentences count as stating the same fact.
SAME_FACT = 0.6


@dataclass(frozen=True)
class Candidate:
    """One usable sentence of one article."""

    text: str
    article: int  # index into the time-ordered article list
    position: int  # index of the sentence in its article (0 = lead)
    words: int
    standfirst: bool = False  # from a feed summary the body lacks: written to sit under the title
    short_names: tuple[tuple[str, str], ...] = ()  # ("the hall", "the Tessalian Community Hall")


@dataclass(frozen=True)
class Fact:
    """Sentences that say the same thing; ``rep`` is the one shown."""

    rep: int  # candidate index
    members: tuple[int, ...]  # candidate indexes, rep first
    articles: frozenset[int]  # article indexes that state it


def article_sentences(article: Article) -> list[str]:
    """The article's sentences: the lead first when the body does not already contain it."""
    return _standfirst(article) + split_sentences(article.text.strip())


def _standfirst(article: Article) -> list[str]:
    """The lead's sentences when the body does not contain it (or there is no body)."""
    body = article.text.strip()
    lead = article.lead.strip()
    if not body:
        return split_sentences(lead)
    head = normalise_space(lead)[:60].lower()
    if head and head not in normalise_space(body).lower():
        return split_sentences(lead)
    return []


def candidates_of(articles: Sequence[Article]) -> list[Candidate]:
    """Usable, cleaned sentences of every article, with duplicates inside one article dropped and
    an opening pronoun replaced by the name it continues and the outlet's short name for itself by
    its full name (repair.py), with the name the article gave a thing before its short name ("the
    hall", shortnames.py), and without the sentences that only lead into the quotation after
    them (openings.leads_into_quote)."""
    found: list[Candidate] = []
    for index, article in enumerate(articles):
        seen: set[str] = set()
        standfirst = len(_standfirst(article)) if article.text.strip() else 0
        previous = ""
        sentences = article_sentences(article)
        # Another story's box or a gallery's slides in the body (boxes.py), by their positions
        # after the lead's sentences.
        boxed = {standfirst + i for i in boxed_sentences(article.text.strip())}
        named: Names = {}  # the things the article has named so far (shortnames.py)
        for position, raw in enumerate(sentences):
            cleaned = clean_sentence(raw)
            text = repair_opening(cleaned, previous, article.text)
            text = name_own_outlet(text, article.outlet)
            # A thing's short name ("the hall") and the name the article gave it before: the
            # page writes the name where it has not said which one (shortnames.py).
            shortened = short_names(text, named)
            previous = cleaned
            thing_names(previous, named)
            if position == len(sentences) - 1:
                text = _finished(text)
            if position == 0 and word_count(text) > MAX_WORDS:
                text = main_statement(text, MAX_WORDS) or text
            key = text.lower()
            if key in seen or position in boxed or rejection_reason(text):
                continue
            # "The convenor was cautious." before her quotation: the words are in the quotation.
            following = sentences[position + 1] if position + 1 < len(sentences) else ""
            if leads_into_quote(text, following):
                continue
            seen.add(key)
            found.append(
                Candidate(text, index, position, word_count(text), position < standfirst, shortened)
            )
    return found


def _finished(text: str) -> str:
    """The text's last sentence as a summary may quote it: when the text was cut in it, the
    statement it completed before the cut (cut.py), else the sentence (refused later if cut)."""
    return (finished_head(text) or text) if is_cut(text) else text


def group_facts(
    lexical: np.ndarray,
    order: Sequence[int],
    candidates: Sequence[Candidate],
    similar: np.ndarray | None = None,
) -> list[Fact]:
    """Greedy grouping: in ``order`` (most salient first) each sentence joins the closest fact whose
    representative it matches at ``SAME_FACT`` or more, otherwise it founds a new fact.
    ``similar``: ``lexical @ lexical.T`` when the caller has it already."""
    reps: list[int] = []
    members: list[list[int]] = []
    if similar is None:
        similar = lexical @ lexical.T
    # The representatives as an index array too, filled as they come: no list to convert for
    # every sentence.
    founders = np.empty(len(order), dtype=np.intp)
    for i in order:
        if reps:
            sims = similar[i][founders[: len(reps)]]
            best = int(np.argmax(sims))
            if sims[best] >= SAME_FACT:
                members[best].append(i)
                continue
        founders[len(reps)] = i
        reps.append(i)
        members.append([i])
    return [
        Fact(rep, tuple(group), frozenset(candidates[m].article for m in group))
        for rep, group in zip(reps, members, strict=True)
    ]
