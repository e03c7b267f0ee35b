"""``newsloom serve`` with several uvicorn worker processes (Python needs one per core).

uvicorn starts each worker from an import string, so the parent hands its settings down as JSON in
one environment variable; each worker opens its own store (own connection pool) and caches.
"""

from __future__ import annotations

import os

from fastapi import FastAPI

from newsloom.settings import Settings

SETTINGS_ENV = "NEWSLOOM_WEB_SETTINGS_JSON"
FACTORY = "newsloom.web.serving:app_from_parent"


def worker_count(settings: Settings, requested: int | None = None) -> int:
    """``requested`` (a --workers flag) or else ``web_workers``; 0 means one per CPU core."""
    chosen = settings.web_workers if requested is None else max(requested, 0)
    return chosen or os.cpu_count() or 1


def app_from_parent() -> FastAPI:
    """uvicorn factory run in each worker: the app over the settings the parent serialised."""
    from newsloom.web import create_app

    raw = os.environ.get(SETTINGS_ENV)
    return create_app(Settings.model_validate_json(raw) if raw else Settings.load())


def serve_workers(settings: Settings, *, host: str, port: int, workers: int) -> None:
    """Serve on host:port with ``workers`` processes sharing one listening socket."""
    import uvicorn

    from newsloom.store import Store

    Store.open(settings).close()  # migrate once here rather than in every worker at once
    os.environ[SETTINGS_ENV] = settings.model_dump_json()
    print(f"newsloom: serving on http://{host}:{port} with {workers} workers", flush=True)
    uvicorn.run(
        FACTORY,
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="warning",
    )
