"""Raw pages kept for re-extraction: compressed, capped, replaced on a second save, deleted with
their article; on SQLite and (with NEWSLOOM_TEST_PG_URL) PostgreSQL."""

from __future__ import annotations

import zlib

import newsloom.store as db
from newsloom.records import MAX_RAW_PAGE_BYTES
from newsloom.store import Store
from newsloom.store.articles import raw_page, raw_page_ids, save_raw_page
from newsloom.store.schema import raw_pages
from tests.integration.store.conftest import (  # noqa: F401  (fixtures)
    NOW,
    MakeArticle,
    make_article,
    pg_engine,
    settings,
    source_id,
    store,
)

PAGE = (
    b"<html><head><meta charset='windows-1252'></head><body><p>Caf\xe9 owners of Gullhaven "
    b"met the harbour board.</p></body></html>"
)


def test_raw_page_round_trip_replace_and_cascade(
    store: Store,  # noqa: F811
    source_id: int,  # noqa: F811
    make_article: MakeArticle,  # noqa: F811
) -> None:
    with store.write() as conn:
        first = db.insert_article(conn, make_article(source_id))
        second = db.insert_article(conn, make_article(source_id))
        assert first.id is not None and second.id is not None
        save_raw_page(
            conn,
            first.id,
            url="https://gazette.example/news/1",
            body=PAGE * 50,
            content_type="text/html; charset=windows-1252",
            fetched_at=NOW,
        )
        save_raw_page(
            conn, second.id, url="u", body=b"old", content_type="text/html", fetched_at=NOW
        )
        save_raw_page(
            conn, second.id, url="u2", body=b"<p>new</p>", content_type="", fetched_at=NOW
        )
    with store.read() as conn:
        kept = raw_page(conn, first.id)
        replaced = raw_page(conn, second.id)
        stored_size = conn.execute(raw_pages.select()).all()
        assert raw_page_ids(conn) == [first.id, second.id]
        assert raw_page_ids(conn, after=first.id, limit=5) == [second.id]
    assert kept is not None and kept.body == PAGE * 50  # bytes as fetched, charset intact
    assert kept.content_type == "text/html; charset=windows-1252" and kept.fetched_at == NOW
    assert not kept.truncated
    assert min(len(bytes(r.body)) for r in stored_size) < len(PAGE)  # compressed
    assert replaced is not None and replaced.body == b"<p>new</p>" and replaced.url == "u2"
    with store.write() as conn:
        db.delete_source(conn, source_id)
    with store.read() as conn:
        assert raw_page(conn, first.id) is None and raw_page_ids(conn) == []


def test_huge_page_is_capped_and_marked_truncated(
    store: Store,  # noqa: F811
    source_id: int,  # noqa: F811
    make_article: MakeArticle,  # noqa: F811
) -> None:
    with store.write() as conn:
        article = db.insert_article(conn, make_article(source_id))
        assert article.id is not None
        body = b"<p>" + b"harbour " * (MAX_RAW_PAGE_BYTES // 4)
        save_raw_page(
            conn, article.id, url="u", body=body, content_type="text/html", fetched_at=NOW
        )
    with store.read() as conn:
        kept = raw_page(conn, article.id)
    assert kept is not None and kept.truncated and len(kept.body) == MAX_RAW_PAGE_BYTES


def test_page_kept_before_the_faster_compression_reads_back_alike(
    store: Store,  # noqa: F811
    source_id: int,  # noqa: F811
    make_article: MakeArticle,  # noqa: F811
) -> None:
    """Rows written when pages were compressed at zlib level 6 sit beside rows at level 1: both
    come back as the bytes fetched, and both are stored compressed."""
    page = PAGE * 200
    with store.write() as conn:
        old = db.insert_article(conn, make_article(source_id))
        new = db.insert_article(conn, make_article(source_id))
        assert old.id is not None and new.id is not None
        for article_id in (old.id, new.id):
            save_raw_page(
                conn, article_id, url="u", body=page, content_type="text/html", fetched_at=NOW
            )
        conn.execute(
            raw_pages.update()
            .where(raw_pages.c.article_id == old.id)
            .values(body=zlib.compress(page, 6))
        )
    with store.read() as conn:
        kept = [raw_page(conn, article_id) for article_id in (old.id, new.id)]
        stored = [bytes(row.body) for row in conn.execute(raw_pages.select())]
    assert [k.body if k else None for k in kept] == [page, page]
    assert max(len(body) for body in stored) < len(page) // 10
