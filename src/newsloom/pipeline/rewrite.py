"""The LLM rewrite queue: stories published with their extractive summary get an LLM version later.

A refresh never waits for a language model: it publishes the extractive summary at once. This
queue then takes the stories whose latest summary is extractive, most important first, and asks
the LLM (``settings.llm_base_url``) to write each anew from its numbered source sentences. A reply
that survives validation and the grounding check is stored as the story's next summary version
(method "llm"), which the pages show; a refused reply leaves the extractive one. Either way the
story's article set is remembered (``llm_attempts``), so it is sent again only when it changes.

Bounded: ``llm_budget_seconds`` per pass (no new request starts after it), ``llm_concurrency``
requests at once, each one bounded by ``llm_timeout``. ``newsloom rewrite`` runs one pass;
``newsloom run`` runs passes in a background thread beside its refresh loop.
"""

from __future__ import annotations

import logging
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime

import newsloom.store as db
from newsloom.errors import SummarizeError
from newsloom.pipeline.summaries import paragraph_budget
from newsloom.settings import Settings
from newsloom.summarize.llm import LLMSummarizer, LLMUnusable

log = logging.getLogger(__name__)

# Stories read from the queue per pass at most; a pass is bounded by its budget anyway.
MAX_PER_PASS = 500


@dataclass
class RewriteReport:
    sent: int = 0
    rewritten: int = 0
    refused: int = 0
    stale: int = 0  # the story changed while its request was out: sent again next pass
    seconds: float = 0.0
    out_of_time: bool = False

    def one_line(self) -> str:
        return (
            f"rewrite: {self.sent} stories sent to the LLM, {self.rewritten} rewritten, "
            f"{self.refused} kept extractive, {self.stale} changed meanwhile, "
            f"in {self.seconds:.1f} s" + (" (budget spent)" if self.out_of_time else "")
        )


def llm_summarizer(settings: Settings) -> LLMSummarizer:
    """The LLM summarizer of these settings; SummarizeError when no LLM is configured."""
    if not settings.llm_base_url:
        raise SummarizeError("summarize: no LLM configured (set llm_base_url)")
    from newsloom.cluster import get_embedder
    from newsloom.summarize.extractive import ExtractiveSummarizer

    # The grounding check aligns generated sentences by meaning with the product's MiniLM.
    return LLMSummarizer.from_settings(
        settings, fallback=ExtractiveSummarizer(), embed=get_embedder().embed
    )


def rewrite_stories(
    settings: Settings,
    store: db.Store,
    *,
    now: datetime | None = None,
    budget_seconds: float | None = None,
    limit: int = MAX_PER_PASS,
    summarizer: LLMSummarizer | None = None,
    stop: threading.Event | None = None,
) -> RewriteReport:
    """One pass over the queue, most important story first, within the time budget."""
    started = time.monotonic()
    budget = settings.llm_budget_seconds if budget_seconds is None else budget_seconds
    deadline = started + budget
    report = RewriteReport()
    with store.read() as conn:
        waiting = db.stories_awaiting_llm(conn, limit)
    if not waiting:
        return report
    llm = summarizer or llm_summarizer(settings)
    lock = threading.Lock()

    def one(story_id: int) -> None:
        if time.monotonic() >= deadline or (stop is not None and stop.is_set()):
            with lock:
                report.out_of_time = report.out_of_time or time.monotonic() >= deadline
            return
        outcome = rewrite_story(settings, store, llm, story_id, now=now)
        with lock:
            report.sent += outcome != "gone"
            report.rewritten += outcome == "llm"
            report.refused += outcome == "refused"
            report.stale += outcome == "stale"

    with ThreadPoolExecutor(settings.llm_concurrency, thread_name_prefix="newsloom-llm") as pool:
        list(pool.map(one, waiting))
    report.seconds = time.monotonic() - started
    log.info(report.one_line(), extra={"stage": "summarize"})
    return report


def rewrite_story(
    settings: Settings,
    store: db.Store,
    llm: LLMSummarizer,
    story_id: int,
    *,
    now: datetime | None = None,
) -> str:
    """Send one story; "llm", "refused", "stale" (changed meanwhile) or "gone"."""
    with store.read() as conn:
        story = db.get_story(conn, story_id)
        base = db.latest_summary(conn, story_id)
        if story is None or story.merged_into is not None or base is None:
            return "gone"
        articles = db.get_articles(conn, list(base.article_ids))
    key = db.articles_key(base.article_ids)
    begun = time.monotonic()
    moment = now or datetime.now(UTC)
    try:
        summary = llm.rewrite(articles, base, paragraph_budget(settings, articles), moment)
        reason = None
    except LLMUnusable as exc:
        summary, reason = None, str(exc)
    seconds = time.monotonic() - begun
    with store.write() as conn:
        latest = db.latest_summary(conn, story_id)
        if latest is None or latest.version != base.version:
            return "stale"  # a refresh summarised new articles meanwhile: the queue has it again
        if summary is not None:
            db.save_summary(conn, summary)
            db.update_story(conn, story_id, headline=summary.headline)
        db.record_llm_attempt(
            conn,
            story_id,
            key=key,
            outcome="llm" if summary is not None else "refused",
            reason=reason,
            seconds=seconds,
            at=moment,
        )
    if reason:
        log.warning(
            "%s; story %d keeps its extractive summary",
            reason,
            story_id,
            extra={"stage": "summarize", "story_id": story_id},
        )
    return "llm" if summary is not None else "refused"


class RewriteLoop:
    """``newsloom run``'s background rewriting: a pass, then a pause when the queue is empty."""

    def __init__(self, settings: Settings, store: db.Store, idle_seconds: float = 60.0) -> None:
        self.settings, self.store, self.idle = settings, store, idle_seconds
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="newsloom-llm", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 30.0) -> None:
        self._stop.set()  # no new request starts; one in flight ends within llm_timeout
        self._thread.join(timeout)

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                report = rewrite_stories(self.settings, self.store, stop=self._stop)
            except Exception:  # the LLM is an extra: a failed pass never stops the site
                log.exception("rewrite pass failed", extra={"stage": "summarize"})
                report = RewriteReport()
            if not report.out_of_time:  # the queue is done until a refresh adds to it
                self._stop.wait(self.idle)
