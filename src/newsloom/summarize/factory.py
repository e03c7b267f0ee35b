"""The summarizer the pipeline and the evaluations use, built from settings in one place."""

from __future__ import annotations

from newsloom.settings import Settings
from newsloom.summarize.base import Summarizer
from newsloom.summarize.extractive import ExtractiveSummarizer


def build_summarizer(settings: Settings) -> Summarizer:
    """The extractive summarizer: what a refresh publishes at once. With ``llm_base_url`` set,
    the LLM rewrites stories afterwards, off the refresh's path (``pipeline/rewrite.py``)."""
    return ExtractiveSummarizer()
