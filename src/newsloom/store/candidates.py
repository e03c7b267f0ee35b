"""Storing built articles, deduplicated: one write path for live ingest and backfill.

Identity precedence (see ``newsloom.dedup``): same canonical URL, else same guid from the same source,
else the same text (content hash or near-identical SimHash) makes it a copy of the earliest article.
A batch is stored with a few set-wise queries and one insert per table; ``store_candidate`` is a
batch of one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import timedelta
from typing import Literal

from sqlalchemy import Connection

from newsloom.dedup import NearCopyIndex, canonical_url, long_enough_for_near_copy
from newsloom.errors import StoreError
from newsloom.records import Article, Candidate, FeedEntry, Source
from newsloom.store.articles import (
    PageToKeep,
    add_article_links,
    article_refs_by_canonical_url,
    article_refs_by_guid,
    insert_articles,
    linked_canonical_urls,
    originals_by_content_hash,
    save_raw_pages,
    simhash_rows,
)

COPY_LOOKBACK = timedelta(days=7)
# Articles of a batch are referred to by PENDING + position until inserted: above any stored id,
# so ties between near copies still go to the earlier article.
PENDING = 1 << 62

StoredAs = Literal["new", "copy", "known"]


def store_candidate(
    conn: Connection, candidate: Candidate, index: NearCopyIndex | None = None
) -> StoredAs:
    """Insert ``candidate`` unless it is already known; mark copies. Idempotent.

    ``index`` (one per write phase) makes the near-copy search constant time instead of a scan.
    """
    return store_candidates(conn, [candidate], index or NearCopyIndex())[0]


def store_candidates(
    conn: Connection, candidates: Sequence[Candidate], index: NearCopyIndex
) -> list[StoredAs]:
    """Store each of ``candidates`` in order: a known canonical URL or guid becomes a link, the
    same or nearly the same text as an original (in the store or earlier in the batch) a copy."""
    if not candidates:
        return []
    by_url = article_refs_by_canonical_url(conn, [c.article.canonical_url for c in candidates])
    by_guid = article_refs_by_guid(conn, [c.guid for c in candidates])
    by_hash = originals_by_content_hash(conn, [c.article.content_hash for c in candidates])
    in_batch = NearCopyIndex()  # this batch's originals, by their pending references
    kinds: list[StoredAs] = []
    refs: list[int] = []  # the article each candidate is stored as or linked to
    new: dict[int, Article] = {}  # pending reference -> article to insert, copy_of maybe pending
    for position, candidate in enumerate(candidates):
        article = candidate.article
        known = by_url.get(article.canonical_url)
        if known is None and candidate.guid:
            known = by_guid.get((candidate.guid, article.source_id))
        if known is None:
            known = PENDING + position
            original = _original(conn, article, by_hash, index, in_batch)
            new[known] = replace(article, copy_of=original)
            by_url[article.canonical_url] = known
            if article.content_hash:
                by_hash.setdefault(article.content_hash, known if original is None else original)
                if original is None:
                    in_batch.add(known, article.simhash, article.published)
            kinds.append("new" if original is None else "copy")
        else:
            kinds.append("known")
        if candidate.guid:
            by_guid.setdefault((candidate.guid, article.source_id), known)
        refs.append(known)
    ids = _insert_new(conn, new)
    if ids is None:
        return _one_by_one(conn, candidates, index)
    for ref, article in new.items():
        if article.copy_of is None and article.content_hash:
            index.add(ids[ref], article.simhash, article.published)
    save_raw_pages(
        conn,
        [
            PageToKeep(ids[ref], c.page_url, c.page, c.page_type, c.article.fetched_at)
            for ref, c, kind in zip(refs, candidates, kinds, strict=True)
            if kind != "known" and c.page is not None
        ],
    )
    add_article_links(
        conn,
        [
            (ids.get(ref, ref), c.entry_url or c.article.url, c.article.source_id, c.guid)
            for ref, c in zip(refs, candidates, strict=True)
        ],
    )
    return kinds


def _one_by_one(
    conn: Connection, candidates: Sequence[Candidate], index: NearCopyIndex
) -> list[StoredAs]:
    """After a failed insert (another writer took a canonical URL after this batch read them):
    each candidate alone, reading again; one that still cannot be inserted is an error."""
    if len(candidates) > 1:
        return [kind for c in candidates for kind in store_candidates(conn, [c], index)]
    article = candidates[0].article
    if article_refs_by_canonical_url(conn, [article.canonical_url]):
        # Taken since the read above: stored now as the known article it has become.
        return store_candidates(conn, candidates, index)
    raise StoreError(f"store: cannot insert article {article.canonical_url}")


def find_original(
    conn: Connection, article: Article, index: NearCopyIndex | None = None
) -> int | None:
    """The id of the earliest stored article with the same or nearly the same text, if any."""
    by_hash = originals_by_content_hash(conn, [article.content_hash])
    return _original(conn, article, by_hash, index or NearCopyIndex(), NearCopyIndex())


def _original(
    conn: Connection,
    article: Article,
    by_hash: dict[str, int],
    index: NearCopyIndex,
    in_batch: NearCopyIndex,
) -> int | None:
    """The original ``article`` copies: the same content hash (``by_hash``), else the nearest
    SimHash within COPY_LOOKBACK in the store (``index``) or this batch (``in_batch``)."""
    if not article.content_hash:
        return None
    same = by_hash.get(article.content_hash)
    if same is not None:
        return same
    if not long_enough_for_near_copy(article.text):
        return None
    since = article.published - COPY_LOOKBACK
    index.cover(since, lambda start: simhash_rows(conn, since=start))
    found = [
        best
        for best in (
            index.closest(article.simhash, since),
            in_batch.closest(article.simhash, since),
        )
        if best is not None
    ]
    return min(found)[1] if found else None


def _insert_new(conn: Connection, new: dict[int, Article]) -> dict[int, int] | None:
    """Insert a batch's new articles, originals first so that copies can point at them; pending
    reference -> id, or None (nothing inserted) when a canonical URL is already taken."""
    originals = [ref for ref, article in new.items() if article.copy_of is None]
    copies = [ref for ref, article in new.items() if article.copy_of is not None]
    with conn.begin_nested() as savepoint:
        first = insert_articles(conn, [new[ref] for ref in originals])
        ids = dict(zip(originals, first or [], strict=True))
        pointed = [
            replace(new[r], copy_of=ids.get(new[r].copy_of or 0, new[r].copy_of)) for r in copies
        ]
        second = insert_articles(conn, pointed) if first is not None else None
        if first is None or second is None:
            savepoint.rollback()
            return None
        ids.update(zip(copies, second, strict=True))
    return ids


def unseen_entries(
    conn: Connection, source: Source, entries: Sequence[FeedEntry]
) -> list[FeedEntry]:
    """The entries not yet stored through this very source (one query per key, not per entry).

    An entry whose article is known only through another feed is unseen: storing it again
    records the extra link (one article, several feeds) without fetching its page twice.
    """
    assert source.id is not None
    by_guid = article_refs_by_guid(conn, [e.guid for e in entries])
    canonical = {e.url: canonical_url(e.url) for e in entries if e.url}
    linked = linked_canonical_urls(conn, source.id, list(canonical.values()))
    return [
        e
        for e in entries
        if not (e.guid and (e.guid, source.id) in by_guid)
        and not (e.url and canonical[e.url] in linked)
    ]
