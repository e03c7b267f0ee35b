"""newsloom summarize stage: cited story summaries.

``Summarizer`` is the interface; ``ExtractiveSummarizer`` is the offline implementation and
``LLMSummarizer`` an optional OpenAI-compatible backend whose sentences must pass the grounding
check. ``build_summarizer(settings)`` picks the one the pipeline and the evaluations use.
"""

from __future__ import annotations

from newsloom.summarize.base import Summarizer
from newsloom.summarize.extractive import ExtractiveSummarizer
from newsloom.summarize.factory import build_summarizer
from newsloom.summarize.updates import needs_resummary

__all__ = ["ExtractiveSummarizer", "Summarizer", "build_summarizer", "needs_resummary"]
