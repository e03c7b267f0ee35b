"""What the engine has to do and how it went: counts for ``newsloom status``, in a few queries."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, func, select

from newsloom.store._errors import store_errors
from newsloom.store.schema import (
    VECTOR_MODEL,
    article_vectors,
    articles,
    fetches,
    sources,
    stories,
    story_articles,
)
from newsloom.store.stories import stories_needing_summary


@dataclass(frozen=True)
class StoreStatus:
    sources: int
    sources_due: int
    sources_failing: int  # sources whose last fetch failed (error_count > 0)
    sources_paused: int  # not polled until resumed (by hand, or after failures in a row)
    articles: int
    articles_without_vectors: int  # originals only: copies are never embedded
    vectors_of_other_models: int  # made by an embedding model newsloom no longer runs
    unclustered_articles: int
    stories: int  # live stories (not merged away)
    stories_needing_summary: int
    last_refresh: datetime | None  # the latest fetch of any source
    newest_article: datetime | None

    def as_json(self) -> dict[str, Any]:
        out = asdict(self)
        for key in ("last_refresh", "newest_article"):
            out[key] = out[key].isoformat() if out[key] is not None else None
        return out


def _count(conn: Connection, query: Any) -> int:
    return int(conn.execute(select(func.count()).select_from(query.subquery())).scalar_one())


@store_errors
def store_status(conn: Connection, now: datetime) -> StoreStatus:
    """Counts of everything ``newsloom status`` shows, as of ``now``."""
    originals = select(articles.c.id).where(articles.c.copy_of.is_(None))
    return StoreStatus(
        sources=_count(conn, select(sources.c.id)),
        sources_due=_count(
            conn,
            select(sources.c.id).where(
                sources.c.next_check.is_(None) | (sources.c.next_check <= now)
            ),
        ),
        sources_failing=_count(conn, select(sources.c.id).where(sources.c.error_count > 0)),
        sources_paused=_count(conn, select(sources.c.id).where(sources.c.paused_at.is_not(None))),
        articles=_count(conn, select(articles.c.id)),
        articles_without_vectors=_count(
            conn, originals.where(articles.c.id.not_in(select(article_vectors.c.article_id)))
        ),
        vectors_of_other_models=_count(
            conn,
            select(article_vectors.c.article_id).where(article_vectors.c.model != VECTOR_MODEL),
        ),
        unclustered_articles=_count(
            conn, originals.where(articles.c.id.not_in(select(story_articles.c.article_id)))
        ),
        stories=_count(conn, select(stories.c.id).where(stories.c.merged_into.is_(None))),
        stories_needing_summary=len(stories_needing_summary(conn)),
        last_refresh=conn.execute(
            select(func.max(fetches.c.fetched_at).label("m"))
        ).scalar_one_or_none(),
        newest_article=conn.execute(select(func.max(articles.c.published))).scalar_one_or_none(),
    )
