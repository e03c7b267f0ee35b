"""SummaryWorkers: stories summarized beside a worker process come back as if summarized here."""

from __future__ import annotations

import dataclasses

from newsloom.errors import SummarizeError
from newsloom.eval.readability import DEMO_NOW, demo_stories
from newsloom.pipeline.summaries import SummaryJob, SummaryWorkers, summarize_job
from newsloom.settings import Settings


def test_a_worker_and_this_process_share_a_batch_and_each_story_keeps_its_summary() -> None:
    settings = Settings()
    stories = demo_stories()[:8]
    jobs = [SummaryJob(n, s.articles, None) for n, s in enumerate(stories, start=1)]
    # A story that fails (an article without an id) fails alone, wherever it was summarized.
    broken = dataclasses.replace(stories[0].articles[0], id=None)
    jobs.insert(3, SummaryJob(99, [broken], None))
    with SummaryWorkers(settings, pool_after=2) as workers:
        found = workers.run(jobs, DEMO_NOW)
        again = workers.run(jobs[:1], DEMO_NOW)  # the worker stays for the next batch
    assert isinstance(found[3], SummarizeError)
    expected = [summarize_job(settings, job, DEMO_NOW) for i, job in enumerate(jobs) if i != 3]
    assert [s for i, s in enumerate(found) if i != 3] == expected
    assert again == expected[:1]


def test_a_small_batch_is_summarized_here() -> None:
    settings = Settings()
    story = demo_stories()[0]
    job = SummaryJob(1, story.articles, None)
    with SummaryWorkers(settings) as workers:
        assert workers.run([job], DEMO_NOW) == [summarize_job(settings, job, DEMO_NOW)]
        assert workers._pool is None
