"""One row that changes whenever a listing page could: the web tier's site-wide cache stamp."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Select, func, select

from newsloom.store._errors import store_errors
from newsloom.store.schema import articles, sources, stories, summaries

# Index probes only (max of a primary key or an indexed column), whatever the store's size;
# sources are a few hundred rows at most, so their last check is a short scan.
_SITE_STAMP: Select[Any] = select(
    select(func.max(stories.c.last_updated)).scalar_subquery(),
    select(func.max(stories.c.id)).scalar_subquery(),
    select(func.max(summaries.c.id)).scalar_subquery(),
    select(func.max(articles.c.id)).scalar_subquery(),
    select(func.max(sources.c.last_checked)).scalar_subquery(),
    select(func.max(sources.c.id)).scalar_subquery(),
)


@store_errors
def site_stamp(conn: Connection) -> tuple[Any, ...]:
    """Newest story update, story, summary, article, source check and source. A new story,
    summary version, article, fetch or outlet changes it; what it cannot see (a removal, a
    re-rank without an update) the caller bounds by time."""
    return tuple(conn.execute(_SITE_STAMP).one())
