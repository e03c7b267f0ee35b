"""Versioned story summaries; cited statements are stored as JSON {"text", "article_ids"}."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Row, func, select
from sqlalchemy.dialects import postgresql, sqlite

from newsloom.errors import StoreError
from newsloom.records import Cited, Summary
from newsloom.store._errors import store_errors, upsert_dialect
from newsloom.store.schema import llm_attempts, stories, summaries

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


# -- the LLM rewrite queue ------------------------------------------------------------------


def articles_key(article_ids: Sequence[int]) -> str:
    """The identity of an article set: a story is sent to the LLM once per set."""
    joined = ",".join(str(i) for i in sorted(set(article_ids)))
    return hashlib.sha256(joined.encode("ascii")).hexdigest()


@store_errors
def stories_awaiting_llm(conn: Connection, limit: int, scan: int = 2000) -> list[int]:
    """Live stories, most important first, whose latest summary is extractive and whose article
    set has not been sent to the LLM yet (a used or a refused reply both count as sent)."""
    latest = (
        select(summaries.c.story_id, func.max(summaries.c.version).label("version"))
        .group_by(summaries.c.story_id)
        .subquery()
    )
    query = (
        select(stories.c.id, summaries.c.article_ids, llm_attempts.c.articles_key)
        .join(latest, latest.c.story_id == stories.c.id)
        .join(
            summaries,
            (summaries.c.story_id == latest.c.story_id) & (summaries.c.version == latest.c.version),
        )
        .join(llm_attempts, llm_attempts.c.story_id == stories.c.id, isouter=True)
        .where(stories.c.merged_into.is_(None), summaries.c.method != "llm")
        .order_by(stories.c.importance.desc(), stories.c.id.desc())
        .limit(scan)
    )
    waiting = [
        row.id
        for row in conn.execute(query)
        if row.article_ids and articles_key(row.article_ids) != row.articles_key
    ]
    return waiting[:limit]


@store_errors
def record_llm_attempt(
    conn: Connection,
    story_id: int,
    *,
    key: str,
    outcome: str,
    reason: str | None,
    seconds: float,
    at: datetime,
) -> None:
    """Remember the article set ``story_id`` was sent with, and how that went."""
    values = {
        "story_id": story_id,
        "articles_key": key,
        "outcome": outcome,
        "reason": (reason or "")[:2000] or None,
        "seconds": seconds,
        "attempted_at": at,
    }
    insert = postgresql.insert if upsert_dialect(conn) == "postgresql" else sqlite.insert
    statement = insert(llm_attempts).values(values)
    conn.execute(
        statement.on_conflict_do_update(
            index_elements=["story_id"],
            set_={k: statement.excluded[k] for k in values if k != "story_id"},
        )
    )
