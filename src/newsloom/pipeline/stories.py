"""Articles to stories: embed, assign, consolidate, then categorize, rank and summarize what changed.

Both steps start from the store's state (articles with no story; stories whose summary does not
match their articles), so they finish whatever a killed run left undone. Each run that assigned
articles then consolidates the stories they touched (cluster/consolidate.py), respecting the
corrections people made (store/corrections.py).
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import cache
from urllib.parse import urlsplit

import numpy as np
from sqlalchemy import Connection
from threadpoolctl import threadpool_limits

import newsloom.store as db
from newsloom.categorize import categorize_story
from newsloom.categorize.classifier import CategoryClassifier
from newsloom.categorize.rank import outlet_weights_for, stored_importance
from newsloom.cluster import ClusterDoc, StoryClusterer, embedding_text, get_embedder
from newsloom.cluster.consolidate import (
    ConsolidationPlan,
    ConsolidationRules,
    Member,
    StoryState,
    plan_consolidation,
    related_stories,
)
from newsloom.cluster.embed import DIMENSIONS, MODEL_ID
from newsloom.cluster.features import doc_terms
from newsloom.errors import ClusterError, unexpected
from newsloom.pipeline.summaries import SummaryJob, SummaryWorkers, summary_due
from newsloom.records import Article, Story, Summary
from newsloom.settings import Settings
from newsloom.store.corrections import correction_constraints, reset_span

log = logging.getLogger(__name__)
Progress = Callable[[str, int, int], None]
BATCH = 256


@dataclass
class ClusterOutcome:
    touched: set[int] = field(default_factory=set)
    new_stories: int = 0
    merged: int = 0  # stories consolidation merged away
    split: int = 0  # stories consolidation split off drifted articles into


@dataclass
class StoriesOutcome:
    stories: int = 0
    summaries: int = 0


def new_clusterer(settings: Settings) -> StoryClusterer:
    return StoryClusterer(
        threshold=settings.cluster_threshold or None,
        window_hours=settings.cluster_window_hours,
    )


def cluster_new_articles(
    settings: Settings,
    store: db.Store,
    *,
    now: datetime,
    progress: Progress,
    warm_categories: bool = True,
) -> ClusterOutcome:
    """Assign every original article that has no story yet, oldest first.

    ``warm_categories``: the stories are categorized next (``refresh_stories``), so the category
    classifier embeds its prototypes meanwhile, on the core that assignment (one thread of
    Python) leaves idle.
    """
    outcome = ClusterOutcome()
    with store.read() as conn:
        pending = db.unclustered_articles(conn)
        others = db.vectors_of_other_models(conn, MODEL_ID) if pending else {}
    if not pending:
        return outcome
    if others:  # a new model's vectors cannot be compared with the stored ones
        found = ", ".join(f"{count} by {model}" for model, count in sorted(others.items()))
        raise ClusterError(
            f"cluster: stored vectors were made by another model ({found}), not {MODEL_ID}; "
            "run `newsloom reprocess --stage embed` first"
        )
    ensure_vectors(store, pending, progress)
    clusterer = new_clusterer(settings)
    # Dormant stories can still take a late follow-up, so warm up with all the clusterer remembers.
    window = timedelta(hours=clusterer.memory_hours)
    with store.read() as conn:
        warm = [
            a
            for a in db.recent_articles(conn, since=pending[0].published - window)
            if a.id is not None
        ]
        memberships = db.stories_of(conn, [a.id for a in warm if a.id is not None])
        warm = [a for a in warm if a.id in memberships]
        vectors = db.load_vectors(conn, [a.id for a in warm + pending if a.id is not None])
    warming = _warm_category_classifier() if warm_categories else None
    try:
        # One mat-vec per article: a single BLAS thread is fastest, more only contend for cores
        # (with the classifier's warm-up, too). Consolidation's products are as small.
        with threadpool_limits(limits=1, user_api="blas"):
            _assign_all(
                clusterer, warm, memberships, pending, vectors, store, now, progress, outcome
            )
            since = min(pending[0].published, now) - timedelta(hours=settings.cluster_window_hours)
            plan = consolidate_stories(settings, store, outcome.touched, since=since, now=now)
    finally:
        if warming is not None:
            warming.join()  # a failure there shows again, and is raised, when categorizing
    outcome.touched |= {m.into_id for m in plan.merges} | {s.story_id for s in plan.splits}
    outcome.touched -= {m.story_id for m in plan.merges}
    outcome.merged, outcome.split = len(plan.merges), len(plan.splits)
    return outcome


def _assign_all(
    clusterer: StoryClusterer,
    warm: list[Article],
    memberships: dict[int, int],
    pending: list[Article],
    vectors: dict[int, np.ndarray],
    store: db.Store,
    now: datetime,
    progress: Progress,
    outcome: ClusterOutcome,
) -> None:
    """Warm the clusterer with the stored stories, then assign ``pending`` oldest first."""
    for article in warm:
        assert article.id is not None
        clusterer.add(_doc(article, vectors), memberships[article.id])
    for start in range(0, len(pending), BATCH):
        batch = pending[start : start + BATCH]
        with store.write() as conn:
            # The batch's memberships and spans are written together at its end, in the same
            # transaction: nothing reads them before (the clusterer holds its own state).
            joined: list[db.Membership] = []
            spans: dict[int, tuple[datetime, datetime]] = {}
            for article in batch:
                assert article.id is not None
                doc = _doc(article, vectors)
                assignment = clusterer.assign(doc)
                story_id = assignment.story_id
                if story_id is None:
                    story_id = db.create_story(conn, first_seen=article.published)
                    outcome.new_stories += 1
                joined.append(
                    db.Membership(
                        story_id, article.id, assignment.similarity, assignment.reasons, now
                    )
                )
                # A running story stays in the window (stories_in_window) while it grows.
                earliest, latest = spans.get(story_id, (article.published, article.published))
                spans[story_id] = (min(earliest, article.published), max(latest, article.published))
                clusterer.add(doc, story_id)
                outcome.touched.add(story_id)
            db.add_to_stories(conn, joined)
            db.widen_story_spans(conn, spans)
        progress("cluster", min(start + BATCH, len(pending)), len(pending))


def consolidate_stories(
    settings: Settings, store: db.Store, focus: set[int], *, since: datetime, now: datetime
) -> ConsolidationPlan:
    """Merge converged and split drifted stories among ``focus`` and the stories near them."""
    rules = ConsolidationRules(window_hours=settings.cluster_window_hours)
    with store.read() as conn:
        stories = {s.id: s for s in db.stories_in_window(conn, since=since)}
        for story_id in sorted(focus - set(stories)):
            story = db.get_story(conn, story_id)
            if story is not None and story.merged_into is None:
                stories[story.id] = story
        vectors = db.load_vectors(conn, [a for s in stories.values() for a in s.article_ids])
        centroids = {
            s.id: sum((vectors[a] for a in s.article_ids if a in vectors), np.zeros(DIMENSIONS))
            for s in stories.values()
        }
        scope = sorted(related_stories(centroids, focus & set(stories), rules.merge_cos))
        members = db.get_articles(conn, [i for s in scope for i in stories[s].article_ids])
        articles = {a.id: a for a in members if a.id is not None}
        constraints = correction_constraints(conn)
    states = [_state(stories[s], articles, vectors) for s in scope]
    plan = plan_consolidation(states, rules, pinned=constraints.pinned, apart=constraints.apart)
    if plan:
        with store.write() as conn:
            apply_consolidation(conn, plan, now)
    return plan


def apply_consolidation(conn: Connection, plan: ConsolidationPlan, now: datetime) -> None:
    """Splits first (the plan's merges were planned without the split-off articles)."""
    for split in plan.splits:
        moved = db.get_articles(conn, split.article_ids)
        new_id = db.create_story(conn, first_seen=min(a.published for a in moved))
        db.move_to_story(conn, split.article_ids, new_id, reasons=split.reasons, added=now)
        reset_span(conn, split.story_id)
        reset_span(conn, new_id)
    for merge in plan.merges:
        story = db.get_story(conn, merge.story_id)
        if story is None:
            continue
        db.move_to_story(conn, story.article_ids, merge.into_id, reasons=merge.reasons, added=now)
        db.update_story(conn, merge.story_id, merged_into=merge.into_id)
        db.redirect_merged(conn, merge.story_id, merge.into_id)
        reset_span(conn, merge.into_id)


def _state(
    story: Story, articles: dict[int, Article], vectors: dict[int, np.ndarray]
) -> StoryState:
    members = []
    for a in (articles[i] for i in story.article_ids if i in articles and i in vectors):
        if a.id is None:
            continue
        terms = doc_terms(a.title, a.text or a.lead)
        members.append(Member(a.id, a.published, vectors[a.id], terms.entities, terms.terms))
    return StoryState(story_id=story.id, first_seen=story.first_seen, members=tuple(members))


def ensure_vectors(store: db.Store, articles: list[Article], progress: Progress) -> None:
    """Embed (title + lead) for articles that have no stored vector yet, in batches."""
    with store.read() as conn:
        have = db.load_vectors(conn, [a.id for a in articles if a.id is not None])
    missing = [a for a in articles if a.id not in have]
    if not missing:
        return
    embedder = get_embedder()
    for start in range(0, len(missing), BATCH):
        batch = missing[start : start + BATCH]
        vectors = embedder.embed([embedding_text(a.title, a.text or a.lead) for a in batch])
        with store.write() as conn:
            for article, vector in zip(batch, vectors, strict=True):
                assert article.id is not None
                db.save_vector(conn, article.id, vector, model=MODEL_ID)
        progress("embed", min(start + BATCH, len(missing)), len(missing))


def refresh_stories(
    settings: Settings,
    store: db.Store,
    touched: Iterable[int],
    *,
    now: datetime,
    progress: Progress,
) -> StoriesOutcome:
    """Re-categorize, re-rank and (if their articles changed) re-summarize stories."""
    outcome = StoriesOutcome()
    since = now - timedelta(hours=settings.cluster_window_hours)
    with store.read() as conn:
        story_ids = set(touched) | {s.id for s in db.stories_in_window(conn, since=since)}
        story_ids |= set(db.stories_needing_summary(conn))
        sections = {s.id: s.section for s in db.list_sources(conn) if s.id is not None}
        # The classifier reads the vectors clustering stored, unless another model made some.
        stored_vectors = not db.vectors_of_other_models(conn, MODEL_ID)
    ordered = sorted(story_ids)
    # This process and the summary worker each keep a core busy: BLAS threads of their own only
    # contend for them (one thread categorizes the refresh's stories with a third of the CPU).
    with threadpool_limits(limits=1, user_api="blas"), SummaryWorkers(settings) as workers:
        for start in range(0, len(ordered), STORY_CHUNK):
            chunk = _read_stories(store, ordered[start : start + STORY_CHUNK], stored_vectors)
            jobs = [
                SummaryJob(s.story_id, s.articles, s.previous)
                for s in chunk
                if summary_due(s.previous, s.articles)
            ]
            batch = workers.start(jobs, now)
            # Categories while the worker starts on the summaries.
            categories = {item.story_id: _categorize(item, sections) for item in chunk}
            found = dict(zip((j.story_id for j in jobs), workers.finish(batch), strict=True))
            updates = [
                update
                for item in chunk
                if (
                    update := _story_update(
                        settings, item, categories[item.story_id], found.get(item.story_id)
                    )
                )
            ]
            with store.write() as conn:  # one transaction for the chunk's stories
                for update in updates:
                    if update.summary is not None:
                        db.save_summary(conn, update.summary)
                    db.update_story(
                        conn,
                        update.story_id,
                        last_updated=update.last_updated,
                        category=update.category,
                        importance=update.importance,
                        headline=update.summary.headline if update.summary else None,
                    )
            for update in updates:
                outcome.stories += 1
                outcome.summaries += update.summary is not None
                progress("summarize", start + update.position, len(ordered))
    return outcome


# Stories read, summarized and written together: bounds what a refresh holds in memory.
STORY_CHUNK = 128


@dataclass
class _StoryInput:
    story_id: int
    position: int  # 1-based place in the run's order, for progress
    articles: list[Article]
    copies: list[Article]
    previous: Summary | None
    vectors: dict[int, np.ndarray]
    carried_by: dict[int, list[int]]  # article id -> the feeds that listed it


def _read_stories(store: db.Store, story_ids: list[int], stored_vectors: bool) -> list[_StoryInput]:
    """The live stories among ``story_ids`` that have articles, with what refreshing them reads."""
    found = []
    with store.read() as conn:
        for position, story_id in enumerate(story_ids, start=1):
            story = db.get_story(conn, story_id)
            if story is None or story.merged_into is not None:
                continue
            articles = db.get_articles(conn, story.article_ids)
            if not articles:
                continue
            of_each = db.copies_of_each(conn, [a.id for a in articles if a.id is not None])
            copies = [c for a in articles if a.id is not None for c in of_each.get(a.id, [])]
            previous = db.latest_summary(conn, story_id)
            vectors = db.load_vectors(conn, story.article_ids) if stored_vectors else {}
            carried_by = db.feeds_carrying(conn, story.article_ids)
            found.append(
                _StoryInput(story_id, position, articles, copies, previous, vectors, carried_by)
            )
    return found


@dataclass(frozen=True)
class _StoryUpdate:
    story_id: int
    position: int
    last_updated: datetime
    category: str
    importance: float
    summary: Summary | None


def _categorize(item: _StoryInput, sections: dict[int, str]) -> str | Exception:
    try:
        return categorize_story(
            item.articles,
            sections,
            category_classifier(),
            vectors=item.vectors,
            carried_by=item.carried_by,
        )
    except Exception as exc:  # reported with the story's summary (_story_update)
        return exc


def _story_update(
    settings: Settings,
    item: _StoryInput,
    category: str | Exception,
    summarized: Summary | Exception | None,
) -> _StoryUpdate | None:
    """One story's rank, with its category and new summary (``summarized``: None when its
    articles did not change it); None when the story failed (logged)."""
    story_id, articles, copies = item.story_id, item.articles, item.copies
    outlets = {a.source_id for a in articles} | {c.source_id for c in copies}
    last = max(a.published for a in articles + copies)
    # Stored as of the story's last article; pages decay it to their own clock (rank.py).
    score = stored_importance(
        n_outlets=len(outlets),
        n_articles=len(articles) + len(copies),
        first_seen=min(a.published for a in articles),
        last_updated=last,
        outlet_weights=outlet_weights_for(
            (_host(a.url) for a in articles + copies), settings.outlet_weights
        )
        if settings.outlet_weights
        else (),
    )
    try:
        for failed in (category, summarized):
            if isinstance(failed, Exception):
                raise failed
    except Exception as exc:  # one story's articles stop that story, not the newsroom
        # It still needs a summary, so the next run tries again (and logs again).
        log.error(
            unexpected("summarize", exc, f"story {story_id}"),
            exc_info=exc,
            extra={"stage": "summarize", "story_id": story_id},
        )
        return None
    assert isinstance(category, str) and not isinstance(summarized, Exception)
    return _StoryUpdate(story_id, item.position, last, category, score, summarized)


def _warm_category_classifier() -> threading.Thread:
    def prepare() -> None:
        # A failure here shows again when categorizing, which prepares it and reports it.
        with contextlib.suppress(Exception):
            category_classifier().prepare()

    thread = threading.Thread(target=prepare, name="newsloom-warm-categories", daemon=True)
    thread.start()
    return thread


@cache
def category_classifier() -> CategoryClassifier:
    """One classifier per process for articles from general feeds: its prototypes are embedded
    once; it reads the articles' stored vectors (its text cache serves articles without one)."""
    return CategoryClassifier()


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").removeprefix("www.")


def _doc(article: Article, vectors: dict[int, np.ndarray]) -> ClusterDoc:
    assert article.id is not None
    return ClusterDoc(
        article_id=article.id,
        title=article.title,
        text=article.text,
        published=article.published,
        source_id=article.source_id,
        language=article.language,
        vector=vectors.get(article.id),
    )
