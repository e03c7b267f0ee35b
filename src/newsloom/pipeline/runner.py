"""Long-running modes: serve the site, optionally refreshing on a schedule in a worker thread."""

from __future__ import annotations

import logging
import threading
from datetime import UTC, datetime

from newsloom.errors import NewsloomError
from newsloom.pipeline.refresh import run_refresh
from newsloom.pipeline.rewrite import RewriteLoop
from newsloom.settings import Settings
from newsloom.store import Store

log = logging.getLogger("newsloom.runner")


class RefreshLoop:
    """Runs one refresh now and then every ``minutes``; a failed pass is logged, never fatal."""

    def __init__(self, settings: Settings, store: Store, minutes: float) -> None:
        self.settings, self.store, self.seconds = settings, store, minutes * 60
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="newsloom-refresh", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 30.0) -> None:
        # The current pass finishes its transaction; the next one never starts.
        self._stop.set()
        self._thread.join(timeout)

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                report = run_refresh(self.settings, self.store, now=datetime.now(UTC))
                log.info(report.one_line())
            except NewsloomError as exc:
                log.error("refresh failed: %s", exc)
            except Exception:  # keep serving whatever one pass hit
                log.exception("refresh failed")
            self._stop.wait(self.seconds)


def serve(
    settings: Settings,
    *,
    host: str,
    port: int,
    refresh_every_minutes: float | None = None,
    store: Store | None = None,
) -> None:
    import uvicorn

    from newsloom.web import create_app

    store = store or Store.open(settings)
    loop = RefreshLoop(settings, store, refresh_every_minutes) if refresh_every_minutes else None
    # LLM versions of new stories arrive in the background; the refresh never waits for them.
    rewriting = (
        RewriteLoop(settings, store) if refresh_every_minutes and settings.llm_base_url else None
    )
    app = create_app(settings, store=store)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    if loop:
        loop.start()
    if rewriting:
        rewriting.start()
    try:
        print(f"newsloom: serving on http://{host}:{port}", flush=True)
        uvicorn.run(app, host=host, port=port, log_level="warning")
    finally:
        if rewriting:
            rewriting.stop()
        if loop:
            loop.stop()
        store.close()
