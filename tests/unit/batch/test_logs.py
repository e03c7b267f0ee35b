from __future__ import annotations

import io
import json
import logging

from newsloom.logs import FIXED_KEYS, configure_logging
from newsloom.settings import Settings


def test_json_lines_carry_every_fixed_key() -> None:
    stream = io.StringIO()
    configure_logging(Settings(), json=True, stream=stream)
    logging.getLogger("newsloom.batch.backfill").info(
        "stored %d", 3, extra={"stage": "backfill", "article_id": 12}
    )
    logging.getLogger("newsloom.pipeline.refresh").warning("slow feed", extra={"source_id": 4})
    first, second = (json.loads(line) for line in stream.getvalue().splitlines())
    assert tuple(first) == FIXED_KEYS
    assert (first["stage"], first["msg"], first["article_id"], first["story_id"]) == (
        "backfill",
        "stored 3",
        12,
        None,
    )
    assert (second["level"], second["stage"], second["source_id"]) == ("warning", "refresh", 4)


def test_text_format_and_reconfiguring_replaces_the_handler() -> None:
    stream = io.StringIO()
    configure_logging(Settings(), json=True, stream=io.StringIO())
    configure_logging(Settings(), json=False, stream=stream)
    logging.getLogger("newsloom.batch.reprocess").info("done")
    assert stream.getvalue().rstrip().endswith("INFO reprocess: done")
    handlers = [h for h in logging.getLogger("newsloom").handlers if getattr(h, "_newsloom", 0)]
    assert len(handlers) == 1
