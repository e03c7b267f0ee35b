"""``newsloom bench summarize``: time the default summarizer on a generated 20-article story.

The story is fictional and generated from a seed: every outlet retells a shared set of facts
(some word for word, as wire copy, some reworded) and adds facts, quotes, page furniture and a
dateline of its own, about 600 words an article. Timing runs on one core (BLAS threads limited
to 1) and reports the median and 95th percentile of wall and CPU time over ``runs`` summaries
after one warm-up.
"""

from __future__ import annotations

import random
import statistics
import time
from datetime import UTC, datetime, timedelta
from typing import Any

from threadpoolctl import threadpool_limits

from newsloom.records import Article
from newsloom.settings import Settings
from newsloom.summarize import build_summarizer

T0 = datetime(2031, 9, 14, 6, 0, tzinfo=UTC)
COLD_SEEDS = 1000  # the first seed of the stories never seen (the timed story's is 7)
PLACES = ("Velmora", "Kastrel Bay", "Oddun", "Pirenne Hills", "Lower Saskel", "Tamsford")
PEOPLE = ("Mayor Ines Talvik", "Dr. Oren Baske", "Councillor Ruth Amsel", "Chief Pell Varro")
BODIES = ("the Velmora water board", "the regional council", "the Oddun fire service")
VERBS = ("inspected", "closed", "reopened", "repaired", "evacuated", "surveyed", "funded")
OBJECTS = ("the north dam", "the ferry terminal", "two pumping stations", "the old rail bridge")
TAILS = (
    "before noon on Tuesday",
    "after a week of heavy rain",
    "at a cost of {n} million crowns",
    "with help from {n} volunteers",
    "for the first time since {y}",
)
FURNITURE = (
    "Read more: our full coverage of the floods.",
    "Subscribe to our newsletter for daily updates.",
    "Photo: staff archive",
)


def _sentence(rng: random.Random) -> str:
    tail = rng.choice(TAILS).format(n=rng.randint(2, 900), y=rng.randint(1950, 2029))
    subject = rng.choice(PEOPLE + BODIES)
    extra = f" in {rng.choice(PLACES)}" if rng.random() < 0.6 else ""
    text = f"{subject} {rng.choice(VERBS)} {rng.choice(OBJECTS)}{extra} {tail}"
    if rng.random() < 0.3:
        text += f", {rng.choice(PEOPLE)} said"
    return text[0].upper() + text[1:] + "."


def generated_story(n_articles: int = 20, seed: int = 7) -> list[Article]:
    """A fictional story: ``n_articles`` articles from as many outlets sharing twelve facts."""
    rng = random.Random(seed)
    shared = [_sentence(rng) for _ in range(12)]
    articles = []
    for index in range(n_articles):
        lines = [f"{rng.choice(PLACES).upper()} (Outlet {index}) - {shared[0]}"]
        for fact in shared[1:]:
            if rng.random() < 0.6:
                lines.append(fact if rng.random() < 0.5 else fact.replace(" the ", " a ", 1))
        lines += [_sentence(rng) for _ in range(rng.randint(14, 22))]
        lines.insert(rng.randint(2, len(lines)), rng.choice(FURNITURE))
        lines.append(f'"We will keep working until it is done," {rng.choice(PEOPLE)} said.')
        published = T0 + timedelta(minutes=17 * index)
        articles.append(
            Article(
                id=index + 1,
                source_id=index + 1,
                url=f"https://outlet{index}.example/story",
                canonical_url=f"https://outlet{index}.example/story",
                title=f"{rng.choice(PEOPLE)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}",
                text="\n".join(lines),
                published=published,
                fetched_at=published,
                outlet=f"Outlet {index}",
            )
        )
    return articles


def bench_summarize(
    settings: Settings, *, articles: int = 20, runs: int = 30, cold: int = 5
) -> dict[str, Any]:
    """Median and p95 milliseconds to summarise the generated story with the default summarizer,
    and the time of a first summary of ``cold`` stories never seen (``cold_*``)."""
    story = generated_story(articles)
    summarizer = build_summarizer(settings)
    words = settings.summary_words
    wall: list[float] = []
    cpu: list[float] = []
    with threadpool_limits(limits=1):
        summary = summarizer.summarize(1, story, None, words, T0)  # warm-up: imports, caches
        for _ in range(runs):
            started, started_cpu = time.perf_counter(), time.process_time()
            summarizer.summarize(1, story, None, words, T0)
            wall.append(1000 * (time.perf_counter() - started))
            cpu.append(1000 * (time.process_time() - started_cpu))
        # The runs above summarise one story again, as a refresh does when a story gains an
        # article: the summarizer's per-sentence caches hold its sentences. A story never seen
        # (a seed of its own, none of its sentences read before) pays for every one of them.
        cold_wall: list[float] = []
        cold_cpu: list[float] = []
        for seed in range(COLD_SEEDS, COLD_SEEDS + cold):
            fresh = generated_story(articles, seed=seed)
            started, started_cpu = time.perf_counter(), time.process_time()
            summarizer.summarize(1, fresh, None, words, T0)
            cold_wall.append(1000 * (time.perf_counter() - started))
            cold_cpu.append(1000 * (time.process_time() - started_cpu))
    return {
        "articles": articles,
        "words": sum(len(a.text.split()) for a in story),
        "runs": runs,
        "p50_ms": round(statistics.median(wall), 1),
        "p95_ms": round(_p95(wall), 1),
        # CPU time is what a busy machine cannot inflate: the cost on an idle core.
        "cpu_p50_ms": round(statistics.median(cpu), 1),
        "cpu_p95_ms": round(_p95(cpu), 1),
        "cold_runs": cold,
        "cold_p50_ms": round(statistics.median(cold_wall), 1),
        "cold_max_ms": round(max(cold_wall), 1),
        "cold_cpu_p50_ms": round(statistics.median(cold_cpu), 1),
        "cold_cpu_max_ms": round(max(cold_cpu), 1),
        "method": summary.method,
        "sentences": sum(len(p) for p in summary.paragraphs) + len(summary.bullets),
    }


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
