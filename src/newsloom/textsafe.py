"""Text and JSON as untrusted sources send them, made safe to hold, store and print.

Two hazards that every decoder of outside text meets, handled once here:
- lone UTF-16 surrogates (``"\\ud800"`` in JSON, ``&#xD800;`` in markup) decode to Python strings
  that cannot be encoded again, so the first ``.encode()`` downstream (a parser, the store, a log
  line) raises; they become U+FFFD at decode time;
- huge integer literals: ``int()`` of more than 4,300 digits raises ``ValueError`` (CPython's guard
  against quadratic conversion), and no field we read needs more than a few digits; such a literal
  is kept as its text, so a JSON document with one is still read.
"""

from __future__ import annotations

import json
import re
from typing import Any

_SURROGATES = re.compile("[\ud800-\udfff]")
# Longer integer literals stay text: int64 has 19 digits, and the conversion stays cheap.
MAX_INT_DIGITS = 40


def scrub_surrogates(text: str) -> str:
    """``text`` with every lone surrogate replaced by U+FFFD (a no-op for well-formed text)."""
    return _SURROGATES.sub("\ufffd", text) if _SURROGATES.search(text) else text


def _bounded_int(literal: str) -> int | str:
    return int(literal) if len(literal.lstrip("-")) <= MAX_INT_DIGITS else literal


def _finite_float(literal: str) -> float | str:
    # float() never raises on digits, but "1e999" is inf, which no field of ours means.
    value = float(literal)
    return value if value not in (float("inf"), float("-inf")) else literal


def _scrubbed(value: Any) -> Any:
    """``value`` with every string in it scrubbed; iterative, since depth is the attacker's."""
    if isinstance(value, str):
        return scrub_surrogates(value)
    if not isinstance(value, dict | list):
        return value
    stack: list[Any] = [value]
    while stack:
        holder = stack.pop()
        keys = list(holder.keys()) if isinstance(holder, dict) else range(len(holder))
        for key in keys:
            item = holder[key]
            if isinstance(item, str):
                holder[key] = scrub_surrogates(item)
            elif isinstance(item, dict | list):
                stack.append(item)
        if isinstance(holder, dict) and any(_SURROGATES.search(k) for k in holder):
            fixed = {scrub_surrogates(k): v for k, v in holder.items()}
            holder.clear()
            holder.update(fixed)
    return value


def loads_json(text: str | bytes) -> Any:
    """``json.loads`` for untrusted documents: bounded integers, no lone surrogates.

    Raises ``ValueError`` (``json.JSONDecodeError`` is one) for anything unreadable, including
    nesting deeper than the interpreter's recursion limit.
    """
    if isinstance(text, bytes):
        text = text.decode("utf-8-sig", errors="replace")
    try:
        data = json.loads(text, parse_int=_bounded_int, parse_float=_finite_float)
    except RecursionError as exc:
        raise ValueError("JSON nested too deeply") from exc
    return _scrubbed(data)
