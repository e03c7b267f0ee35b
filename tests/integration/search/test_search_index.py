"""Migrations 0004 and 0006 index existing rows, and PostgreSQL's planner uses the GIN indexes."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import Boolean, bindparam, event, text

import newsloom.store as db
from newsloom.search import search_articles, search_stories
from newsloom.settings import Settings
from newsloom.store import Store
from newsloom.store.engine import _make_engine, normalise_url
from newsloom.store.schema import UTCDateTime
from tests.integration.search.newsroom import NOW, Newsroom


def test_upgrade_to_0004_indexes_what_was_stored_before(fresh_settings: Settings) -> None:
    store = Store(_make_engine(normalise_url(fresh_settings.db_url)))
    try:
        store.migrate("0003")
        room = Newsroom(store)
        # The sources table as 0003 has it (later revisions add columns the schema module reads).
        with store.write() as conn:
            room.sources["gazette"] = conn.execute(
                text(
                    "INSERT INTO sources (url, kind, title, site_url, section, language, "
                    "error_count, created) VALUES ('https://gazette.example/feed', 'feed', "
                    "'Gazette', '', '', 'en', 0, :now) RETURNING id"
                ),
                {"now": NOW},
            ).scalar_one()
        # So is the articles table (0012 adds the section its feed item was filed under).
        with store.write() as conn:
            article = conn.execute(
                text(
                    "INSERT INTO articles (canonical_url, url, guid, source_id, title, text, lead, "
                    "published, fetched_at, language, author, image, content_hash, simhash, "
                    "extraction_method, paywalled) VALUES (:url, :url, 'g-1', :source, "
                    "'Tidal power plant approved', 'Tidal power plant approved. The turbines "
                    "spin in May.', 'The turbines spin in May.', :now, :now, '', '', '', :hash, 0, "
                    "'', :no) RETURNING id"
                ).bindparams(
                    bindparam("now", type_=UTCDateTime()), bindparam("no", type_=Boolean())
                ),
                {
                    "url": "https://gazette.example/news/1",
                    "source": room.sources["gazette"],
                    "now": NOW,
                    "hash": "1".zfill(64),
                    "no": False,
                },
            ).scalar_one()
        story = room.story(
            "Tidal plant approved", [article], bullets=("Turbines will spin by May.",)
        )
        store.migrate("head")
        with store.read() as conn:
            assert [h.story_id for h in search_stories(conn, "turbines", now=NOW)] == [story]
            assert [h.article_id for h in search_articles(conn, "tidal", now=NOW)] == [article]
        store.migrate("0003")  # the downgrade drops the index and its triggers cleanly
        with store.write() as conn:
            db.update_story(conn, story, headline="Tidal plant delayed")
        store.migrate("head")
        with store.read() as conn:
            assert [h.story_id for h in search_stories(conn, "delayed", now=NOW)] == [story]
    finally:
        store.close()


@pytest.mark.postgres
def test_postgresql_plans_use_the_gin_indexes(store: Store) -> None:
    if store.dialect != "postgresql":
        pytest.skip("PostgreSQL only")
    room = Newsroom(store)
    room.source("gazette")
    article = room.article("gazette", "Tidal power plant approved", "The turbines spin in May.")
    room.story("Tidal plant approved", [article], bullets=("Turbines will spin by May.",))
    compiled: list[list[str]] = []
    with store.read() as conn:
        # Tiny tables: make every other path dearer so the test asks "can it use the index".
        conn.execute(text("SET LOCAL enable_seqscan = off"))
        conn.execute(text("SET LOCAL enable_indexscan = off"))

        def capture(_c: object, _cur: object, statement: str, params: Any, *_: object) -> None:
            if "@@" in statement and not statement.startswith("EXPLAIN"):
                plan = conn.exec_driver_sql("EXPLAIN " + statement, params).scalars().all()
                compiled.append(list(plan))

        event.listen(conn, "before_cursor_execute", capture)
        search_stories(conn, "turbines", now=NOW)
        # (with originals_only the planner may start from ix_articles_copy_of on tiny tables)
        search_articles(conn, "tidal", originals_only=False, now=NOW)
        event.remove(conn, "before_cursor_execute", capture)
    plans = "\n".join("\n".join(p) for p in compiled)
    for index in ("ix_story_fts_document", "ix_articles_search"):
        assert index in plans, plans
