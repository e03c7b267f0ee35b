"""newsloom summarize stage: cited story summaries.

``Summarizer`` is the interface; ``ExtractiveSummarizer`` is the offline implementation, and an LLM
backend can sit behind the same ``summarize`` signature.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from newsloom.records import Article, Summary
from newsloom.summarize.extractive import ExtractiveSummarizer, needs_resummary


class Summarizer(Protocol):
    def summarize(
        self,
        story_id: int,
        articles: Sequence[Article],
        previous: Summary | None,
        words: int,
        now: datetime,
    ) -> Summary: ...


__all__ = ["ExtractiveSummarizer", "Summarizer", "needs_resummary"]
