"""When a story's summary must be rewritten: only when its content changed materially.

A new article changes a story materially when it states at least one fact that neither the
articles already summarised nor the previous summary state. Wire copies and rewrites of known
facts do not, so a story that many outlets pick up is not rewritten for each of them.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from newsloom.records import Article, Summary
from newsloom.summarize.facts import SAME_FACT, candidates_of
from newsloom.summarize.vectors import tfidf_rows


def summary_texts(summary: Summary | None) -> list[str]:
    """Every sentence a summary shows."""
    if summary is None:
        return []
    cited = [*summary.bullets, *summary.takeaways, *summary.whats_new]
    cited += [c for paragraph in summary.paragraphs for c in paragraph]
    return [c.text for c in cited]


def new_fact_count(known: Sequence[Article], new: Sequence[Article], extra: Sequence[str]) -> int:
    """Sentences of ``new`` articles that no sentence of ``known`` (or of ``extra``) states."""
    fresh = [c.text for c in candidates_of(new)]
    if not fresh:
        return 0
    old = [c.text for c in candidates_of(known)] + list(extra)
    if not old:
        return len(fresh)
    rows = tfidf_rows(fresh + old)
    closest = (rows[: len(fresh)] @ rows[len(fresh) :].T).max(axis=1)
    return int(np.count_nonzero(closest < SAME_FACT))


def needs_resummary(previous: Summary | None, articles: Sequence[Article]) -> bool:
    """True when there is no summary yet, or an article added since ``previous`` brings a new fact.

    An article that left the story is the pipeline's concern (it compares the cited ids).
    """
    if previous is None:
        return True
    if any(a.id is None for a in articles):
        return True
    cited = set(previous.article_ids)
    new = [a for a in articles if a.id not in cited]
    if not new:
        return False
    known = [a for a in articles if a.id in cited]
    return new_fact_count(known, new, summary_texts(previous)) > 0
