"""Schemathesis fuzzes every operation in /api/openapi.json against the app on loopback.

The app serves a store of generated stories (the web benchmark's builder) through uvicorn on
127.0.0.1; each operation gets up to MAX_EXAMPLES generated requests, valid and invalid, and none may
answer with a server error. Runs are derandomized, so a failure reproduces.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

schemathesis = pytest.importorskip("schemathesis")
import uvicorn  # noqa: E402
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis.errors import Unsatisfiable  # noqa: E402
from schemathesis import GenerationMode  # noqa: E402

from newsloom.bench.web import build_store  # noqa: E402
from newsloom.settings import Settings  # noqa: E402
from newsloom.web import create_app  # noqa: E402

pytestmark = pytest.mark.slow

MAX_EXAMPLES = 60
STORIES = 40


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    app_settings = Settings(data_dir=Path(tmp_path_factory.mktemp("fuzz")))
    build_store(app_settings, STORIES)
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(app_settings), host="127.0.0.1", port=port, log_level="error")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("fuzz: uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def api_schema(base_url: str) -> Any:
    return schemathesis.openapi.from_url(f"{base_url}/api/openapi.json")


# Bounds the server enforces: stripped from the schema so that generated values cross them.
BOUNDS = ("maxLength", "minLength", "maximum", "minimum", "exclusiveMaximum", "exclusiveMinimum")


def _unbounded(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: _unbounded(v) for k, v in node.items() if k not in BOUNDS and k != "pattern"}
    if isinstance(node, list):
        return [_unbounded(v) for v in node]
    return node


@pytest.fixture(scope="module")
def unbounded_schema(base_url: str) -> Any:
    import httpx

    raw = httpx.get(f"{base_url}/api/openapi.json", timeout=30).json()
    schema = schemathesis.openapi.from_dict(_unbounded(raw))
    schema.config.update(base_url=base_url)
    return schema


def _fuzz(operation: Any, mode: GenerationMode, failures: list[str]) -> None:
    """Up to MAX_EXAMPLES requests to one operation; every 5xx is recorded, not raised."""

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=MAX_EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def call(case: Any) -> None:
        response = case.call(timeout=30)
        if response.status_code >= 500:
            failures.append(f"{operation.label}: {response.status_code} {response.request.url}")

    # Negative mode on an operation without parameters: nothing can be made invalid.
    with contextlib.suppress(Unsatisfiable):
        call()


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_no_operation_answers_with_a_server_error(api_schema: Any, mode: GenerationMode) -> None:
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert {"/api/search", "/api/stories", "/search"} <= {op.path for op in operations}
    failures: list[str] = []
    for operation in operations:
        _fuzz(operation, mode, failures)
    assert failures == [], "\n".join(failures)


def test_unbounded_strings_and_integers_never_answer_with_a_server_error(
    unbounded_schema: Any,
) -> None:
    """Issue 14: the schema's own bounds removed, so ids past 2**63, 100-digit numbers, dates past
    year 9999 and megabyte strings reach the server, which must answer 4xx, never 5xx."""
    operations = [result.ok() for result in unbounded_schema.get_all_operations()]
    failures: list[str] = []
    for operation in operations:
        _fuzz(operation, GenerationMode.POSITIVE, failures)
    assert failures == [], "\n".join(failures)
