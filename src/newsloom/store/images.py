"""Story pictures in the store: which article images still need fetching, the stored copies,
and each story's lead picture (from its most central article that has one)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Select, bindparam, func, select
from sqlalchemy.dialects import postgresql, sqlite

from newsloom.store._errors import store_errors, upsert_dialect
from newsloom.store.schema import articles, images, sources, story_articles

MAX_URL_CHARS = 2000  # longer image URLs are not fetched (and could not be indexed everywhere)
SIZES = ("lead", "thumb")


def image_key(url: str) -> str:
    return hashlib.sha256(url.encode("utf-8", "surrogatepass")).hexdigest()[:32]


@dataclass(frozen=True)
class LeadImage:
    """A story's picture: our copy (by key), its size, and the article it came from (credit)."""

    key: str
    width: int
    height: int
    length: int  # bytes of the lead JPEG (feed enclosures state it)
    article_url: str
    article_title: str
    outlet: str


@store_errors
def images_to_fetch(conn: Connection, limit: int) -> list[str]:
    """Image URLs of articles in stories that have no row yet, newest articles first."""
    query = (
        select(articles.c.image, func.max(articles.c.id).label("newest"))
        .join(story_articles, story_articles.c.article_id == articles.c.id)
        .outerjoin(images, images.c.url == articles.c.image)
        .where(
            articles.c.image != "",
            func.length(articles.c.image) <= MAX_URL_CHARS,
            images.c.key.is_(None),
        )
        .group_by(articles.c.image)
        .order_by(func.max(articles.c.id).desc())
        .limit(max(limit, 0))
    )
    return [row.image for row in conn.execute(query)]


@store_errors
def save_image(
    conn: Connection,
    url: str,
    *,
    status: str,
    fetched_at: datetime,
    error: str = "",
    width: int = 0,
    height: int = 0,
    lead: bytes | None = None,
    thumb: bytes | None = None,
) -> str:
    """Store the outcome for ``url`` (a second save of the same URL is ignored); its key."""
    key = image_key(url)
    insert = postgresql.insert if upsert_dialect(conn) == "postgresql" else sqlite.insert
    statement = insert(images).values(
        key=key,
        url=url,
        status=status,
        error=error[:500],
        width=width,
        height=height,
        lead=lead,
        thumb=thumb,
        fetched_at=fetched_at,
    )
    conn.execute(statement.on_conflict_do_nothing(index_elements=["key"]))
    return key


@store_errors
def image_bytes(conn: Connection, key: str, size: str) -> bytes | None:
    """The stored JPEG (``size`` "lead" or "thumb"), None when there is none."""
    if size not in SIZES:
        return None
    column = images.c.lead if size == "lead" else images.c.thumb
    row = conn.execute(
        select(column).where(images.c.key == key, images.c.status == "ok")
    ).one_or_none()
    return bytes(row[0]) if row is not None and row[0] is not None else None


_LEADS: Select[Any] = (
    select(
        story_articles.c.story_id,
        images.c.key,
        images.c.width,
        images.c.height,
        func.length(images.c.lead).label("length"),
        articles.c.url,
        articles.c.title,
        sources.c.title.label("outlet"),
    )
    .join(articles, articles.c.id == story_articles.c.article_id)
    .join(sources, sources.c.id == articles.c.source_id)
    .join(images, images.c.url == articles.c.image)
    .where(story_articles.c.story_id.in_(bindparam("ids", expanding=True)), images.c.status == "ok")
    # Most central first (similarity to the story), then the earliest article.
    .order_by(story_articles.c.similarity.desc(), articles.c.published, articles.c.id)
)


@store_errors
def lead_images(conn: Connection, story_ids: Sequence[int]) -> dict[int, LeadImage]:
    """story id -> its lead picture, for those that have one (one query)."""
    if not story_ids:
        return {}
    found: dict[int, LeadImage] = {}
    for row in conn.execute(_LEADS, {"ids": list(dict.fromkeys(story_ids))}):
        if row.story_id not in found:
            found[row.story_id] = LeadImage(
                row.key,
                row.width,
                row.height,
                int(row.length or 0),
                row.url,
                row.title or "",
                row.outlet or "",
            )
    return found
