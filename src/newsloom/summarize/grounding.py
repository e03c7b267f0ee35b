"""Is a summary sentence supported by its sources? An offline, CPU-only grounding check.
A claim is aligned to its closest source sentences (MiniLM cosine when an embedder is given, word
overlap always), then checked for what overlap alone misses: numbers, names and other words the
sources never use, a negation the aligned sources do not share, fusion (a claim stitched from word
runs of several source sentences, where abstractive writers, models and people, most often attach a
fact to the wrong subject, place or time), a copied statement given to another actor than the one
its source names or stripped of the hedge its source gives it ("allegedly", "thought to": a claim
given as fact; grounding_runs.py) or given a circumstance or a negation its source does not give it
(grounding_relations.py), an age or a title given to another holder than the one the source gives
it to (grounding_attributes.py), a copied phrase read on past the second mention of one of its
words ("paid for her [vote against her] party"; grounding_deletions.py), a quotation no source
sentence holds whole or words given to another speaker than their source's
(grounding_quotes.py), a word said again that the evidence says once (a generator looping, "has
rejoined Harbour Lane to rejoin Harbour Lane"), and references to someone the text has not named
(references.py). Meaning and seams are sentence-level notions, so a claim that holds several
sentences (tokenised text the splitter leaves whole) is measured per sentence.
``Support.supported`` is what the LLM backend requires of each generated sentence;
``score_text`` rates a whole summary.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from newsloom.summarize.grounding_attributes import misattributed
from newsloom.summarize.grounding_deletions import skipped_repeats
from newsloom.summarize.grounding_quotes import invented_quotes, misquoted, unvoiced
from newsloom.summarize.grounding_relations import borrowed_circumstances, flipped_polarity
from newsloom.summarize.grounding_runs import (
    SourceRuns,
    dropped_hedges,
    fragment_jumps,
    source_runs,
    spliced_slots,
    swapped_actors,
)
from newsloom.summarize.references import unresolved
from newsloom.summarize.text import is_boilerplate, split_sentences
from newsloom.summarize.vectors import Embed, embed_rows
from newsloom.summarize.words import numbers_in, tokens
from newsloom.textkit import STOP_WORDS, stem

SUPPORTED = 0.35  # claims scoring below this are treated as unsupported
ALIGN_TOP = 3  # source sentences a claim is compared with in detail
CACHED_SOURCES = 8
MAX_COUNTED = 5  # invented words that lower the score; more say nothing new
W_JUMP = 0.05  # score lost each time the claim's copied word runs switch source sentence
W_REFERENCE = 0.1  # score lost by a sentence whose "he" or "the 39-year-old" names no one before it
# Score lost by each statement given to the wrong actor: the same error as a reference to the
# wrong person, so the same cost.
W_SWAP = W_REFERENCE
# Score lost by each hedge ("allegedly", "thought to") a copied statement drops: a claim or a
# belief given as fact links a statement to the wrong status, the same kind of error.
W_HEDGE = W_REFERENCE
# Score lost by each word a claim puts in a source phrase's slot in place of the source's own
# (grounding_runs.spliced_slots): the source's statement given another argument, the same kind
# of error as a statement given to another actor.
W_SPLICE = W_SWAP
# Score lost by each circumstance or negation a copied statement is given that its source does
# not give it (grounding_relations.py): the statement linked to another time, place or polarity,
# the same kind of error as a statement given to another actor.
W_RELATION = W_SWAP
# Score lost by each attribute ("former Veland captain", "Smith, 32,") put next to a name the
# sources do not give it to (grounding_attributes.py): an entity error like a statement given
# to another actor, so the same cost.
W_ATTRIBUTE = W_SWAP
# Score lost by each copy that skips from a word to its next mention in one source phrase
# (grounding_deletions.py): what follows completes the phrase in the source's slot, the same
# kind of error as a word put in that slot from elsewhere.
W_SKIP = W_SPLICE
# Score lost by each quotation no one source sentence holds whole and each speaker given words
# the source gives another (grounding_quotes.py): words given to someone who did not say them,
# the same kind of error as a statement given to another actor.
W_QUOTE = W_SWAP
W_CUT = W_REFERENCE  # score lost by each sentence cut short ("She knew the") or of page furniture

_GLUED = re.compile(r"(?<=[a-z0-9][.!?])(?=[A-Z])")  # "weapons.Syria": sentences glued by scraping
# " . " inside a claim: tokenised, lower-cased text ends sentences where no splitter sees them.
_DETACHED_STOP = re.compile(r"(?<=\S) [.!?] (?=\S)")
# Tokenised text detaches contractions ("have n't", "we 're") and possessives ("Kilmarnock 's");
# joined again, they read as the sources write them, so their words, trigrams and copied runs
# match (a detached "s" breaks a run the claim copied whole into two with a seam between).
_CONTRACTION = re.compile(r"(?<=[^\W_]) (n['’]t|['’](?:re|ve|ll|m|d|s))(?![^\W_])", re.I)
# A model's unknown-word placeholder stands for a word it could not spell: it states nothing to
# compare, and counted as an invented word it marks every summary of that model alike, right or
# wrong (FRANK: 43 of 75 Seq2Seq summaries hold one, factual as often as the others).
_PLACEHOLDER = re.compile(r"\[UNK\]|<unk>|\bUNK\b", re.I)
_GLUED_UNIT = re.compile(r"(?<=\d)(?=[^\W\d_])")  # "7pm" -> "7" "pm"
_SPACES = re.compile(r"[ \t]{2,}")  # what a dropped placeholder or bracket leaves: one space
# Penn Treebank tokenisation writes brackets as "-LRB-" / "-RRB-" (and -LSB-, -LCB- ...):
# punctuation, not the words "LRB" and "RRB" that no source uses.
_BRACKET = re.compile(r"-(?:LRB|RRB|LSB|RSB|LCB|RCB)-", re.I)
# Words after which a sentence must go on: an article, a conjunction, a possessive or a
# preposition that takes no particle reading ("carried on", "came in" may end a sentence). A
# sentence ending on one was cut short, by a length limit or a stitch ("She knew the").
_LEADS_ON = frozenset(
    "a an the and or nor but of with into than whose my your our their its".split()
)
_NEGATION = frozenset(
    "not no never none nobody nothing neither nor without cannot can't won't didn't doesn't don't "
    "isn't aren't wasn't weren't hasn't haven't hadn't couldn't shouldn't wouldn't denied denies "
    "deny refused refuses rejected".split()
)


def source_sentences(text: str) -> list[str]:
    """Sentences of a source text, also splitting sentences that scraping glued together."""
    return [s for s in split_sentences(_GLUED.sub(" ", text)) if s.strip()]


def as_written(claim: str) -> str:
    """A claim from tokenised model output as its sources would write it: contractions joined,
    bracket escapes and unknown-word placeholders dropped. The spaces they leave close up: a
    placeholder ending a sentence ("the battle of UNK . he") must not hide the sentence end."""
    claim = _BRACKET.sub(" ", _CONTRACTION.sub(r"\1", claim))
    return _SPACES.sub(" ", _PLACEHOLDER.sub(" ", claim))


def inner_sentences(claim: str) -> list[str]:
    """The sentences inside a claim that the splitter left whole (tokenised " . " joins)."""
    return [part for part in _DETACHED_STOP.split(claim) if part.strip()] or [claim]


@dataclass(frozen=True)
class Support:
    """How well one claim is supported by the sources it was checked against."""

    score: float  # at most 1; below 0 when several words are invented
    aligned: tuple[int, ...]  # indexes of the closest source sentences, best first
    similarity: float  # best cosine (embedding, else word overlap) to one source sentence; of
    # a claim holding several sentences, that of its least supported sentence
    coverage: float  # share of the claim's content words found in the aligned sentences; of
    # a claim holding several sentences, that of its least covered sentence by its own closest
    trigrams: float  # share of the claim's word trigrams found in the sources
    numbers: tuple[str, ...] = ()  # numbers no source states
    names: tuple[str, ...] = ()  # capitalised words (names, places) no source uses
    novel: tuple[str, ...] = ()  # other content words no source uses
    looped: tuple[str, ...] = ()  # content words a sentence repeats more often than its evidence
    negation: bool = False  # negated where the aligned sources are not, or copied words negated
    # where every source states them plainly, or the reverse
    jumps: int = 0  # switches between source sentences along the claim's copied word runs
    swapped: tuple[str, ...] = ()  # names put before a statement the sources make of another
    unhedged: tuple[str, ...] = ()  # hedges of the copied source statement the claim drops
    spliced: tuple[str, ...] = ()  # words put in a copied source phrase in place of its own
    relations: tuple[str, ...] = ()  # copied statements given another circumstance or polarity
    attributes: tuple[str, ...] = ()  # attributes put next to a name the sources give another
    skipped: tuple[str, ...] = ()  # source words a copy skips between two mentions of a word
    misquoted: tuple[str, ...] = ()  # quotations no source sentence holds whole; speakers
    # given words the source gives another
    unresolved: int = 0  # sentences opening with a reference to someone not named before them
    cut: int = 0  # sentences ending on a word that needs another after it ("She knew the")
    furniture: int = 0  # sentences that are page furniture ("Click here for more news.")

    @property
    def supported(self) -> bool:
        """Good enough to publish: no invented number, name or negation, no quotation that no
        source sentence holds whole or given to another speaker than its source's, no
        reference to someone the text has not named, no sentence cut short or made of page
        furniture, and a fair score."""
        return self.score >= SUPPORTED and not (
            self.numbers
            or self.names
            or self.negation
            or self.unresolved
            or self.cut
            or self.furniture
            or self.misquoted
        )


@dataclass(frozen=True)
class _Sources:
    sentences: list[str]
    words: list[list[str]]
    stems: list[set[str]]
    text_of: list[int]  # which source text each sentence comes from
    vocabulary: set[str]  # every stem of every source
    lowered: set[str]  # every word as written, lower-cased
    trigrams: set[tuple[str, ...]]
    numbers: set[str]
    vectors: np.ndarray | None
    runs: SourceRuns  # every word in order, for the claim's copied runs


class GroundingChecker:
    """``check(claim, sources) -> Support``; ``score_text(summary, article) -> float``.

    ``embed`` (the product's MiniLM ``Embedder.embed``) adds semantic alignment; without it the
    check is purely lexical and still catches invented numbers, names and negations.
    """

    def __init__(self, embed: Embed | None = None) -> None:
        self._embed = embed
        # Several claims or summaries are often checked against the same sources in a row.
        self._cache: dict[tuple[tuple[str, ...], ...], _Sources] = {}

    def check(self, claim: str, sources: Sequence[str], context: Sequence[str] = ()) -> Support:
        """``context``: the sentences a reader has read just before the claim."""
        return self.check_all([claim], sources, context)[0]

    def check_all(
        self, claims: Sequence[str], sources: Sequence[str], context: Sequence[str] = ()
    ) -> list[Support]:
        """One Support per claim against the same source sentences (embedded once). The claims
        are read in order: each one's context is ``context`` and the claims before it."""
        prepared = self._prepare(tuple(tuple(source_sentences(text)) for text in sources))
        # Read before placeholders go: "cockroaches and <unk>" ends on a word, not on "and".
        written = [inner_sentences(claim) for claim in claims]
        cuts = [sum(map(_cut, sentences)) for sentences in written]
        furniture = [sum(map(is_boilerplate, sentences)) for sentences in written]
        claims = [as_written(claim) for claim in claims]
        parts = [inner_sentences(claim) for claim in claims]
        flat = [part for claim_parts in parts for part in claim_parts]
        vectors = embed_rows(self._embed, flat) if self._embed is not None and flat else None
        earlier = {w.lower() for text in context for w in tokens(text)}
        supports = []
        start = 0
        for claim, claim_parts, cut, page in zip(claims, parts, cuts, furniture, strict=True):
            end = start + len(claim_parts)
            part_vectors = vectors[start:end] if vectors is not None else None
            support = self._check_one(claim, claim_parts, prepared, part_vectors, earlier)
            if cut or page:
                # A sentence cut short leaves its statement unfinished, and page furniture
                # ("Click here for more sailing news.") states nothing of the story: whatever
                # they copied, they do not say what the source reports. Each costs like a
                # reference to the wrong person.
                score = max(-1.0, support.score - W_CUT * (cut + page))
                support = dataclasses.replace(support, score=score, cut=cut, furniture=page)
            supports.append(support)
            earlier |= {w.lower() for w in tokens(claim)}
            start = end
        return supports

    def score_text(self, summary: str, article: str) -> float:
        """A summary's grounding in one article: the mean score of its sentences."""
        claims = source_sentences(summary) or [summary]
        return float(np.mean([s.score for s in self.check_all(claims, [article])]))

    def _prepare(self, texts: tuple[tuple[str, ...], ...]) -> _Sources:
        if texts not in self._cache:
            if len(self._cache) >= CACHED_SOURCES:
                self._cache.pop(next(iter(self._cache)))
            self._cache[texts] = self._build(texts)
        return self._cache[texts]

    def _build(self, texts: tuple[tuple[str, ...], ...]) -> _Sources:
        sentences = [sentence for text in texts for sentence in text]
        words = [tokens(s) for s in sentences]
        all_words = [w for ws in words for w in ws]
        vectors = embed_rows(self._embed, sentences) if self._embed and sentences else None
        return _Sources(
            sentences=sentences,
            words=words,
            stems=[{stem(w) for w in ws} for ws in words],
            text_of=[k for k, text in enumerate(texts) for _ in text],
            vocabulary={stem(w) for w in all_words},
            lowered={w.lower() for w in all_words},
            trigrams={g for ws in words for g in trigrams(ws)},
            numbers=numbers_in(all_words),
            vectors=vectors,
            runs=source_runs(sentences),
        )

    def _check_one(
        self,
        claim: str,
        parts: Sequence[str],
        src: _Sources,
        part_vectors: np.ndarray | None,
        earlier: set[str],
    ) -> Support:
        words = tokens(claim)
        content = [w for w in words if stem(w) not in STOP_WORDS]
        content_stems = {stem(w) for w in content}
        if not src.sentences:
            return Support(0.0, (), 0.0, 0.0, 0.0)
        if not content_stems:
            return Support(1.0, (), 1.0, 1.0, 1.0)
        lexical = _overlap(content_stems, src)
        similarity, best = lexical, float(lexical.max())
        cosines = None  # per source sentence and claim sentence
        if part_vectors is not None and src.vectors is not None:
            # Meaning is compared sentence to sentence: a claim holding several sentences is as
            # close as its least supported sentence is to its nearest source sentence (one
            # wrong sentence makes the claim wrong, however well the others match).
            cosines = np.maximum(src.vectors @ part_vectors.T, 0.0)
            similarity, best = cosines.max(axis=1), float(cosines.max(axis=0).min())
        order = _aligned(similarity, lexical)
        whole = len(parts) == 1  # the common case: the claim's words and overlap serve
        part_words = [words] if whole else [tokens(part) for part in parts]
        # Each sentence of the claim against the source sentences by its own words.
        overlaps = (
            [lexical]
            if whole
            else [_overlap({stem(w) for w in ws} - STOP_WORDS, src) for ws in part_words]
        )
        # Each sentence's closest source sentences, in meaning and words: its evidence.
        evidence = [order]
        if not whole:
            evidence = [
                _aligned(overlap if cosines is None else cosines[:, k], overlap)
                for k, overlap in enumerate(overlaps)
            ]
        # Like meaning, content is found sentence by sentence: a claim's coverage is that of
        # its least covered sentence by that sentence's own evidence (a sentence fused from
        # far-apart statements is not covered by the evidence of the claim as a whole).
        coverage = min(
            (
                len(own & set().union(*(src.stems[i] for i in near))) / len(own)
                for ws, near in zip(part_words, evidence, strict=True)
                if (own := {stem(w) for w in ws} - STOP_WORDS)
            ),
            default=1.0,
        )
        claim_trigrams = trigrams(words)
        trigram_share = (
            sum(g in src.trigrams for g in claim_trigrams) / len(claim_trigrams)
            if claim_trigrams
            else coverage
        )
        numbers, names, novel = _unsupported(words, content, src)
        # A negation the claim adds fails it; one it loses counts only where the sources negate
        # the very words it copies (``flipped_polarity``). The aligned sentences' own negations
        # mostly bear on another clause ("X, who played 133 Tests, has not been approached"):
        # on FRANK's CNN/DM summaries, "a source negated, the claim not" fired on 61 right and
        # 48 wrong ones, and was the only failure of 55 right and 24 wrong.
        negation = _negated(words) and not any(_negated(tokens(src.sentences[i])) for i in order)
        # A seam is where one sentence joins word runs of several source sentences; the end of
        # a sentence inside the claim is not one.
        jumps = sum(fragment_jumps([stem(w) for w in ws], src.runs) for ws in part_words)
        swapped = [name for part in parts for name in swapped_actors(part, src.runs)]
        unhedged = [
            hedge for ws in part_words for hedge in dropped_hedges([stem(w) for w in ws], src.runs)
        ]
        spliced = [
            word for ws in part_words for word in spliced_slots([stem(w) for w in ws], src.runs)
        ]
        flipped = [found for part in parts for found in flipped_polarity(part, src.runs)]
        relations = [
            found for part in parts for found in borrowed_circumstances(part, src.runs)
        ] + flipped
        attributes = [found for part in parts for found in misattributed(part, src.runs)]
        skipped = [found for part in parts for found in skipped_repeats(part, src.runs)]
        # A quotation may run across the sentences of a tokenised claim: read it whole.
        quotes = invented_quotes(claim, src.runs) + unvoiced(claim, parts, src.runs, src.sentences)
        quotes += [found for part in parts for found in misquoted(part, src.runs)]
        looped: list[str] = []
        for ws, near in zip(part_words, evidence, strict=True):
            if repeated := _repeated(ws):
                looped += _looped(repeated, [src.words[i] for i in near])
        references = 0
        for ws, overlap in zip(part_words, overlaps, strict=True):
            references += unresolved(ws, earlier, overlap, src.words, src.text_of)
            earlier = earlier | {w.lower() for w in ws}
        # Copied word sequences are the strongest sign of support; meaning (MiniLM) and content
        # words rescue paraphrase; every word no source uses costs, and so does each seam where
        # the claim joins runs from different source sentences, and each statement it gives to
        # another actor than its source does. A word said more often than the evidence says it
        # costs like an invented word: the extra mention states what no source states. A
        # negation flip fails the claim outright (``supported``) but is not scored: alignment
        # errors make it noisy. So does a reference to someone the text has not named
        # (``references``), which is also scored.
        invented = min(len(numbers) + len(names) + len(novel) + len(looped), MAX_COUNTED)
        score = (trigram_share + 0.3 * best + 0.3 * coverage - 0.15 * invented) / 1.6
        score -= W_JUMP * jumps + W_REFERENCE * references + W_SWAP * len(swapped)
        score -= W_HEDGE * len(unhedged) + W_SPLICE * len(spliced) + W_RELATION * len(relations)
        score -= W_ATTRIBUTE * len(attributes) + W_SKIP * len(skipped) + W_QUOTE * len(quotes)
        return Support(
            score=float(max(-1.0, score)),
            aligned=tuple(order),
            similarity=best,
            coverage=coverage,
            trigrams=trigram_share,
            numbers=tuple(numbers),
            names=tuple(names),
            novel=tuple(novel),
            looped=tuple(looped),
            negation=negation or bool(flipped),
            jumps=jumps,
            swapped=tuple(swapped),
            unhedged=tuple(unhedged),
            spliced=tuple(spliced),
            relations=tuple(relations),
            attributes=tuple(attributes),
            skipped=tuple(skipped),
            misquoted=tuple(quotes),
            unresolved=references,
        )


def _aligned(similarity: np.ndarray, lexical: np.ndarray) -> list[int]:
    """The source sentences closest to a claim, in meaning and words, best first."""
    return [int(i) for i in np.argsort(-(similarity + lexical), kind="stable")[:ALIGN_TOP]]


def _repeated(words: Sequence[str]) -> dict[str, list[str]]:
    """Content stems said more than once in one sentence, with the words that say them."""
    said: dict[str, list[str]] = {}
    for word in words:
        if (root := stem(word)) not in STOP_WORDS:
            said.setdefault(root, []).append(word)
    return {root: found for root, found in said.items() if len(found) > 1}


def _looped(repeated: dict[str, list[str]], evidence: Sequence[Sequence[str]]) -> list[str]:
    """The mentions beyond what the evidence (the sentence's closest source sentences) has in
    one sentence. A summary sentence compresses its evidence, so saying a word again where no
    evidence sentence does ("the assembly's assembly", "a wall of a wall") is a generator
    looping or two statements fused around a shared word; a sentence copied with its
    repetition ("7 pm and 7 am", "head-to-head") keeps what its source says."""
    # A number glued to its unit ("7pm", "10km") says the number once, as "7 pm" does.
    counts = [
        Counter(stem(part) for w in sentence for part in _GLUED_UNIT.split(w) if part)
        for sentence in evidence
    ]
    extra: list[str] = []
    for root, found in repeated.items():
        most = max((count[root] for count in counts), default=0)
        extra += found[max(most, 1) :]
    return extra


def _overlap(content_stems: set[str], src: _Sources) -> np.ndarray:
    """Per source sentence: the share of these content stems it holds."""
    if not content_stems:
        return np.zeros(len(src.stems))
    return np.array(
        [len(content_stems & s) / len(content_stems) for s in src.stems], dtype=np.float64
    )


def trigrams(words: Sequence[str]) -> list[tuple[str, ...]]:
    """Stemmed word trigrams; a detached possessive "'s" (tokenised text) is ignored."""
    stems = [stem(w) for w in words if w.lower() != "s"]
    return [tuple(stems[i : i + 3]) for i in range(len(stems) - 2)]


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


def _cut(sentence: str) -> bool:
    """The sentence ends on a word that needs another after it."""
    words = tokens(sentence)
    return bool(words) and words[-1].lower() in _LEADS_ON


def _negated(words: Sequence[str]) -> bool:
    return any(w.lower().replace("’", "'") in _NEGATION or w.lower().endswith("n't") for w in words)
