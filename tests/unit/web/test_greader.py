"""Google Reader API conformance, from the protocol's documented requests and responses (as
Miniflux and FreshRSS document them), on our own newsroom fixture. The state a client sets is the
state the web UI shows, and one user's state never reaches another."""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlencode

import pytest
from fastapi.testclient import TestClient

import newsloom.store.accounts as accounts_db
import newsloom.store.personal as personal_db
from newsloom.accounts.greader_ids import long_item_id
from newsloom.accounts.passwords import hash_password
from tests.unit.web.conftest import BACKENDS, NOW, Newsroom, newsroom_on
from tests.unit.web.signin import client_for, make_user, sign_in

API_PASSWORD = "api password of the test"
READ = "user/-/state/com.google/read"
STARRED = "user/-/state/com.google/starred"
READING_LIST = "user/-/state/com.google/reading-list"


@pytest.fixture(scope="module", params=BACKENDS)
def room(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Newsroom]:
    """The newsroom on SQLite and, when a test server is configured, on PostgreSQL."""
    with newsroom_on(request.param, tmp_path_factory.mktemp("greader"), "_greader") as built:
        yield built


def _reader(room: Newsroom, name: str, follows: tuple[tuple[str, str], ...] = ()) -> int:
    user_id = make_user(room.store, name)
    with room.store.write() as conn:
        accounts_db.set_password(conn, user_id, hash_password(API_PASSWORD), api=True)
        for kind, value in follows:
            personal_db.add_follow(conn, user_id, kind, value, NOW)
    return user_id


def _login(client: TestClient, name: str, password: str = API_PASSWORD) -> dict[str, str]:
    answer = client.post("/accounts/ClientLogin", data={"Email": name, "Passwd": password})
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"].startswith("text/plain")
    fields = dict(line.split("=", 1) for line in answer.text.strip().splitlines())
    assert set(fields) >= {"SID", "LSID", "Auth"}
    return {"Authorization": f"GoogleLogin auth={fields['Auth']}"}


@pytest.fixture(scope="module")
def ana(room: Newsroom) -> dict[str, str]:
    _reader(room, "ana", (("category", "science"), ("category", "climate")))
    return _login(room.client, "ana")


def test_client_login_takes_the_api_password_only(room: Newsroom) -> None:
    _reader(room, "bea")
    bad = room.client.post(
        "/accounts/ClientLogin", data={"Email": "bea", "Passwd": "correct horse battery"}
    )
    assert bad.status_code == 401 and "Error=BadAuthentication" in bad.text  # the login password
    assert (
        room.client.get(
            "/accounts/ClientLogin", params={"Email": "bea", "Passwd": API_PASSWORD}
        ).status_code
        == 200
    )
    _login(room.client, "BEA")  # names are case-insensitive


def test_calls_without_a_valid_token_are_401(room: Newsroom) -> None:
    for headers in ({}, {"Authorization": "GoogleLogin auth=nope"}, {"Authorization": "Bearer x"}):
        answer = room.client.get("/reader/api/0/user-info", headers=headers)
        assert answer.status_code == 401


def test_user_info(room: Newsroom, ana: dict[str, str]) -> None:
    info = room.client.get("/reader/api/0/user-info", headers=ana).json()
    assert info["userName"] == "ana" and info["userId"].isdigit()
    assert set(info) == {"userId", "userName", "userProfileId", "userEmail"}
    assert room.client.get("/reader/api/0/token", headers=ana).text


def test_subscriptions_are_the_follows_in_folders(room: Newsroom, ana: dict[str, str]) -> None:
    listed = room.client.get(
        "/reader/api/0/subscription/list", params={"output": "json"}, headers=ana
    ).json()
    subs = listed["subscriptions"]
    assert sorted(s["title"] for s in subs) == ["Climate", "Science"]
    for sub in subs:
        assert re.fullmatch(r"feed/\d+", sub["id"])
        assert sub["categories"][0]["label"] == "Categories"
        assert sub["categories"][0]["id"].endswith("/label/Categories")
    tags = room.client.get("/reader/api/0/tag/list", params={"output": "json"}, headers=ana).json()[
        "tags"
    ]
    ids = [t["id"] for t in tags]
    assert any(i.endswith("/state/com.google/starred") for i in ids)
    assert any(t.get("type") == "folder" and t["label"] == "Categories" for t in tags)


def test_nothing_followed_is_one_all_stories_subscription(room: Newsroom) -> None:
    _reader(room, "cal")
    headers = _login(room.client, "cal")
    subs = room.client.get("/reader/api/0/subscription/list", headers=headers).json()[
        "subscriptions"
    ]
    assert [s["id"] for s in subs] == ["feed/0"]


def test_stream_contents_items_and_continuation(room: Newsroom, ana: dict[str, str]) -> None:
    first = room.client.get(
        f"/reader/api/0/stream/contents/{READING_LIST}", params={"n": "2"}, headers=ana
    ).json()
    assert first["id"] == READING_LIST and len(first["items"]) == 2 and first["continuation"]
    second = room.client.get(
        f"/reader/api/0/stream/contents/{READING_LIST}",
        params={"n": "2", "c": first["continuation"]},
        headers=ana,
    ).json()
    assert "continuation" not in second  # science: moon, related; climate: dam = three
    every = [i["id"] for i in first["items"] + second["items"]]
    assert sorted(every) == sorted(long_item_id(s) for s in (room.moon, room.related, room.dam))
    moon = next(i for i in first["items"] + second["items"] if i["id"] == long_item_id(room.moon))
    assert moon["title"] == "Moon race heats up"
    assert moon["alternate"][0]["href"].startswith("https://news.example.org/science/")
    assert READING_LIST in moon["categories"]
    body = moon["summary"]["content"]
    assert "Two alliances plan lunar bases." in body and "<sup>[1]</sup>" in body
    assert "Harbour Gazette" in body and "Sources" in body
    assert "must never appear" not in body  # never an article's text
    assert moon["origin"]["streamId"].startswith("feed/") and moon["origin"]["title"] == "Science"
    assert int(moon["timestampUsec"]) == int(moon["crawlTimeMsec"]) * 1000


def test_the_stream_may_come_as_s(room: Newsroom, ana: dict[str, str]) -> None:
    by_s = room.client.get(
        "/reader/api/0/stream/contents", params={"s": READING_LIST, "n": "50"}, headers=ana
    ).json()
    in_path = room.client.get(
        f"/reader/api/0/stream/contents/{READING_LIST}", params={"n": "50"}, headers=ana
    ).json()
    assert [i["id"] for i in by_s["items"]] == [i["id"] for i in in_path["items"]]


def test_hostile_text_is_escaped_in_item_html(room: Newsroom, ana: dict[str, str]) -> None:
    items = room.client.post(
        "/reader/api/0/stream/items/contents", data={"i": str(room.dam)}, headers=ana
    ).json()["items"]
    body = items[0]["summary"]["content"]
    assert "<script>" not in body and "<img src=x" not in body and "javascript:" not in body


def test_oldest_first_and_time_bounds(room: Newsroom, ana: dict[str, str]) -> None:
    newest = room.client.get(
        "/reader/api/0/stream/items/ids", params={"s": READING_LIST, "n": "10"}, headers=ana
    ).json()
    oldest = room.client.get(
        "/reader/api/0/stream/items/ids",
        params={"s": READING_LIST, "n": "10", "r": "o"},
        headers=ana,
    ).json()
    assert [r["id"] for r in oldest["itemRefs"]] == [r["id"] for r in reversed(newest["itemRefs"])]
    cut = str(int(NOW.timestamp()) - 90 * 60)  # 1.5 h ago: the moon (1 h); the dam is 2 h old
    recent = room.client.get(
        "/reader/api/0/stream/items/ids", params={"s": READING_LIST, "ot": cut}, headers=ana
    ).json()
    assert {int(r["id"]) for r in recent["itemRefs"]} == {room.moon}


def test_edit_tag_read_unread_starred_is_what_the_web_shows(room: Newsroom) -> None:
    user_id = _reader(room, "dan", (("category", "science"),))
    api = _login(room.client, "dan")
    web = client_for(room.settings, room.store)
    sign_in(web, "dan")

    def web_state(story: int) -> str:
        found = re.search(rf'state-(\w+)" data-story="{story}"', web.get("/my").text)
        assert found is not None
        return found.group(1)

    ok = room.client.post(
        "/reader/api/0/edit-tag",
        data={"i": long_item_id(room.moon), "a": READ, "T": "x"},
        headers=api,
    )
    assert ok.status_code == 200 and ok.text == "OK"
    assert web_state(room.moon) == "read"
    unread = room.client.get(
        "/reader/api/0/stream/items/ids", params={"s": READING_LIST, "xt": READ}, headers=api
    ).json()
    assert str(room.moon) not in [r["id"] for r in unread["itemRefs"]]
    room.client.post("/reader/api/0/edit-tag", data={"i": str(room.moon), "r": READ}, headers=api)
    assert web_state(room.moon) != "read"
    room.client.post(
        "/reader/api/0/edit-tag",
        data={"i": str(room.related), "a": "user/-/state/com.google/kept-unread"},
        headers=api,
    )
    room.client.post(
        "/reader/api/0/edit-tag", data={"i": str(room.related), "a": STARRED}, headers=api
    )
    starred = room.client.get(
        "/reader/api/0/stream/items/ids", params={"s": STARRED}, headers=api
    ).json()
    assert [int(r["id"]) for r in starred["itemRefs"]] == [room.related]
    assert str(room.related) in web.get("/my/saved").text
    # and the other way: what the web marks, the API reports
    web.get(f"/my/open/{room.related}")
    read = room.client.get(
        "/reader/api/0/stream/items/ids", params={"s": READING_LIST, "it": READ}, headers=api
    ).json()
    assert [int(r["id"]) for r in read["itemRefs"]] == [room.related]
    contents = room.client.post(
        "/reader/api/0/stream/items/contents",
        content=urlencode([("i", long_item_id(room.related)), ("i", str(room.moon))]),
        headers={**api, "Content-Type": "application/x-www-form-urlencoded"},
    ).json()["items"]
    flags = {i["id"]: i["categories"] for i in contents}
    assert (
        READ in flags[long_item_id(room.related)] and STARRED in flags[long_item_id(room.related)]
    )
    assert READ not in flags[long_item_id(room.moon)]
    assert user_id > 0


def test_mark_all_as_read_respects_ts(room: Newsroom) -> None:
    _reader(room, "eva", (("category", "science"),))
    api = _login(room.client, "eva")
    ts = str(int((NOW.timestamp() - 2 * 3600) * 1_000_000))  # microseconds, 2 h ago
    answer = room.client.post(
        "/reader/api/0/mark-all-as-read", data={"s": READING_LIST, "ts": ts}, headers=api
    )
    assert answer.text == "OK"
    unread = room.client.get(
        "/reader/api/0/stream/items/ids", params={"s": READING_LIST, "xt": READ}, headers=api
    ).json()
    assert [int(r["id"]) for r in unread["itemRefs"]] == [room.moon]  # updated 1 h ago


def test_one_subscription_stream(room: Newsroom, ana: dict[str, str]) -> None:
    subs = room.client.get("/reader/api/0/subscription/list", headers=ana).json()["subscriptions"]
    climate = next(s for s in subs if s["title"] == "Climate")
    ids = room.client.get(
        "/reader/api/0/stream/items/ids", params={"s": climate["id"]}, headers=ana
    ).json()
    assert [int(r["id"]) for r in ids["itemRefs"]] == [room.dam]
    folder = room.client.get(
        "/reader/api/0/stream/items/ids", params={"s": "user/-/label/Categories"}, headers=ana
    ).json()
    assert len(folder["itemRefs"]) == 3


def test_another_users_state_and_subscriptions_stay_theirs(
    room: Newsroom, ana: dict[str, str]
) -> None:
    _reader(room, "fin")
    fin = _login(room.client, "fin")
    room.client.post("/reader/api/0/edit-tag", data={"i": str(room.dam), "a": STARRED}, headers=ana)
    room.client.post("/reader/api/0/edit-tag", data={"i": str(room.dam), "a": READ}, headers=ana)
    starred = room.client.get(
        "/reader/api/0/stream/items/ids", params={"s": STARRED}, headers=fin
    ).json()
    assert starred["itemRefs"] == []
    dam = room.client.post(
        "/reader/api/0/stream/items/contents", data={"i": str(room.dam)}, headers=fin
    ).json()
    assert READ not in dam["items"][0]["categories"]
    ana_subs = room.client.get("/reader/api/0/subscription/list", headers=ana).json()[
        "subscriptions"
    ]
    wrong = room.client.get(
        "/reader/api/0/stream/items/ids", params={"s": ana_subs[0]["id"]}, headers=fin
    )
    assert wrong.status_code == 400  # Ana's subscription is no stream of Fin's


def test_subscribe_from_the_app_and_unsubscribe(room: Newsroom) -> None:
    user_id = _reader(room, "gus")
    api = _login(room.client, "gus")
    added = room.client.post(
        "/reader/api/0/subscription/quickadd",
        data={"quickadd": "https://courier.example/rss"},
        headers=api,
    ).json()
    assert added["numResults"] == 1 and added["streamName"] == "Valley Courier"
    subs = room.client.get("/reader/api/0/subscription/list", headers=api).json()["subscriptions"]
    assert [(s["id"], s["title"]) for s in subs] == [(added["streamId"], "Valley Courier")]
    unknown = room.client.post(
        "/reader/api/0/subscription/quickadd",
        data={"quickadd": "https://elsewhere.example/feed"},
        headers=api,
    ).json()
    assert unknown["numResults"] == 0
    gone = room.client.post(
        "/reader/api/0/subscription/edit",
        data={"ac": "unsubscribe", "s": added["streamId"]},
        headers=api,
    )
    assert gone.text == "OK"
    with room.store.read() as conn:
        assert personal_db.list_follows(conn, user_id) == []
    bad = room.client.post(
        "/reader/api/0/subscription/edit", data={"ac": "explode", "s": "feed/1"}, headers=api
    )
    assert bad.status_code == 400


@pytest.mark.parametrize(
    ("method", "path", "params"),
    [
        ("get", "/reader/api/0/stream/items/ids", {"s": "user/-/state/com.google/bogus"}),
        ("get", "/reader/api/0/stream/items/ids", {"n": "-3"}),
        ("get", "/reader/api/0/stream/items/ids", {"c": "abc"}),
        ("get", "/reader/api/0/stream/items/ids", {"ot": "yesterday"}),
        ("get", "/reader/api/0/stream/items/ids", {"xt": "nonsense"}),
        ("get", "/reader/api/0/stream/contents/feed/999999", {}),
        ("post", "/reader/api/0/stream/items/contents", {}),
        (
            "post",
            "/reader/api/0/stream/items/contents",
            {"i": "tag:google.com,2005:reader/item/zz"},
        ),
        ("post", "/reader/api/0/edit-tag", {"i": "99999999999999999999999"}),
        ("post", "/reader/api/0/edit-tag", {"i": "1", "a": "not/a/tag"}),
        ("post", "/reader/api/0/mark-all-as-read", {"ts": "-1"}),
    ],
)
def test_bad_parameters_are_400(
    room: Newsroom, ana: dict[str, str], method: str, path: str, params: dict[str, str]
) -> None:
    if method == "get":
        answer = room.client.get(path, params=params, headers=ana)
    else:
        answer = room.client.post(path, data=params, headers=ana)
    assert answer.status_code == 400, answer.text
