"""The demo newsroom served by uvicorn on 127.0.0.1, and Debian's Chromium driven by Playwright.

Playwright never downloads a browser here: it launches /usr/bin/chromium (``apt-get install
chromium``; .ci/run does it). Without that binary or the playwright package the tests skip, unless
CI is set, where a missing browser is a failure.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from newsloom.app.demo import demo_settings, ingest_demo
from newsloom.demo.server import DemoServer
from newsloom.settings import Settings
from newsloom.store import Store
from newsloom.web import create_app

os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]
BASE_TIME = datetime(2026, 6, 3, 18, 0, tzinfo=UTC)


@dataclass
class Site:
    url: str
    store: Store
    settings: Settings


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# Module scope, not session: Playwright's sync API keeps an event loop running in this thread
# while it is open, and later tests call asyncio.run().
@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The demo ingested through real HTTP on loopback, then served by uvicorn in a thread."""
    settings = demo_settings(Settings(data_dir=tmp_path_factory.mktemp("browser-demo")))
    with DemoServer(base_time=BASE_TIME) as demo:
        store, report = ingest_demo(settings, demo, BASE_TIME)
    assert report.failed_sources == 0, report.errors
    port = _free_port()
    config = uvicorn.Config(
        create_app(settings, store=store), host="127.0.0.1", port=port, log_level="warning"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("browser: uvicorn did not start")
        time.sleep(0.05)
    try:
        yield Site(f"http://127.0.0.1:{port}", store, settings)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        store.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    missing = None
    if not Path(CHROMIUM).exists():
        missing = f"{CHROMIUM} is missing (apt-get install chromium)"
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing = "the playwright package is missing"
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"browser: {missing}")
        pytest.skip(missing)
    assert shutil.which(CHROMIUM) is not None
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield launched
        launched.close()


@dataclass
class Watched:
    """A page plus everything that would show a script ran: dialogs, console output, errors."""

    page: Any
    dialogs: list[str]
    console: list[str]
    errors: list[str]
    shots: Path

    def shot(self, name: str) -> None:
        self.page.screenshot(path=str(self.shots / f"{name}.png"), full_page=True)


@pytest.fixture
def page(browser: Any, tmp_path: Path) -> Iterator[Watched]:
    context = browser.new_context(java_script_enabled=True)
    opened = context.new_page()
    watched = Watched(opened, [], [], [], tmp_path)

    def on_dialog(dialog: Any) -> None:
        watched.dialogs.append(dialog.message)
        dialog.dismiss()

    opened.on("dialog", on_dialog)
    opened.on("console", lambda message: watched.console.append(message.text))
    opened.on("pageerror", lambda error: watched.errors.append(str(error)))
    # Nothing but the site itself may be fetched: any other host fails the request outright.
    opened.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith("http://127.0.0.1:")
            else route.abort()
        ),
    )
    yield watched
    context.close()
