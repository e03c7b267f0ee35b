"""Versioned story summaries; cited statements are stored as JSON {"text", "article_ids"}."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Row, func, select

from newsloom.errors import StoreError
from newsloom.records import Cited, Summary
from newsloom.store._errors import store_errors
from newsloom.store.schema import summaries

JSONCited = dict[str, Any]


def cited_to_json(items: Sequence[Cited]) -> list[JSONCited]:
    return [{"text": c.text, "article_ids": [int(i) for i in c.article_ids]} for c in items]


def cited_from_json(items: Sequence[JSONCited] | None) -> tuple[Cited, ...]:
    try:
        return tuple(
            Cited(text=str(c["text"]), article_ids=tuple(int(i) for i in c["article_ids"]))
            for c in items or ()
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise StoreError(f"store: malformed cited statement in a summary: {exc}") from exc


def _summary(row: Row[Any]) -> Summary:
    return Summary(
        story_id=row.story_id,
        version=row.version,
        headline=row.headline,
        bullets=cited_from_json(row.bullets),
        paragraphs=tuple(cited_from_json(p) for p in row.paragraphs or ()),
        takeaways=cited_from_json(row.takeaways),
        created=row.created,
        whats_new=cited_from_json(row.whats_new),
        method=row.method,
        article_ids=tuple(int(i) for i in row.article_ids or ()),
    )


@store_errors
def save_summary(conn: Connection, summary: Summary) -> int:
    """Store as the story's next version (the record's own version is ignored); return it."""
    previous = conn.execute(
        select(func.max(summaries.c.version)).where(summaries.c.story_id == summary.story_id)
    ).scalar_one()
    version = (previous or 0) + 1
    conn.execute(
        summaries.insert().values(
            story_id=summary.story_id,
            version=version,
            headline=summary.headline,
            bullets=cited_to_json(summary.bullets),
            paragraphs=[cited_to_json(p) for p in summary.paragraphs],
            takeaways=cited_to_json(summary.takeaways),
            whats_new=cited_to_json(summary.whats_new),
            method=summary.method,
            article_ids=[int(i) for i in summary.article_ids],
            created=summary.created,
        )
    )
    return version


@store_errors
def latest_summary(conn: Connection, story_id: int) -> Summary | None:
    query = (
        select(summaries)
        .where(summaries.c.story_id == story_id)
        .order_by(summaries.c.version.desc())
        .limit(1)
    )
    row = conn.execute(query).one_or_none()
    return _summary(row) if row is not None else None


@store_errors
def summary_versions(conn: Connection, story_id: int) -> list[Summary]:
    """Every version of the story's summary, oldest first."""
    query = select(summaries).where(summaries.c.story_id == story_id).order_by(summaries.c.version)
    return [_summary(r) for r in conn.execute(query)]
