"""``newsloom bench ingest``: the real refresh (fetch, parse, extract, store) over generated news.

A child process serves N article pages, grouped into RSS feeds, on 127.0.0.1 with HTTP/1.1
keep-alive; every page is generated on request from a seeded word model (fictional words, nothing
copied), so the server holds nothing in memory. The parent runs ``refresh(stories=False)`` into a
temporary SQLite store and reports pages per second and peak RSS. Clustering and summaries are
skipped unless ``with_stories``: they are measured by their own benches.

With ``pages_dirs`` the pages are real ones instead: every ``html/<id>.html.gz`` of the given
extraction sets (read in place, served decompressed as the site sent them), behind the same
generated feeds. Generated pages are small and regular; real pages are what extraction costs.
Then ``trafilatura.extract`` alone is timed on the same pages in the same run, and the CPU per page
of the whole ingest is reported as a ratio to it.
"""

from __future__ import annotations

import gzip
import multiprocessing
import os
import random
import resource
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from newsloom.bench.loopback import serve_forever

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)

_PLACES = "Gullhaven Marrow Tidewater Brackenford Saltmere Korvald Elsby Drumlin Vesterby Ostrand"
_PEOPLE = "Farrow Quill Tollan Erlen Maddox Ivers Lund Okafor Rasmus Bellweather Castell Nyberg"
_NOUNS = (
    "council ferry harbour budget bridge school hospital festival railway market orchard library "
    "union tribunal museum reservoir airport stadium clinic vineyard brewery shipyard lighthouse "
    "committee referendum tariff forecast survey inquiry contract pension storm harvest"
)
_VERBS = (
    "approved delayed rejected announced reopened expanded reviewed criticised funded postponed "
    "inspected restored cancelled defended questioned welcomed extended suspended"
)
_ADJECTIVES = (
    "new old northern southern regional coastal rural disputed costly delayed local temporary "
    "larger smaller quiet busy historic modern"
)
_LINKS = "after before while because although when since until"
_TIMES = "on Monday;on Tuesday;last week;this morning;late on Friday;earlier this year;in March"


def _words(text: str, sep: str | None = None) -> list[str]:
    return text.split(sep)


PLACES, PEOPLE, NOUNS = _words(_PLACES), _words(_PEOPLE), _words(_NOUNS)
VERBS, ADJECTIVES, LINKS, TIMES = (
    _words(_VERBS),
    _words(_ADJECTIVES),
    _words(_LINKS),
    _words(_TIMES, ";"),
)


def _sentence(rng: random.Random) -> str:
    subject = f"the {rng.choice(ADJECTIVES)} {rng.choice(NOUNS)} of {rng.choice(PLACES)}"
    clause = (
        f"{rng.choice(PEOPLE)} {rng.choice(VERBS)} the {rng.choice(ADJECTIVES)} "
        f"{rng.choice(NOUNS)} {rng.choice(TIMES)}"
    )
    tail = f"{rng.choice(LINKS)} {subject} {rng.choice(VERBS)} {rng.randint(2, 95)} {rng.choice(NOUNS)}s"
    text = f"{clause} {tail}" if rng.random() < 0.7 else f"{subject} {rng.choice(VERBS)} {clause}"
    return text[0].upper() + text[1:] + "."


def article(seed: int, number: int) -> tuple[str, list[str]]:
    """(title, paragraphs) of article ``number``: the same for the same seed, on any machine."""
    rng = random.Random(seed * 1_000_003 + number)
    title = (
        f"{rng.choice(PLACES)} {rng.choice(NOUNS)} {rng.choice(VERBS)} "
        f"as {rng.choice(PEOPLE)} {rng.choice(VERBS)} {rng.choice(NOUNS)} plan {number}"
    )
    paragraphs = [
        " ".join(_sentence(rng) for _ in range(rng.randint(3, 5))) for _ in range(rng.randint(6, 9))
    ]
    return title, paragraphs


def published(number: int) -> datetime:
    return NOW - timedelta(minutes=7 * number + 1)


def page_html(seed: int, number: int) -> bytes:
    title, paragraphs = article(seed, number)
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    when = published(number).isoformat()
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{escape(title)} | Bench Courier</title>"
        f"<meta property='article:published_time' content='{when}'></head><body>"
        "<header><nav><a href='/'>Home</a> <a href='/world'>World</a> <a href='/sport'>Sport</a>"
        "</nav></header><main><article>"
        f"<h1>{escape(title)}</h1><p class='byline'>By Bench Reporter</p>{body}</article>"
        "<aside><h2>Most read</h2><ul><li><a href='/x'>Other story</a></li></ul></aside>"
        "</main><footer>Copyright Bench Courier</footer></body></html>"
    ).encode()


def feed_xml(
    seed: int, base: str, feed: int, per_feed: int, pages: int, real: bool = False
) -> bytes:
    """Feed ``feed``'s items; for real pages the item's title and summary are generated (the
    page's own are for extraction to find)."""
    numbers = range(feed * per_feed, min(pages, (feed + 1) * per_feed))
    items = []
    for number in numbers:
        title, paragraphs = article(seed, number)
        if real:
            title, paragraphs = f"Page {number}", [""]
        when = published(number).strftime("%a, %d %b %Y %H:%M:%S +0000")
        items.append(
            f"<item><title>{escape(title)}</title><link>{base}/a/{number}</link>"
            f"<guid>{base}/a/{number}</guid><pubDate>{when}</pubDate>"
            f"<description>{escape(paragraphs[0])}</description></item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Bench Courier {feed}</title><link>{base}/</link>{''.join(items)}"
        "</channel></rss>"
    ).encode()


def real_pages(directories: list[Path]) -> list[Path]:
    """The gzipped pages of extraction sets laid out as ``html/<id>.html.gz``, in a fixed order."""
    return [path for d in directories for path in sorted((d / "html").glob("*.html.gz"))]


def _page(seed: int, number: int, files: list[str]) -> tuple[bytes, str]:
    if files:  # real bytes; no charset claimed, as many sites do not send one
        return gzip.decompress(Path(files[number]).read_bytes()), "text/html"
    return page_html(seed, number), "text/html; charset=utf-8"


def loopback_settings(settings: Any, data_dir: Path, entries_per_feed: int) -> Any:
    """``settings`` for a bench's refresh of its loopback outlets into a fresh SQLite store in
    ``data_dir``, every feed read whole."""
    return settings.model_copy(
        update={
            "data_dir": data_dir,
            "database_url": "",
            "allowed_hosts": ("127.0.0.1",),
            # One loopback host stands for many outlets: allow it their parallelism.
            "per_host_concurrency": settings.concurrency,
            "per_host_delay": 0.0,
            "max_entries_per_feed": max(settings.max_entries_per_feed, entries_per_feed),
        }
    )


def _serve(seed: int, pages: int, per_feed: int, ready: Any, files: list[str]) -> None:
    def route(kind: str, rest: str, base: str) -> tuple[bytes, str] | None:
        if kind == "a" and rest.isdigit() and int(rest) < pages:
            return _page(seed, int(rest), files)
        if kind == "f" and rest.removesuffix(".xml").isdigit():
            feed = int(rest.removesuffix(".xml"))
            xml = feed_xml(seed, base, feed, per_feed, pages, real=bool(files))
            return xml, "application/rss+xml"
        return None

    serve_forever(route, ready, lambda port: port)


def trafilatura_cpu_ms(files: list[str]) -> float:
    """CPU milliseconds per page of ``trafilatura.extract`` on the same pages, in this process: the
    yardstick for the bench's own CPU per page (CPU time, unlike pages/s, is little moved by what
    else the machine runs). Its decoding and parsing are counted, as the bench's are."""
    import trafilatura

    spent = 0.0
    for name in files:
        html = gzip.decompress(Path(name).read_bytes())
        started = time.process_time()
        trafilatura.extract(html, include_comments=False)
        spent += time.process_time() - started
    return 1000 * spent / max(1, len(files))


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def _own_cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    return own.ru_utime + own.ru_stime


_PROC = Path("/proc")
_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _stat(pid: int) -> tuple[int, float] | None:
    """(parent pid, CPU seconds) of a live process, from /proc/<pid>/stat."""
    try:
        text = (_PROC / str(pid) / "stat").read_text()
    except OSError:
        return None
    fields = text[text.rindex(")") + 2 :].split()  # the name in parentheses may hold spaces
    return int(fields[1]), (int(fields[11]) + int(fields[12])) / _TICKS


def _peak_kib(pid: int) -> int:
    try:
        for line in (_PROC / str(pid) / "status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


class DescendantSampler:
    """CPU time and peak RSS of every process started under this one, except ``excluded``.

    The extraction workers are forked by a fork server, not by this process, so getrusage's
    RUSAGE_CHILDREN never sees them: /proc is read every ``interval`` seconds instead (Linux; CPU
    a process spends after the last sample is missed, which is at most ``interval`` each).
    Reading /proc costs this process CPU too (~2 ms a sample with a hundred processes running,
    ~0.8 ms per page of a loaded 60 s run): ``own_cpu_seconds`` says how much, for the bench to
    leave out of the ingest's.
    """

    def __init__(self, excluded: set[int], interval: float = 0.2) -> None:
        self._excluded, self._interval = excluded, interval
        self._cpu: dict[int, float] = {}
        self._peak_kib: dict[int, int] = {}
        self._base: dict[int, float] = {}
        self._stop = threading.Event()
        self._own_cpu = 0.0  # the sampling thread's CPU seconds
        self._thread = threading.Thread(target=self._run, name="bench-sampler", daemon=True)
        self.available = _PROC.is_dir()

    def __enter__(self) -> DescendantSampler:
        if self.available:
            self._sample()  # CPU spent before the bench began is not the bench's
            self._base = dict(self._cpu)
            self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.available:
            self._stop.set()
            self._thread.join()
            self._sample()

    def _run(self) -> None:
        while not self._stop.wait(self._interval):
            self._sample()
        self._own_cpu = time.thread_time()

    def own_cpu_seconds(self) -> float:
        """CPU seconds the sampling thread spent (in this process), known once it stopped."""
        return self._own_cpu

    def _sample(self) -> None:
        parents: dict[int, int] = {}
        cpu: dict[int, float] = {}
        for entry in _PROC.iterdir():
            if entry.name.isdigit() and (stat := _stat(int(entry.name))) is not None:
                parents[int(entry.name)], cpu[int(entry.name)] = stat
        wanted, frontier = set(), [os.getpid()]
        while frontier:
            parent = frontier.pop()
            for pid, ppid in parents.items():
                if ppid == parent and pid not in self._excluded and pid not in wanted:
                    wanted.add(pid)
                    frontier.append(pid)
        for pid in wanted:
            self._cpu[pid] = max(self._cpu.get(pid, 0.0), cpu[pid])
            self._peak_kib[pid] = max(self._peak_kib.get(pid, 0), _peak_kib(pid))

    def cpu_seconds(self) -> float:
        return sum(seconds - self._base.get(pid, 0.0) for pid, seconds in self._cpu.items())

    def peak_rss_mb(self) -> float:
        """The largest peak RSS of any one of them (a worker's, in practice)."""
        return max(self._peak_kib.values(), default=0) / 1024


def run_ingest_bench(
    settings: Any,
    *,
    pages: int,
    per_feed: int = 20,
    seed: int = 7,
    with_stories: bool = False,
    pages_dirs: list[Path] | None = None,
) -> dict[str, Any]:
    """Serve ``pages`` generated pages (or the first ``pages`` real pages of ``pages_dirs``) and
    run one refresh over them; return the figures."""
    from newsloom.pipeline.refresh import add_sources, run_refresh
    from newsloom.records import Source
    from newsloom.store import Store

    context = multiprocessing.get_context("spawn")  # no copy of this process's state
    receiver, sender = context.Pipe(duplex=False)
    files = [str(path) for path in real_pages(pages_dirs or [])][:pages]
    if pages_dirs:
        pages = len(files)
    server = context.Process(
        target=_serve, args=(seed, pages, per_feed, sender, files), daemon=True
    )
    server.start()
    try:
        port = receiver.recv()
        base = f"http://127.0.0.1:{port}"
        feeds = (pages + per_feed - 1) // per_feed
        with tempfile.TemporaryDirectory(prefix="newsloom-bench-") as tmp:
            bench_settings = loopback_settings(settings, Path(tmp), per_feed)
            store = Store.open(bench_settings)
            try:
                add_sources(store, [Source(url=f"{base}/f/{i}.xml") for i in range(feeds)])
                rss_before = _peak_rss_mb()
                with DescendantSampler(excluded={server.pid or 0}) as sampler:
                    cpu_before = _own_cpu_seconds()
                    started = time.perf_counter()
                    report = run_refresh(
                        bench_settings, store, now=NOW, all_sources=True, stories=with_stories
                    )
                    seconds = time.perf_counter() - started
                    cpu = _own_cpu_seconds() - cpu_before
                if sampler.available:
                    cpu += sampler.cpu_seconds() - sampler.own_cpu_seconds()
                else:
                    children = resource.getrusage(resource.RUSAGE_CHILDREN)
                    cpu += children.ru_utime + children.ru_stime
            finally:
                store.close()
    finally:
        server.terminate()
        server.join(5)
    cpu_ms_per_page = 1000 * cpu / max(1, report.new_articles)
    yardstick = trafilatura_cpu_ms(files) if files else 0.0
    return {
        "bench": "ingest",
        "pages": pages,
        "real_pages": bool(pages_dirs),
        "feeds": feeds,
        "stored": report.new_articles,
        "failed_sources": report.failed_sources,
        "page_errors": report.page_errors,
        "seconds": round(seconds, 2),
        "pages_per_second": round(report.new_articles / seconds, 1) if seconds else 0.0,
        # CPU per page (this process and its workers, not the page server nor the sampler's own
        # reading of /proc) depends far less on what else the machine runs than pages/s does.
        "cpu_ms_per_page": round(cpu_ms_per_page, 1),
        # Real pages only: trafilatura.extract alone on the same pages, measured right after;
        # the ratio is above 1 when the whole ingest of a page costs less than that extraction.
        **(
            {
                "trafilatura_cpu_ms_per_page": round(yardstick, 1),
                "cpu_ratio_vs_trafilatura": round(yardstick / cpu_ms_per_page, 3)
                if cpu_ms_per_page
                else 0.0,
            }
            if files
            else {}
        ),
        "peak_rss_mb": round(_peak_rss_mb(), 1),
        "peak_worker_rss_mb": round(
            sampler.peak_rss_mb()
            if sampler.available
            else resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
            1,
        ),
        "rss_before_refresh_mb": round(rss_before, 1),
        "stories": with_stories,
    }
