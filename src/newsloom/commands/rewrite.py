"""``newsloom rewrite``: one pass of the LLM rewrite queue (pipeline/rewrite.py), e.g. from cron."""

from __future__ import annotations

import argparse

from newsloom.commands import CommandGroups, positive_int
from newsloom.settings import Settings


def register(groups: CommandGroups) -> None:
    rewrite = groups.top.add_parser(
        "rewrite", help="LLM versions of the stories published with an extractive summary"
    )
    rewrite.add_argument(
        "--budget", type=float, help="seconds this pass may spend (default: llm_budget_seconds)"
    )
    rewrite.add_argument("--limit", type=positive_int, default=500, help="stories at most")
    rewrite.set_defaults(handler=cmd_rewrite)


def cmd_rewrite(args: argparse.Namespace, settings: Settings) -> int:
    from newsloom import shutdown
    from newsloom.pipeline.rewrite import rewrite_stories
    from newsloom.store import Store

    if args.budget is not None and args.budget <= 0:
        raise SystemExit("newsloom: rewrite: --budget must be positive")
    store = Store.open(settings)
    try:
        with shutdown.graceful_signals():
            report = rewrite_stories(settings, store, budget_seconds=args.budget, limit=args.limit)
    finally:
        store.close()
    print(report.one_line())
    return 0
