"""``newsloom bench web``: requests/s and latency of pages, API and search on loopback."""

from __future__ import annotations

import argparse
import os

from newsloom.commands import CommandGroups, positive_int, print_json
from newsloom.settings import Settings


def register(groups: CommandGroups) -> None:
    bench = groups.bench.add_parser(
        "web", help="serve N generated stories on 127.0.0.1 and measure pages, API and search"
    )
    bench.add_argument("--stories", type=positive_int, default=10_000)
    bench.add_argument("--seconds", type=float, default=5.0, help="load per scenario")
    bench.add_argument("--concurrency", type=positive_int, default=8, help="open connections")
    bench.add_argument(
        "--workers", type=int, default=0, help="uvicorn processes (0 = one per CPU core)"
    )
    bench.add_argument("--seed", type=int, default=7)
    bench.add_argument(
        "--target-database-url",
        default="",
        help="an EMPTY PostgreSQL database to bench on (default: a fresh SQLite in a temp dir)",
    )
    bench.set_defaults(handler=cmd_bench_web)


def cmd_bench_web(args: argparse.Namespace, settings: Settings) -> int:
    from newsloom.bench.web import bench_web

    # Never the configured database: the bench writes generated stories with fixed ids.
    settings = settings.model_copy(update={"database_url": args.target_database_url})
    print_json(
        bench_web(
            settings,
            n_stories=args.stories,
            seconds=min(max(args.seconds, 0.5), 120.0),
            concurrency=min(args.concurrency, 256),
            workers=min(args.workers if args.workers > 0 else os.cpu_count() or 1, 8),
            seed=args.seed,
        )
    )
    return 0
