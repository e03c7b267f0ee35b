"""The one reader of the evaluation sets' JSON Lines files.

Each set has its own fields; what every set shares is read here once: a file that cannot be read,
a line that is not a JSON object or lacks a field the set needs, each named by file and line.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from newsloom.errors import EvalError

Row = dict[str, Any]


def read_jsonl(
    path: Path, *, required: Sequence[str] = (), nonempty: str = ""
) -> list[tuple[str, Row]]:
    """(``file:line``, object) for every non-blank line, in file order.

    ``required``: keys each object must have. ``nonempty``: what the file holds, for the error
    when it holds nothing ("items" gives "eval: FILE has no items"); empty files are fine without.
    """
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise EvalError(f"eval: cannot read {path}: {exc}") from exc
    rows: list[tuple[str, Row]] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise EvalError(f"eval: {where} is not JSON: {exc}") from exc
        if not isinstance(row, dict):
            raise EvalError(f"eval: {where} is not a JSON object")
        missing = [key for key in required if key not in row]
        if missing:
            raise EvalError(f"eval: {where} lacks {', '.join(missing)}")
        rows.append((where, row))
    if nonempty and not rows:
        raise EvalError(f"eval: {path} has no {nonempty}")
    return rows
