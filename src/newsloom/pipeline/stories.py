"""Articles to stories: embed, assign, then categorize, rank and summarize what changed.

Both steps start from the store's state (articles with no story; stories whose summary is older than
their articles), so they finish whatever a killed run left undone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import newsloom.store as db
from newsloom.categorize import categorize_story
from newsloom.categorize.rank import importance
from newsloom.cluster import ClusterDoc, StoryClusterer, embedding_text, get_embedder
from newsloom.records import Article
from newsloom.settings import Settings
from newsloom.summarize import ExtractiveSummarizer, needs_resummary

Progress = Callable[[str, int, int], None]
BATCH = 256


@dataclass
class ClusterOutcome:
    touched: set[int] = field(default_factory=set)
    new_stories: int = 0


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
    settings: Settings, store: db.Store, *, now: datetime, progress: Progress
) -> ClusterOutcome:
    """Assign every original article that has no story yet, oldest first."""
    outcome = ClusterOutcome()
    with store.read() as conn:
        pending = db.unclustered_articles(conn)
    if not pending:
        return outcome
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
    for article in warm:
        assert article.id is not None
        clusterer.add(_doc(article, vectors), memberships[article.id])
    for start in range(0, len(pending), BATCH):
        batch = pending[start : start + BATCH]
        with store.write() as conn:
            for article in batch:
                assert article.id is not None
                doc = _doc(article, vectors)
                assignment = clusterer.assign(doc)
                story_id = assignment.story_id
                if story_id is None:
                    story_id = db.create_story(conn, first_seen=article.published)
                    outcome.new_stories += 1
                db.add_to_story(
                    conn,
                    story_id,
                    article.id,
                    similarity=assignment.similarity,
                    reasons=assignment.reasons,
                    added=now,
                )
                clusterer.add(doc, story_id)
                outcome.touched.add(story_id)
        progress("cluster", min(start + BATCH, len(pending)), len(pending))
    return outcome


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
                db.save_vector(conn, article.id, vector)
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
    summarizer = ExtractiveSummarizer()
    ordered = sorted(story_ids)
    for done, story_id in enumerate(ordered, start=1):
        with store.read() as conn:
            story = db.get_story(conn, story_id)
            if story is None or story.merged_into is not None:
                continue
            articles = db.get_articles(conn, story.article_ids)
            copies = [c for a in articles if a.id is not None for c in db.copies_of(conn, a.id)]
            previous = db.latest_summary(conn, story_id)
        if not articles:
            continue
        outlets = {a.source_id for a in articles} | {c.source_id for c in copies}
        last = max(a.published for a in articles + copies)
        score = importance(
            n_outlets=len(outlets),
            n_articles=len(articles) + len(copies),
            first_seen=min(a.published for a in articles),
            last_updated=last,
            now=now,
        )
        category = categorize_story(articles, sections)
        summary = None
        if needs_resummary(previous, articles):
            summary = summarizer.summarize(
                story_id, articles, previous, words=paragraph_budget(settings, articles), now=now
            )
        with store.write() as conn:
            if summary is not None:
                db.save_summary(conn, summary)
                outcome.summaries += 1
            db.update_story(
                conn,
                story_id,
                last_updated=last,
                category=category,
                importance=score,
                headline=summary.headline if summary else None,
            )
        outcome.stories += 1
        progress("summarize", done, len(ordered))
    return outcome


def paragraph_budget(settings: Settings, articles: list[Article]) -> int:
    """Words for the paragraphs: a third of a small story's text at most, so that its bullets
    and takeaways still find sentences of their own."""
    total = sum(len(a.text.split()) for a in articles)
    return max(40, min(settings.summary_words, total // 3))


def _doc(article: Article, vectors: dict) -> ClusterDoc:
    assert article.id is not None
    return ClusterDoc(
        article_id=article.id,
        title=article.title,
        text=article.text,
        published=article.published,
        source_id=article.source_id,
        vector=vectors.get(article.id),
    )
