"""The Google Reader protocol's identifiers: item ids, stream ids and timestamps.

Item ids come in two forms: long (``tag:google.com,2005:reader/item/`` and 16 hex digits, the id
as an unsigned 64-bit number) and short (the same number in decimal). Stream ids name the reading
list, the read and starred states, one subscription (``feed/<id>``) or a folder
(``user/-/label/<name>``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

LONG_PREFIX = "tag:google.com,2005:reader/item/"
MAX_ITEM_ID = 2**63 - 1  # our story ids are signed 64-bit at most
STATE = "state/com.google/"
StreamKind = Literal["reading-list", "read", "starred", "kept-unread", "feed", "label"]


class BadId(ValueError):
    """An id or stream the protocol does not know: the request's fault (400)."""


@dataclass(frozen=True)
class Stream:
    kind: StreamKind
    value: str = ""  # the subscription's id for "feed", the folder's name for "label"


def long_item_id(story_id: int) -> str:
    return f"{LONG_PREFIX}{story_id:016x}"


def parse_item_id(raw: str) -> int:
    """A story id from either form."""
    text = raw.strip()
    try:
        if text.startswith(LONG_PREFIX):
            hexa = text[len(LONG_PREFIX) :]
            if not 1 <= len(hexa) <= 16:
                raise BadId(f"not an item id: {raw[:80]!r}")
            value = int(hexa, 16)
        else:
            if not text.isdigit() or len(text) > 20:
                raise BadId(f"not an item id: {raw[:80]!r}")
            value = int(text)
    except ValueError as exc:
        raise BadId(f"not an item id: {raw[:80]!r}") from exc
    if not 1 <= value <= MAX_ITEM_ID:
        raise BadId(f"no item has id {raw[:80]!r}")
    return value


def parse_stream(raw: str) -> Stream:
    """``user/-/state/com.google/reading-list``, ``feed/12``, ``user/-/label/Science``..."""
    text = raw.strip()
    if text.startswith("feed/"):
        return Stream("feed", text[len("feed/") :])
    parts = text.split("/", 2)
    if len(parts) == 3 and parts[0] == "user":
        tail = parts[2]
        if tail.startswith(STATE):
            state = tail[len(STATE) :]
            if state in ("reading-list", "read", "starred", "kept-unread"):
                return Stream(state)  # type: ignore[arg-type]
        if tail.startswith("label/") and len(tail) > len("label/"):
            return Stream("label", tail[len("label/") :])
    raise BadId(f"unknown stream {raw[:80]!r}")


def parse_time(raw: str) -> datetime:
    """A Unix time in seconds, or (as clients send for ``ts``) milli- or microseconds."""
    text = raw.strip()
    if not text.isdigit() or len(text) > 20:
        raise BadId(f"not a timestamp: {raw[:40]!r}")
    value = int(text)
    if value >= 10**14:  # microseconds (ts of mark-all-as-read)
        value //= 1_000_000
    elif value >= 10**11:  # milliseconds
        value //= 1000
    try:
        return datetime.fromtimestamp(min(value, 253_402_300_799), tz=UTC)  # at most year 9999
    except (OverflowError, OSError, ValueError) as exc:
        raise BadId(f"not a timestamp: {raw[:40]!r}") from exc


def usec(moment: datetime) -> str:
    return str(int(moment.timestamp() * 1_000_000))
