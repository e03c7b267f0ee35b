"""Top stories by importance decayed to the time of the request (see newsloom.categorize.rank).

Stories are read newest first in batches; the scan stops as soon as even the most important story
of the set, had it been updated no later than the next unread one, could not enter the top. The
result is exact, and usually costs one or two small queries.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection

import newsloom.store.browse as browse
from newsloom.categorize.rank import rank_key

MAX_BATCH = 400


def top_story_ids(
    conn: Connection,
    *,
    limit: int,
    category: str | None = None,
    batch: int = 0,
    ceiling: float | None = None,
) -> list[int]:
    """Ids of the ``limit`` highest-ranked live stories (of ``category`` when given), best first.

    Ties (equal rank keys) go to the more recently updated, then the higher id. ``batch`` is the
    number of stories read at a time; 0 = start at 4 x limit and double up to MAX_BATCH.
    ``ceiling``: an upper bound of the stored importance (read from the store when None).
    """
    if limit <= 0:
        return []
    if ceiling is None:
        ceiling = browse.max_importance(conn, category=category)
    best: list[tuple[float, datetime, int]] = []
    before: tuple[datetime, int] | None = None
    adaptive = batch <= 0
    size = max(4 * limit, 16) if adaptive else batch
    while True:
        rows = browse.rank_rows(conn, category=category, before=before, limit=size)
        alive = browse.live_ids(conn, [r.id for r in rows]) if rows else set()
        best.extend(
            (rank_key(r.importance, r.last_updated), r.last_updated, r.id)
            for r in rows
            if r.id in alive
        )
        best.sort(reverse=True)
        del best[limit:]
        if len(rows) < size:
            break
        last = rows[-1]
        before = (last.last_updated, last.id)
        # Every unread story is updated no later than ``last``: its key is at most this bound.
        if len(best) >= limit and rank_key(ceiling, last.last_updated) < best[-1][0]:
            break
        if len(best) >= limit and ceiling <= 0:
            break  # nothing has importance: the newest already won the ties
        if adaptive:
            size = min(size * 2, MAX_BATCH)
    return [story_id for _, _, story_id in best]
