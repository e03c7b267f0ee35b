"""The personal front page: follows, mutes, read state, saved stories, "new since", isolation."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import newsloom.store as db
from newsloom.records import Cited, Summary
from tests.unit.web.conftest import BACKENDS, NOW, Newsroom, build_newsroom, newsroom_on
from tests.unit.web.signin import client_for, csrf_in, make_user, sign_in

GAZETTE, COURIER = 1, 2  # source ids of the newsroom's outlets


@pytest.fixture(scope="module", params=BACKENDS)
def room(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Newsroom]:
    """The newsroom on SQLite and, when a test server is configured, on PostgreSQL."""
    with newsroom_on(request.param, tmp_path_factory.mktemp("personal"), "_personal") as built:
        yield built


@pytest.fixture(scope="module")
def ivo(room: Newsroom) -> TestClient:
    return _user(room, "ivo")


def _shown(page: str) -> dict[int, str]:
    """story id -> its state on the personal page."""
    return {
        int(story): state
        for state, story in re.findall(r'class="card my-card state-(\w+)" data-story="(\d+)"', page)
    }


def _user(room: Newsroom, name: str) -> TestClient:
    make_user(room.store, name)
    client = client_for(room.settings, room.store)
    assert sign_in(client, name).status_code == 303
    return client


def _post(client: TestClient, path: str, **data: str) -> int:
    csrf = csrf_in(client.get("/my"))
    return client.post(path, data={"csrf": csrf, **data}, follow_redirects=False).status_code


def test_follows_narrow_and_mutes_remove(room: Newsroom) -> None:
    client = _user(room, "ana")
    everything = _shown(client.get("/my").text)
    assert {room.moon, room.dam, room.related} <= set(everything)  # nothing followed: all
    assert _post(client, "/my/follow", kind="category", value="science") == 303
    assert _post(client, "/my/follow", kind="category", value="climate") == 303
    followed = set(_shown(client.get("/my").text))
    assert followed == {room.moon, room.related, room.dam}
    assert _post(client, "/my/mute", kind="source", value=str(GAZETTE)) == 303
    muted = set(_shown(client.get("/my").text))
    assert muted == {room.moon, room.related}  # the dam story had only the Gazette
    assert _post(client, "/my/mute", kind="keyword", value="Third") == 303
    assert set(_shown(client.get("/my").text)) == {room.moon}  # headline "... a third partner"


def test_following_an_outlet_and_a_search(room: Newsroom) -> None:
    client = _user(room, "ben")
    assert _post(client, "/my/follow", kind="search", value="lunar") == 303
    assert room.moon in _shown(client.get("/my").text)
    assert _post(client, "/my/follow", kind="source", value=str(COURIER)) == 303
    shown = set(_shown(client.get("/my").text))
    assert room.related in shown and room.dam not in shown


def test_reading_marks_the_story_and_unread_undoes_it(room: Newsroom) -> None:
    client = _user(room, "cy")
    assert _shown(client.get("/my").text)[room.moon] == "new"
    opened = client.get(f"/my/open/{room.moon}", follow_redirects=False)
    assert opened.status_code == 303 and opened.headers["location"] == f"/story/{room.moon}"
    assert _shown(client.get("/my").text)[room.moon] == "read"
    assert _post(client, "/my/read", story=str(room.moon), state="unread") == 303
    assert _shown(client.get("/my").text)[room.moon] in ("new", "unread")


def test_opening_a_story_page_directly_marks_it_read(room: Newsroom) -> None:
    client = _user(room, "cyd")
    assert _shown(client.get("/my").text)[room.related] == "new"
    page = client.get(f"/story/{room.related}")  # redirected to the canonical story page
    assert page.status_code == 200
    assert _shown(client.get("/my").text)[room.related] == "read"
    assert client_for(room.settings, room.store).get(f"/story/{room.related}").status_code == 200


def test_a_search_is_followed_from_the_search_page(room: Newsroom) -> None:
    client = _user(room, "sol")
    page = client.get("/search", params={"q": "lunar"})
    assert "Add this search to your news" in page.text
    csrf = csrf_in(page)
    done = client.post(
        "/my/follow",
        data={"csrf": csrf, "kind": "search", "value": "lunar"},
        follow_redirects=False,
    )
    assert done.status_code == 303
    assert "“lunar”" in client.get("/my").text
    stranger = client_for(room.settings, room.store).get("/search", params={"q": "lunar"})
    assert "Add this search" not in stranger.text and 'name="csrf"' not in stranger.text


def test_saved_stories_have_their_page(room: Newsroom) -> None:
    client = _user(room, "dee")
    assert _post(client, "/my/save", story=str(room.dam)) == 303
    assert set(_shown(client.get("/my/saved").text)) == {room.dam}
    assert _post(client, "/my/save", story=str(room.dam), state="unsaved") == 303
    assert _shown(client.get("/my/saved").text) == {}


def test_a_story_updated_since_it_was_read_shows_what_is_new_first(tmp_path: Path) -> None:
    room = build_newsroom(tmp_path)
    client = _user(room, "eli")
    client.get(f"/my/open/{room.moon}")
    with room.store.write() as conn:
        db.save_summary(
            conn,
            Summary(
                story_id=room.moon,
                version=0,
                headline="Moon race: a fourth partner",
                bullets=(Cited("A fourth partner signed.", (room.articles["courier"],)),),
                paragraphs=(),
                takeaways=(),
                created=NOW,
                whats_new=(
                    Cited("A fourth partner signed the pact.", (room.articles["courier"],)),
                ),
                article_ids=(room.articles["courier"],),
            ),
        )
    page = client.get("/my").text
    assert _shown(page)[room.moon] == "updated"
    updated = page.index("Updated since you read them")
    assert updated < page.index("A fourth partner signed the pact.") < page.index("Your stories")
    room.store.close()


def test_new_since_the_last_visit(tmp_path: Path) -> None:
    room = build_newsroom(tmp_path)
    make_user(room.store, "fox")
    now = [NOW - timedelta(hours=4)]
    client = client_for(room.settings, room.store, clock=lambda: now[0])
    sign_in(client, "fox")
    assert "Welcome" in client.get("/my").text
    now[0] = NOW  # four hours later: stories first seen since then are new
    page = client.get("/my").text
    found = re.search(r"(\d+) new stor", page)
    assert found is not None
    assert int(found.group(1)) == 2  # the dam (2 h old) and the quiet day (3 h), not the moon (6 h)
    room.store.close()


def test_one_users_state_is_never_anothers(room: Newsroom) -> None:
    gil, hal = _user(room, "gil"), _user(room, "hal")
    _post(gil, "/my/follow", kind="category", value="sports")
    _post(gil, "/my/mute", kind="keyword", value="moon")
    gil.get(f"/my/open/{room.dam}")
    _post(gil, "/my/save", story=str(room.dam))
    hal_page = hal.get("/my").text
    assert "sports" not in re.findall(r"<li>category: ([^<]*)", hal_page)
    assert "Mute" in hal_page and "“moon”" not in hal_page
    shown = _shown(hal_page)
    assert room.moon in shown and shown[room.dam] != "read"
    assert _shown(hal.get("/my/saved").text) == {}
    # Hal cannot remove Gil's follow by guessing its id.
    gil_ids = re.findall(r'name="id" value="(\d+)"', gil.get("/my").text)
    for row_id in gil_ids:
        _post(hal, "/my/unfollow", id=row_id)
        _post(hal, "/my/unmute", id=row_id)
    assert re.findall(r'name="id" value="(\d+)"', gil.get("/my").text) == gil_ids


@pytest.mark.parametrize(
    ("path", "data"),
    [
        ("/my/follow", {"kind": "planet", "value": "x"}),
        ("/my/follow", {"kind": "category", "value": "no-such-category"}),
        ("/my/follow", {"kind": "source", "value": "999999"}),
        ("/my/follow", {"kind": "search", "value": "   "}),
        ("/my/mute", {"kind": "keyword", "value": ""}),
        ("/my/mute", {"kind": "source", "value": "abc"}),
        ("/my/read", {"story": "abc"}),
        ("/my/save", {"story": "-1"}),
        ("/my/unfollow", {"id": "1e9"}),
    ],
)
def test_bad_form_values_are_400(ivo: TestClient, path: str, data: dict[str, str]) -> None:
    assert _post(ivo, path, **data) == 400


def test_forms_need_a_session_and_pages_a_login(room: Newsroom) -> None:
    stranger = client_for(room.settings, room.store)
    assert stranger.get("/my", follow_redirects=False).headers["location"] == "/login?next=/my"
    assert (
        stranger.post("/my/follow", data={"kind": "category", "value": "science"}).status_code
        == 401
    )
    assert stranger.get(f"/my/open/{room.moon}", follow_redirects=False).status_code == 303


def test_saving_a_story_that_does_not_exist_changes_nothing(room: Newsroom) -> None:
    client = _user(room, "jo")
    assert _post(client, "/my/save", story="987654") == 303
    assert _shown(client.get("/my/saved").text) == {}


def test_unreadable_form_bodies_are_4xx(ivo: TestClient) -> None:
    csrf = csrf_in(ivo.get("/my"))
    plain = ivo.post("/my/follow", content=b"csrf=x", headers={"Content-Type": "text/plain"})
    assert plain.status_code == 415
    huge = ivo.post(
        "/my/follow",
        content=b"csrf=" + csrf.encode() + b"&value=" + b"x" * (3 * 1024 * 1024),
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert huge.status_code == 413
    broken = ivo.post(
        "/my/follow",
        content=b"\xff\xfe=\xff",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert broken.status_code == 400
    multipart = ivo.post(
        "/my/follow",
        files={"x": ("a.txt", b"zz", "text/plain")},
        data={"csrf": csrf, "kind": "category", "value": "science"},
        follow_redirects=False,
    )
    assert multipart.status_code == 303  # a multipart form is read the same


def test_mutes_also_hold_on_the_public_listings_for_that_reader(room: Newsroom) -> None:
    client = _user(room, "kai")
    _post(client, "/my/mute", kind="keyword", value="moon")
    stranger = client_for(room.settings, room.store)
    for path in ("/", "/science", "/archive/2026-06-03"):
        assert "Moon race heats up" in stranger.get(path).text, path
        assert "Moon race heats up" not in client.get(path).text, path
        assert "Moon race heats up" in stranger.get(path).text, path  # nothing cached across


def test_mutes_also_hold_on_search_for_that_reader(room: Newsroom) -> None:
    client = _user(room, "lia")
    _post(client, "/my/mute", kind="keyword", value="moon")
    stranger = client_for(room.settings, room.store)
    # The headline's words are marked on the results page: "<mark>Moon</mark> race heats up".
    assert "</mark> race heats up" in stranger.get("/search", params={"q": "moon"}).text
    assert "</mark> race heats up" not in client.get("/search", params={"q": "moon"}).text
    found = {r["id"] for r in client.get("/api/search", params={"q": "moon"}).json()["results"]}
    assert room.moon not in found
    public = stranger.get("/api/search", params={"q": "moon"}).json()["results"]
    assert room.moon in {r["id"] for r in public}
