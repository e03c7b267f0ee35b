"""Write endpoints: bearer token (403 when disabled, 401 when wrong), add a feed, merge, split."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.unit.web.conftest import Newsroom, build_newsroom

TOKEN = "s3cret-token-for-tests"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture()
def writable(tmp_path: Path) -> Iterator[Newsroom]:
    room = build_newsroom(tmp_path, api_token=TOKEN)
    yield room
    room.store.close()


def test_writes_are_forbidden_without_a_configured_token(newsroom: Newsroom) -> None:
    response = newsroom.client.post(
        "/api/sources", json={"url": "https://new.example/rss"}, headers=AUTH
    )
    assert response.status_code == 403
    assert response.json()["detail"].startswith("api:")


def test_wrong_or_missing_token_is_401(writable: Newsroom) -> None:
    for headers in ({}, {"Authorization": "Bearer nope"}, {"Authorization": f"Basic {TOKEN}"}):
        response = writable.client.post(
            "/api/sources", json={"url": "https://new.example/rss"}, headers=headers
        )
        assert response.status_code in (401, 403), headers
    wrong = writable.client.post(
        "/api/sources",
        json={"url": "https://new.example/rss"},
        headers={"Authorization": "Bearer x"},
    )
    assert wrong.status_code == 401 and wrong.headers["www-authenticate"] == "Bearer"


def test_add_source_is_idempotent_and_validates_the_url(writable: Newsroom) -> None:
    body = {"url": "https://new.example/rss", "section": "science", "title": "New Outlet"}
    first = writable.client.post("/api/sources", json=body, headers=AUTH)
    assert first.status_code == 201
    created = first.json()
    assert created["url"] == body["url"] and created["section"] == "science"
    again = writable.client.post("/api/sources", json=body, headers=AUTH)
    assert again.json()["id"] == created["id"]
    listed = writable.client.get("/api/sources").json()["sources"]
    assert sum(s["url"] == body["url"] for s in listed) == 1
    for bad in ({"url": "javascript:alert(1)//x"}, {"url": "ftp://files.example/feed"}, {}):
        response = writable.client.post("/api/sources", json=bad, headers=AUTH)
        assert response.status_code == 422, bad


def test_merge_moves_articles_and_redirects_the_merged_story(writable: Newsroom) -> None:
    client = writable.client
    response = client.post(
        f"/api/stories/{writable.related}/merge", json={"into": writable.moon}, headers=AUTH
    )
    assert response.status_code == 200
    assert response.json()["story_id"] == writable.moon
    page = client.get(f"/story/{writable.related}", follow_redirects=False)
    assert page.status_code == 301
    assert page.headers["location"].endswith(f"-{writable.moon}")
    detail = client.get(f"/api/stories/{writable.moon}").json()
    assert detail["articles_count"] == 4
    missing = client.post("/api/stories/999999/merge", json={"into": writable.moon}, headers=AUTH)
    assert missing.status_code == 404
    itself = client.post(
        f"/api/stories/{writable.moon}/merge", json={"into": writable.moon}, headers=AUTH
    )
    assert itself.status_code == 422


def test_split_creates_a_new_story(writable: Newsroom) -> None:
    client = writable.client
    courier = writable.articles["courier"]
    response = client.post(
        f"/api/stories/{writable.moon}/split", json={"article_ids": [courier]}, headers=AUTH
    )
    assert response.status_code == 201
    new_id = response.json()["story_id"]
    assert new_id not in (writable.moon, writable.dam)
    moved = client.get(f"/api/stories/{new_id}").json()
    assert [a["id"] for a in moved["articles"]] == [courier]
    stranger = client.post(
        f"/api/stories/{writable.moon}/split",
        json={"article_ids": [writable.articles["dam"]]},
        headers=AUTH,
    )
    assert stranger.status_code == 422
    empty = client.post(
        f"/api/stories/{writable.moon}/split", json={"article_ids": []}, headers=AUTH
    )
    assert empty.status_code == 422
