"""What a search returns and in which order.

Ranking: the backend's relevance (bm25 / ts_rank) divided by ``1 + age_days / RECENCY_DAYS``, so a
fresh story outranks an equally relevant week-old one, and a much better match still wins. Only the
MAX_CANDIDATES newest matches are scored (see the backends).
"""

from __future__ import annotations

from dataclasses import dataclass

RECENCY_DAYS = 7.0
MAX_LIMIT = 100
# Matches ranked per query, newest first: a word found in most stories costs ~4 ms at 500 and
# ~15 ms at 1,000 (SQLite, 10k stories), and the recency factor already sinks older matches.
MAX_CANDIDATES = 500


@dataclass(frozen=True)
class SearchHit:
    story_id: int
    score: float
    snippet: str  # plain text (escape before showing it)


@dataclass(frozen=True)
class ArticleHit:
    article_id: int
    story_id: int | None
    score: float
    snippet: str


def bounded(limit: int, offset: int) -> tuple[int, int]:
    """A page of at most MAX_LIMIT hits, from a non-negative offset."""
    return max(0, min(limit, MAX_LIMIT)), max(0, offset)
