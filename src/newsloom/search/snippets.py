"""Snippets: the window of a hit's text that holds the most query words, and which words of it
the query looks for (to mark them). Pure text work, no SQL: the index's own stemmer decides hits,
this only points at them."""

from __future__ import annotations

import functools
import re

from newsloom.search.query import ParsedQuery
from newsloom.textkit import prefix_stem

SNIPPET_WORDS = 32


@functools.lru_cache(maxsize=256)
def term_pattern(parsed: ParsedQuery) -> re.Pattern[str]:
    """A regex for the words of some text the query looks for: same stem, or the given prefix."""
    alternatives = []
    for term in parsed.required:
        for word in term.words:
            stem = prefix_stem(word)
            if term.prefix or len(stem) >= 4:
                alternatives.append(re.escape(word if term.prefix else stem) + r"[^\W_]*")
            else:  # too short to stand for a family of words: the word, maybe plural
                alternatives.append(re.escape(word) + "(?:s|es)?")
    body = "|".join(alternatives) or "(?!)"
    return re.compile(rf"(?<![^\W_])(?:{body})(?![^\W_])", re.IGNORECASE)


def matches_term(word: str, parsed: ParsedQuery) -> bool:
    """Whether ``word`` of some text is one the query looks for (to mark it in a snippet)."""
    return term_pattern(parsed).fullmatch(word) is not None


def snippet(text: str, parsed: ParsedQuery, words: int = SNIPPET_WORDS) -> str:
    """The ``words``-word window of ``text`` holding the most query words, with … where cut."""
    tokens = text.split()
    if len(tokens) <= words:
        return " ".join(tokens)
    pattern = term_pattern(parsed)
    hits = [1 if pattern.search(t) else 0 for t in tokens]
    best, best_count, count = 0, -1, sum(hits[:words])
    for start in range(0, len(tokens) - words + 1):
        if start:
            count += hits[start + words - 1] - hits[start - 1]
        if count > best_count:
            best, best_count = start, count
    # Start a little before the first hit so it reads in context.
    first = next((i for i in range(best, best + words) if hits[i]), best)
    start = max(0, min(first - 4, len(tokens) - words))
    window = tokens[start : start + words]
    return (
        ("… " if start else "") + " ".join(window) + (" …" if start + words < len(tokens) else "")
    )
