"""Consolidation: merge stories that converged, split off members that drifted.

Single-pass clustering decides once, with what it knew when each article arrived: two stories opened
for one event by early, thin articles stay apart, and a story can hold an article that its later
members show to be about something else. Run periodically over the stories of the window, this pure
function proposes the fixes. Ids stay stable (the bigger, then older, then lower-id story survives;
the other redirects to it) and corrections made by hand are never undone: pinned articles never
drift away, and story pairs kept apart by a split are never merged.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

import numpy as np

BLOCK = 512  # rows of the centroid matrix compared at once: bounds memory on large windows


@dataclass(frozen=True)
class Member:
    article_id: int
    published: datetime
    vector: np.ndarray  # the article's embedding (normalised here anyway)
    entities: frozenset[str] = frozenset()  # names, places, numbers (cluster.features)


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
    splits: list[Split] = []
    groups: list[_Group] = []
    for story in ordered:
        leaving = _drifted(story, rules, idf, frozenset(pinned))
        splits.extend(leaving)
        gone = {a for split in leaving for a in split.article_ids}
        staying = [m for m in story.members if m.article_id not in gone]
        groups.append(_group(story, staying))
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


# -- merges ------------------------------------------------------------------------------------


def _group(story: StoryState, members: Sequence[Member]) -> _Group:
    vectors = [_normalised(m.vector) for m in members]
    published = [m.published for m in members] or [story.first_seen]
    return _Group(
        survivor=story.story_id,
        first_seen=story.first_seen,
        first=min(published),
        last=max(published),
        size=len(members),
        vector_sum=np.sum(vectors, axis=0) if vectors else np.zeros(1, dtype=np.float32),
        entities=Counter(e for m in members for e in m.entities),
        story_ids=[story.story_id],
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
        winner, loser = (left, right) if left.rank() <= right.rank() else (right, left)
        top = sorted(set(left.entities) & set(right.entities), key=lambda e: (-idf[e], e))[:5]
        absorbed[loser.survivor] = (cos, ", ".join(top))
        winner.first_seen = min(winner.first_seen, loser.first_seen)
        winner.first, winner.last = min(winner.first, loser.first), max(winner.last, loser.last)
        winner.size += loser.size
        winner.vector_sum = winner.vector_sum + loser.vector_sum
        winner.entities.update(loser.entities)
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
