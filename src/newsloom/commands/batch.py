"""``newsloom backfill PATH``, ``newsloom reprocess --stage S`` and ``newsloom bench scale``.

``--runner auto`` (the default) uses Ray when it is installed: a local instance, or the cluster at
``--ray-address`` / the ``ray_address`` setting; ``--runner local`` is the single-process loop.
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from newsloom.commands import CommandGroups, positive_int, print_json
from newsloom.settings import Settings

STAGES = ("extract", "embed", "cluster", "summarize")


def _runner_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--runner", choices=("auto", "local", "ray"), default="auto")
    parser.add_argument("--ray-address", help="Ray cluster address (default: a local instance)")
    parser.add_argument("--num-cpus", type=positive_int, help="CPUs for a local Ray instance")


def register(groups: CommandGroups) -> None:
    backfill = groups.top.add_parser(
        "backfill", help="import an archive: a directory of WARC files or JSONL articles"
    )
    backfill.add_argument("path")
    backfill.add_argument("--batch-size", type=positive_int, default=64)
    _runner_flags(backfill)
    backfill.set_defaults(handler=cmd_backfill)

    reprocess = groups.top.add_parser("reprocess", help="re-run one stage over the history")
    reprocess.add_argument("--stage", choices=STAGES, required=True)
    reprocess.add_argument(
        "--all", action="store_true", help="redo finished work too (embed, summarize)"
    )
    _runner_flags(reprocess)
    reprocess.set_defaults(handler=cmd_reprocess)

    scale = groups.bench.add_parser(
        "scale", help="synthetic archive: store writes, assignment, page and search latency"
    )
    scale.add_argument(
        "--articles", type=_count, default=100_000, help="0: only the --ray-speedup timing"
    )
    scale.add_argument(
        "--checkpoints", default="100000,1000000", help="article counts to time assignment at"
    )
    scale.add_argument("--seed", type=int, default=7)
    scale.add_argument("--workdir", help="where the SQLite file goes (default: a temp dir)")
    scale.add_argument(
        "--reuse",
        action="store_true",
        help="only re-measure page and search latency and disk on an earlier run's archive",
    )
    scale.add_argument(
        "--ray-speedup",
        type=int,
        default=0,
        metavar="N",
        help="also time reprocess --stage embed on N articles: Ray (2 CPUs) against the loop",
    )
    scale.set_defaults(handler=cmd_bench_scale)


def _count(value: str) -> int:
    number = int(value)
    if number < 0:
        raise argparse.ArgumentTypeError(f"expected a count >= 0, got {value}")
    return number


def _runner(args: argparse.Namespace, settings: Settings) -> Any:
    from newsloom.batch.runners import RunnerName, make_runner

    address = args.ray_address or settings.ray_address or None
    name: RunnerName = "ray" if address and args.runner == "auto" else args.runner
    return make_runner(name, address=address, num_cpus=args.num_cpus)


def cmd_backfill(args: argparse.Namespace, settings: Settings) -> int:
    from newsloom.batch.backfill import backfill
    from newsloom.store import Store

    store = Store.open(settings)
    runner = _runner(args, settings)
    try:
        report = backfill(
            store,
            Path(args.path),
            runner,
            now=datetime.now(UTC),
            batch_size=args.batch_size,
            progress=lambda r: print(f"\rbackfill: {r.records} records", end="", file=sys.stderr),
        )
    finally:
        runner.close()
        store.close()
    print(file=sys.stderr)
    print_json({"runner": runner.name, **report.as_json()})
    return 0


def cmd_reprocess(args: argparse.Namespace, settings: Settings) -> int:
    from newsloom.batch.reprocess import reprocess
    from newsloom.store import Store

    store = Store.open(settings)
    runner = _runner(args, settings)
    try:
        result = reprocess(
            args.stage,
            settings,
            store,
            runner,
            now=datetime.now(UTC),
            everything=args.all,
            progress=lambda stage, done: print(f"\r{stage}: {done}", end="", file=sys.stderr),
        )
    finally:
        runner.close()
        store.close()
    print(file=sys.stderr)
    print_json(result)
    return 0


def cmd_bench_scale(args: argparse.Namespace, settings: Settings) -> int:
    from newsloom.bench.scale import run_scale_bench

    checkpoints = tuple(int(c) for c in str(args.checkpoints).split(",") if c.strip())
    print_json(
        run_scale_bench(
            settings,
            articles=args.articles,
            checkpoints=checkpoints,
            seed=args.seed,
            workdir=Path(args.workdir) if args.workdir else None,
            database_url=args.database_url or "",
            ray_speedup=args.ray_speedup,
            reuse=args.reuse,
            progress=lambda message: print(message, file=sys.stderr, flush=True),
        )
    )
    return 0
