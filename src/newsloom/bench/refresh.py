"""``newsloom bench refresh``: the whole path (fetch to summaries) over a labelled set of articles.

A child process serves the articles of a JSONL file (``{"title", "text", ...}`` per line, such as
the clustering sets) as simple HTML pages behind ``outlets`` RSS feeds on 127.0.0.1 (HTTP/1.1
keep-alive). The parent runs the real refresh into a temporary SQLite store, in its stages so each
is timed: fetch + parse + extract + dedup + store (``refresh(stories=False)``), then story
assignment (``cluster_new_articles``), then categories, ranks and summaries (``refresh_stories``).
It prints articles per second per stage and in all, and the peak RSS of this process. For a
labelled set it also scores the stories the refresh made against the gold labels, beside
``eval clustering``'s stories on the same documents met in the same order (``clustering``).
"""

from __future__ import annotations

import json
import multiprocessing
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from newsloom.bench.ingest import NOW, DescendantSampler, _peak_rss_mb, loopback_settings
from newsloom.bench.loopback import serve_forever
from newsloom.errors import EvalError


@dataclass(frozen=True)
class Served:
    """One record of the set as an outlet publishes it."""

    title: str
    text: str  # "" for a headline-only record: a feed entry without a page
    label: str | None
    published: datetime | None  # the record's own date; None: the feed gives none


def _published(value: Any) -> datetime | None:
    try:
        parsed = datetime.fromisoformat(str(value or "").replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


def load_articles(path: Path, limit: int) -> list[Served]:
    """The first ``limit`` records of ``path`` with a text or a title, in file order."""
    served: list[Served] = []
    try:
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                if len(served) >= limit:
                    break
                try:
                    record = json.loads(line)
                except json.JSONDecodeError:
                    continue
                if not isinstance(record, dict):
                    continue
                title = " ".join(str(record.get("title") or "").split())
                text = str(record.get("text") or "")
                if not (text.strip() or title):
                    continue
                label = record.get("label")
                served.append(
                    Served(
                        title=title,
                        text=text if text.strip() else "",
                        label=str(label) if isinstance(label, str | int) else None,
                        published=_published(record.get("published")),
                    )
                )
    except OSError as exc:
        raise EvalError(f"eval: cannot read {path}: {exc.strerror or exc}") from exc
    if not served:
        raise EvalError(f"eval: {path} holds no article with a text or a title")
    return served


def refresh_moment(articles: list[Served]) -> datetime:
    """When the bench's refresh runs: a minute after the set's newest dated record, as a live
    refresh would meet them (an archive of 2017 is news of 2017 to its stories' time windows);
    a set without dates is met at the bench's fixed moment."""
    dated = [a.published for a in articles if a.published is not None]
    return max(dated) + timedelta(minutes=1) if dated else NOW


def gold_labels(articles: list[Served]) -> list[str] | None:
    """The gold story label of each served article, or None when the set is not labelled (then
    the bench only times)."""
    labels = [a.label for a in articles]
    return None if any(label is None for label in labels) else [str(x) for x in labels]


def page_html(article: Served) -> bytes:
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in article.text.split("\n") if p.strip())
    when = (
        f"<meta property='article:published_time' content='{article.published.isoformat()}'>"
        if article.published
        else ""
    )
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{escape(article.title)}</title>{when}</head><body>"
        "<header><nav><a href='/'>Home</a> <a href='/world'>World</a></nav></header>"
        f"<main><article><h1>{escape(article.title)}</h1>{paragraphs}</article></main>"
        "<footer>Bench outlet</footer></body></html>"
    ).encode()


def feed_xml(articles: list[Served], base: str, outlet: int, outlets: int) -> bytes:
    """Outlet ``outlet``'s share of the set. The record's own date is the entry's date (a set
    without dates gives none, and the refresh stamps its own moment, as for any undated feed).
    A headline-only record is an entry without a link or a page, as aggregators' streams are."""
    items = []
    for number in range(outlet, len(articles), outlets):
        article = articles[number]
        when = (
            f"<pubDate>{format_datetime(article.published)}</pubDate>" if article.published else ""
        )
        if article.text:
            item = (
                f"<link>{base}/a/{number}</link><guid>{base}/a/{number}</guid>"
                f"<description>{escape(article.text[:200])}</description>"
            )
        else:
            item = f"<guid isPermaLink='false'>{entry_guid(base, number, article)}</guid>"
        items.append(f"<item><title>{escape(article.title)}</title>{item}{when}</item>")
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Outlet {outlet}</title><link>{base}/</link>{''.join(items)}</channel></rss>"
    ).encode()


def _serve(path: str, limit: int, outlets: int, ready: Any) -> None:
    articles = load_articles(Path(path), limit)

    def route(kind: str, rest: str, base: str) -> tuple[bytes, str] | None:
        if kind == "a" and rest.isdigit() and int(rest) < len(articles):
            article = articles[int(rest)]
            return (page_html(article), "text/html") if article.text else None
        if kind == "f" and rest.removesuffix(".xml").isdigit():
            outlet = int(rest.removesuffix(".xml"))
            return feed_xml(articles, base, outlet, outlets), "application/rss+xml"
        return None

    serve_forever(route, ready, lambda port: (port, len(articles)))


def _rate(count: int, seconds: float) -> float:
    return round(count / seconds, 1) if seconds > 0 else 0.0


def run_refresh_bench(
    settings: Any, *, file: Path, outlets: int = 16, limit: int = 5000
) -> dict[str, Any]:
    """Serve ``file``'s articles (at most ``limit``) and time one full refresh, stage by stage."""
    from newsloom.pipeline.refresh import add_sources, run_refresh
    from newsloom.pipeline.stories import cluster_new_articles, refresh_stories
    from newsloom.records import Source
    from newsloom.store import Store

    articles = load_articles(file, limit)  # a bad file is an error here, not a silent child
    moment = refresh_moment(articles)
    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    server = context.Process(target=_serve, args=(str(file), limit, outlets, sender), daemon=True)
    server.start()
    seconds: dict[str, float] = {}

    def silent(phase: str, done: int, total: int) -> None:
        pass

    try:
        port, served = receiver.recv()
        base = f"http://127.0.0.1:{port}"
        with tempfile.TemporaryDirectory(prefix="newsloom-bench-") as tmp:
            bench_settings = loopback_settings(settings, Path(tmp), -(-served // outlets))
            store = Store.open(bench_settings)
            try:
                add_sources(store, [Source(url=f"{base}/f/{i}.xml") for i in range(outlets)])
                with DescendantSampler(excluded={server.pid or 0}) as sampler:
                    started = time.perf_counter()
                    report = run_refresh(
                        bench_settings, store, now=moment, all_sources=True, stories=False
                    )
                    seconds["ingest"] = time.perf_counter() - started
                    mark = time.perf_counter()
                    clustered = cluster_new_articles(
                        bench_settings, store, now=moment, progress=silent
                    )
                    seconds["stories"] = time.perf_counter() - mark
                    mark = time.perf_counter()
                    touched = refresh_stories(
                        bench_settings, store, clustered.touched, now=moment, progress=silent
                    )
                    seconds["summaries"] = time.perf_counter() - mark
                    seconds["total"] = time.perf_counter() - started
                placed = _stories_of_served(store, base, articles)
            finally:
                store.close()
    finally:
        server.terminate()
        server.join(5)
    stored = report.new_articles
    labels = gold_labels(articles)
    clustering = (
        _clustering_parity(settings, articles, outlets, labels, placed, moment)
        if labels is not None
        else None
    )
    return {
        "bench": "refresh",
        "file": str(file),
        "served": served,
        "outlets": outlets,
        "stored": stored,
        "page_errors": report.page_errors,
        "failed_sources": report.failed_sources,
        "new_stories": clustered.new_stories,
        "summaries": touched.summaries,
        "seconds": {stage: round(took, 2) for stage, took in seconds.items()},
        # Every stage handles the same stored articles: their rate is comparable across stages.
        "articles_per_second": {stage: _rate(stored, took) for stage, took in seconds.items()},
        "peak_rss_mb": round(_peak_rss_mb(), 1),
        "peak_worker_rss_mb": round(sampler.peak_rss_mb(), 1) if sampler.available else None,
        **({"clustering": clustering} if clustering is not None else {}),
    }


def entry_guid(base: str, number: int, article: Served) -> str:
    """The served entry's guid: its page's URL, or a URN for a headline-only entry (which has no
    page, so that no reader takes its guid for a link to fetch)."""
    return f"{base}/a/{number}" if article.text else f"urn:newsloom-bench:{number}"


def _stories_of_served(
    store: Any, base: str, articles: list[Served]
) -> list[tuple[int | None, int | None]]:
    """(story, stored article id) of each served article: a copy of another article (the same
    text from a second outlet) is in its original's story. None: the article was not stored."""
    from newsloom.store.articles import article_refs_by_guid, get_articles
    from newsloom.store.stories import stories_of

    guids = [entry_guid(base, number, article) for number, article in enumerate(articles)]
    with store.read() as conn:
        by_guid = {guid: ref for (guid, _), ref in article_refs_by_guid(conn, guids).items()}
        originals = {
            a.id or 0: a.copy_of or a.id or 0 for a in get_articles(conn, list(by_guid.values()))
        }
        story_of = stories_of(conn, list(set(originals.values())))
    return [
        (story_of.get(originals.get(by_guid[guid], 0)), by_guid[guid])
        if guid in by_guid
        else (None, None)
        for guid in guids
    ]


def _clustering_parity(
    settings: Any,
    articles: list[Served],
    outlets: int,
    gold: list[str],
    placed: list[tuple[int | None, int | None]],
    moment: datetime,
) -> dict[str, Any]:
    """B3 of the stories the real refresh made, beside ``eval clustering``'s on the same documents
    (same titles, texts and dates; an undated one at the refresh's moment, as the refresh stamps
    it) met in the same order as the refresh met them (the order it stored them): the two paths
    must agree. An article the refresh did not store counts as a story of its own."""
    from newsloom.cluster.clusterer import ClusterDoc
    from newsloom.eval.clustering import cluster_documents
    from newsloom.eval.metrics import clustering_scores

    arrival = sorted(
        range(len(articles)),
        key=lambda n: (placed[n][1] is None, placed[n][1] or 0, n),
    )
    docs = [
        ClusterDoc(
            article_id=rank,
            title=articles[number].title,
            text=articles[number].text,
            published=min(articles[number].published or moment, moment),
            source_id=1 + number % outlets,
        )
        for rank, number in enumerate(arrival)
    ]
    found = cluster_documents(docs, settings)
    evaluated: list[Any] = [None] * len(articles)
    for rank, number in enumerate(arrival):
        evaluated[number] = found[rank]
    refreshed = [
        f"story-{story}" if story is not None else f"alone-{number}"
        for number, (story, _) in enumerate(placed)
    ]

    def scores(predicted: list[Any]) -> dict[str, float]:
        figures = clustering_scores(gold, predicted)
        return {k: round(figures[k], 4) for k in ("b3_precision", "b3_recall", "b3_f1")}

    through_refresh, through_eval = scores(refreshed), scores(evaluated)
    return {
        "refresh": through_refresh,
        "eval": through_eval,
        "b3_f1_difference": round(through_refresh["b3_f1"] - through_eval["b3_f1"], 4),
        "not_stored": sum(story is None for story, _ in placed),
    }
