"""Per-process caches: repeat story requests cost a stamp read, and a changed story is re-rendered."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import newsloom.store as db
from newsloom.records import Cited, Summary
from newsloom.web.cache import CatalogCache, ResponseCache, TimedValue
from tests.unit.web.conftest import NOW, Newsroom, _article, build_newsroom


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def _canonical(room: Newsroom, story_id: int) -> str:
    return room.client.get(f"/story/{story_id}").url.path


def test_repeat_story_page_and_api_story_come_from_the_cache_with_etags(tmp_path: Path) -> None:
    room = build_newsroom(tmp_path)
    cache: ResponseCache = room.client.app.state.response_cache  # type: ignore[attr-defined]
    for path in (_canonical(room, room.moon), f"/api/stories/{room.moon}"):
        first = room.client.get(path)
        hits = cache.hits
        again = room.client.get(path)
        assert again.status_code == 200 and again.content == first.content
        assert cache.hits == hits + 1
        etag = again.headers["etag"]
        assert etag == first.headers["etag"]
        revalidated = room.client.get(path, headers={"If-None-Match": etag})
        assert revalidated.status_code == 304 and revalidated.content == b""
    room.store.close()


def test_a_changed_story_is_never_served_from_the_cache(tmp_path: Path) -> None:
    room = build_newsroom(tmp_path)
    path = _canonical(room, room.moon)
    api = f"/api/stories/{room.moon}"
    for cached in (path, api):  # both cached before the story changes
        assert "Tides turn on the far side" not in room.client.get(cached).text
    with room.store.write() as conn:
        previous = db.latest_summary(conn, room.moon)
        assert previous is not None
        bullet = Cited("Tides turn on the far side.", previous.bullets[0].article_ids)
        db.save_summary(conn, replace(previous, bullets=(bullet, *previous.bullets[1:])))
    assert "Tides turn on the far side." in room.client.get(path).text
    assert "Tides turn on the far side." in room.client.get(api).text
    # A new copy of a member article is listed at once ("Also published by").
    with room.store.write() as conn:
        copied = _article(
            db.list_sources(conn)[1].id or 0,
            "courier/moon-base-again",
            "Moon base plans unveiled",
            NOW - timedelta(minutes=30),
            copy_of=room.articles["gazette"],
        )
        db.insert_article(conn, copied)
    assert (
        room.client.get(api).json()["articles"][0]["copies"][-1]["url"].endswith("moon-base-again")
    )
    # Merged away: the cached page must not be shown, the survivor is.
    with room.store.write() as conn:
        db.update_story(conn, room.moon, merged_into=room.related)
        db.move_to_story(
            conn,
            list(db.get_story(conn, room.moon).article_ids),  # type: ignore[union-attr]
            room.related,
            reasons="merge",
            added=NOW,
        )
    assert room.client.get(path, follow_redirects=False).status_code == 301
    assert room.client.get(api, follow_redirects=False).status_code == 301
    room.store.close()


def test_response_cache_matches_stamps_expires_and_evicts_the_least_recent() -> None:
    clock = FakeClock()
    cache = ResponseCache(ttl=10.0, entries=2, clock=clock)
    cache.put("/a", ("v1",), b"a1", "text/html")
    assert cache.get("/a", ("v1",)) is not None
    assert cache.get("/a", ("v2",)) is None  # another stamp: the story changed
    cache.put("/b", 1, b"b", "text/html")
    cache.get("/a", ("v1",))
    cache.put("/c", 1, b"c", "text/html")  # evicts /b, the least recently used
    assert cache.get("/b", 1) is None and cache.get("/a", ("v1",)) is not None
    clock.now = 10.0
    assert cache.get("/a", ("v1",)) is None  # expired: bounds what no stamp covers
    assert cache.put("/d", 1, b"same", "x").etag == cache.put("/e", 2, b"same", "y").etag


def test_timed_values_reload_after_their_ttl() -> None:
    clock = FakeClock()
    loads: list[int] = []
    value = TimedValue[int](ttl=5.0, clock=clock)
    assert value.get(lambda: loads.append(1) or len(loads)) == 1
    assert value.get(lambda: loads.append(1) or len(loads)) == 1
    clock.now = 5.0
    assert value.get(lambda: loads.append(1) or len(loads)) == 2


def test_catalog_is_read_once_per_ttl(tmp_path: Path) -> None:
    room = build_newsroom(tmp_path)
    clock = FakeClock()
    catalog = CatalogCache(ttl=30.0, clock=clock)
    with room.store.read() as conn:
        first = catalog.get_catalog(conn)
        assert catalog.get_catalog(conn) is first
        clock.now = 30.0
        again = catalog.get_catalog(conn)
    assert again is not first and again == first
    assert [c.slug for c in first.categories][:2] == ["world", "politics"]
    room.store.close()


def test_a_story_without_summary_shows_its_first_summary_at_once(tmp_path: Path) -> None:
    room = build_newsroom(tmp_path)
    path = _canonical(room, room.pending)
    assert "Nothing happened." not in room.client.get(path).text
    with room.store.write() as conn:
        version = db.save_summary(
            conn,
            Summary(
                story_id=room.pending,
                version=0,
                headline="A quiet day",
                bullets=(Cited("Nothing happened.", ()),),
                paragraphs=(),
                takeaways=(),
                created=NOW,
            ),
        )
    assert version == 1
    assert "Nothing happened." in room.client.get(path).text
    room.store.close()
