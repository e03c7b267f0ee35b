"""Per-user feeds at secret addresses: the user's stories with their mutes, rotatable."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.unit.web.conftest import Newsroom, build_newsroom
from tests.unit.web.signin import client_for, csrf_in, make_user, sign_in


@pytest.fixture(scope="module")
def room(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Newsroom]:
    built = build_newsroom(Path(tmp_path_factory.mktemp("userfeeds")))
    yield built
    built.store.close()


def _feed_url(client: TestClient) -> str:
    page = client.post("/account/feed-token", data={"csrf": csrf_in(client.get("/account"))})
    assert page.status_code == 200
    found = re.search(
        r'<code class="secret">https://news\.example\.org(/feeds/u/[^<]+)\.xml</code>', page.text
    )
    assert found is not None
    return found.group(1)


def _titles(client: TestClient, base: str) -> list[str]:
    answer = client.get(base + ".json")
    assert answer.status_code == 200
    return [item["title"] for item in json.loads(answer.text)["items"]]


def test_the_feed_is_the_users_stories_without_their_mutes(room: Newsroom) -> None:
    make_user(room.store, "ada")
    web = client_for(room.settings, room.store)
    sign_in(web, "ada")
    csrf = csrf_in(web.get("/my"))
    web.post("/my/follow", data={"csrf": csrf, "kind": "category", "value": "science"})
    base = _feed_url(web)
    reader = client_for(room.settings, room.store)  # a feed reader: no cookies
    assert sorted(_titles(reader, base)) == [
        "Moon race gains a third partner",
        "Moon race heats up",
    ]
    web.post("/my/mute", data={"csrf": csrf, "kind": "keyword", "value": "partner"})
    assert _titles(reader, base) == ["Moon race heats up"]
    for ext, kind in (("xml", "<rss"), ("atom", "<feed")):
        answer = reader.get(f"{base}.{ext}")
        assert answer.status_code == 200 and kind in answer.text
        assert "third partner" not in answer.text and "must never appear" not in answer.text


def test_a_new_address_retires_the_old_one(room: Newsroom) -> None:
    make_user(room.store, "bo")
    web = client_for(room.settings, room.store)
    sign_in(web, "bo")
    old = _feed_url(web)
    new = _feed_url(web)
    assert old != new
    reader = client_for(room.settings, room.store)
    assert reader.get(old + ".xml").status_code == 404
    assert reader.get(new + ".xml").status_code == 200


@pytest.mark.parametrize(
    "path", ["/feeds/u/unknown.xml", "/feeds/u/x.pdf", "/feeds/u/" + "a" * 300 + ".xml"]
)
def test_unknown_feeds_are_404(room: Newsroom, path: str) -> None:
    assert room.client.get(path).status_code == 404


def test_token_feeds_work_on_a_private_instance(room: Newsroom) -> None:
    make_user(room.store, "cy")
    web = client_for(room.settings, room.store)
    sign_in(web, "cy")
    base = _feed_url(web)
    private = room.settings.model_copy(update={"access": "private"})
    reader = client_for(private, room.store)
    assert reader.get(base + ".xml").status_code == 200
    assert reader.get("/feeds/top.xml").status_code == 401


def test_rotating_needs_a_session_and_the_form_token(tmp_path: Path) -> None:
    room = build_newsroom(tmp_path)
    make_user(room.store, "dee")
    web = client_for(room.settings, room.store)
    stranger = web.post("/account/feed-token", follow_redirects=False)
    assert stranger.status_code == 303
    sign_in(web, "dee")
    assert web.post("/account/feed-token", data={"csrf": "forged"}).status_code == 403
    room.store.close()
