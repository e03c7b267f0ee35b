"""``newsloom serve`` and ``newsloom run``: uvicorn started in one place.

One process serves the app object itself, with the refresh and rewrite loops beside it in threads
(``run``). Several worker processes (Python needs one per core) are started by uvicorn from an
import string, so the parent hands its settings down as JSON in one environment variable; each
worker opens its own store (own connection pool) and caches.
"""

from __future__ import annotations

import logging
import os
from typing import Any

from fastapi import FastAPI

from newsloom.app.runner import RefreshLoop
from newsloom.pipeline.rewrite import RewriteLoop
from newsloom.settings import Settings
from newsloom.store import Store

SETTINGS_ENV = "NEWSLOOM_WEB_SETTINGS_JSON"
FACTORY = "newsloom.app.serve:app_from_parent"


def worker_count(settings: Settings, requested: int | None = None) -> int:
    """``requested`` (a --workers flag) or else ``web_workers``; 0 means one per CPU core."""
    chosen = settings.web_workers if requested is None else max(requested, 0)
    return chosen or os.cpu_count() or 1


def app_from_parent() -> FastAPI:
    """uvicorn factory run in each worker: the app over the settings the parent serialised."""
    from newsloom.web import create_app

    raw = os.environ.get(SETTINGS_ENV)
    return create_app(Settings.model_validate_json(raw) if raw else Settings.load())


def serve(
    settings: Settings,
    *,
    host: str,
    port: int,
    workers: int = 1,
    refresh_every_minutes: float | None = None,
    store: Store | None = None,
) -> None:
    """Serve on host:port until stopped; with ``refresh_every_minutes``, refresh (and rewrite with
    the LLM, when one is configured) in the background. ``workers`` > 1 (serving only) starts
    that many processes sharing one listening socket (serving only: ``run`` keeps one process,
    next to its refresh thread)."""
    import uvicorn

    store = store or Store.open(settings)  # migrates once here rather than in every worker
    target: str | FastAPI
    options: dict[str, Any] = {}
    if workers > 1:
        store.close()
        os.environ[SETTINGS_ENV] = settings.model_dump_json()
        target, options = FACTORY, {"factory": True, "workers": workers}
        shown = f" with {workers} workers"
    else:
        from newsloom.web import create_app

        target, shown = create_app(settings, store=store), ""
        logging.basicConfig(
            level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s"
        )
    loop = RefreshLoop(settings, store, refresh_every_minutes) if refresh_every_minutes else None
    # LLM versions of new stories arrive in the background; the refresh never waits for them.
    rewriting = (
        RewriteLoop(settings, store) if refresh_every_minutes and settings.llm_base_url else None
    )
    if loop:
        loop.start()
    if rewriting:
        rewriting.start()
    try:
        print(f"newsloom: serving on http://{host}:{port}{shown}", flush=True)
        uvicorn.run(target, host=host, port=port, log_level="warning", **options)
    finally:
        if rewriting:
            rewriting.stop()
        if loop:
            loop.stop()
        if workers <= 1:
            store.close()
