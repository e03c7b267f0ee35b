"""store_candidates (one batch, set-wise) stores exactly what store_candidate does one by one:
known URLs and guids become links, equal and near-equal texts become copies of the earliest
original, in the batch or in the store; on SQLite and (with NEWSLOOM_TEST_PG_URL) PostgreSQL."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select

import newsloom.store as db
from newsloom.dedup import NearCopyIndex, content_hash, simhash
from newsloom.records import Article, Candidate, FeedEntry, KeptPage, Source
from newsloom.settings import Settings
from newsloom.store import Store
from newsloom.store.candidates import StoredAs, store_candidate, store_candidates, unseen_entries
from newsloom.store.schema import article_links, articles, raw_pages
from tests.integration.store.conftest import (  # noqa: F401  (fixtures)
    NOW,
    empty_postgres,
    pg_engine,
    settings,
)

WIRE = " ".join(
    f"The harbour board of Quillhaven met on day {i} to discuss the ferry ramp repairs and the "
    "cost of new iron rings."
    for i in range(12)
)
OTHER = " ".join(
    f"Saltmere's orchard growers reported on week {i} that the late frost spared most of the "
    "pear blossom this spring."
    for i in range(12)
)


def _article(n: int, source_id: int, text: str, **fields: Any) -> Article:
    base = Article(
        source_id=source_id,
        url=f"https://outlet{source_id}.example/news/{n}",
        canonical_url=f"https://outlet{source_id}.example/news/{n}",
        title=f"Story {n}",
        text=text,
        published=NOW - timedelta(hours=100 - n),
        fetched_at=NOW,
        guid=f"guid-{n}",
        content_hash=content_hash(text),
        simhash=simhash(text),
    )
    return replace(base, **fields)


def _candidate(article: Article, page: bytes = b"") -> Candidate:
    return Candidate(
        article=article,
        entry_url=article.url,
        guid=article.guid,
        page=KeptPage.of(page) if page else None,
        page_url=article.url if page else "",
        page_type="text/html" if page else "",
    )


def _scenario(one: int, two: int) -> tuple[list[Candidate], list[Candidate]]:
    """(stored beforehand, the batch): every way an incoming article can meet the others."""
    before = [_candidate(_article(1, one, OTHER + " Earlier."))]
    a = _article(2, one, WIRE)
    batch = [
        _candidate(a, b"<html>page of a</html>"),
        # the same article through another feed: a link
        _candidate(replace(a, source_id=two, url="https://outlet2.example/a?ref=feed", guid="x")),
        # the same guid from the same feed under a new URL: a link
        _candidate(_article(3, one, "Updated text of the story.", guid=a.guid)),
        # the same text elsewhere: a copy; and a near-identical text: a copy too
        _candidate(_article(4, two, WIRE), b"<html>page of the copy</html>"),
        _candidate(_article(5, two, WIRE + " One more closing remark.")),
        # a copy of the article stored before this batch
        _candidate(_article(6, two, OTHER + " Earlier.")),
        # an article stored before, met again by URL
        _candidate(replace(before[0].article, guid="other-guid", url=before[0].article.url + "#x")),
        _candidate(_article(7, two, "A short unrelated note about the lighthouse.")),
    ]
    return before, batch


def _run(db_settings: Settings, batched: bool) -> tuple[list[StoredAs], dict[str, Any]]:
    store = Store.open(db_settings)
    try:
        with store.write() as conn:
            one, two = (
                db.add_source(conn, Source(url=f"https://outlet{n}.example/feed")).id
                for n in (1, 2)
            )
        assert one is not None and two is not None
        before, batch = _scenario(one, two)
        index = NearCopyIndex()
        with store.write() as conn:
            for candidate in before:
                store_candidate(conn, candidate, index)
        with store.write() as conn:
            if batched:
                kinds = store_candidates(conn, batch, index)
            else:
                kinds = [store_candidate(conn, c, index) for c in batch]
        with store.read() as conn:
            url_of = {r.id: r.canonical_url for r in conn.execute(select(articles))}
            stored = {
                r.canonical_url: (r.url, r.guid, r.source_id, r.content_hash, url_of.get(r.copy_of))
                for r in conn.execute(select(articles))
            }
            links = {
                (url_of[r.article_id], r.url, r.source_id, r.guid)
                for r in conn.execute(select(article_links))
            }
            pages = {(url_of[r.article_id], r.url, r.size) for r in conn.execute(select(raw_pages))}
            unseen = unseen_entries(
                conn,
                Source(url="https://outlet2.example/feed", id=two),
                [
                    FeedEntry(url=c.article.url, guid=c.guid)
                    for c in [*batch, _candidate(_article(9, two, "Never stored."))]
                ],
            )
        return kinds, {
            "articles": stored,
            "links": links,
            "pages": pages,
            "unseen": [e.url for e in unseen],
        }
    finally:
        store.close()


def test_a_batch_is_stored_as_one_by_one(
    settings: Settings,  # noqa: F811
    request: pytest.FixtureRequest,
) -> None:
    batch_kinds, batch_state = _run(settings, batched=True)
    if settings.database_url.startswith("postgresql"):
        empty_postgres(request.getfixturevalue("pg_engine"))
    else:
        settings = settings.model_copy(update={"data_dir": settings.data_dir / "one-by-one"})
    single_kinds, single_state = _run(settings, batched=False)
    assert batch_kinds == single_kinds
    assert batch_kinds == ["new", "known", "known", "copy", "copy", "copy", "known", "new"]
    assert batch_state == single_state
    copies = [v[4] for v in batch_state["articles"].values() if v[4]]
    assert copies == ["https://outlet1.example/news/2"] * 2 + ["https://outlet1.example/news/1"]
    # The second feed's entries it already links to (by guid or URL) are not fetched again.
    assert batch_state["unseen"] == [
        "https://outlet1.example/news/3",
        "https://outlet1.example/news/1#x",
        "https://outlet2.example/news/9",
    ]
