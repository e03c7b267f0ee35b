"""Consolidation: merge stories that converged, split off members that drifted.

Single-pass clustering decides once, with what it knew when each article arrived: two stories opened
for one event by early, thin articles stay apart, and a story can hold an article that its later
members show to be about something else, or a whole second event of the same kind that came in
through one bridging article (two quakes, two arrests). The last is found with all of a story's
members at hand: average-link grouping of their TF-IDF vectors (the reference clusterer's rule,
one event while the average cosine stays >= 0.20; in a story without time, members naming rival
protagonists or other years count as no evidence of one event) splits off each other group of
several members; the same rule keeps two stories apart in a merge. Run periodically over the stories of the window, this pure
function proposes the fixes. Ids stay stable (the bigger, then older, then lower-id story survives;
the other redirects to it) and corrections made by hand are never undone: pinned articles never
drift away, and story pairs kept apart by a split are never merged.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from itertools import combinations

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse import csr_matrix
from scipy.spatial.distance import squareform

BLOCK = 512  # rows of the centroid matrix compared at once: bounds memory on large windows
PROTAGONIST_MENTIONS = 2  # as the clusterer's principal names: a name said once is not the subject
_YEAR = re.compile(r"(?:19|20)\d\d")  # a year among a member's names and numbers


@dataclass(frozen=True)
class Member:
    article_id: int
    published: datetime
    vector: np.ndarray  # the article's embedding (normalised here anyway)
    entities: frozenset[str] = frozenset()  # names, places, numbers (cluster.features)
    terms: Mapping[str, float] = field(default_factory=dict)  # sublinear tf (cluster.features)


@dataclass(frozen=True)
class StoryState:
    story_id: int
    first_seen: datetime
    members: tuple[Member, ...]


@dataclass(frozen=True)
class ConsolidationRules:
    # Two stories are one when their centroids nearly coincide AND they name the same things:
    # embeddings alone confuse two events of one kind (two storms, two strikes).
    merge_cos: float = 0.80
    merge_entities: float = 0.25  # idf-weighted share of the smaller story's names the other has
    # A member drifted when it is far from the centroid of the rest AND shares almost no names.
    drift_cos: float = 0.35
    drift_entities: float = 0.10
    group_cos: float = 0.60  # drifted members this close to each other leave together
    min_split_size: int = 3  # below this there is no "rest" to drift from
    window_hours: float = 72.0  # stories further apart in time than this are never merged
    # One event: average-link TF-IDF cosine of its members >= this. It is the bar of the reference
    # baseline (TF-IDF agglomerative, average linkage, distance 0.80), not a value fitted here.
    event_similarity: float = 0.20
    max_event_split: int = 400  # larger stories are not regrouped: quadratic in members


@dataclass(frozen=True)
class Merge:
    story_id: int  # merged away; redirects to into_id
    into_id: int
    similarity: float
    reasons: str


@dataclass(frozen=True)
class Split:
    story_id: int
    article_ids: tuple[int, ...]  # leave together for one new story
    similarity: float  # their best cosine to the rest of the story
    reasons: str


@dataclass(frozen=True)
class ConsolidationPlan:
    splits: tuple[Split, ...] = ()
    merges: tuple[Merge, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.splits or self.merges)


@dataclass
class _Group:
    """Stories merged so far, represented by their survivor."""

    survivor: int
    first_seen: datetime
    first: datetime
    last: datetime
    size: int
    vector_sum: np.ndarray
    entities: Counter[str]
    story_ids: list[int] = field(default_factory=list)
    # Sum of the members' unit TF-IDF vectors: dot products of two sums over the product of sizes
    # is the average cosine of all pairs across the two groups (average link).
    term_sum: dict[str, float] = field(default_factory=dict)
    with_terms: int = 0  # members that have terms

    def rank(self) -> tuple[int, datetime, int]:
        return (-self.size, self.first_seen, self.survivor)


def plan_consolidation(
    stories: Sequence[StoryState],
    rules: ConsolidationRules | None = None,
    *,
    pinned: Collection[int] = frozenset(),
    apart: Collection[tuple[int, int]] = frozenset(),
) -> ConsolidationPlan:
    """Splits (first) and merges for ``stories``; the same input always gives the same plan."""
    rules = rules or ConsolidationRules()
    ordered = sorted((s for s in stories if s.members), key=lambda s: s.story_id)
    idf = _entity_idf(ordered)
    term_idf = _term_idf(ordered)
    splits: list[Split] = []
    groups: list[_Group] = []
    for story in ordered:
        leaving = _drifted(story, rules, idf, frozenset(pinned))
        gone = {a for split in leaving for a in split.article_ids}
        staying = [m for m in story.members if m.article_id not in gone]
        events = _other_events(story, staying, rules, term_idf, idf, frozenset(pinned))
        leaving += events
        splits.extend(leaving)
        gone |= {a for split in events for a in split.article_ids}
        staying = [m for m in staying if m.article_id not in gone]
        groups.append(_group(story, staying, term_idf))
    merges = _merges(groups, rules, idf, {(min(a, b), max(a, b)) for a, b in apart})
    return ConsolidationPlan(splits=tuple(splits), merges=tuple(merges))


def related_stories(
    centroids: Mapping[int, np.ndarray], focus: Collection[int], min_cos: float
) -> set[int]:
    """``focus`` and every story whose centroid is within ``min_cos`` of a focus story's: all that
    a consolidation of the focus stories needs to look at."""
    ids = sorted(centroids)
    if not ids:
        return set(focus)
    matrix = _normalised(np.stack([centroids[i] for i in ids]))
    rows = [i for i, story_id in enumerate(ids) if story_id in set(focus)]
    related = set(focus)
    for start in range(0, len(rows), BLOCK):
        block = matrix[rows[start : start + BLOCK]] @ matrix.T
        related.update(ids[j] for j in np.nonzero(block >= min_cos)[1])
    return related


# -- splits ------------------------------------------------------------------------------------


def _drifted(
    story: StoryState, rules: ConsolidationRules, idf: Mapping[str, float], pinned: frozenset[int]
) -> list[Split]:
    """Groups of members (close to each other, far from the core) that are about something else.

    The core is the largest group of members linked by cosine >= group_cos; any other group
    drifted when its centroid is far from the core's AND it shares almost none of its names.
    """
    members = story.members
    if len(members) < rules.min_split_size:
        return []
    vectors = _normalised(np.stack([m.vector for m in members]))
    groups = _components(vectors, rules.group_cos)
    if len(groups) < 2:
        return []
    core = min(groups, key=lambda g: (-len(g), min((members[i].published, i) for i in g)))
    core_sum = vectors[core].sum(axis=0)
    core_names = {e for i in core for e in members[i].entities}
    splits = []
    for group in groups:
        if group is core or any(members[i].article_id in pinned for i in group):
            continue
        cos = _cos(vectors[group].sum(axis=0), core_sum)
        names = {e for i in group for e in members[i].entities}
        shared = _share(names, core_names, idf)
        if cos >= rules.drift_cos or shared >= rules.drift_entities:
            continue
        splits.append(
            Split(
                story_id=story.story_id,
                article_ids=tuple(sorted(members[i].article_id for i in group)),
                similarity=round(cos, 4),
                reasons=(
                    f"consolidation: drifted from story {story.story_id} "
                    f"(cos to its core {cos:.2f} < {rules.drift_cos:.2f}, "
                    f"names shared {shared:.2f} < {rules.drift_entities:.2f})"
                ),
            )
        )
    # A story with as many drifters as core has no clear core to keep: leave it to people.
    if 2 * sum(len(s.article_ids) for s in splits) >= len(members):
        return []
    return splits


def _components(vectors: np.ndarray, min_cos: float) -> list[list[int]]:
    """Single-link groups of rows (cosine >= min_cos), each sorted, ordered by first row."""
    parent = list(range(len(vectors)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    close = np.triu(vectors @ vectors.T >= min_cos, k=1)
    for a, b in zip(*np.nonzero(close), strict=True):
        ra, rb = find(int(a)), find(int(b))
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    found: dict[int, list[int]] = {}
    for i in range(len(vectors)):
        found.setdefault(find(i), []).append(i)
    return [found[root] for root in sorted(found)]


def _other_events(
    story: StoryState,
    members: Sequence[Member],
    rules: ConsolidationRules,
    term_idf: Mapping[str, float],
    entity_idf: Mapping[str, float],
    pinned: frozenset[int],
) -> list[Split]:
    """Groups of members that report another event than the story's core.

    Average-link grouping of the members' TF-IDF vectors, cut where the average cosine falls
    below ``event_similarity``; the largest group (the earliest among equals) is the core, and
    every other group of at least ``min_split_size`` members leaves as a story of its own. Smaller
    groups stay: one odd article is not yet a second event. In a story without time, two members
    that name different events count as no lexical evidence of one (``_untimed_rivals``).
    """
    size = len(members)
    if size < 2 * rules.min_split_size or size > rules.max_event_split:
        return []
    units = [_tfidf(m.terms, term_idf) for m in members]
    if not all(units):
        return []  # without terms for every member there is no lexical evidence to split on
    vocabulary: dict[str, int] = {}
    rows, columns, weights = [], [], []
    for row, unit in enumerate(units):
        for term, weight in unit.items():
            rows.append(row)
            columns.append(vocabulary.setdefault(term, len(vocabulary)))
            weights.append(weight)
    # Sparse: a member has a hundred terms or so of the story's thousands.
    matrix = csr_matrix((weights, (rows, columns)), shape=(size, len(vocabulary)))
    similarity = np.clip((matrix @ matrix.T).toarray(), 0.0, 1.0)
    for a, b in _untimed_rivals(members, entity_idf):
        similarity[a, b] = similarity[b, a] = 0.0
    distance = squareform(1.0 - similarity, checks=False)
    tree = linkage(distance, method="average")
    labels = fcluster(tree, t=1.0 - rules.event_similarity, criterion="distance")
    found: dict[int, list[int]] = {}
    for row, label in enumerate(labels):
        found.setdefault(int(label), []).append(row)
    groups = [g for g in found.values() if len(g) >= rules.min_split_size]
    if len(groups) < 2:
        return []
    core = min(groups, key=lambda g: (-len(g), min((members[i].published, i) for i in g)))
    splits = []
    for group in sorted(groups, key=lambda g: min(members[i].article_id for i in g)):
        if group is core or any(members[i].article_id in pinned for i in group):
            continue
        average = float(similarity[np.ix_(group, core)].mean())
        splits.append(
            Split(
                story_id=story.story_id,
                article_ids=tuple(sorted(members[i].article_id for i in group)),
                similarity=round(average, 4),
                reasons=(
                    f"consolidation: another event than story {story.story_id}'s core "
                    f"(average TF-IDF cosine {average:.2f} < {rules.event_similarity:.2f})"
                ),
            )
        )
    return splits


def _untimed_rivals(
    members: Sequence[Member], entity_idf: Mapping[str, float]
) -> list[tuple[int, int]]:
    """Pairs of members (rows) of a story without time that report different events by what
    they name: rival protagonists, or years with none in common.

    A story is without time when all its members carry one instant (an archive without dates,
    imported at once; date-only stamps of one day): the window cannot keep two events of one
    kind apart, and the text is the evidence left. A member's protagonist is the name it mentions
    most (twice at least, weighted by idf, as the clusterer's principal names); two members have
    rival protagonists when neither names the other's (one running back put on injured reserve is
    not another, a fire at one store of a chain not a fire at another). Two members that both name
    years, none the same, report different times (a patch of 2008, a patch of 2013). A story
    whose members were published at different moments is left to the window and to the stated
    facts: there, other protagonists are often other angles of one event (the winner and the
    driver who crashed out of one race), and a report recalls earlier years.
    """
    if len({m.published for m in members}) > 1:
        return []
    protagonists = [_protagonist(m, entity_idf) for m in members]
    years = [frozenset(e for e in m.entities if _YEAR.fullmatch(e)) for m in members]
    rivals = []
    for a, b in combinations(range(len(members)), 2):
        mine, theirs = protagonists[a], protagonists[b]
        named_apart = bool(
            mine and theirs and not mine & members[b].entities and not theirs & members[a].entities
        )
        years_apart = bool(years[a] and years[b] and not years[a] & years[b])
        if named_apart or years_apart:
            rivals.append((a, b))
    return rivals


def _protagonist(member: Member, entity_idf: Mapping[str, float]) -> frozenset[str]:
    """The names a member mentions most, weighted by idf (empty when none is mentioned twice);
    ties all count, as the words of one name ("pierre", "thoma") usually tie.

    Mentions are read back from the member's sublinear term weights (1 + log count, a title
    mention counting twice), which hold every one-word name; longer names are their words.
    """
    weighted = {}
    for name in member.entities:
        weight = member.terms.get(name)
        if weight is None:  # a multi-word name or a number: not a term
            continue
        mentions = round(math.exp(weight - 1.0))
        if mentions >= PROTAGONIST_MENTIONS:
            weighted[name] = round(mentions * entity_idf.get(name, 1.0), 6)
    if not weighted:
        return frozenset()
    top = max(weighted.values())
    return frozenset(name for name, weight in weighted.items() if weight == top)


# -- merges ------------------------------------------------------------------------------------


def _group(story: StoryState, members: Sequence[Member], term_idf: Mapping[str, float]) -> _Group:
    vectors = [_normalised(m.vector) for m in members]
    published = [m.published for m in members] or [story.first_seen]
    term_sum: dict[str, float] = {}
    with_terms = 0
    for member in members:
        unit = _tfidf(member.terms, term_idf)
        with_terms += bool(unit)
        for term, weight in unit.items():
            term_sum[term] = term_sum.get(term, 0.0) + weight
    return _Group(
        survivor=story.story_id,
        first_seen=story.first_seen,
        first=min(published),
        last=max(published),
        size=len(members),
        vector_sum=np.sum(vectors, axis=0) if vectors else np.zeros(1, dtype=np.float32),
        entities=Counter(e for m in members for e in m.entities),
        story_ids=[story.story_id],
        term_sum=term_sum,
        with_terms=with_terms,
    )


def _merges(
    groups: list[_Group],
    rules: ConsolidationRules,
    idf: Mapping[str, float],
    apart: set[tuple[int, int]],
) -> list[Merge]:
    live = [g for g in groups if g.size]
    if len(live) < 2:
        return []
    window = rules.window_hours * 3600.0
    owner = {g.survivor: g for g in live}  # story id -> the group it is in now
    absorbed: dict[int, tuple[float, str]] = {}  # story id -> (cos, shared names) when it lost
    for a, b, _ in _candidate_pairs(live, rules.merge_cos):
        left, right = owner[a], owner[b]
        if left is right or _kept_apart(left, right, apart):
            continue
        gap = (max(left.first, right.first) - min(left.last, right.last)).total_seconds()
        cos = _cos(left.vector_sum, right.vector_sum)
        shared = _share(set(left.entities), set(right.entities), idf, smaller=True)
        if gap > window or cos < rules.merge_cos or shared < rules.merge_entities:
            continue
        if _average_link(left, right) < rules.event_similarity:
            continue  # close in kind, but their articles do not report one event
        winner, loser = (left, right) if left.rank() <= right.rank() else (right, left)
        top = sorted(set(left.entities) & set(right.entities), key=lambda e: (-idf[e], e))[:5]
        absorbed[loser.survivor] = (cos, ", ".join(top))
        winner.first_seen = min(winner.first_seen, loser.first_seen)
        winner.first, winner.last = min(winner.first, loser.first), max(winner.last, loser.last)
        winner.size += loser.size
        winner.vector_sum = winner.vector_sum + loser.vector_sum
        winner.entities.update(loser.entities)
        for term, weight in loser.term_sum.items():
            winner.term_sum[term] = winner.term_sum.get(term, 0.0) + weight
        winner.with_terms += loser.with_terms
        winner.story_ids.extend(loser.story_ids)
        for story_id in loser.story_ids:
            owner[story_id] = winner
    merges = []
    for story_id in sorted(absorbed):
        cos, names = absorbed[story_id]
        into = owner[story_id].survivor
        merges.append(
            Merge(
                story_id=story_id,
                into_id=into,
                similarity=round(cos, 4),
                reasons=f"consolidation: merged from story {story_id} (centroid cos {cos:.2f}; "
                f"names: {names or '-'})",
            )
        )
    return merges


def _candidate_pairs(groups: list[_Group], min_cos: float) -> list[tuple[int, int, float]]:
    """(story a, story b, cos) with a < b and centroid cosine >= min_cos, closest first."""
    ids = [g.survivor for g in groups]
    matrix = _normalised(np.stack([g.vector_sum for g in groups]))
    pairs: list[tuple[int, int, float]] = []
    for start in range(0, len(ids), BLOCK):
        block = matrix[start : start + BLOCK] @ matrix.T
        for i, j in zip(*np.nonzero(block >= min_cos), strict=True):
            a, b = ids[start + int(i)], ids[int(j)]
            if a < b:
                pairs.append((a, b, float(block[i, j])))
    pairs.sort(key=lambda p: (-round(p[2], 6), p[0], p[1]))
    return pairs


def _average_link(left: _Group, right: _Group) -> float:
    """Average TF-IDF cosine of the pairs across two groups; 1.0 when either has no terms (no
    lexical evidence either way leaves the decision to the other rules)."""
    if not left.with_terms or not right.with_terms:
        return 1.0
    small, large = sorted((left.term_sum, right.term_sum), key=len)
    dot = sum(weight * large.get(term, 0.0) for term, weight in small.items())
    return dot / (left.with_terms * right.with_terms)


def _kept_apart(left: _Group, right: _Group, apart: set[tuple[int, int]]) -> bool:
    return any((min(a, b), max(a, b)) in apart for a in left.story_ids for b in right.story_ids)


# -- shared measures ---------------------------------------------------------------------------


def _entity_idf(stories: Sequence[StoryState]) -> dict[str, float]:
    """Story-level idf: a name found in many stories of the window says little."""
    df: Counter[str] = Counter()
    for story in stories:
        df.update({e for m in story.members for e in m.entities})
    n = len(stories)
    return {e: math.log((n + 1) / (count + 1)) + 1.0 for e, count in df.items()}


def _term_idf(stories: Sequence[StoryState]) -> dict[str, float]:
    """Story-level idf of terms: a word found in many stories of the window says little."""
    df: Counter[str] = Counter()
    for story in stories:
        df.update({t for m in story.members for t in m.terms})
    n = len(stories)
    return {t: math.log((n + 1) / (count + 1)) + 1.0 for t, count in df.items()}


def _tfidf(terms: Mapping[str, float], idf: Mapping[str, float]) -> dict[str, float]:
    """Unit-length TF-IDF weights of one member ({} without terms)."""
    weights = {t: w * idf.get(t, 1.0) for t, w in terms.items()}
    norm = math.sqrt(sum(w * w for w in weights.values()))
    return {t: w / norm for t, w in weights.items()} if norm > 0 else {}


def _share(
    mine: Collection[str],
    theirs: Collection[str],
    idf: Mapping[str, float],
    *,
    smaller: bool = False,
) -> float:
    """idf-weighted share of ``mine`` found in ``theirs`` (of the smaller side when asked)."""
    mine_total = sum(idf.get(e, 1.0) for e in mine)
    if smaller:
        theirs_total = sum(idf.get(e, 1.0) for e in theirs)
        mine_total = min(mine_total, theirs_total)
    if mine_total <= 0:
        return 0.0
    shared = set(mine) & set(theirs)
    return sum(idf.get(e, 1.0) for e in shared) / mine_total


def _cos(a: np.ndarray, b: np.ndarray) -> float:
    na, nb = float(np.linalg.norm(a)), float(np.linalg.norm(b))
    return float(a @ b) / (na * nb) if na > 0 and nb > 0 else 0.0


def _normalised(vectors: np.ndarray) -> np.ndarray:
    array = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(array, axis=-1, keepdims=True)
    return array / np.maximum(norms, 1e-12)
