"""Schemathesis over the Google Reader API (the operations tagged ``google-reader`` in
/api/openapi.json), signed in as a user with follows, mutes and state: no request may answer 5xx.
Another user's state must come out of it untouched (the fuzzer only holds its own token)."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

schemathesis = pytest.importorskip("schemathesis")
import httpx  # noqa: E402
import uvicorn  # noqa: E402
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis.errors import Unsatisfiable  # noqa: E402
from schemathesis import GenerationMode  # noqa: E402

import newsloom.store.accounts as accounts_db  # noqa: E402
import newsloom.store.personal as personal_db  # noqa: E402
from newsloom.accounts.passwords import hash_password  # noqa: E402
from newsloom.bench.web import build_store  # noqa: E402
from newsloom.settings import Settings  # noqa: E402
from newsloom.store import Store  # noqa: E402
from newsloom.web import create_app  # noqa: E402
from tests.e2e.test_openapi_fuzz import MAX_EXAMPLES  # noqa: E402

pytestmark = pytest.mark.slow

STORIES = 40
NOW = datetime.now(UTC)
API_PASSWORD = "fuzzing api password"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Store, int, str]]:
    app_settings = Settings(data_dir=Path(tmp_path_factory.mktemp("greader-fuzz")))
    build_store(app_settings, STORIES)
    store = Store.open(app_settings)
    with store.write() as conn:
        fuzzer = accounts_db.add_user(
            conn, "fuzzer", hash_password("login password 1"), is_admin=False, now=NOW
        )
        other = accounts_db.add_user(
            conn, "other", hash_password("login password 2"), is_admin=False, now=NOW
        )
        accounts_db.set_password(conn, fuzzer.id, hash_password(API_PASSWORD), api=True)
        personal_db.add_follow(conn, fuzzer.id, "source", "1", NOW)
        personal_db.add_follow(conn, fuzzer.id, "search", "harbour", NOW)
        personal_db.add_mute(conn, fuzzer.id, "keyword", "storm", NOW)
        personal_db.save_stories(conn, other.id, [1, 2], NOW)
        personal_db.mark_read(conn, other.id, [3], NOW)
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(
            create_app(app_settings, store=store), host="127.0.0.1", port=port, log_level="error"
        )
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("fuzz: uvicorn did not start")
        time.sleep(0.05)
    base_url = f"http://127.0.0.1:{port}"
    # Signed in once, up front: the fuzzed ClientLogin calls soon hit the per-address limit.
    login = httpx.post(
        f"{base_url}/accounts/ClientLogin", data={"Email": "fuzzer", "Passwd": API_PASSWORD}
    )
    assert login.status_code == 200
    try:
        yield base_url, store, other.id, login.text.split("Auth=")[1].strip()
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        store.close()


def _fuzz(operation: Any, mode: GenerationMode, statuses: list[tuple[str, int]]) -> None:
    """Up to MAX_EXAMPLES requests to one operation, each status recorded with the operation."""

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=MAX_EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def call(case: Any) -> None:
        statuses.append((operation.label, case.call(timeout=30).status_code))

    with contextlib.suppress(Unsatisfiable):
        call()


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_the_reader_api_never_answers_with_a_server_error(
    served: tuple[str, Store, int, str], mode: GenerationMode
) -> None:
    base_url, store, other, token = served
    schema = schemathesis.openapi.from_url(f"{base_url}/api/openapi.json")
    schema.config.update(headers={"Authorization": f"GoogleLogin auth={token}"})
    operations = [
        op
        for op in (result.ok() for result in schema.get_all_operations())
        if op.path.startswith(("/reader/", "/accounts/"))
    ]
    assert {"/reader/api/0/edit-tag", "/reader/api/0/stream/items/ids"} <= {
        op.path for op in operations
    }
    statuses: list[tuple[str, int]] = []
    for operation in operations:
        _fuzz(operation, mode, statuses)
    assert [s for s in statuses if s[1] >= 500] == []
    if mode == GenerationMode.POSITIVE:  # signed in: the calls got past authentication
        assert any(code == 200 and "items/ids" in label for label, code in statuses)
    with store.read() as conn:  # the fuzzer's edits never touched another user's state
        assert personal_db.saved_ids(conn, other) == [2, 1] or personal_db.saved_ids(
            conn, other
        ) == [1, 2]
        assert set(personal_db.read_marks(conn, other, list(range(1, STORIES + 1)))) == {3}
