"""Archive readers for ``newsloom backfill``: JSONL articles and WARC captures, streamed.

A directory is read file by file in name order (``*.jsonl``, ``*.jsonl.gz``, ``*.warc``,
``*.warc.gz``), each file front to back, so an import always sees records in the same order.
"""

from __future__ import annotations

import gzip
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from newsloom.errors import ConfigError, ParseError, unexpected
from newsloom.ingest.dates import parse_datetime
from newsloom.ingest.sanitize import checked_url, entry_guid, safe_url
from newsloom.textsafe import loads_json

log = logging.getLogger(__name__)

JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson")
WARC_SUFFIXES = (".warc", ".warc.gz")
HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(frozen=True)
class ArchiveRecord:
    """One article as an archive holds it: a captured page (``html``) and/or its plain text."""

    url: str
    fetched_at: datetime | None = None
    html: bytes = b""
    content_type: str = ""
    title: str = ""
    text: str = ""
    published: datetime | None = None
    language: str = ""
    author: str = ""
    guid: str = ""
    outlet: str = ""  # the outlet's display name
    feed_url: str = ""  # the feed it came from, when the archive says
    section: str = ""


def archive_files(path: Path) -> list[Path]:
    """The archive files under ``path`` (or ``path`` itself), in name order."""
    if path.is_file():
        return [path]
    if not path.is_dir():
        raise ConfigError(f"config: no archive at {path}")
    suffixes = JSONL_SUFFIXES + WARC_SUFFIXES
    return sorted(p for p in path.rglob("*") if p.is_file() and p.name.endswith(suffixes))


def read_archive(path: Path) -> Iterator[ArchiveRecord]:
    """Every record of every archive file; a file that breaks off (a truncated gzip stream, a
    damaged WARC record) is logged, and the files after it are still read."""
    for file in archive_files(path):
        if file.name.endswith(WARC_SUFFIXES):
            records = read_warc(file)
        elif file.name.endswith(JSONL_SUFFIXES):
            records = read_jsonl(file)
        else:
            raise ConfigError(f"config: {file} is neither JSONL nor WARC")
        try:
            yield from records
        except ConfigError:
            raise
        except Exception as exc:  # whatever the file holds is that file's error
            log.warning(unexpected("backfill", exc, str(file)), extra={"stage": "backfill"})


def _open_text(path: Path) -> IO[str]:
    if path.name.endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8", errors="replace")
    return path.open(encoding="utf-8", errors="replace")


def read_jsonl(path: Path) -> Iterator[ArchiveRecord]:
    """One JSON object per line with at least ``url``; bad lines are logged and skipped."""
    with _open_text(path) as fh:
        for number, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                record = record_from_json(loads_json(line))
            except (ValueError, ParseError) as exc:
                log.warning("%s:%d skipped: %s", path, number, exc, extra={"stage": "backfill"})
                continue
            except Exception as exc:  # whatever one line sets off is that line's error
                reason = unexpected("backfill", exc, f"{path}:{number}")
                log.warning("%s:%d skipped: %s", path, number, reason, extra={"stage": "backfill"})
                continue
            yield record


def record_from_json(item: Any) -> ArchiveRecord:
    if not isinstance(item, dict) or not isinstance(item.get("url"), str) or not item["url"]:
        raise ParseError("parse: archive line is not an object with a url")
    html = item.get("html") or ""
    return ArchiveRecord(
        url=checked_url(item["url"]),
        fetched_at=_date(item.get("fetched_at")),
        html=html.encode("utf-8") if isinstance(html, str) else b"",
        content_type="text/html; charset=utf-8" if html else "",
        title=_text(item.get("title")),
        text=_text(item.get("text")),
        published=_date(item.get("published")),
        language=_text(item.get("language")),
        author=_text(item.get("author")),
        guid=entry_guid(_text(item.get("guid") or item.get("id"))),
        outlet=_text(item.get("outlet") or item.get("source_name")),
        feed_url=safe_url(_text(item.get("feed_url") or item.get("source"))),
        section=_text(item.get("section")),
    )


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _date(value: Any) -> datetime | None:
    if not isinstance(value, str) or not value.strip():
        return None
    return parse_datetime(value)


def read_warc(path: Path) -> Iterator[ArchiveRecord]:
    """HTML ``response`` records with status 200; everything else in the WARC is skipped."""
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError as exc:
        raise ConfigError("config: reading WARC files needs warcio (pip install warcio)") from exc
    with path.open("rb") as fh:
        for record in ArchiveIterator(fh):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            if record.http_headers.get_statuscode() != "200":
                continue
            content_type = record.http_headers.get_header("Content-Type") or ""
            if not content_type.lower().startswith(HTML_TYPES):
                continue
            url = safe_url(record.rec_headers.get_header("WARC-Target-URI") or "")
            if not url:
                continue
            yield ArchiveRecord(
                url=url,
                fetched_at=_date(record.rec_headers.get_header("WARC-Date")),
                html=record.content_stream().read(),
                content_type=content_type,
            )


def utc_or(value: datetime | None, default: datetime) -> datetime:
    if value is None:
        return default
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
