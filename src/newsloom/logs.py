"""Logging setup: one line per event, as JSON with fixed keys or as plain text.

Call sites pass ids through ``extra``: ``log.info("stored", extra={"stage": "backfill",
"article_id": 12})``. Every JSON line carries every key (null when unknown), so log pipelines can
rely on the shape.
"""

from __future__ import annotations

import json as jsonlib
import logging
import sys
from datetime import UTC, datetime
from typing import Any, TextIO

from newsloom.settings import Settings

FIXED_KEYS = ("ts", "level", "stage", "msg", "source_id", "article_id", "story_id")
ID_KEYS = ("source_id", "article_id", "story_id")
TEXT_FORMAT = "%(asctime)s %(levelname)s %(stage)s: %(message)s"


class JsonFormatter(logging.Formatter):
    """``{"ts", "level", "stage", "msg", "source_id", "article_id", "story_id"}`` per record."""

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "stage": _stage(record),
            "msg": record.getMessage(),
        }
        for key in ID_KEYS:
            value = getattr(record, key, None)
            line[key] = int(value) if isinstance(value, int) else value
        if record.exc_info:
            line["error"] = self.formatException(record.exc_info)
        return jsonlib.dumps(line, ensure_ascii=False, default=str)


class _StageDefault(logging.Filter):
    """Text lines name the stage too: from ``extra`` or else the logger's last name part."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.stage = _stage(record)
        return True


def _stage(record: logging.LogRecord) -> str:
    stage = getattr(record, "stage", None)
    if stage:
        return str(stage)
    return record.name.rsplit(".", 1)[-1]


def configure_logging(
    settings: Settings,
    json: bool = False,
    *,
    level: int = logging.INFO,
    stream: TextIO | None = None,
) -> logging.Handler:
    """Route the ``newsloom`` loggers to ``stream`` (stderr) in the chosen format; idempotent.

    ``settings`` is taken so that deployments can later choose sinks from it; the format is the
    caller's (the CLI's ``--log-format``) choice.
    """
    del settings  # nothing in Settings configures logging yet
    handler = logging.StreamHandler(stream or sys.stderr)
    if json:
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(logging.Formatter(TEXT_FORMAT))
        handler.addFilter(_StageDefault())
    root = logging.getLogger("newsloom")
    for old in [h for h in root.handlers if getattr(h, "_newsloom", False)]:
        root.removeHandler(old)
    handler._newsloom = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
    root.propagate = False
    return handler
