"""Sub-commands that live next to the stage they serve.

Every module in this package exposes ``register(groups: CommandGroups) -> None`` and adds its parsers
to the groups it needs. Handlers take ``(args, settings)`` and return an exit code; they import their
stage lazily so that ``newsloom --help`` stays fast.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class CommandGroups:
    top: Any  # argparse._SubParsersAction: ``newsloom COMMAND``
    eval: Any  # ``newsloom eval TASK``
    bench: Any  # ``newsloom bench TASK``


def register_all(groups: CommandGroups) -> None:
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        module.register(groups)


def print_json(result: dict[str, Any]) -> None:
    """One JSON object on one line: what eval and bench commands print."""
    import json

    print(json.dumps(result, sort_keys=False))


# Ids are SQL BIGINT; a larger number names nothing (and would overflow the driver).
MAX_RECORD_ID = 2**63 - 1


def record_id(text: str) -> int:
    """An argparse type for a stored record's id: 1 .. 2**63-1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an id: {text!r}") from None
    if not 1 <= value <= MAX_RECORD_ID:
        raise argparse.ArgumentTypeError(f"no record has id {text}")
    return value


def positive_int(text: str) -> int:
    value = int(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be a positive integer, got {text}")
    return value
