"""The search box's query language, read into words and phrases (``parse_query``).

Words, "quoted phrases", -excluded words and trailing-* prefixes; everything else is text. User
input never reaches a backend's query language as syntax: the backends (``backends/``) bind these
words as quoted FTS5 strings or as arguments of plainto/phraseto_tsquery.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsloom.errors import StoreError
from newsloom.textkit import QUERY_STOP_WORDS

MAX_QUERY_CHARS = 500
MAX_TERMS = 12

_WORD = re.compile(r"[^\W_]+")
_TOKEN = re.compile(r'(-?)"([^"]*)"?|(-?)([^\s"]+)')
LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$")


@dataclass(frozen=True)
class Term:
    words: tuple[str, ...]  # one word, or a phrase
    prefix: bool = False  # "ferr*": the last word is a prefix


@dataclass(frozen=True)
class ParsedQuery:
    required: tuple[Term, ...]
    excluded: tuple[Term, ...]

    @property
    def empty(self) -> bool:
        return not self.required


def parse_query(raw: str) -> ParsedQuery:
    """Words, "quoted phrases", -excluded words and trailing-* prefixes; everything else is text."""
    required: list[Term] = []
    excluded: list[Term] = []
    if len(raw) > MAX_QUERY_CHARS:  # cut at a space, not inside a word
        raw = raw[:MAX_QUERY_CHARS].rsplit(None, 1)[0]
    for match in _TOKEN.finditer(raw):
        negated = bool(match.group(1) or match.group(3))
        phrase = match.group(2)
        chunk = phrase if phrase is not None else match.group(4)
        words = tuple(w.lower() for w in _WORD.findall(chunk))
        if not words:
            continue
        prefix = phrase is None and chunk.endswith("*") and len(words) == 1
        if phrase is None and len(words) > 1:  # "U.S." or "e-mail": each part is a word
            terms = [Term((w,)) for w in words]
        else:
            terms = [Term(words, prefix)]
        (excluded if negated else required).extend(terms)
    content = [
        t for t in required if len(t.words) > 1 or t.prefix or t.words[0] not in QUERY_STOP_WORDS
    ]
    kept = content or required
    return ParsedQuery(tuple(dict.fromkeys(kept))[:MAX_TERMS], tuple(excluded)[:MAX_TERMS])


def language_code(language: str | None) -> str | None:
    """The language filter as a lower-case code (None for none); StoreError for anything else."""
    if language is None or language == "":
        return None
    code = language.strip().lower()
    if not LANGUAGE_CODE.match(code):
        raise StoreError(f"store: not a language code: {language[:20]!r}")
    return code
