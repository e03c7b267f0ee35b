"""``newsloom status``: sources due and failing, queue depths, last refresh (``--json`` for machines)."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime

from newsloom.commands import CommandGroups, print_json
from newsloom.settings import Settings


def register(groups: CommandGroups) -> None:
    status = groups.top.add_parser("status", help="sources due and failing, queues, last refresh")
    status.add_argument("--json", action="store_true", help="one JSON object")
    status.set_defaults(handler=cmd_status)


def cmd_status(args: argparse.Namespace, settings: Settings) -> int:
    from newsloom.store import Store
    from newsloom.store.status import store_status

    store = Store.open(settings)
    try:
        with store.read() as conn:
            status = store_status(conn, datetime.now(UTC))
    finally:
        store.close()
    if args.json:
        print_json(status.as_json())
        return 0
    width = max(len(key) for key in status.as_json())
    for key, value in status.as_json().items():
        print(f"{key.replace('_', ' '):<{width}}  {value if value is not None else '-'}")
    return 0
