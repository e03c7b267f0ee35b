"""``newsloom demo``: serve the bundled fictional newsroom on loopback, ingest it, serve the site."""

from __future__ import annotations

from datetime import UTC, datetime

from newsloom.demo.server import DemoServer
from newsloom.pipeline.progress import terminal_progress
from newsloom.pipeline.refresh import RefreshReport, add_sources, run_refresh
from newsloom.records import Source
from newsloom.settings import Settings
from newsloom.store import Store


def demo_settings(settings: Settings) -> Settings:
    """The demo's own database, and permission to fetch the loopback demo server (only that)."""
    demo_dir = settings.data_dir / "demo"
    demo_dir.mkdir(parents=True, exist_ok=True)
    return settings.model_copy(
        update={
            "data_dir": demo_dir,
            "database_url": f"sqlite:///{(demo_dir / 'newsloom.db').resolve()}",
            "allowed_hosts": (*settings.allowed_hosts, "127.0.0.1"),
            "per_host_concurrency": max(settings.per_host_concurrency, 8),
        }
    )


def demo_site_url(settings: Settings, host: str, port: int) -> Settings:
    """Canonical links, og:url and feed links name the port the demo serves on, unless a public
    site_url was configured (the default names port 8000, whatever --port says)."""
    default = Settings.model_fields["site_url"].default
    if settings.site_url.rstrip("/") != str(default).rstrip("/"):
        return settings
    shown = "127.0.0.1" if host in ("0.0.0.0", "::", "") else host
    shown = f"[{shown}]" if ":" in shown else shown
    return settings.model_copy(update={"site_url": f"http://{shown}:{port}"})


def ingest_demo(
    settings: Settings, server: DemoServer, now: datetime
) -> tuple[Store, RefreshReport]:
    """Register every demo feed as a source and run one refresh over them."""
    store = Store.open(settings)
    sources = [
        Source(url=url, title=name, section=section, language=language)
        for url, name, section, language in server.feed_urls()
    ]
    add_sources(store, sources)
    with terminal_progress() as progress:
        report = run_refresh(settings, store, now=now, progress=progress)
    return store, report


def run_demo(settings: Settings, *, host: str, port: int, serve_site: bool = True) -> int:
    from newsloom.app.serve import serve

    settings = demo_site_url(demo_settings(settings), host, port)
    db_file = settings.data_dir / "newsloom.db"
    # Each demo starts fresh: the demo server's port (part of every URL) changes between runs.
    for leftover in (
        db_file,
        db_file.with_name("newsloom.db-wal"),
        db_file.with_name("newsloom.db-shm"),
    ):
        leftover.unlink(missing_ok=True)
    now = datetime.now(UTC).replace(second=0, microsecond=0)
    with DemoServer(base_time=now) as server:
        print(f"newsloom: demo newsroom on {server.base_url}", flush=True)
        store, report = ingest_demo(settings, server, now)
        print(report.one_line(), flush=True)
        for error in report.errors:
            print(f"  {error}", flush=True)
        if serve_site:
            serve(settings, host=host, port=port, store=store)
        else:
            store.close()
    return 0
