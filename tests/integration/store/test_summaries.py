"""Summaries are versioned; every cited statement survives the JSON round trip."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import newsloom.store as db
from newsloom.records import Category, Cited, Summary
from newsloom.store import Store

NOW = datetime(2026, 3, 14, 12, 0, tzinfo=UTC)


def _summary(story_id: int, headline: str, created: datetime) -> Summary:
    return Summary(
        story_id=story_id,
        version=0,
        headline=headline,
        bullets=(
            Cited("Ferries sail again from May.", (3, 1)),
            Cited("Fares stay at 4 crowns.", (2,)),
        ),
        paragraphs=(
            (Cited("The council voted 7 to 2.", (1,)), Cited("Opponents cited costs.", (2, 3))),
            (Cited("Service starts on 2 May — “weather permitting”.", (3,)),),
        ),
        takeaways=(Cited("Gullhaven reconnects to the mainland.", (1, 2, 3)),),
        created=created,
        whats_new=(Cited("A second operator bid.", (3,)),) if headline != "first" else (),
        method="extractive",
        article_ids=(1, 2, 3),
    )


def test_each_save_is_the_next_version_and_the_latest_wins(store: Store) -> None:
    with store.write() as conn:
        story_id = db.create_story(conn, first_seen=NOW)
        other = db.create_story(conn, first_seen=NOW)
        versions = [
            db.save_summary(conn, _summary(story_id, name, NOW + timedelta(minutes=i)))
            for i, name in enumerate(["first", "second", "third"])
        ]
        other_version = db.save_summary(conn, _summary(other, "first", NOW))
    assert versions == [1, 2, 3]
    assert other_version == 1
    with store.read() as conn:
        latest = db.latest_summary(conn, story_id)
        history = db.summary_versions(conn, story_id)
        assert db.latest_summary(conn, other + 1) is None
        assert db.summary_versions(conn, other + 1) == []
    assert latest is not None and (latest.version, latest.headline) == (3, "third")
    assert [(s.version, s.headline) for s in history] == [(1, "first"), (2, "second"), (3, "third")]


def test_cited_statements_round_trip_exactly(store: Store) -> None:
    created = datetime(2026, 3, 14, 14, 30, tzinfo=timezone(timedelta(hours=2)))
    with store.write() as conn:
        story_id = db.create_story(conn, first_seen=NOW)
        written = _summary(story_id, "second", created)
        version = db.save_summary(conn, written)
    with store.read() as conn:
        read = db.latest_summary(conn, story_id)
    assert read == Summary(**{**written.__dict__, "version": version})
    assert read is not None and read.created.tzinfo == UTC
    assert read.created == NOW + timedelta(minutes=30)


def test_ensure_categories_twice_upserts_by_slug(store: Store) -> None:
    with store.write() as conn:
        db.ensure_categories(
            conn, [Category("world", "World"), Category("science", "Science", "Research")]
        )
        db.ensure_categories(conn, [Category("world", "World news", "Elsewhere"), *[]])
        db.ensure_categories(conn, [])
    with store.read() as conn:
        assert db.list_categories(conn) == [
            Category("science", "Science", "Research"),
            Category("world", "World news", "Elsewhere"),
        ]
        assert db.get_category(conn, "science") == Category("science", "Science", "Research")
        assert db.get_category(conn, "sport") is None
