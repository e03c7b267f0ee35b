"""Record a real OpenAI-compatible chat server's replies to newsloom's summary request.

Run against a local server (llama.cpp's llama-server, Ollama, vLLM) on 127.0.0.1; the replies are
written as JSON fixtures that `tests/integration/test_llm_recorded.py` replays on a loopback server,
so the parser and the checks are tested on what real servers send, without a model in CI.

    python scripts/record_llm_replies.py --base-url http://127.0.0.1:8080/v1 \\
        --server llamacpp --model smollm2-135m --out tests/data/llm

The story is the project's own fictional tidal-barrier story (tests/unit/summarize/fictional_stories).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from tests.unit.summarize.fictional_stories import barrier_story  # noqa: E402

from newsloom.summarize.llm import (  # noqa: E402
    MAX_REPLY_TOKENS,
    REPLY_SCHEMA,
    _messages,
    _number_sentences,
)

WORDS = 120
VARIANTS: dict[str, dict[str, Any]] = {
    # What newsloom sends by default.
    "schema": {
        "response_format": {
            "type": "json_schema",
            "json_schema": {"name": "story_summary", "strict": True, "schema": REPLY_SCHEMA},
        }
    },
    # Its fallback for servers without structured outputs.
    "json_mode": {"response_format": {"type": "json_object"}},
    # No constraint at all: what a model writes on its own.
    "unconstrained": {},
    # Cut off by the token limit: the JSON ends mid-way.
    "truncated": {
        "response_format": {
            "type": "json_schema",
            "json_schema": {"name": "story_summary", "strict": True, "schema": REPLY_SCHEMA},
        },
        "max_tokens": 60,
    },
    # A schema the server cannot compile: its error reply.
    "bad_schema": {
        "response_format": {
            "type": "json_schema",
            "json_schema": {"name": "x", "schema": {"type": "object", "properties": 5}},
        }
    },
}


def record(base_url: str, model: str, variant: dict[str, Any], timeout: float) -> dict[str, Any]:
    ordered = sorted(barrier_story(), key=lambda a: (a.published, a.id or 0))
    numbered = _number_sentences(ordered)
    payload = {
        "model": model,
        "messages": _messages(numbered, WORDS),
        "temperature": 0,
        "max_tokens": MAX_REPLY_TOKENS,
        "stream": False,
        **variant,
    }
    started = time.monotonic()
    response = httpx.post(base_url.rstrip("/") + "/chat/completions", json=payload, timeout=timeout)
    return {
        "status": response.status_code,
        "content_type": response.headers.get("content-type", ""),
        "seconds": round(time.monotonic() - started, 1),
        "request": {k: v for k, v in payload.items() if k != "messages"},
        "body": response.text,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--server", required=True, help="a label: llamacpp, ollama, vllm")
    parser.add_argument("--model", default="local")
    parser.add_argument("--out", type=Path, default=ROOT / "tests" / "data" / "llm")
    parser.add_argument("--timeout", type=float, default=600.0)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for name, variant in VARIANTS.items():
        recorded = record(args.base_url, args.model, variant, args.timeout)
        recorded.update(server=args.server, model=args.model)
        path = args.out / f"{args.server}_{name}.json"
        path.write_text(json.dumps(recorded, indent=1, ensure_ascii=False) + "\n")
        print(f"{path.name}: HTTP {recorded['status']} in {recorded['seconds']} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
