"""Is a summary sentence supported by its sources? An offline, CPU-only grounding check.

A claim is aligned to its closest source sentences (MiniLM cosine when an embedder is given, word
overlap always), then checked for what overlap alone misses: numbers, names and other words the
sources never use, a negation the aligned sources do not share, and fusion: a claim stitched
from word runs of several source sentences, where abstractive writers (models and people) most
often attach a fact to the wrong subject, place or time. ``Support.supported`` is what
the LLM backend requires of each generated sentence; ``score_text`` rates a whole summary.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from newsloom.summarize.text import split_sentences
from newsloom.summarize.vectors import Embed, embed_rows

SUPPORTED = 0.35  # claims scoring below this are treated as unsupported
ALIGN_TOP = 3  # source sentences a claim is compared with in detail
CACHED_SOURCES = 8
MAX_COUNTED = 5  # invented words that lower the score; more say nothing new
W_JUMP = 0.05  # score lost each time the claim's copied word runs switch source sentence
MIN_RUN = 2  # words in a copied run that counts as a fragment

_TOKEN = re.compile(r"[A-Za-z0-9]+(?:[.,'’][A-Za-z0-9]+)*")
_GLUED = re.compile(r"(?<=[a-z0-9][.!?])(?=[A-Z])")  # "weapons.Syria": sentences glued by scraping
_DIGITS = re.compile(r"\d+(?:\.\d+)?")
_NEGATION = frozenset(
    "not no never none nobody nothing neither nor without cannot can't won't didn't doesn't don't "
    "isn't aren't wasn't weren't hasn't haven't hadn't couldn't shouldn't wouldn't denied denies "
    "deny refused refuses rejected".split()
)
_NUMBER_WORDS = {
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
    "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "twenty": "20",
    "thirty": "30", "forty": "40", "fifty": "50", "hundred": "100", "thousand": "1000",
    "million": "1000000", "billion": "1000000000", "first": "1", "second": "2", "third": "3",
}  # fmt: skip
STOP_WORDS = frozenset(
    """
    a an the and or but if of to in on at by for with from as into onto about over after before
    than then that this these those there here is are was were be been being has have had do does
    did will would shall should can could may might must it its he she they them his her their we
    our you your i me my who whom whose which what when where why how all any both each more most
    other some such only own same so too very just also s t said says say told tell according
    up down out off again further once per via while during since until because against between
    through under above below new one year years last first
    """.split()
)
_SUFFIXES = ("ingly", "edly", "ings", "ing", "ied", "ies", "ed", "es", "ly", "s")


def stem(word: str) -> str:
    """A light suffix stripper: enough to match "closed"/"closes"/"closing" without a library."""
    word = word.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)] + ("y" if suffix in ("ied", "ies") else "")
    return word


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def numbers_in(words: Sequence[str]) -> set[str]:
    """Numbers as digit strings: "3.2", "18,000" -> "18000", "39-year-old" -> "39", "six" -> "6"."""
    found: set[str] = set()
    for word in words:
        lower = word.lower()
        if any(ch.isdigit() for ch in lower):
            plain = re.sub(r"(?<=\d),(?=\d{3})", "", lower)
            found.update(m.rstrip(".") for m in _DIGITS.findall(plain))
        elif lower in _NUMBER_WORDS:
            found.add(_NUMBER_WORDS[lower])
    return found


def source_sentences(text: str) -> list[str]:
    """Sentences of a source text, also splitting sentences that scraping glued together."""
    return [s for s in split_sentences(_GLUED.sub(" ", text)) if s.strip()]


@dataclass(frozen=True)
class Support:
    """How well one claim is supported by the sources it was checked against."""

    score: float  # at most 1; below 0 when several words are invented
    aligned: tuple[int, ...]  # indexes of the closest source sentences, best first
    similarity: float  # best cosine (embedding, else word overlap) to one source sentence
    coverage: float  # share of the claim's content words found in the aligned sentences
    trigrams: float  # share of the claim's word trigrams found in the sources
    numbers: tuple[str, ...] = ()  # numbers no source states
    names: tuple[str, ...] = ()  # capitalised words (names, places) no source uses
    novel: tuple[str, ...] = ()  # other content words no source uses
    negation: bool = False  # negated where the aligned sources are not, or the reverse
    jumps: int = 0  # switches between source sentences along the claim's copied word runs

    @property
    def supported(self) -> bool:
        """Good enough to publish: no invented number, name or negation, and a fair score."""
        return self.score >= SUPPORTED and not (self.numbers or self.names or self.negation)


@dataclass(frozen=True)
class _Sources:
    sentences: list[str]
    stems: list[set[str]]
    vocabulary: set[str]  # every stem of every source
    lowered: set[str]  # every word as written, lower-cased
    trigrams: set[tuple[str, ...]]
    numbers: set[str]
    vectors: np.ndarray | None
    stream: list[str]  # every stem of every sentence, in order
    sentence_of: list[int]  # sentence index of each stem of ``stream``
    positions: dict[str, list[int]]  # where each stem occurs in ``stream``


class GroundingChecker:
    """``check(claim, sources) -> Support``; ``score_text(summary, article) -> float``.

    ``embed`` (the product's MiniLM ``Embedder.embed``) adds semantic alignment; without it the
    check is purely lexical and still catches invented numbers, names and negations.
    """

    def __init__(self, embed: Embed | None = None) -> None:
        self._embed = embed
        # Several claims or summaries are often checked against the same sources in a row.
        self._cache: dict[tuple[str, ...], _Sources] = {}

    def check(self, claim: str, sources: Sequence[str]) -> Support:
        return self.check_all([claim], sources)[0]

    def check_all(self, claims: Sequence[str], sources: Sequence[str]) -> list[Support]:
        """One Support per claim against the same source sentences (embedded once)."""
        prepared = self._prepare([s for text in sources for s in source_sentences(text)])
        claim_vectors = (
            embed_rows(self._embed, list(claims)) if self._embed is not None and claims else None
        )
        return [
            self._check_one(
                claim, prepared, claim_vectors[i] if claim_vectors is not None else None
            )
            for i, claim in enumerate(claims)
        ]

    def score_text(self, summary: str, article: str) -> float:
        """A summary's grounding in one article: the mean score of its sentences."""
        claims = source_sentences(summary) or [summary]
        return float(np.mean([s.score for s in self.check_all(claims, [article])]))

    def _prepare(self, sentences: list[str]) -> _Sources:
        key = tuple(sentences)
        if key not in self._cache:
            if len(self._cache) >= CACHED_SOURCES:
                self._cache.pop(next(iter(self._cache)))
            self._cache[key] = self._build(sentences)
        return self._cache[key]

    def _build(self, sentences: list[str]) -> _Sources:
        words = [tokens(s) for s in sentences]
        all_words = [w for ws in words for w in ws]
        vectors = embed_rows(self._embed, sentences) if self._embed and sentences else None
        stream = [stem(w) for ws in words for w in ws]
        positions: dict[str, list[int]] = {}
        for at, word in enumerate(stream):
            positions.setdefault(word, []).append(at)
        return _Sources(
            sentences=sentences,
            stems=[{stem(w) for w in ws} for ws in words],
            vocabulary={stem(w) for w in all_words},
            lowered={w.lower() for w in all_words},
            trigrams={g for ws in words for g in trigrams(ws)},
            numbers=numbers_in(all_words),
            vectors=vectors,
            stream=stream,
            sentence_of=[k for k, ws in enumerate(words) for _ in ws],
            positions=positions,
        )

    def _check_one(self, claim: str, src: _Sources, vector: np.ndarray | None) -> Support:
        words = tokens(claim)
        content = [w for w in words if stem(w) not in STOP_WORDS]
        content_stems = {stem(w) for w in content}
        if not src.sentences:
            return Support(0.0, (), 0.0, 0.0, 0.0)
        if not content_stems:
            return Support(1.0, (), 1.0, 1.0, 1.0)
        lexical = np.array(
            [len(content_stems & s) / len(content_stems) for s in src.stems], dtype=np.float64
        )
        similarity = lexical
        if vector is not None and src.vectors is not None:
            similarity = np.maximum(src.vectors @ vector, 0.0)
        order = [int(i) for i in np.argsort(-(similarity + lexical), kind="stable")[:ALIGN_TOP]]
        aligned = set().union(*(src.stems[i] for i in order))
        coverage = len(content_stems & aligned) / len(content_stems)
        claim_trigrams = trigrams(words)
        trigram_share = (
            sum(g in src.trigrams for g in claim_trigrams) / len(claim_trigrams)
            if claim_trigrams
            else coverage
        )
        numbers, names, novel = _unsupported(words, content, src)
        negation = _negated(words) != any(_negated(tokens(src.sentences[i])) for i in order)
        best = float(similarity.max())
        jumps = fragment_jumps([stem(w) for w in words], src)
        # Copied word sequences are the strongest sign of support; meaning (MiniLM) and content
        # words rescue paraphrase; every word no source uses costs, and so does each seam where
        # the claim joins runs from different source sentences. A negation flip fails the claim
        # outright (``supported``) but is not scored: alignment errors make it noisy.
        invented = min(len(numbers) + len(names) + len(novel), MAX_COUNTED)
        score = (trigram_share + 0.3 * best + 0.3 * coverage - 0.15 * invented) / 1.6
        score -= W_JUMP * jumps
        return Support(
            score=float(max(-1.0, score)),
            aligned=tuple(order),
            similarity=best,
            coverage=coverage,
            trigrams=trigram_share,
            numbers=tuple(numbers),
            names=tuple(names),
            novel=tuple(novel),
            negation=negation,
            jumps=jumps,
        )


def trigrams(words: Sequence[str]) -> list[tuple[str, ...]]:
    """Stemmed word trigrams; a detached possessive "'s" (tokenised text) is ignored."""
    stems = [stem(w) for w in words if w.lower() != "s"]
    return [tuple(stems[i : i + 3]) for i in range(len(stems) - 2)]


def fragment_jumps(claim: Sequence[str], src: _Sources) -> int:
    """How often the claim's copied runs (greedy longest matches of ``MIN_RUN``+ stems, as in
    Grusky et al.'s extractive fragments) come from a different source sentence than the run
    before. A claim copied from one sentence has none; a fusion of three sentences has two."""
    origins: list[int] = []
    i = 0
    while i < len(claim):
        length, start = 0, -1
        for at in src.positions.get(claim[i], ()):
            k = 1
            while i + k < len(claim) and at + k < len(src.stream):
                if src.stream[at + k] != claim[i + k]:
                    break
                k += 1
            if k > length:
                length, start = k, at
        if length >= MIN_RUN:
            origins.append(src.sentence_of[start])
        i += max(length, 1)
    return sum(1 for a, b in itertools.pairwise(origins) if a != b)


def _unsupported(
    words: Sequence[str], content: Sequence[str], src: _Sources
) -> tuple[list[str], list[str], list[str]]:
    """Numbers the sources never state; names and other content words they never use."""
    numbers = sorted(numbers_in(words) - src.numbers)
    names: list[str] = []
    novel: list[str] = []
    cased = any(w[:1].isupper() for w in words[1:])  # lower-cased text tells no names apart
    for position, word in enumerate(words):
        if word not in content or numbers_in([word]):
            continue
        if stem(word) in src.vocabulary or word.lower() in src.lowered:
            continue
        is_name = cased and position > 0 and word[:1].isupper()
        (names if is_name else novel).append(word)
    return numbers, names, novel


def _negated(words: Sequence[str]) -> bool:
    return any(w.lower().replace("’", "'") in _NEGATION or w.lower().endswith("n't") for w in words)
