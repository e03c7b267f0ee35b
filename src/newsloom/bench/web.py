"""``newsloom bench web``: the site under load, on loopback only.

Builds a store of N generated stories (articles, copies, summaries; words drawn from a Zipf law over
generated pseudo-words, so search terms range from rare to everywhere), serves it with uvicorn in a
subprocess on 127.0.0.1, and drives it from a second process with a small keep-alive HTTP/1.1 load
generator (closed loop, fixed concurrency, bounded duration). Reports requests/s and latency
percentiles for every public route: home, category, story, search, archive, outlets, each feed
format, the sitemap and the API.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi import FastAPI

from newsloom.categorize.taxonomy import TAXONOMY
from newsloom.errors import NewsloomError
from newsloom.settings import Settings

ARTICLES_PER_STORY = 3
N_SOURCES = 24
VOCABULARY = 6000
SYLLABLES = (
    "ka lo mi ra ten vol su ber dan fi gor hal is jun kes lin mor nad os pel qui rus sa tor".split()
)
FUNCTION_WORDS = "the of and to in a for on with by at from as after over".split()
NOW = datetime(2026, 6, 3, 18, 0, tzinfo=UTC)
SERVER_START_SECONDS = 60.0


@dataclass(frozen=True)
class Scenario:
    name: str
    paths: tuple[str, ...]


class Words:
    """Deterministic pseudo-words with Zipf frequencies, and sentences made of them."""

    def __init__(self, rng: random.Random) -> None:
        seen: dict[str, None] = {}
        while len(seen) < VOCABULARY:
            seen["".join(rng.choices(SYLLABLES, k=rng.randint(2, 4)))] = None
        self.vocabulary = list(seen)
        self.cumulative = list(itertools.accumulate(1.0 / (rank + 1) for rank in range(VOCABULARY)))
        self.rng = rng

    def draw(self, n: int) -> list[str]:
        words = self.rng.choices(self.vocabulary, cum_weights=self.cumulative, k=n)
        return [self.rng.choice(FUNCTION_WORDS) if i % 4 == 3 else w for i, w in enumerate(words)]

    def sentence(self, low: int = 10, high: int = 20) -> str:
        words = self.draw(self.rng.randint(low, high))
        return " ".join(words).capitalize() + "."

    def headline(self) -> str:
        return " ".join(w.capitalize() for w in self.draw(self.rng.randint(5, 9)))


def _cited(text: str, ids: list[int]) -> dict[str, Any]:
    return {"text": text, "article_ids": ids}


def build_store(settings: Settings, n_stories: int, seed: int = 7) -> list[tuple[int, str]]:
    """Fill an empty store; return (story id, canonical path) of every story."""
    from newsloom.store import Store
    from newsloom.store.bulk import analyze, insert_rows
    from newsloom.web.urls import story_path

    rng = random.Random(seed)
    words = Words(rng)
    slugs = [c.slug for c in TAXONOMY]
    store = Store.open(settings)
    built: list[tuple[int, str]] = []
    try:
        with store.write() as conn:
            insert_rows(
                conn,
                "sources",
                [
                    {
                        "id": s + 1,
                        "url": f"https://outlet{s}.example/feed",
                        "kind": "feed",
                        "title": f"Outlet {s}",
                        "site_url": f"https://outlet{s}.example/",
                        "section": "",
                        "language": "en" if s % 6 else "de",
                        "error_count": 0,
                        "created": NOW,
                    }
                    for s in range(N_SOURCES)
                ],
            )
            article_rows: list[dict[str, Any]] = []
            story_rows, member_rows, summary_rows = [], [], []
            first_articles: list[list[int]] = []
            for n in range(1, n_stories + 1):
                first = NOW - timedelta(minutes=7 * n)
                headline = words.headline()
                ids = list(range(len(article_rows) + 1, len(article_rows) + ARTICLES_PER_STORY + 1))
                first_articles.append(ids)
                for k, article_id in enumerate(ids):
                    lead = words.sentence(20, 35)
                    article_rows.append(
                        {
                            "id": article_id,
                            "canonical_url": f"https://outlet{article_id % N_SOURCES}.example/{article_id}",
                            "url": f"https://outlet{article_id % N_SOURCES}.example/{article_id}",
                            "guid": str(article_id),
                            "source_id": article_id % N_SOURCES + 1,
                            "title": words.headline() if k else headline,
                            "text": lead + " " + words.sentence(30, 60),
                            "lead": lead,
                            "published": first + timedelta(minutes=k),
                            "fetched_at": first + timedelta(minutes=k),
                            "language": "",
                            "author": "",
                            "image": _bench_image_url(article_id) if k == 0 else "",
                            "content_hash": f"{article_id:064x}",
                            "simhash": article_id,
                            "extraction_method": "bench",
                            "paywalled": False,
                            "copy_of": None,
                        }
                    )
                    member_rows.append(
                        {
                            "article_id": article_id,
                            "story_id": n,
                            "similarity": 1.0,
                            "reasons": "",
                            "added": first,
                        }
                    )
                category = slugs[n % len(slugs)]
                story_rows.append(
                    {
                        "id": n,
                        "first_seen": first,
                        "last_updated": first + timedelta(minutes=2),
                        "category": category,
                        "importance": rng.random(),
                        "headline": headline,
                        "merged_into": None,
                    }
                )
                summary_rows.append(
                    {
                        "story_id": n,
                        "version": 1,
                        "headline": headline,
                        "bullets": [_cited(words.sentence(), ids[: k + 1]) for k in range(3)],
                        "paragraphs": [
                            [_cited(words.sentence(), [ids[k]]) for _ in range(2)] for k in range(3)
                        ],
                        "takeaways": [_cited(words.sentence(8, 14), ids) for _ in range(3)],
                        "whats_new": [],
                        "method": "extractive",
                        "article_ids": ids,
                        "created": first,
                    }
                )
                built.append((n, story_path(category, headline, n)))
            insert_rows(conn, "articles", article_rows)
            insert_rows(conn, "stories", story_rows)
            insert_rows(conn, "story_articles", member_rows)
            insert_rows(conn, "summaries", summary_rows)
            _insert_images(conn, [ids_of_story[0] for ids_of_story in first_articles])
        with store.write() as conn:
            analyze(conn)
    finally:
        store.close()
    return built


def _bench_image_url(article_id: int) -> str:
    return f"https://outlet{article_id % N_SOURCES}.example/img/{article_id}.jpg"


def _insert_images(conn: Any, article_ids: list[int]) -> None:
    """Every story's first article has a stored picture (one small JPEG, shared), so cards,
    story pages and feeds pay for the lead-picture lookup as they would in production."""
    import io

    from PIL import Image

    from newsloom.store.bulk import insert_rows
    from newsloom.store.images import image_key

    out = io.BytesIO()
    Image.new("RGB", (160, 90), (40, 90, 160)).save(out, format="JPEG", quality=60)
    blob = out.getvalue()
    rows = [
        {
            "key": image_key(_bench_image_url(a)),
            "url": _bench_image_url(a),
            "status": "ok",
            "error": "",
            "width": 160,
            "height": 90,
            "lead": blob,
            "thumb": blob,
            "fetched_at": NOW,
        }
        for a in article_ids
    ]
    for start in range(0, len(rows), 5000):
        insert_rows(conn, "images", rows[start : start + 5000])


def search_terms(seed: int = 7) -> list[str]:
    """Queries from rare to common words, single and paired, as users would type them."""
    words = Words(random.Random(seed))
    rng = random.Random(seed + 1)
    vocabulary = words.vocabulary
    singles = [vocabulary[r] for r in (0, 3, 10, 30, 100, 300, 1000, 3000)]
    pairs = [
        f"{vocabulary[rng.randrange(200)]} {vocabulary[rng.randrange(2000)]}" for _ in range(8)
    ]
    return singles + pairs + [f'"{vocabulary[5]} {vocabulary[9]}"', f"{vocabulary[20][:4]}*"]


def bench_app() -> FastAPI:
    """uvicorn factory for the server subprocess; settings come from NEWSLOOM_* variables."""
    from newsloom.web import create_app

    return create_app(Settings.load())


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_until_up(port: int, server: subprocess.Popen[bytes]) -> None:
    import httpx

    deadline = time.monotonic() + SERVER_START_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise NewsloomError(f"bench: the server exited with {server.returncode}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1.0).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise NewsloomError("bench: the server did not start in time")


async def _one_connection(
    port: int, paths: tuple[str, ...], start: int, stride: int, deadline: float
) -> tuple[list[float], int]:
    latencies: list[float] = []
    errors = 0
    index = start
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        while time.perf_counter() < deadline:
            path = paths[index % len(paths)]
            index += stride
            began = time.perf_counter()
            writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
            status = int((await reader.readline()).split()[1])
            length, close = 0, False
            while (line := await reader.readline()) not in (b"\r\n", b""):
                name, _, value = line.decode("latin-1").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
                elif name.lower() == "connection" and "close" in value.lower():
                    close = True
            await reader.readexactly(length)
            latencies.append(time.perf_counter() - began)
            errors += status != 200
            if close:
                writer.close()
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
    finally:
        writer.close()
    return latencies, errors


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


async def _drive(port: int, scenario: Scenario, seconds: float, concurrency: int) -> dict[str, Any]:
    warm = time.perf_counter() + min(1.0, seconds / 4)
    warmed = await asyncio.gather(
        *(_one_connection(port, scenario.paths, c, concurrency, warm) for c in range(concurrency))
    )
    began = time.perf_counter()
    outcomes = await asyncio.gather(
        *(
            _one_connection(port, scenario.paths, c * 7919, concurrency, began + seconds)
            for c in range(concurrency)
        )
    )
    elapsed = time.perf_counter() - began
    latencies = [x for lat, _ in outcomes for x in lat]
    return {
        "sent": len(latencies) + sum(len(lat) for lat, _ in warmed),
        "requests": len(latencies),
        "errors": sum(e for _, e in outcomes),
        "rps": round(len(latencies) / elapsed, 1),
        "p50_ms": round(_percentile(latencies, 0.50) * 1000, 2),
        "p95_ms": round(_percentile(latencies, 0.95) * 1000, 2),
        "p99_ms": round(_percentile(latencies, 0.99) * 1000, 2),
    }


def load_main() -> None:
    """Load-generator process: a JSON plan on stdin, one JSON line of results on stdout."""
    plan = json.loads(sys.stdin.read())
    scenario = Scenario(plan["name"], tuple(plan["paths"]))
    result = asyncio.run(_drive(plan["port"], scenario, plan["seconds"], plan["concurrency"]))
    print(json.dumps(result))


def _cpu_seconds(pid: int) -> float | None:
    """User+system CPU of a process and its descendants (Linux /proc), None where unreadable."""
    ticks = os.sysconf("SC_CLK_TCK")
    total, pending = 0.0, [pid]
    try:
        while pending:
            current = pending.pop()
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / ticks
            for task in Path(f"/proc/{current}/task").iterdir():
                pending.extend(int(c) for c in (task / "children").read_text().split())
    except (OSError, ValueError, IndexError):
        return None
    return total


def _load(server: Server, scenario: Scenario, seconds: float, concurrency: int) -> dict[str, Any]:
    """One scenario from a separate process, with the server's CPU time per request."""
    plan = {
        "port": server.port,
        "seconds": seconds,
        "concurrency": concurrency,
        "name": scenario.name,
        "paths": list(scenario.paths),
    }
    cpu_before = _cpu_seconds(server.process.pid)
    load = subprocess.run(
        [sys.executable, "-c", "from newsloom.bench.web import load_main; load_main()"],
        input=json.dumps(plan).encode(),
        capture_output=True,
        check=False,
        timeout=seconds + 120,
    )
    cpu_after = _cpu_seconds(server.process.pid)
    if load.returncode != 0:
        raise NewsloomError(f"bench: load generator failed: {load.stderr.decode()[-500:]}")
    result: dict[str, Any] = json.loads(load.stdout)
    sent = result.pop("sent")
    if cpu_before is not None and cpu_after is not None and sent:
        # Load-independent cost: what one request costs the server, whatever else runs here.
        result["server_cpu_ms_per_request"] = round((cpu_after - cpu_before) * 1000 / sent, 2)
    return result


def scenarios(stories: list[tuple[int, str]], seed: int = 7) -> list[Scenario]:
    """Every public route: pages, feeds in each format, the API; story routes over a sample."""
    from newsloom.store.images import image_key

    rng = random.Random(seed)
    sample = rng.sample(stories, min(len(stories), 2000))
    terms = search_terms(seed)
    slugs = [c.slug for c in TAXONOMY]
    days = sorted({(NOW - timedelta(minutes=7 * n)).date().isoformat() for n in (1, 200, 400)})
    feeds = ("top", *slugs)
    # A second page only where there is one (20 stories a page).
    category_pages = ("", "?page=2") if len(stories) > 40 * len(slugs) else ("",)
    return [
        Scenario("home", ("/",)),
        Scenario("category", tuple(f"/{s}{q}" for s in slugs for q in category_pages)),
        Scenario("story_page", tuple(path for _, path in sample)),
        Scenario("search_page", tuple(f"/search?q={quote(t)}" for t in terms)),
        Scenario("archive", tuple(f"/archive/{d}" for d in days)),
        Scenario("sources", ("/sources",)),
        Scenario("source_page", tuple(f"/sources/{s + 1}" for s in range(N_SOURCES))),
        Scenario("feed_rss", tuple(f"/feeds/{f}.xml" for f in feeds)),
        Scenario("feed_atom", tuple(f"/feeds/{f}.atom" for f in feeds)),
        Scenario("feed_json", tuple(f"/feeds/{f}.json" for f in feeds)),
        Scenario("sitemap", ("/sitemap.xml",)),
        Scenario("api_stories", tuple(f"/api/stories?category={s}" for s in slugs)),
        Scenario("api_story", tuple(f"/api/stories/{story_id}" for story_id, _ in sample)),
        Scenario("api_search", tuple(f"/api/search?q={quote(t)}&limit=10" for t in terms)),
        Scenario("api_sources", ("/api/sources", "/api/categories")),
        Scenario(
            "picture",
            tuple(
                f"/images/{image_key(_bench_image_url(story_id * ARTICLES_PER_STORY - 2))}-thumb.jpg"
                for story_id, _ in sample
            ),
        ),
    ]


@dataclass(frozen=True)
class Server:
    port: int
    process: subprocess.Popen[bytes]


@contextmanager
def _serve(settings: Settings, workers: int) -> Iterator[Server]:
    port = _free_port()
    env = {**os.environ, "NEWSLOOM_DATA_DIR": str(settings.data_dir)}
    if settings.database_url:
        env["NEWSLOOM_DATABASE_URL"] = settings.database_url
    command = [sys.executable, "-m", "uvicorn", "newsloom.bench.web:bench_app", "--factory"]
    command += ["--host", "127.0.0.1", "--port", str(port), "--workers", str(workers)]
    command += ["--log-level", "warning", "--no-access-log"]
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
    try:
        _wait_until_up(port, process)
        yield Server(port, process)
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


def bench_web(
    settings: Settings,
    *,
    n_stories: int = 10_000,
    seconds: float = 5.0,
    concurrency: int = 8,
    workers: int = 1,
    seed: int = 7,
) -> dict[str, Any]:
    """Build, serve and load; ``settings.database_url`` empty means a fresh SQLite in a temp dir."""
    with tempfile.TemporaryDirectory(prefix="newsloom-bench-web-") as tmp:
        if not settings.database_url:
            settings = settings.model_copy(update={"data_dir": Path(tmp)})
        began = time.perf_counter()
        stories = build_store(settings, n_stories, seed)
        build_seconds = time.perf_counter() - began
        with _serve(settings, workers) as server:
            results = {
                scenario.name: _load(server, scenario, seconds, concurrency)
                for scenario in scenarios(stories, seed)
            }
    return {
        "bench": "web",
        "backend": "postgresql" if settings.database_url.startswith("postgresql") else "sqlite",
        "stories": n_stories,
        "articles": n_stories * ARTICLES_PER_STORY,
        "build_seconds": round(build_seconds, 1),
        "server_workers": workers,
        "concurrency": concurrency,
        "seconds_per_scenario": seconds,
        "cpus": os.cpu_count(),
        "load_average_1m": round(os.getloadavg()[0], 2),  # other work on the machine skews figures
        **results,
    }
