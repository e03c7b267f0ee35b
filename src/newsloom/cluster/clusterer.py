"""Incremental single-pass story clustering.

Each document is compared with the stories still in memory, never with the archive: a story
stays *active* for ``window_hours`` after its latest article (so a running story stays open while
it gets articles) and *dormant* for ``dormant_factor`` windows more, during which a follow-up can
still revive it, but only with a stronger match (the bar rises with the log of the gap). Older
stories are pruned. Active stories are scanned by embedding; dormant ones, up to thirty times as
many, are candidates only when they share a name or title word with the document
(``centroids.KeyPostings``), so assignment cost follows the window, not the archive's tail.

The match score blends three views of "same event", each in [0, 1]:
- ``cos``: MiniLM cosine to the story (centroid and closest recent member, averaged),
- ``lex``: TF-IDF cosine of title+lead terms, idf learned from the stream,
- ``ent``: idf-weighted share of the document's entity-like tokens (names, places, numbers) that
  the story has.
Headlines alone share fewer terms and entities than headlines with a lead, even within one event,
so the bar adapts to how much text a document has: short documents need a lower blended score.
The blend ranks the candidates; evidence that the document reports another event vetoes a join
whatever the score (docs/clustering.md), because an embedding knows the kind of event far better
than which one:
- a document whose opening states another score, age at death or magnitude than any member's
  reports another match, death or quake (``evidence.py``);
- a headline alone must share two title words with the story (one is only a name or a beat);
- a document whose principal names (its most mentioned) appear nowhere in the story, while the
  story's principal names (most of its members') appear nowhere in the document, is about other
  actors and places;
- a document with a full lead must share some key terms with the story (``min_lexical_full``): a
  close embedding alone is often just the same place and beat;
- with no time between the document and the story (one instant for all, as an undated archive),
  a protagonist of the document named nowhere in the story, while the story's is named nowhere in
  the document, is another event: the window cannot tell them apart, so the names must.
And a story holds one language: the embedding model is English only, so across languages its cosine
means nothing, and in other languages terms and names weigh more (``ScoreWeights.blend``).
"""

from __future__ import annotations

import math
from collections import Counter, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from itertools import repeat
from operator import mul

import numpy as np

from newsloom.cluster.centroids import STORY_KEYS, CentroidRows, KeyPostings
from newsloom.cluster.evidence import EventFacts, conflict
from newsloom.cluster.features import DocTerms, DocumentFrequencies, doc_terms
from newsloom.errors import ClusterError

DIMENSIONS = 384
RECENT_MEMBERS = 8  # max-link looks at this many latest members: stories drift
# Principal names of a document: its most mentioned names (mentioned at least twice, a title
# mention counting twice). Three: who, with whom or against whom, where.
PRINCIPAL_NAMES = 3
MIN_MENTIONS = 2
# Two headlines on one event share at least two of their words (who and what happened); one
# shared word is a name or a beat ("England", "Apple"), which many different events share.
HEADLINE_SHARED_WORDS = 2
HALF_LEAD = 0.5  # below half a lead's words a document is judged as a headline
PRUNE_EVERY_SECONDS = 3600.0
CANDIDATES = 12  # stories re-scored lexically, picked by embedding similarity


@dataclass(frozen=True)
class ClusterDoc:
    article_id: int
    title: str
    text: str
    published: datetime
    source_id: int = 0
    vector: np.ndarray | None = None  # embedding of title + lead (embedding_text)
    language: str = ""  # ISO 639-1 when known; "" matches any language


@dataclass(frozen=True)
class Assignment:
    story_id: int | None  # None: start a new story
    similarity: float
    reasons: str


@dataclass(frozen=True)
class ScoreWeights:
    """How the views are blended and where the bar sits. Defaults are the model defaults."""

    embedding: float = 0.5
    lexical: float = 0.3
    entities: float = 0.2
    # Short texts share fewer terms and entities even within one event, so their bar is lower.
    threshold_full: float = 0.26  # a document with a lead (>= full_words words)
    threshold_headline: float = 0.22  # a headline alone
    full_words: int = 60
    dormant_penalty: float = 0.03  # extra bar per doubling of the gap beyond the window
    # The embedding model is English-only: in other languages its cosine is high between any two
    # texts, so there the terms and names carry the decision.
    # Two full articles on one event share some of their key terms; a close embedding alone
    # (same place, same beat) is not enough. Scaled by richness: headlines share few terms.
    min_lexical_full: float = 0.17
    model_language: str = "en"
    other_language_embedding: float = 0.2

    def blend(self, language: str) -> tuple[float, float, float]:
        if not language or language == self.model_language:
            return self.embedding, self.lexical, self.entities
        moved = self.embedding - self.other_language_embedding
        rest = self.lexical + self.entities
        return (
            self.other_language_embedding,
            self.lexical + moved * self.lexical / rest,
            self.entities + moved * self.entities / rest,
        )


@dataclass
class _Story:
    story_id: int
    first: datetime
    last: datetime
    vector_sum: np.ndarray
    recent: deque[np.ndarray] = field(default_factory=lambda: deque(maxlen=RECENT_MEMBERS))
    terms: dict[str, float] = field(default_factory=dict)  # summed sublinear tf of members
    title_terms: Counter[str] = field(default_factory=Counter)
    entities: Counter[str] = field(default_factory=Counter)
    principal: Counter[str] = field(default_factory=Counter)  # members' principal names
    principal_top: tuple[str, ...] = ()  # the PRINCIPAL_NAMES most counted of them
    protagonists: Counter[str] = field(default_factory=Counter)  # members' protagonists
    facts: EventFacts = field(default_factory=EventFacts)  # all its members state
    size: int = 0
    language: str = ""  # of its first article with a known language
    # TF-IDF norm under the idf of ``norm_docs`` documents; refreshed when stale (see _story_norm).
    norm: float = 0.0
    norm_docs: int = -1


@dataclass
class _Scored:
    story: _Story
    score: float
    cos: float
    lex: float
    ent: float
    bar: float
    veto: str = ""  # why the evidence says another event, whatever the score


@dataclass(frozen=True)
class _Query:
    """A document's weights under the current idf, computed once per assign()."""

    weights: dict[str, float]
    norm: float
    # weight x idf again: a story's raw term weight times this is its TF-IDF product term.
    dot_weights: dict[str, float]
    entities: dict[str, float]
    entity_total: float
    richness: float  # 0 = headline only .. 1 = headline with a full lead
    title_terms: frozenset[str]
    principal: tuple[str, ...]
    facts: EventFacts
    protagonist: frozenset[str]  # its weightiest principal name(s): who the report is about


def _top_rows(scores: np.ndarray, k: int) -> np.ndarray:
    """The rows of the k highest scores, highest first, ties by row: what a stable argsort of
    -scores gives, in O(n) rather than O(n log n)."""
    if len(scores) <= k:
        return np.argsort(-scores, kind="stable")
    kth = np.partition(scores, len(scores) - k)[len(scores) - k]
    rows = np.flatnonzero(scores >= kth)
    return rows[np.lexsort((rows, -scores[rows]))][:k]


def _entity_overlap(query: _Query, story: _Story) -> float:
    if not query.entity_total:
        return 0.0
    shared = sum(w for e, w in query.entities.items() if e in story.entities)
    return shared / query.entity_total


def _doc_keys(terms: DocTerms) -> list[str]:
    return [f"e:{e}" for e in terms.entities] + [f"t:{t}" for t in terms.title_terms]


def _language(doc: ClusterDoc) -> str:
    return doc.language.split("-")[0].lower()


class StoryClusterer:
    """``assign(doc)`` proposes a story (None: a new one); ``add(doc, story_id)`` commits it."""

    def __init__(
        self,
        threshold: float | None = None,
        window_hours: float = 72.0,
        *,
        dormant_factor: float = 30.0,
        max_stories: int = 20_000,
        weights: ScoreWeights | None = None,
        embed: Callable[[list[str]], np.ndarray] | None = None,
    ) -> None:
        if window_hours <= 0:
            raise ClusterError("cluster: window_hours must be positive")
        self.weights = weights or ScoreWeights()
        # An explicit threshold replaces the full-text bar; headlines keep their extra margin.
        self._offset = 0.0 if threshold is None else threshold - self.weights.threshold_full
        self.window_seconds = window_hours * 3600.0
        self.memory_seconds = self.window_seconds * (1.0 + dormant_factor)
        # Bounds assign() cost on busy installs: beyond this, the longest-idle stories go first.
        self.max_stories = max_stories
        self._embed = embed
        self._df = DocumentFrequencies()
        self._stories: dict[int, _Story] = {}
        # Active stories are scanned in full; dormant ones are looked up by shared keys.
        self._active = CentroidRows(DIMENSIONS)
        self._dormant = CentroidRows(DIMENSIONS)
        self._postings = KeyPostings()
        self._now: datetime | None = None
        self._terms_cache: dict[int, DocTerms] = {}
        self.largest_story_id = 0
        self._last_embedded: tuple[int | None, np.ndarray] = (None, np.zeros(DIMENSIONS))

    @property
    def memory_hours(self) -> float:
        """How far back a warm-up should reach: active window plus the dormant period."""
        return self.memory_seconds / 3600.0

    def __len__(self) -> int:
        return len(self._stories)

    def assign(self, doc: ClusterDoc) -> Assignment:
        self._advance(doc.published)
        vector = self._vector(doc)
        terms = self._terms(doc)
        best = self._best(doc, vector, terms)
        if best is None:
            return Assignment(None, 0.0, "new story: no story in the window")
        reasons = self._reasons(best, terms)
        if best.score < best.bar:
            return Assignment(
                None,
                round(best.score, 4),
                f"new story: best {best.score:.2f} < {best.bar:.2f}; " + reasons,
            )
        return Assignment(best.story.story_id, round(best.score, 4), reasons)

    def add(self, doc: ClusterDoc, story_id: int) -> None:
        self._advance(doc.published)
        vector = self._vector(doc)
        terms = self._terms(doc)
        self._terms_cache.pop(doc.article_id, None)
        self._df.add(terms)
        self.largest_story_id = max(self.largest_story_id, story_id)
        story = self._stories.get(story_id)
        if story is None:
            if len(self._stories) >= self.max_stories:
                self._evict_idle()
            story = _Story(story_id, doc.published, doc.published, np.zeros(DIMENSIONS))
            self._stories[story_id] = story
        story.language = story.language or _language(doc)
        story.first = min(story.first, doc.published)
        story.last = max(story.last, doc.published)
        story.vector_sum += vector
        story.recent.append(vector)
        story.size += 1
        # The norm is kept up to date incrementally (only the doc's terms change); _story_norm
        # still recomputes it in full once the idf has drifted.
        grown = 0.0
        idf = self._df.idf
        for term, weight in terms.terms.items():
            old = story.terms.get(term, 0.0)
            story.terms[term] = old + weight
            grown += ((old + weight) ** 2 - old * old) * idf(term) ** 2
        if story.size == 1:  # a new story: its norm is the doc's, under today's idf
            story.norm, story.norm_docs = math.sqrt(grown), self._df.docs
        elif story.norm_docs >= 0:
            story.norm = math.sqrt(story.norm * story.norm + grown)
        story.title_terms.update(terms.title_terms)
        story.entities.update(terms.entities)
        if terms.facts:
            story.facts = story.facts | terms.facts
        principal = self._principal(terms)
        story.principal.update(principal)
        story.protagonists.update(self._protagonist(terms))
        # Counts only grow, so the new top is among the old top and the names just counted.
        counts = story.principal
        candidates = set(story.principal_top) | set(principal)
        ranked = sorted(candidates, key=lambda e: (-counts[e], e))  # ties by name: reproducible
        story.principal_top = tuple(ranked[:PRINCIPAL_NAMES])
        self._place(story)

    # -- scoring -----------------------------------------------------------------------------

    def _best(self, doc: ClusterDoc, vector: np.ndarray, terms: DocTerms) -> _Scored | None:
        candidates = self._candidates(vector, terms)
        if not candidates:
            return None
        query = self._query(terms)
        best: _Scored | None = None
        language = _language(doc)
        for story_id, centroid_cos in candidates:
            story = self._stories[story_id]
            if language and story.language and language != story.language:
                continue  # one story per language: the model cannot compare across them
            scored = self._score(doc, vector, query, story, centroid_cos)
            if best is None or scored.score - scored.bar > best.score - best.bar:
                best = scored
        return best

    def _candidates(self, vector: np.ndarray, terms: DocTerms) -> list[tuple[int, float]]:
        """(story id, centroid cosine) of the CANDIDATES closest active stories and dormant
        stories sharing a key with the document, closest first."""
        found: list[tuple[int, float]] = []
        if self._active:
            cos = self._active.cosines(vector)
            found = [(self._active.ids[r], float(cos[r])) for r in _top_rows(cos, CANDIDATES)]
        dormant = self._postings.lookup(_doc_keys(terms))
        if dormant:
            cos = self._dormant.cosines_of(dormant, vector)
            found += [(dormant[r], float(cos[r])) for r in _top_rows(cos, CANDIDATES)]
            found.sort(key=lambda pair: -pair[1])  # stable: active first on ties
        return found[:CANDIDATES]

    def _query(self, terms: DocTerms) -> _Query:
        idf = self._df.idf
        idfs = {t: idf(t) for t in terms.terms}
        weights = {t: w * idfs[t] for t, w in terms.terms.items()}
        entity_weights = {e: self._df.entity_idf(e) for e in terms.entities}
        return _Query(
            weights=weights,
            norm=math.sqrt(sum(w * w for w in weights.values())),
            dot_weights={t: w * idfs[t] for t, w in weights.items()},
            entities=entity_weights,
            entity_total=sum(entity_weights.values()),
            richness=min(1.0, terms.words / self.weights.full_words),
            title_terms=terms.title_terms,
            principal=self._principal(terms),
            facts=terms.facts,
            protagonist=self._protagonist(terms),
        )

    def _principal(self, terms: DocTerms) -> tuple[str, ...]:
        """The document's principal names: the weightiest by mentions x idf (a name everyone
        mentions, like a country, weighs less than a person named twice)."""
        entity_idf = self._df.entity_idf
        names = [(c, entity_idf(e), e) for e, c in terms.name_mentions.items() if c >= MIN_MENTIONS]
        names.sort(key=lambda n: (-n[0] * n[1], n[2]))
        return tuple(e for _, _, e in names[:PRINCIPAL_NAMES])

    def _protagonist(self, terms: DocTerms) -> frozenset[str]:
        """The weightest of the document's names mentioned at least twice (mentions x idf); ties
        all count, as the words of one name ("pierre", "thoma") usually tie."""
        entity_idf = self._df.entity_idf
        weighted = {
            e: round(c * entity_idf(e), 6)
            for e, c in terms.name_mentions.items()
            if c >= MIN_MENTIONS
        }
        if not weighted:
            return frozenset()
        top = max(weighted.values())
        return frozenset(e for e, w in weighted.items() if w == top)

    def _score(
        self, doc: ClusterDoc, vector: np.ndarray, query: _Query, story: _Story, centroid: float
    ) -> _Scored:
        w = self.weights
        closest = max(float(v @ vector) for v in story.recent)
        cos = max(0.0, 0.5 * (centroid + closest))
        lex = self._lexical(query, story)
        ent = _entity_overlap(query, story)
        w_cos, w_lex, w_ent = w.blend(_language(doc))
        score = w_cos * cos + w_lex * lex + w_ent * ent
        bar = w.threshold_headline + (w.threshold_full - w.threshold_headline) * query.richness
        bar += self._offset + self._gap_penalty(doc.published, story)
        veto = self._veto(query, story, untimed=doc.published == story.first == story.last)
        if lex < w.min_lexical_full * query.richness:
            veto = veto or f"lex {lex:.2f} < {w.min_lexical_full * query.richness:.2f}"
        if veto:
            bar = max(bar, score + 1e-6)  # never joins; kept as the best for the reasons
        return _Scored(story, score, cos, lex, ent, bar, veto)

    def _veto(self, query: _Query, story: _Story, *, untimed: bool = False) -> str:
        """Evidence that the document reports another event than the story, however close the
        scores: an embedding knows the kind of event far better than which one. ``untimed``: the
        document and every member carry one instant, so time says nothing between them."""
        # Stated facts first: another score, age at death or magnitude than any member states is
        # another event (another match, another death, another quake), headline or full article.
        stated = conflict(query.facts, story.facts)
        if stated:
            return stated
        if query.richness < HALF_LEAD:
            shared = sum(1 for t in query.title_terms if t in story.title_terms)
            if shared < min(HEADLINE_SHARED_WORDS, len(query.title_terms)):
                return f"headline shares {shared} title word(s) with the story"
            return ""
        # Different principal actors and places: none of the document's appears anywhere in the
        # story, none of the story's in the document (Tara Reid's rehab is not Lindsay Lohan's).
        # Judged against the names most of its members share, so that one stray member cannot
        # open the story to a second event.
        ours = query.principal
        theirs = story.principal_top
        named_by_story = any(e in story.entities for e in ours)
        if ours and theirs and not named_by_story and not any(e in query.entities for e in theirs):
            return f"other principal names ({', '.join(ours)} vs {', '.join(theirs)})"
        if untimed and query.protagonist and story.protagonists:
            # Without time between them (an undated archive imported at once), the window cannot
            # keep two events of one kind apart, and who each is about is the evidence left: the
            # document's protagonist named nowhere in the story, the story's (its members' most
            # frequent protagonist) nowhere in the document.
            most = max(story.protagonists.values())
            story_top = {e for e, c in story.protagonists.items() if c == most}
            if (
                not query.protagonist & story.entities.keys()
                and not story_top & query.entities.keys()
            ):
                mine, other = ", ".join(sorted(query.protagonist)), ", ".join(sorted(story_top))
                return f"other protagonist, no time between them ({mine} vs {other})"
        return ""

    def _gap_penalty(self, published: datetime, story: _Story) -> float:
        gap = abs((published - story.last).total_seconds())
        if gap <= self.window_seconds:
            return 0.0
        return self.weights.dormant_penalty * (1.0 + math.log2(gap / self.window_seconds))

    def _lexical(self, query: _Query, story: _Story) -> float:
        weights = query.dot_weights
        # The products a generator would make, summed in the same order, without its frames.
        dot = sum(map(mul, weights.values(), map(story.terms.get, weights, repeat(0.0))))
        if dot == 0.0:
            return 0.0
        return dot / (query.norm * self._story_norm(story))

    def _story_norm(self, story: _Story) -> float:
        # idf drifts slowly: recomputing the norm only after 10% more documents keeps assign cheap.
        docs = self._df.docs
        if story.norm_docs < 0 or docs > story.norm_docs * 1.1 + 10:
            idf = self._df.idf
            story.norm = math.sqrt(sum((v * idf(t)) ** 2 for t, v in story.terms.items()))
            story.norm_docs = docs
        return story.norm

    def _reasons(self, best: _Scored, terms: DocTerms) -> str:
        story = best.story
        shared_title = sorted(
            (t for t in terms.title_terms if story.title_terms.get(t)),
            key=lambda t: (-self._df.idf(t), t),
        )[:5]
        shared_entities = sorted(
            (e for e in terms.entities if e in story.entities),
            key=lambda e: (-self._df.entity_idf(e), e),
        )[:5]
        parts = [f"cos={best.cos:.2f} lex={best.lex:.2f} ent={best.ent:.2f}"]
        if best.veto:
            parts.append(f"other event: {best.veto}")
        if shared_title:
            parts.append("title-terms: " + ", ".join(shared_title))
        if shared_entities:
            parts.append("entities: " + ", ".join(shared_entities))
        gap_hours = abs((story.last - story.first).total_seconds()) / 3600
        parts.append(f"story of {story.size} over {gap_hours:.0f} h")
        return "; ".join(parts)

    # -- state -------------------------------------------------------------------------------

    def _vector(self, doc: ClusterDoc) -> np.ndarray:
        if doc.vector is not None:
            vector = np.asarray(doc.vector, dtype=np.float32).reshape(-1)
        else:
            from newsloom.cluster.embed import embedding_text, get_embedder

            if self._last_embedded[0] == doc.article_id:  # assign() then add() of one doc
                return self._last_embedded[1]
            if self._embed is None:
                self._embed = get_embedder().embed
            vector = self._embed([embedding_text(doc.title, doc.text)])[0]
        if vector.shape != (DIMENSIONS,):
            raise ClusterError(f"cluster: vector of article {doc.article_id} has {vector.shape}")
        norm = float(np.linalg.norm(vector))
        vector = vector / norm if norm > 0 else vector
        if doc.vector is None:
            self._last_embedded = (doc.article_id, vector)
        return vector

    def _terms(self, doc: ClusterDoc) -> DocTerms:
        # assign() and add() see the same doc back to back; tokenise once.
        cached = self._terms_cache.get(doc.article_id)
        if cached is None:
            cached = doc_terms(doc.title, doc.text)
            self._terms_cache = {doc.article_id: cached}
        return cached

    def _dormant_now(self, story: _Story) -> bool:
        return (
            self._now is not None and (self._now - story.last).total_seconds() > self.window_seconds
        )

    def _place(self, story: _Story) -> None:
        """Put the story's centroid in the table its last article dates it to."""
        story_id = story.story_id
        if self._dormant_now(story):
            self._active.drop(story_id)
            self._dormant.set(story_id, story.vector_sum)
            self._postings.add(story_id, self._story_keys(story))
        else:
            if story_id in self._dormant:
                self._dormant.drop(story_id)
                self._postings.remove(story_id)
            self._active.set(story_id, story.vector_sum)

    def _story_keys(self, story: _Story) -> list[str]:
        # Its most repeated names and title words, the rarest first among equals.
        df = self._df
        keyed = [(c, df.entity_idf(e), f"e:{e}") for e, c in story.entities.items()]
        keyed += [(c, df.idf(t), f"t:{t}") for t, c in story.title_terms.items()]
        keyed.sort(key=lambda k: (-k[0], -k[1], k[2]))
        return [key for _, _, key in keyed[:STORY_KEYS]]

    def _advance(self, published: datetime) -> None:
        # Prune at most once per hour of stream time: pruning walks every story in memory.
        if self._now is not None and (published - self._now).total_seconds() < PRUNE_EVERY_SECONDS:
            return
        self._now = published
        expired = [
            s.story_id
            for s in self._stories.values()
            if (published - s.last).total_seconds() > self.memory_seconds
        ]
        for story_id in expired:
            self._drop(story_id)
        for story_id in [i for i in self._active.ids if self._dormant_now(self._stories[i])]:
            self._place(self._stories[story_id])

    def _evict_idle(self) -> None:
        # Drop the idlest tenth at once so eviction costs one sort per many new stories.
        by_idle = sorted(self._stories.values(), key=lambda s: (s.last, s.story_id))
        for story in by_idle[: max(1, len(by_idle) // 10)]:
            self._drop(story.story_id)

    def _drop(self, story_id: int) -> None:
        del self._stories[story_id]
        self._active.drop(story_id)
        self._dormant.drop(story_id)
        self._postings.remove(story_id)
