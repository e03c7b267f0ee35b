"""Sentence vectors and maximal-marginal-relevance selection."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.feature_extraction.text import TfidfVectorizer

from newsloom.errors import SummarizeError
from newsloom.summarize.acts import acts, same_act
from newsloom.summarize.counted import (
    counted,
    counts,
    measures,
    same_count,
    same_counted_thing,
    same_measure,
)
from newsloom.summarize.crowds import leanings, same_reaction
from newsloom.summarize.deeds import deeds_near_names, same_deed_near_name
from newsloom.summarize.details import figures_of, same_bare_figure
from newsloom.summarize.openings import (
    ANCHOR,
    FULL_NAME,
    NAME,
    REPORTING,
    RESULT,
    fact_words,
    figures,
)
from newsloom.summarize.retelling import event_keys, retells_event
from newsloom.summarize.states import same_state, states
from newsloom.summarize.vaguer import MIN_SHARED, precise_words, restates, vague_clauses

Embed = Callable[[list[str]], np.ndarray]


def l2_rows(matrix: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length; all-zero rows stay zero."""
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return np.divide(matrix, norms, out=np.zeros_like(matrix), where=norms > 0)


def tfidf_rows(texts: Sequence[str]) -> np.ndarray:
    """Unit-length TF-IDF rows, fitted on ``texts`` themselves (one story's sentences)."""
    for stop_words in ("english", None):
        vectorizer = TfidfVectorizer(
            stop_words=stop_words, sublinear_tf=True, token_pattern=r"(?u)\b\w[\w'’-]*\b"
        )
        try:
            matrix = vectorizer.fit_transform(list(texts))
        except ValueError:  # empty vocabulary: only stop words or punctuation
            continue
        return l2_rows(np.asarray(matrix.todense(), dtype=np.float64))
    return np.zeros((len(texts), 1))


def embed_rows(embed: Embed, texts: list[str]) -> np.ndarray:
    """Unit-length rows from a caller-supplied sentence embedder, checked for shape."""
    matrix = np.asarray(embed(texts), dtype=np.float64)
    if matrix.ndim != 2 or matrix.shape[0] != len(texts):
        raise SummarizeError(
            f"summarize: embed returned shape {matrix.shape} for {len(texts)} sentences"
        )
    return l2_rows(matrix)


def centroid(rows: np.ndarray, groups: Sequence[Sequence[int]]) -> np.ndarray:
    """Unit mean of per-group means, so every article weighs the same whatever its length."""
    means = [rows[list(g)].mean(axis=0) for g in groups if len(g)]
    if not means:
        return np.zeros(rows.shape[1])
    mean = np.mean(means, axis=0)
    norm = float(np.linalg.norm(mean))
    return mean / norm if norm > 0 else mean


def cross_support(
    rows: np.ndarray, groups: Sequence[Sequence[int]], sims: np.ndarray | None = None
) -> np.ndarray:
    """Per row, the mean over the other groups (articles) of its best cosine to one of their rows:
    how far the other outlets state the same thing, in any wording. Scaled to max 1. ``sims``:
    ``rows @ rows.T`` when the caller has it already."""
    if sims is None:
        sims = rows @ rows.T
    found = np.zeros(len(rows))
    members = [list(g) for g in groups if len(g)]
    if len(members) < 2:
        return found
    own = np.zeros(len(rows))
    for group in members:
        best = sims[:, group].max(axis=1)
        found += best
        own[group] = best[group]  # a row's own article: its best match there is itself
    found = (found - own) / (len(members) - 1)
    top = float(found.max())
    return found / top if top > 0 else found


@dataclass(frozen=True)
class Selection:
    """Inputs MMR needs about each candidate fact (index-aligned arrays)."""

    scores: np.ndarray  # salience, higher is better
    semantic: np.ndarray  # fact x fact cosine, for the MMR penalty
    lexical: np.ndarray  # fact x fact TF-IDF cosine, for the hard redundancy cut
    words: Sequence[int]
    outlets: Sequence[frozenset[int]]
    # fact x fact: True where two facts share half of each one's content words (openings.py),
    # the same fact in other words; None to skip the check. Row i, column j: i is left out once
    # j is chosen (retelling.py tells one direction only).
    repeated: np.ndarray | None = None


def repeated_facts(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Boolean matrices over all pairs of texts: (half of the words of each shared, the whole of
    ``openings.repeats``), computed together on binary word matrices so that a 20-article story
    stays fast."""
    sets = [fact_words(t) for t in texts]
    words = [{w for w in s if not w.startswith(ANCHOR)} for s in sets]
    anchors = [{w for w in s if w.startswith(ANCHOR)} for s in sets]
    names = [{w for w in s if w.startswith(NAME)} for s in sets]
    plain = [{w.lstrip(NAME) for w in a} for a in anchors]
    said = [w - p for w, p in zip(words, plain, strict=True)]  # not a name or a number
    vocabulary = {w: k for k, w in enumerate(sorted(set().union(*words, *anchors)))}
    size = max(1, len(vocabulary))

    def binary(rows: Sequence[set[str]]) -> csr_matrix:
        # Sparse 0/1 rows: their products count shared words exactly, as dense ones did, in a
        # fraction of the time (a story's sentences share few of its thousands of words).
        indptr = np.cumsum([0, *(len(found) for found in rows)])
        indices = [vocabulary[w] for found in rows for w in found]
        data = np.ones(len(indices), dtype=np.int32)
        return csr_matrix((data, indices, indptr), shape=(len(rows), size))

    def gram(matrix: csr_matrix) -> np.ndarray:
        return np.asarray((matrix @ matrix.T).toarray())

    word_rows, anchor_rows, said_rows = binary(words), binary(anchors), binary(said)
    name_rows = binary(names)
    shared = gram(word_rows)
    sizes = np.asarray([len(found) for found in words])
    larger = np.maximum(sizes[:, None], sizes[None, :])
    smaller = np.minimum(sizes[:, None], sizes[None, :])
    same = (2 * shared >= larger) & (shared > 0)
    about = (gram(anchor_rows) > 0) & (gram(said_rows) > 0)
    # The shorter statement names nobody of its own.
    name_shared = gram(name_rows)
    name_sizes = np.asarray([len(found) for found in names])
    shorter_names = np.where(
        sizes[:, None] <= sizes[None, :], name_sizes[:, None], name_sizes[None, :]
    )
    no_news = name_shared >= shorter_names
    repeated = same | (about & no_news & (2 * shared >= smaller) & (smaller > 0))
    # openings.same_person_same_deed: a shared full name, two things said of it in common
    # (a third of the shorter's), and no full name of the shorter's own.
    full_names = [{w for w in s if w.startswith(FULL_NAME)} for s in sets]
    deeds_said = [w - REPORTING for w in said]
    deeds = gram(binary(deeds_said))
    deed_sizes = np.asarray([len(found) for found in deeds_said])
    full_shared = gram(binary(full_names))
    full_sizes = np.asarray([len(found) for found in full_names])
    shorter_full = np.where(
        deed_sizes[:, None] <= deed_sizes[None, :], full_sizes[:, None], full_sizes[None, :]
    )
    fewer_deeds = np.minimum(deed_sizes[:, None], deed_sizes[None, :])
    deed = (full_shared > 0) & (deeds >= 2) & (3 * deeds >= fewer_deeds)
    repeated |= deed & (full_shared >= shorter_full)
    # openings.same_result: the same score or vote.
    repeated |= gram(binary([{w for w in s if w.startswith(RESULT)} for s in sets])) > 0
    # openings.same_figures: a shared decimal figure, or two shared figures.
    found = [figures(s) for s in sets]
    figure_index = {n: k for k, n in enumerate(sorted(set().union(*found)))}
    if figure_index:
        figure_rows = np.zeros((len(sets), len(figure_index)), dtype=np.float32)
        decimal_rows = np.zeros_like(figure_rows)
        for row, numbers in enumerate(found):
            for number in numbers:
                figure_rows[row, figure_index[number]] = 1.0
                decimal_rows[row, figure_index[number]] = float("." in number)
        repeated |= (figure_rows @ figure_rows.T >= 2) | (decimal_rows @ decimal_rows.T > 0)
    # openings.same_deed_near_name: one deed beside one person's name, in any word form. Only
    # the sentences that name the same person are compared.
    _mark_within_groups(repeated, texts, deeds_near_names, same_deed_near_name)
    # counted.same_count: one number and, right after it, the same deed. Only the sentences
    # that give the same number are compared.
    _mark_within_groups(repeated, texts, counted, same_count)
    # counted.same_measure: one number in the same phrase.
    _mark_within_groups(repeated, texts, measures, same_measure)
    # counted.same_counted_thing: one count of one thing, told by no one new.
    _mark_within_groups(repeated, texts, counts, same_counted_thing)
    # acts.same_act: one actor's act on one thing, in another outlet's verb.
    _mark_within_groups(repeated, texts, acts, same_act)
    # crowds.same_reaction: a crowd's reaction to one person, in other words.
    _mark_within_groups(repeated, texts, leanings, same_reaction)
    # states.same_state: one known thing's state, in other words.
    _mark_within_groups(repeated, texts, states, same_state)
    # details.same_bare_figure: a bare figure of the setting another statement gives too.
    _mark_within_groups(repeated, texts, figures_of, same_bare_figure)
    # retelling.retells_event: another outlet's statement of an event already told, with
    # nothing of its own. Directional, as mmr reads the matrix: repeated[i, j] when i, chosen
    # after j, tells j's event again (j may say more than i: it is kept when chosen after i).
    groups: dict[str, list[int]] = defaultdict(list)
    for row, text in enumerate(texts):
        for key in event_keys(text):
            groups[key].append(row)
    compared: set[tuple[int, int]] = set()  # two statements may share several names
    for rows in groups.values():
        for i, j in combinations(rows, 2):
            if (i, j) in compared:
                continue
            compared.add((i, j))
            if not repeated[i, j] and retells_event(texts[j], texts[i]):
                repeated[i, j] = True
            if not repeated[j, i] and retells_event(texts[i], texts[j]):
                repeated[j, i] = True
    # vaguer.figure_in_words: a clause without numbers that tells a statement's figure again.
    # Candidates by counting shared words on sparse rows, then the exact test.
    clauses = [(row, c) for row, text in enumerate(texts) for c in vague_clauses(text)]
    precise = [precise_words(text) for text in texts]
    if clauses and any(precise):
        plain_index = {w: k for k, w in enumerate(sorted(set().union(*precise)))}

        def rows_of(found: Sequence[frozenset[str]]) -> csr_matrix:
            indices = [[plain_index[w] for w in f if w in plain_index] for f in found]
            indptr = np.cumsum([0, *(len(i) for i in indices)])
            flat = [k for i in indices for k in i]
            data = np.ones(len(flat), dtype=np.int32)
            return csr_matrix((data, flat, indptr), shape=(len(found), len(plain_index)))

        shared_words = (rows_of([c for _, c in clauses]) @ rows_of(precise).T).toarray()
        for k, j in zip(*np.nonzero(shared_words >= MIN_SHARED), strict=True):
            row, clause = clauses[int(k)]
            if row != j and restates(clause, precise[int(j)]):
                repeated[row, j] = repeated[j, row] = True
    return same, repeated


def mmr(
    sel: Selection,
    pool: Sequence[int],
    chosen: Sequence[int],
    *,
    count: int,
    budget: int | None = None,
    lam: float = 0.65,
    redundancy: float = 0.5,
    diversity_bonus: float = 0.05,
) -> list[int]:
    """Pick up to ``count`` facts from ``pool``, ending as close to ``budget`` words as possible.

    Score = lam * salience - (1 - lam) * max similarity to what is already chosen, plus a small
    bonus for facts from an outlet not cited yet. Facts lexically too close to a chosen one are
    skipped outright. Ties go to the lower index, so the result is deterministic.
    """
    taken = list(chosen)
    excluded = set(taken)
    candidates = np.array([i for i in dict.fromkeys(pool) if i not in excluded], dtype=np.int64)
    if not len(candidates) or count <= 0:
        return []
    cited: set[int] = set().union(*(sel.outlets[i] for i in taken)) if taken else set()
    alive = np.ones(len(candidates), dtype=bool)
    # Running maxima of each candidate's similarity to everything taken so far.
    if taken:
        taken_index = np.array(taken, dtype=np.int64)
        lexical_max = sel.lexical[np.ix_(candidates, taken_index)].max(axis=1)
        if sel.repeated is not None:
            alive &= ~sel.repeated[np.ix_(candidates, taken_index)].any(axis=1)
        penalty = sel.semantic[np.ix_(candidates, taken_index)].max(axis=1)
    else:
        lexical_max = np.full(len(candidates), -np.inf)
        penalty = np.zeros(len(candidates))
    words = np.asarray(sel.words, dtype=np.float64)[candidates]
    salience = lam * np.asarray(sel.scores, dtype=np.float64)[candidates]
    picked: list[int] = []
    used_words = 0
    while len(picked) < count:
        # Within budget, or overshooting it by less than stopping would undershoot it.
        usable = alive & (lexical_max < redundancy)
        if budget is not None and picked:
            usable &= words < 2 * (budget - used_words)
        if not usable.any():
            break
        bonus = np.array(
            [diversity_bonus if sel.outlets[i] - cited else 0.0 for i in candidates.tolist()]
        )
        score = np.where(usable, salience - (1 - lam) * penalty + bonus, -np.inf)
        at = int(np.argmax(score))  # the first maximum: ties go to the earlier pool entry
        best = int(candidates[at])
        picked.append(best)
        alive[at] = False
        cited |= sel.outlets[best]
        used_words += int(sel.words[best])
        lexical_max = np.maximum(lexical_max, sel.lexical[candidates, best])
        if sel.repeated is not None:
            alive &= ~sel.repeated[candidates, best]
        fresh = sel.semantic[candidates, best]
        penalty = fresh if len(picked) == 1 and not taken else np.maximum(penalty, fresh)
    return picked


def _mark_within_groups(
    repeated: np.ndarray,
    texts: Sequence[str],
    keys_of: Callable[[str], Iterable[str]],
    same: Callable[[str, str], bool],
) -> None:
    """Marks in ``repeated`` the pairs ``same`` finds among texts that share a key of
    ``keys_of`` (a name, a number): the exact test runs only within those groups."""
    groups: dict[str, list[int]] = defaultdict(list)
    for row, text in enumerate(texts):
        for key in keys_of(text):
            groups[key].append(row)
    for rows in groups.values():
        for i, j in combinations(rows, 2):
            if not repeated[i, j] and same(texts[i], texts[j]):
                repeated[i, j] = repeated[j, i] = True
