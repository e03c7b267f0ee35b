"""The refresh schedule of ``newsloom run``: a pass now and every few minutes, in a thread beside
the web server (``serve.py``)."""

from __future__ import annotations

import logging
import threading
from datetime import UTC, datetime

from newsloom.errors import NewsloomError
from newsloom.pipeline.refresh import run_refresh
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
