"""The interface every summarizer implements."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from newsloom.records import Article, Summary


class Summarizer(Protocol):
    def summarize(
        self,
        story_id: int,
        articles: Sequence[Article],
        previous: Summary | None,
        words: int,
        now: datetime,
    ) -> Summary: ...
