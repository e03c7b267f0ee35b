"""Sources (feeds, sitemaps, pages) and their fetch history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Integer, Row, and_, case, delete, func, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite

from newsloom.errors import StoreError
from newsloom.records import Source
from newsloom.store._errors import store_errors, upsert_dialect
from newsloom.store.schema import as_utc, fetches, sources

# The last error text kept per source; a page of HTML as an error message helps nobody.
MAX_ERROR_CHARS = 2000


def _source(row: Row[Any]) -> Source:
    return Source(
        id=row.id,
        url=row.url,
        kind=row.kind,
        title=row.title,
        site_url=row.site_url,
        section=row.section,
        language=row.language,
        etag=row.etag,
        last_modified=row.last_modified,
        next_check=row.next_check,
        last_checked=row.last_checked,
        error_count=row.error_count,
        last_error=row.last_error,
        paused_at=row.paused_at,
        paused_reason=row.paused_reason,
    )


@store_errors
def add_source(conn: Connection, source: Source) -> Source:
    """Insert unless a source with this url exists; return the stored source (with its id)."""
    values = {
        "url": source.url,
        "kind": source.kind,
        "title": source.title,
        "site_url": source.site_url,
        "section": source.section,
        "language": source.language,
        "etag": source.etag,
        "last_modified": source.last_modified,
        "next_check": source.next_check,
        "last_checked": source.last_checked,
        "error_count": source.error_count,
        "last_error": source.last_error,
        "created": datetime.now(UTC),
    }
    insert = postgresql.insert if upsert_dialect(conn) == "postgresql" else sqlite.insert
    conn.execute(insert(sources).values(values).on_conflict_do_nothing(index_elements=["url"]))
    row = conn.execute(select(sources).where(sources.c.url == source.url)).one()
    return _source(row)


@store_errors
def get_source(conn: Connection, source_id: int) -> Source | None:
    row = conn.execute(select(sources).where(sources.c.id == source_id)).one_or_none()
    return _source(row) if row is not None else None


@store_errors
def list_sources(conn: Connection) -> list[Source]:
    return [_source(r) for r in conn.execute(select(sources).order_by(sources.c.id))]


@store_errors
def due_sources(conn: Connection, now: datetime) -> list[Source]:
    """Sources never checked or whose next_check has come, the most overdue first."""
    query = (
        select(sources)
        .where(_due(now))
        .order_by(sources.c.next_check.is_not(None), sources.c.next_check, sources.c.id)
    )
    return [_source(r) for r in conn.execute(query)]


def _due(now: datetime) -> Any:
    return and_(
        sources.c.paused_at.is_(None),
        or_(sources.c.next_check.is_(None), sources.c.next_check <= now),
    )


def _unleased(now: datetime) -> Any:
    return or_(sources.c.lease_until.is_(None), sources.c.lease_until <= now)


@store_errors
def claim_due_sources(
    conn: Connection,
    *,
    worker: str,
    now: datetime,
    limit: int | None,
    lease: timedelta,
) -> list[Source]:
    """Lease up to ``limit`` due sources no other worker holds to ``worker``, most overdue first.

    Call inside ``store.write()``: the lease is taken when that transaction commits. PostgreSQL
    skips rows another worker is claiming this instant (``FOR UPDATE SKIP LOCKED``), so concurrent
    claims never wait on or overlap each other; SQLite claims in its single-writer transaction.
    Recording the source's fetch (``update_source_after_fetch``) releases the lease; a killed
    worker's lease expires at ``lease_until`` and the source is claimed again.
    """
    if not worker or len(worker) > 128:
        raise StoreError("store: a worker name is 1 to 128 characters")
    query = select(sources.c.id).where(_due(now), _unleased(now))
    query = query.order_by(
        sources.c.next_check.is_not(None), sources.c.next_check, sources.c.id
    ).limit(limit)
    if conn.dialect.name == "postgresql":
        query = query.with_for_update(skip_locked=True)
    ids = list(conn.execute(query).scalars())
    if not ids:
        return []
    conn.execute(
        update(sources)
        .where(sources.c.id.in_(ids))
        .values(lease_owner=worker, lease_until=now + lease)
    )
    rows = conn.execute(select(sources).where(sources.c.id.in_(ids)))
    by_id = {row.id: _source(row) for row in rows}
    return [by_id[i] for i in ids]


@store_errors
def release_leases(conn: Connection, *, worker: str, source_ids: list[int] | None = None) -> int:
    """Give back ``worker``'s leases (all, or those on ``source_ids``) without recording a fetch,
    e.g. on shutdown before the sources were fetched; returns how many were released."""
    query = update(sources).where(sources.c.lease_owner == worker)
    if source_ids is not None:
        query = query.where(sources.c.id.in_(source_ids))
    result = conn.execute(query.values(lease_owner=None, lease_until=None))
    return int(result.rowcount)


@store_errors
def lease_owners(conn: Connection, now: datetime) -> list[str]:
    """The workers holding a lease that has not expired at ``now``."""
    query = (
        select(sources.c.lease_owner)
        .where(sources.c.lease_owner.is_not(None), sources.c.lease_until > now)
        .distinct()
        .order_by(sources.c.lease_owner)
    )
    return [str(owner) for owner in conn.execute(query).scalars()]


@dataclass(frozen=True)
class SourceHealth:
    """The sources at a glance, for /healthz and /metrics (one query over a small table)."""

    sources: int
    due: int
    failing: int  # the last fetch failed
    leased: int  # a worker holds them now
    last_checked: datetime | None  # the latest recorded fetch of any source
    paused: int = 0  # not polled until resumed (by hand, or after too many failures)


@store_errors
def source_health(conn: Connection, now: datetime) -> SourceHealth:
    def count_if(condition: Any) -> Any:
        return func.coalesce(func.sum(case((condition, 1), else_=0)), 0).cast(Integer)

    leased = sources.c.lease_until > now
    row = conn.execute(
        select(
            func.count().label("sources"),
            count_if(_due(now)).label("due"),
            count_if(sources.c.error_count > 0).label("failing"),
            count_if(leased).label("leased"),
            count_if(sources.c.paused_at.is_not(None)).label("paused"),
            func.max(sources.c.last_checked).label("last_checked"),
        )
    ).one()
    return SourceHealth(
        sources=int(row.sources),
        due=int(row.due),
        failing=int(row.failing),
        leased=int(row.leased),
        paused=int(row.paused),
        last_checked=as_utc(row.last_checked) if row.last_checked is not None else None,
    )


@store_errors
def update_source_after_fetch(
    conn: Connection,
    source_id: int,
    *,
    now: datetime,
    status: int,
    error: str | None,
    etag: str | None,
    last_modified: str | None,
    next_check: datetime,
    title: str | None = None,
    new_url: str | None = None,
    n_entries: int = 0,
    kind: str | None = None,
    pause_after: int = 0,
) -> None:
    """Record one fetch: a ``fetches`` row, validators, schedule and the error streak.

    The ``pause_after``-th failure in a row (0: never) pauses the source, with the reason.
    """
    stored = get_source(conn, source_id)
    if stored is None:
        raise StoreError(f"store: no source with id {source_id}")
    conn.execute(
        fetches.insert().values(
            source_id=source_id,
            fetched_at=now,
            status=status,
            error=error[:MAX_ERROR_CHARS] if error is not None else None,
            n_entries=n_entries,
        )
    )
    values: dict[str, Any] = {
        "etag": etag,
        "last_modified": last_modified,
        "next_check": next_check,
        "last_checked": now,
        # The refresh is recorded: whoever held the lease is done with this source.
        "lease_owner": None,
        "lease_until": None,
    }
    if error is None:
        values.update(error_count=0, last_error=None)
    else:
        values.update(error_count=sources.c.error_count + 1, last_error=error[:MAX_ERROR_CHARS])
        failures = stored.error_count + 1
        if pause_after and failures >= pause_after and stored.paused_at is None:
            values.update(
                paused_at=now,
                paused_reason=f"paused after {failures} failed fetches in a row; the last: {error}"[
                    :MAX_ERROR_CHARS
                ],
            )
    if title:
        values["title"] = title
    if kind:  # the body showed the source is a sitemap (or a site page led to its feed)
        values["kind"] = kind
    if new_url and not _url_taken(conn, new_url, source_id):
        # A permanent redirect onto a url another source already polls keeps the old url.
        values["url"] = new_url
    conn.execute(update(sources).where(sources.c.id == source_id).values(values))


def _url_taken(conn: Connection, url: str, source_id: int) -> bool:
    query = select(func.count()).where(sources.c.url == url, sources.c.id != source_id)
    return bool(conn.execute(query).scalar_one())


@store_errors
def pause_source(conn: Connection, source_id: int, *, now: datetime, reason: str) -> bool:
    """Stop polling a source until it is resumed; False if it does not exist."""
    result = conn.execute(
        update(sources)
        .where(sources.c.id == source_id)
        .values(paused_at=now, paused_reason=reason[:MAX_ERROR_CHARS])
    )
    return result.rowcount > 0


@store_errors
def resume_source(conn: Connection, source_id: int) -> bool:
    """Poll a paused source again, now, with a clean error streak; False if it does not exist."""
    result = conn.execute(
        update(sources)
        .where(sources.c.id == source_id)
        .values(paused_at=None, paused_reason=None, error_count=0, next_check=None)
    )
    return result.rowcount > 0


@store_errors
def delete_source(conn: Connection, source_id: int) -> bool:
    """Delete a source with its fetches, links and articles (cascade); False if it did not exist."""
    result = conn.execute(delete(sources).where(sources.c.id == source_id))
    return result.rowcount > 0
