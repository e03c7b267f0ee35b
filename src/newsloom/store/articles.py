"""Articles, the other urls/feeds they came through, and their embedding vectors."""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any, TypeVar

import numpy as np
from sqlalchemy import Connection, Row, Select, delete, func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError

from newsloom.errors import StoreError
from newsloom.records import Article, KeptPage
from newsloom.store._errors import store_errors, upsert_dialect
from newsloom.store.schema import (
    VECTOR_MODEL,
    article_vectors,
    articles,
    raw_pages,
    sources,
    story_articles,
)
from newsloom.store.schema import article_links as links

# Large IN lists are split so neither SQLite's variable limit nor PG's planner is strained.
CHUNK = 500
Key = TypeVar("Key", int, str)


def _select_articles() -> Select[Any]:
    return select(articles, sources.c.title.label("outlet")).join(
        sources, sources.c.id == articles.c.source_id
    )


def article_from_row(row: Row[Any], *, text: str | None = None) -> Article:
    """The Article a row of ``articles`` joined with its outlet holds. ``text`` stands in for the body
    when the query left it out (brief reads for cards and lists)."""
    return Article(
        id=row.id,
        source_id=row.source_id,
        url=row.url,
        canonical_url=row.canonical_url,
        title=row.title,
        text=row.text if text is None else text,
        published=row.published,
        fetched_at=row.fetched_at,
        guid=row.guid,
        lead=row.lead,
        language=row.language,
        author=row.author,
        image=row.image,
        content_hash=row.content_hash,
        simhash=row.simhash,
        extraction_method=row.extraction_method,
        paywalled=bool(row.paywalled),
        copy_of=row.copy_of,
        outlet=row.outlet or "",
        section=row.section,
    )


def _chunks(ids: Sequence[Key]) -> list[list[Key]]:
    unique = list(dict.fromkeys(ids))
    return [unique[i : i + CHUNK] for i in range(0, len(unique), CHUNK)]


@store_errors
def find_article(
    conn: Connection,
    *,
    canonical_url: str | None = None,
    guid: str | None = None,
    source_id: int | None = None,
    content_hash: str | None = None,
) -> Article | None:
    """The article matching every key given; guid is looked up per source, links included.

    Empty strings match nothing: an empty guid or hash is "unknown", not a shared value.
    """
    if canonical_url is None and guid is None and content_hash is None:
        raise StoreError("store: find_article needs canonical_url, guid or content_hash")
    if "" in (canonical_url, guid, content_hash):
        return None
    if guid is not None and source_id is None:
        raise StoreError("store: find_article by guid needs the source_id")
    query = _select_articles()
    if canonical_url is not None:
        query = query.where(articles.c.canonical_url == canonical_url)
    if content_hash is not None:
        query = query.where(articles.c.content_hash == content_hash)
    if guid is not None:
        via_link = select(links.c.article_id).where(
            links.c.guid == guid, links.c.source_id == source_id
        )
        query = query.where(
            ((articles.c.guid == guid) & (articles.c.source_id == source_id))
            | articles.c.id.in_(via_link)
        )
    elif source_id is not None:
        query = query.where(articles.c.source_id == source_id)
    # Earliest first: with a content hash that is the original, not one of its copies.
    row = conn.execute(query.order_by(articles.c.id).limit(1)).one_or_none()
    return article_from_row(row) if row is not None else None


def _article_values(article: Article) -> dict[str, Any]:
    return {
        "canonical_url": article.canonical_url,
        "url": article.url,
        "guid": article.guid,
        "source_id": article.source_id,
        "title": article.title,
        "text": article.text,
        "lead": article.lead,
        "published": article.published,
        "fetched_at": article.fetched_at,
        "language": article.language,
        "author": article.author,
        "image": article.image,
        "content_hash": article.content_hash,
        "simhash": article.simhash,
        "extraction_method": article.extraction_method,
        "paywalled": article.paywalled,
        "copy_of": article.copy_of,
        "section": article.section,
    }


@store_errors
def insert_article(conn: Connection, article: Article) -> Article:
    """Insert and return the article with its id; StoreError if the canonical_url is taken."""
    values = _article_values(article)
    try:
        # A savepoint keeps the caller's transaction usable after a duplicate (PostgreSQL
        # would otherwise abort the whole transaction).
        with conn.begin_nested():
            new_id = conn.execute(
                articles.insert().values(values).returning(articles.c.id)
            ).scalar_one()
    except IntegrityError as exc:
        if find_article(conn, canonical_url=article.canonical_url) is not None:
            raise StoreError(
                f"store: duplicate article canonical_url {article.canonical_url}"
            ) from exc
        raise StoreError(
            f"store: cannot insert article {article.canonical_url}: {exc.orig}"
        ) from exc
    row = conn.execute(_select_articles().where(articles.c.id == new_id)).one()
    return article_from_row(row)


@store_errors
def insert_articles(conn: Connection, batch: Sequence[Article]) -> list[int] | None:
    """Insert ``batch`` with one statement and return the new ids in order; None, with nothing
    inserted, when a canonical URL is already taken (the caller then stores them one by one)."""
    if not batch:
        return []
    statement = articles.insert().returning(articles.c.id, sort_by_parameter_order=True)
    try:
        with conn.begin_nested():  # as in insert_article: a duplicate leaves the caller usable
            rows = conn.execute(statement, [_article_values(a) for a in batch]).all()
    except IntegrityError:
        return None
    return [int(row.id) for row in rows]


@store_errors
def article_refs_by_canonical_url(conn: Connection, urls: Sequence[str]) -> dict[str, int]:
    """Ids of the stored articles with these canonical URLs."""
    found: dict[str, int] = {}
    for chunk in _chunks(urls):
        query = select(articles.c.id, articles.c.canonical_url).where(
            articles.c.canonical_url.in_(chunk)
        )
        found.update({row.canonical_url: int(row.id) for row in conn.execute(query)})
    return found


@store_errors
def article_refs_by_guid(conn: Connection, guids: Sequence[str]) -> dict[tuple[str, int], int]:
    """(guid, source id) -> article id, for articles stored or linked under one of ``guids``;
    the earliest article when several match, as ``find_article`` answers."""
    found: dict[tuple[str, int], int] = {}
    for chunk in _chunks([g for g in guids if g]):
        direct = select(articles.c.guid, articles.c.source_id, articles.c.id).where(
            articles.c.guid.in_(chunk)
        )
        linked = select(links.c.guid, links.c.source_id, links.c.article_id).where(
            links.c.guid.in_(chunk)
        )
        for guid, source_id, article_id in [*conn.execute(direct), *conn.execute(linked)]:
            key = (guid, int(source_id))
            found[key] = min(found.get(key, int(article_id)), int(article_id))
    return found


@store_errors
def originals_by_content_hash(conn: Connection, hashes: Sequence[str]) -> dict[str, int]:
    """For each hash, the original of the earliest article stored with it (its ``copy_of``, or
    the article itself when it is an original)."""
    found: dict[str, int] = {}
    for chunk in _chunks([h for h in hashes if h]):
        query = (
            select(articles.c.id, articles.c.copy_of, articles.c.content_hash)
            .where(articles.c.content_hash.in_(chunk))
            .order_by(articles.c.id.desc())  # the earliest is written last and wins
        )
        for row in conn.execute(query):
            found[row.content_hash] = int(row.copy_of or row.id)
    return found


@store_errors
def linked_canonical_urls(conn: Connection, source_id: int, urls: Sequence[str]) -> set[str]:
    """Which of these canonical URLs belong to articles that ``source_id`` already links to."""
    found: set[str] = set()
    for chunk in _chunks(urls):
        query = (
            select(articles.c.canonical_url)
            .join(links, links.c.article_id == articles.c.id)
            .where(articles.c.canonical_url.in_(chunk), links.c.source_id == source_id)
        )
        found.update(row.canonical_url for row in conn.execute(query))
    return found


@store_errors
def add_article_links(conn: Connection, rows: Sequence[tuple[int, str, int, str]]) -> None:
    """``add_article_link`` for many (article_id, url, source_id, guid) with one statement."""
    if not rows:
        return
    insert = postgresql.insert if upsert_dialect(conn) == "postgresql" else sqlite.insert
    statement = insert(links).on_conflict_do_nothing(index_elements=["url", "source_id"])
    conn.execute(
        statement,
        [{"article_id": a, "url": u, "source_id": s, "guid": g} for a, u, s, g in rows],
    )


@store_errors
def add_article_link(
    conn: Connection, article_id: int, *, url: str, source_id: int, guid: str = ""
) -> None:
    """Remember that the article also came via ``url`` in feed ``source_id`` (idempotent)."""
    insert = postgresql.insert if upsert_dialect(conn) == "postgresql" else sqlite.insert
    statement = insert(links).values(article_id=article_id, url=url, source_id=source_id, guid=guid)
    conn.execute(statement.on_conflict_do_nothing(index_elements=["url", "source_id"]))


@store_errors
def article_links(conn: Connection, article_id: int) -> list[tuple[str, int]]:
    query = (
        select(links.c.url, links.c.source_id)
        .where(links.c.article_id == article_id)
        .order_by(links.c.id)
    )
    return [(r.url, r.source_id) for r in conn.execute(query)]


@store_errors
def feeds_carrying(conn: Connection, article_ids: Sequence[int]) -> dict[int, list[int]]:
    """For each article, the feeds (source ids) that carried it, in the order they first did:
    an outlet's section feed and its general feed may both list one article, stored once."""
    found: dict[int, list[int]] = {}
    for chunk in _chunks(article_ids):
        query = (
            select(links.c.article_id, links.c.source_id)
            .where(links.c.article_id.in_(chunk))
            .order_by(links.c.id)
        )
        for row in conn.execute(query):
            feeds = found.setdefault(row.article_id, [])
            if row.source_id not in feeds:
                feeds.append(row.source_id)
    return found


@store_errors
def get_articles(conn: Connection, ids: Sequence[int]) -> list[Article]:
    """Articles in the order of ``ids`` (unknown ids are skipped), with their outlet's name."""
    found: dict[int, Article] = {}
    for chunk in _chunks(ids):
        for row in conn.execute(_select_articles().where(articles.c.id.in_(chunk))):
            found[row.id] = article_from_row(row)
    return [found[i] for i in dict.fromkeys(ids) if i in found]


@store_errors
def copies_of(conn: Connection, article_id: int) -> list[Article]:
    query = _select_articles().where(articles.c.copy_of == article_id).order_by(articles.c.id)
    return [article_from_row(r) for r in conn.execute(query)]


@store_errors
def copies_of_each(conn: Connection, article_ids: Sequence[int]) -> dict[int, list[Article]]:
    """``copies_of`` of every article of ``article_ids`` that has copies, in a query per chunk."""
    found: dict[int, list[Article]] = {}
    for chunk in _chunks(list(dict.fromkeys(article_ids))):
        query = _select_articles().where(articles.c.copy_of.in_(chunk)).order_by(articles.c.id)
        for row in conn.execute(query):
            found.setdefault(row.copy_of, []).append(article_from_row(row))
    return found


@store_errors
def recent_articles(
    conn: Connection, *, since: datetime, originals_only: bool = True
) -> list[Article]:
    query = _select_articles().where(articles.c.published >= since)
    if originals_only:
        query = query.where(articles.c.copy_of.is_(None))
    query = query.order_by(articles.c.published, articles.c.id)
    return [article_from_row(r) for r in conn.execute(query)]


@store_errors
def unclustered_articles(conn: Connection) -> list[Article]:
    """Originals that belong to no story yet, oldest first (what a killed run left behind too)."""
    in_story = select(story_articles.c.article_id)
    query = (
        _select_articles()
        .where(articles.c.copy_of.is_(None), articles.c.id.not_in(in_story))
        .order_by(articles.c.published, articles.c.id)
    )
    return [article_from_row(r) for r in conn.execute(query)]


@store_errors
def simhash_rows(conn: Connection, *, since: datetime) -> list[tuple[int, int, datetime]]:
    """(article_id, simhash, published) of originals published since ``since``, in id order:
    what a near-copy index (``dedup.NearCopyIndex``) holds."""
    query = (
        select(articles.c.id, articles.c.simhash, articles.c.published)
        .where(articles.c.published >= since, articles.c.copy_of.is_(None))
        .order_by(articles.c.id)
    )
    return [(r.id, r.simhash, r.published) for r in conn.execute(query)]


@store_errors
def save_vector(
    conn: Connection, article_id: int, vector: np.ndarray, *, model: str = VECTOR_MODEL
) -> None:
    """Store (or replace) the article's embedding as float32 bytes, tagged with its model."""
    flat = np.ascontiguousarray(vector, dtype=np.float32).reshape(-1)
    values = {
        "article_id": article_id,
        "dim": int(flat.shape[0]),
        "vector": flat.tobytes(),
        "model": model,
    }
    conn.execute(_save_vector(upsert_dialect(conn)), values)


@cache
def _save_vector(dialect: str) -> Any:
    """The vector upsert, built once per dialect (a refresh runs it per new article); the values
    are bound at each execution."""
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = insert(article_vectors)
    return statement.on_conflict_do_update(
        index_elements=["article_id"],
        set_={
            "dim": statement.excluded.dim,
            "vector": statement.excluded.vector,
            "model": statement.excluded.model,
        },
    )


@store_errors
def vectors_of_other_models(conn: Connection, model: str = VECTOR_MODEL) -> dict[str, int]:
    """How many stored vectors each model other than ``model`` made (normally none)."""
    query = (
        select(article_vectors.c.model, func.count())
        .where(article_vectors.c.model != model)
        .group_by(article_vectors.c.model)
    )
    return {str(name): int(count) for name, count in conn.execute(query)}


@store_errors
def load_vectors(conn: Connection, ids: Sequence[int]) -> dict[int, np.ndarray]:
    """The stored vectors of ``ids`` (missing ones are absent from the dict)."""
    found: dict[int, np.ndarray] = {}
    for chunk in _chunks(ids):
        query = select(article_vectors).where(article_vectors.c.article_id.in_(chunk))
        for row in conn.execute(query):
            vector = np.frombuffer(bytes(row.vector), dtype=np.float32)
            if vector.shape[0] != row.dim:
                raise StoreError(f"store: vector of article {row.article_id} is corrupt")
            found[row.article_id] = vector.copy()  # writable, independent of the row buffer
    return found


@store_errors
def count_articles(conn: Connection) -> int:
    return int(conn.execute(select(func.count()).select_from(articles)).scalar_one())


@store_errors
def last_article_id(conn: Connection) -> int:
    """The highest article id stored (0 for none)."""
    return int(conn.execute(select(func.max(articles.c.id))).scalar() or 0)


@store_errors
def originals_after(
    conn: Connection, *, after: int, limit: int, lacking_model: str | None = None
) -> list[tuple[int, str, str]]:
    """(id, title, text, or the lead when there is no text) of up to ``limit`` originals with ids
    above ``after``, in id order; with ``lacking_model``, only those without a vector made by
    that model (missing, or made by another one: they cannot be compared with its vectors)."""
    query = (
        select(articles.c.id, articles.c.title, articles.c.text, articles.c.lead)
        .where(articles.c.copy_of.is_(None), articles.c.id > after)
        .order_by(articles.c.id)
        .limit(limit)
    )
    if lacking_model is not None:
        current = select(article_vectors.c.article_id).where(
            article_vectors.c.model == lacking_model
        )
        query = query.where(articles.c.id.not_in(current))
    return [(int(r.id), r.title, r.text or r.lead) for r in conn.execute(query)]


@store_errors
def replace_article_text(
    conn: Connection,
    article_id: int,
    *,
    text: str,
    content_hash: str,
    simhash: int,
    extraction_method: str,
) -> None:
    """A re-extracted text (and its fingerprints) for the article; its vector, made from the
    old text, is dropped so that the embed stage makes it again."""
    conn.execute(
        update(articles)
        .where(articles.c.id == article_id)
        .values(
            text=text,
            content_hash=content_hash,
            simhash=simhash,
            extraction_method=extraction_method,
        )
    )
    conn.execute(delete(article_vectors).where(article_vectors.c.article_id == article_id))


@dataclass(frozen=True)
class RawPage:
    """An article's page as it was fetched, for re-extraction without fetching again."""

    article_id: int
    url: str
    content_type: str
    fetched_at: datetime
    body: bytes
    truncated: bool = False


@dataclass(frozen=True)
class PageToKeep:
    """A fetched page to keep for ``article_id``, as ``save_raw_page`` takes it."""

    article_id: int
    url: str
    page: KeptPage
    content_type: str
    fetched_at: datetime


def _raw_page_values(page: PageToKeep) -> dict[str, Any]:
    return {
        "article_id": page.article_id,
        "url": page.url,
        "content_type": (page.content_type or "")[:200],
        "fetched_at": page.fetched_at,
        "size": page.page.size,
        "truncated": page.page.truncated,
        "body": page.page.compressed,
    }


@store_errors
def save_raw_pages(conn: Connection, pages: Sequence[PageToKeep]) -> None:
    """Keep each article's page body, compressed and capped; a second save replaces the first."""
    if not pages:
        return
    insert = postgresql.insert if upsert_dialect(conn) == "postgresql" else sqlite.insert
    statement = insert(raw_pages)
    replaced = {
        k: statement.excluded[k]
        for k in ("url", "content_type", "fetched_at", "size", "truncated", "body")
    }
    conn.execute(
        statement.on_conflict_do_update(index_elements=["article_id"], set_=replaced),
        [_raw_page_values(page) for page in pages],
    )


def save_raw_page(
    conn: Connection,
    article_id: int,
    *,
    url: str,
    body: bytes,
    content_type: str,
    fetched_at: datetime,
) -> None:
    """Keep the article's page body, compressed and capped; a second save replaces the first."""
    save_raw_pages(conn, [PageToKeep(article_id, url, KeptPage.of(body), content_type, fetched_at)])


@store_errors
def raw_page(conn: Connection, article_id: int) -> RawPage | None:
    """The stored page of ``article_id``, decompressed; None when none was kept."""
    row = conn.execute(select(raw_pages).where(raw_pages.c.article_id == article_id)).one_or_none()
    if row is None:
        return None
    try:
        body = zlib.decompress(bytes(row.body))
    except zlib.error as exc:
        raise StoreError(f"store: raw page of article {article_id} is corrupt: {exc}") from exc
    return RawPage(
        article_id=row.article_id,
        url=row.url,
        content_type=row.content_type,
        fetched_at=row.fetched_at,
        body=body,
        truncated=bool(row.truncated),
    )


@store_errors
def raw_page_ids(conn: Connection, *, after: int = 0, limit: int = 500) -> list[int]:
    """Ids of articles with a kept page, ascending from ``after``: for re-extraction in batches."""
    query = (
        select(raw_pages.c.article_id)
        .where(raw_pages.c.article_id > after)
        .order_by(raw_pages.c.article_id)
        .limit(limit)
    )
    return [int(r.article_id) for r in conn.execute(query)]
