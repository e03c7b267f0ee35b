"""The summarizer the pipeline and the evaluations use, built from settings in one place."""

from __future__ import annotations

from newsloom.settings import Settings
from newsloom.summarize.base import Summarizer
from newsloom.summarize.extractive import ExtractiveSummarizer


def build_summarizer(settings: Settings) -> Summarizer:
    """The extractive summarizer, behind the grounded LLM backend when ``llm_base_url`` is set."""
    extractive = ExtractiveSummarizer()
    if not settings.llm_base_url:
        return extractive
    from newsloom.cluster import get_embedder
    from newsloom.summarize.llm import LLMSummarizer

    # The grounding check aligns generated sentences by meaning with the product's MiniLM.
    return LLMSummarizer.from_settings(settings, fallback=extractive, embed=get_embedder().embed)
