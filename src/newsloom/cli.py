"""The ``newsloom`` command. Settings are built here, once, and passed down."""

from __future__ import annotations

import argparse
import os
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from newsloom.commands import CommandGroups, record_id, register_all
from newsloom.errors import NewsloomError, ParseError, unexpected
from newsloom.settings import Settings


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    try:
        return _run(args)
    except BrokenPipeError:
        # `newsloom status | head -3`: the reader left. Point stdout at nothing so that the
        # interpreter's final flush does not fail again, and exit as quietly as other tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
    except Exception as exc:  # a bug of ours: still one line, never a traceback
        print(f"newsloom: {unexpected('internal error', exc, ' '.join(sys.argv))}", file=sys.stderr)
        return 70  # EX_SOFTWARE


def _run(args: argparse.Namespace) -> int:
    try:
        settings = Settings.load(
            config_file=args.config,
            data_dir=Path(args.data_dir) if args.data_dir else None,
            database_url=args.database_url,
        )
        from newsloom.logs import configure_logging

        configure_logging(settings, json=args.log_format == "json")
        return int(args.handler(args, settings) or 0)
    except NewsloomError as exc:
        print(f"newsloom: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("newsloom: interrupted", file=sys.stderr)
        return 130


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsloom", description="Self-hosted news engine: feeds in, cited stories out."
    )
    parser.add_argument("--config", help="TOML settings file (or NEWSLOOM_CONFIG)")
    parser.add_argument("--data-dir", help="data directory (or NEWSLOOM_DATA_DIR)")
    parser.add_argument("--database-url", help="sqlite:///... or postgresql://...")
    parser.add_argument(
        "--log-format", choices=("text", "json"), default="text", help="log lines on stderr"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    sub.add_parser("init", help="create the data directory and database").set_defaults(
        handler=cmd_init
    )

    sources = sub.add_parser("sources", help="manage sources").add_subparsers(metavar="ACTION")
    add = sources.add_parser("add", help="add a feed URL")
    add.add_argument("url")
    add.add_argument("--section", default="", help="declared section, e.g. science")
    add.add_argument("--title", default="", help="outlet name shown on pages")
    add.add_argument("--language", default="")
    add.set_defaults(handler=cmd_sources_add)
    imp = sources.add_parser("import", help="import an OPML file (nested outlines = sections)")
    imp.add_argument("file")
    imp.set_defaults(handler=cmd_sources_import)
    sources.add_parser("export", help="print all sources as OPML").set_defaults(
        handler=cmd_sources_export
    )
    sources.add_parser("list", help="list sources with their state").set_defaults(
        handler=cmd_sources_list
    )
    for action, helptext in (
        ("pause", "stop polling a source until it is resumed"),
        ("resume", "poll a paused source again, now"),
        ("remove", "delete a source with its articles (their stories are re-summarised)"),
    ):
        one = sources.add_parser(action, help=helptext)
        one.add_argument("id", type=record_id, help="the source id (newsloom sources list)")
        if action == "pause":
            one.add_argument("--reason", default="paused by the operator")
        one.set_defaults(handler=cmd_sources_change, action=action)

    refresh = sub.add_parser("refresh", help="one pass over the due sources")
    refresh.add_argument(
        "--all", action="store_true", help="every source that is not paused, due or not"
    )
    refresh.set_defaults(handler=cmd_refresh)

    serve = sub.add_parser("serve", help="serve the web site and API")
    serve.add_argument("--host")
    serve.add_argument("--port", type=int)
    serve.add_argument(
        "--workers", type=int, help="web server processes (default: web_workers; 0 = per core)"
    )
    serve.set_defaults(handler=cmd_serve)

    run = sub.add_parser("run", help="refresh on a schedule while serving")
    run.add_argument("--host")
    run.add_argument("--port", type=int)
    run.set_defaults(handler=cmd_run)

    demo = sub.add_parser("demo", help="ingest the bundled demo newsroom and serve it")
    demo.add_argument("--port", type=int, default=8000)
    demo.add_argument("--host", default="127.0.0.1")
    demo.add_argument("--no-serve", action="store_true", help="ingest, print the summary, exit")
    demo.set_defaults(handler=cmd_demo)

    ev = sub.add_parser("eval", help="measure quality on a labelled file").add_subparsers(
        metavar="TASK"
    )
    bench = sub.add_parser("bench", help="measure speed on generated or labelled data")
    register_all(CommandGroups(top=sub, eval=ev, bench=bench.add_subparsers(metavar="TASK")))
    return parser


# -- handlers -------------------------------------------------------------------------------


def _open_store(settings: Settings) -> Any:
    from newsloom.store import Store

    return Store.open(settings)


def cmd_init(args: argparse.Namespace, settings: Settings) -> int:
    store = _open_store(settings)
    store.close()
    print(f"newsloom: database ready at {settings.db_url}")
    return 0


def cmd_sources_add(args: argparse.Namespace, settings: Settings) -> int:
    from newsloom.ingest.sanitize import checked_url
    from newsloom.pipeline.refresh import add_sources
    from newsloom.records import Source

    url = checked_url(args.url)
    store = _open_store(settings)
    try:
        (source,) = add_sources(
            store,
            [Source(url=url, section=args.section, title=args.title, language=args.language)],
        )
    finally:
        store.close()
    print(f"source {source.id}: {source.url}")
    return 0


def cmd_sources_import(args: argparse.Namespace, settings: Settings) -> int:
    from newsloom.ingest.opml import read_opml_list
    from newsloom.pipeline.refresh import add_sources

    try:
        body = Path(args.file).read_bytes()
    except OSError as exc:
        raise ParseError(f"parse: cannot read {args.file}: {exc.strerror or exc}") from exc
    listed = read_opml_list(body)
    for reason in listed.refused:
        print(f"newsloom: skipped: {reason}", file=sys.stderr)
    store = _open_store(settings)
    try:
        stored = add_sources(store, listed.sources)
    finally:
        store.close()
    skipped = f", skipped {len(listed.refused)}" if listed.refused else ""
    print(f"imported {len(stored)} sources from {args.file}{skipped}")
    return 1 if listed.refused and not stored else 0


def _stored_sources(settings: Settings) -> list[Any]:
    import newsloom.store as db

    store = _open_store(settings)
    try:
        with store.read() as conn:
            return db.list_sources(conn)
    finally:
        store.close()


def cmd_sources_export(args: argparse.Namespace, settings: Settings) -> int:
    from newsloom.ingest.opml import write_opml

    sys.stdout.write(write_opml(_stored_sources(settings)))
    return 0


def cmd_sources_list(args: argparse.Namespace, settings: Settings) -> int:
    for s in _stored_sources(settings):
        state = f"errors={s.error_count}" + (
            f" last_error={s.last_error!r}" if s.last_error else ""
        )
        when = s.next_check.isoformat(timespec="minutes") if s.next_check else "now"
        if s.paused_at is not None:
            when = f"paused ({s.paused_reason or 'by the operator'})"
        print(
            f"{s.id}\t{s.kind}\t{s.section or '-'}\t{s.title or '-'}\t{s.url}\tnext={when}\t{state}"
        )
    return 0


def cmd_refresh(args: argparse.Namespace, settings: Settings) -> int:
    from newsloom import shutdown
    from newsloom.pipeline.progress import terminal_progress
    from newsloom.pipeline.refresh import run_refresh

    store = _open_store(settings)
    shutdown.reset()
    try:
        # SIGTERM/SIGINT: finish the sources in flight, record them, exit 0 (newsloom/shutdown.py).
        with shutdown.graceful_signals(), terminal_progress() as progress:
            report = run_refresh(settings, store, progress=progress, all_sources=args.all)
    finally:
        store.close()
    for error in report.errors:
        print(error, file=sys.stderr)
    print(report.one_line())
    return 0


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    from newsloom.app.serve import serve, worker_count

    host, port = args.host or settings.host, args.port or settings.port
    serve(settings, host=host, port=port, workers=worker_count(settings, args.workers))
    return 0


def cmd_run(args: argparse.Namespace, settings: Settings) -> int:
    from newsloom import shutdown
    from newsloom.app.serve import serve

    # The web server stops first; the signal then reaches the refresh loop's pass in flight.
    with shutdown.graceful_signals():
        serve(
            settings,
            host=args.host or settings.host,
            port=args.port or settings.port,
            refresh_every_minutes=settings.refresh_interval_minutes,
        )
        # serve() waits 30 s for that pass; one in its story step stops after the transaction
        # (an embedding batch) in progress, which may take longer. Exiting under it would kill
        # the thread inside native code, so wait: the pass ends at its next safe point.
        for thread in threading.enumerate():
            if thread.name == "newsloom-refresh":
                thread.join()
    return 0


def cmd_demo(args: argparse.Namespace, settings: Settings) -> int:
    from newsloom.app.demo import run_demo

    return run_demo(settings, host=args.host, port=args.port, serve_site=not args.no_serve)


def cmd_sources_change(args: argparse.Namespace, settings: Settings) -> int:
    """pause, resume or remove one source."""
    from datetime import UTC, datetime

    import newsloom.store as db
    from newsloom.errors import StoreError

    store = _open_store(settings)
    try:
        with store.write() as conn:
            if args.action == "pause":
                found = db.pause_source(conn, args.id, now=datetime.now(UTC), reason=args.reason)
            elif args.action == "resume":
                found = db.resume_source(conn, args.id)
            else:
                found = db.delete_source(conn, args.id)
    finally:
        store.close()
    if not found:
        raise StoreError(f"store: no source with id {args.id}")
    done = {"pause": "paused", "resume": "resumed", "remove": "removed"}[args.action]
    print(f"source {args.id} {done}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
