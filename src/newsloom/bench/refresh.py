"""``newsloom bench refresh``: the whole path (fetch to summaries) over a labelled set of articles.

A child process serves the articles of a JSONL file (``{"title", "text", ...}`` per line, such as
the clustering sets) as simple HTML pages behind ``outlets`` RSS feeds on 127.0.0.1 (HTTP/1.1
keep-alive). The parent runs the real refresh into a temporary SQLite store, in its stages so each
is timed: fetch + parse + extract + dedup + store (``refresh(stories=False)``), then story
assignment (``cluster_new_articles``), then categories, ranks and summaries (``refresh_stories``).
It prints articles per second per stage and in all, and the peak RSS of this process.
"""

from __future__ import annotations

import json
import multiprocessing
import tempfile
import time
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from newsloom.bench.ingest import NOW, DescendantSampler, _peak_rss_mb
from newsloom.errors import EvalError

# Articles are published a few minutes apart, all inside the clustering window.
MINUTES_APART = 2


def _records(path: Path, limit: int) -> list[dict[str, Any]]:
    """The first ``limit`` records of ``path`` that have text, in file order."""
    records: list[dict[str, Any]] = []
    try:
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                if len(records) >= limit:
                    break
                try:
                    record = json.loads(line)
                except json.JSONDecodeError:
                    continue
                text = str(record.get("text") or "") if isinstance(record, dict) else ""
                if text.strip():
                    records.append(record)
    except OSError as exc:
        raise EvalError(f"eval: cannot read {path}: {exc.strerror or exc}") from exc
    if not records:
        raise EvalError(f"eval: {path} holds no article with text")
    return records


def load_articles(path: Path, limit: int) -> list[tuple[str, str]]:
    """(title, text) of the first ``limit`` records of ``path`` that have text."""
    return [(str(r.get("title") or ""), str(r["text"])) for r in _records(path, limit)]


def gold_labels(path: Path, limit: int) -> list[str] | None:
    """The gold story label of each served article (as ``load_articles`` selects them), or None
    when the file is not labelled (then the bench only times)."""
    records = _records(path, limit)
    if not all(isinstance(r.get("label"), str | int) for r in records):
        return None
    return [str(r["label"]) for r in records]


def page_html(title: str, text: str, number: int) -> bytes:
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in text.split("\n") if p.strip())
    when = (NOW - timedelta(minutes=MINUTES_APART * number)).isoformat()
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{escape(title)}</title>"
        f"<meta property='article:published_time' content='{when}'></head><body>"
        "<header><nav><a href='/'>Home</a> <a href='/world'>World</a></nav></header>"
        f"<main><article><h1>{escape(title)}</h1>{paragraphs}</article></main>"
        "<footer>Bench outlet</footer></body></html>"
    ).encode()


def feed_xml(articles: list[tuple[str, str]], base: str, outlet: int, outlets: int) -> bytes:
    items = []
    for number in range(outlet, len(articles), outlets):
        title, text = articles[number]
        when = (NOW - timedelta(minutes=MINUTES_APART * number)).strftime(
            "%a, %d %b %Y %H:%M:%S +0000"
        )
        items.append(
            f"<item><title>{escape(title)}</title><link>{base}/a/{number}</link>"
            f"<guid>{base}/a/{number}</guid><pubDate>{when}</pubDate>"
            f"<description>{escape(text[:200])}</description></item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Outlet {outlet}</title><link>{base}/</link>{''.join(items)}</channel></rss>"
    ).encode()


def _serve(path: str, limit: int, outlets: int, ready: Any) -> None:
    articles = load_articles(Path(path), limit)

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            base = f"http://{self.headers.get('Host', '127.0.0.1')}"
            kind, _, rest = self.path.strip("/").partition("/")
            body, ctype, status = b"not found", "text/plain", 404
            if kind == "a" and rest.isdigit() and int(rest) < len(articles):
                title, text = articles[int(rest)]
                body, ctype, status = page_html(title, text, int(rest)), "text/html", 200
            elif kind == "f" and rest.removesuffix(".xml").isdigit():
                outlet = int(rest.removesuffix(".xml"))
                body = feed_xml(articles, base, outlet, outlets)
                ctype, status = "application/rss+xml", 200
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    ready.send((server.server_address[1], len(articles)))
    server.serve_forever()


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

    load_articles(file, 1)  # a bad file is an error here, not a silent child
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
            bench_settings = settings.model_copy(
                update={
                    "data_dir": Path(tmp),
                    "database_url": "",
                    "allowed_hosts": ("127.0.0.1",),
                    "per_host_concurrency": settings.concurrency,
                    "per_host_delay": 0.0,
                    "max_entries_per_feed": max(
                        settings.max_entries_per_feed, -(-served // outlets)
                    ),
                }
            )
            store = Store.open(bench_settings)
            try:
                add_sources(store, [Source(url=f"{base}/f/{i}.xml") for i in range(outlets)])
                with DescendantSampler(excluded={server.pid or 0}) as sampler:
                    started = time.perf_counter()
                    report = run_refresh(
                        bench_settings, store, now=NOW, all_sources=True, stories=False
                    )
                    seconds["ingest"] = time.perf_counter() - started
                    mark = time.perf_counter()
                    clustered = cluster_new_articles(
                        bench_settings, store, now=NOW, progress=silent
                    )
                    seconds["stories"] = time.perf_counter() - mark
                    mark = time.perf_counter()
                    touched = refresh_stories(
                        bench_settings, store, clustered.touched, now=NOW, progress=silent
                    )
                    seconds["summaries"] = time.perf_counter() - mark
                    seconds["total"] = time.perf_counter() - started
                placed = _stories_of_served(store, base, served)
            finally:
                store.close()
    finally:
        server.terminate()
        server.join(5)
    stored = report.new_articles
    labels = gold_labels(file, limit)
    clustering = (
        _clustering_parity(settings, file, limit, outlets, labels, placed)
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


def _stories_of_served(store: Any, base: str, served: int) -> list[int | None]:
    """The story the refresh put each served article in: a copy of another article (the same
    text from a second outlet) is in its original's story. None: the article was not stored."""
    from newsloom.store.articles import article_refs_by_guid, get_articles
    from newsloom.store.stories import stories_of

    guids = [f"{base}/a/{number}" for number in range(served)]
    with store.read() as conn:
        by_guid = {guid: ref for (guid, _), ref in article_refs_by_guid(conn, guids).items()}
        originals = {
            a.id or 0: a.copy_of or a.id or 0 for a in get_articles(conn, list(by_guid.values()))
        }
        story_of = stories_of(conn, list(set(originals.values())))
    return [
        story_of.get(originals.get(by_guid[guid], 0)) if guid in by_guid else None for guid in guids
    ]


def _clustering_parity(
    settings: Any,
    file: Path,
    limit: int,
    outlets: int,
    gold: list[str],
    placed: list[int | None],
) -> dict[str, Any]:
    """B3 of the stories the real refresh made, beside ``eval clustering``'s on the same documents
    (same titles, texts, times and outlets): the two paths must agree. An article the refresh did
    not store (a copy of another) counts as a story of its own."""
    from newsloom.cluster.clusterer import ClusterDoc
    from newsloom.eval.clustering import cluster_documents
    from newsloom.eval.metrics import clustering_scores

    articles = load_articles(file, limit)
    docs = [
        ClusterDoc(
            article_id=number,
            title=title,
            text=text,
            published=NOW - timedelta(minutes=MINUTES_APART * number),
            source_id=1 + number % outlets,
        )
        for number, (title, text) in enumerate(articles)
    ]
    evaluated = cluster_documents(docs, settings)
    refreshed = [
        f"story-{story}" if story is not None else f"alone-{number}"
        for number, story in enumerate(placed)
    ]

    def scores(predicted: list[Any]) -> dict[str, float]:
        found = clustering_scores(gold, predicted)
        return {k: round(found[k], 4) for k in ("b3_precision", "b3_recall", "b3_f1")}

    through_refresh, through_eval = scores(refreshed), scores(evaluated)
    return {
        "refresh": through_refresh,
        "eval": through_eval,
        "b3_f1_difference": round(through_refresh["b3_f1"] - through_eval["b3_f1"], 4),
        "not_stored": sum(story is None for story in placed),
    }
