"""Source management in the web UI: admins only; add, discover, OPML in and out, pause, resume,
remove, health. A site on 127.0.0.1 stands in for a publisher."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import newsloom.store as db
from tests.integration.pipeline.loopback import LoopbackSite, Reply
from tests.unit.web.conftest import Newsroom, build_newsroom
from tests.unit.web.signin import client_for, csrf_in, make_user, sign_in

FEED = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Loopback Ledger</title>
<link>http://127.0.0.1/</link><description>test</description>
<item><title>Harbour reopens</title><link>http://127.0.0.1/a</link></item></channel></rss>"""
OPML = b"""<?xml version="1.0"?><opml version="2.0"><head><title>t</title></head><body>
<outline text="Science"><outline type="rss" text="Lab Notes" xmlUrl="https://lab.example/feed"/></outline>
<outline type="rss" text="Bad" xmlUrl="javascript:alert(1)"/></body></opml>"""


@pytest.fixture
def room(tmp_path: Path) -> Iterator[Newsroom]:
    built = build_newsroom(tmp_path)
    yield built
    built.store.close()


@pytest.fixture
def admin(room: Newsroom) -> TestClient:
    make_user(room.store, "root", admin=True)
    client = client_for(room.settings, room.store)
    sign_in(client, "root")
    return client


def _csrf(client: TestClient) -> str:
    return csrf_in(client.get("/admin/sources"))


def test_only_admins_manage_sources(room: Newsroom) -> None:
    assert client_for(room.settings, room.store).get("/admin/sources").status_code == 401
    make_user(room.store, "plain")
    user = client_for(room.settings, room.store)
    sign_in(user, "plain")
    assert user.get("/admin/sources").status_code == 403
    assert user.post("/admin/sources/1/pause", data={"csrf": "x"}).status_code == 403


def test_health_pause_resume_remove(room: Newsroom, admin: TestClient) -> None:
    page = admin.get("/admin/sources").text
    assert "Harbour Gazette" in page and page.count("<tr data-source=") == 4
    csrf = _csrf(admin)
    assert (
        admin.post(
            "/admin/sources/1/pause", data={"csrf": csrf}, follow_redirects=False
        ).status_code
        == 303
    )
    with room.store.read() as conn:
        assert db.get_source(conn, 1).paused_at is not None  # type: ignore[union-attr]
    assert "paused" in admin.get("/admin/sources").text
    admin.post("/admin/sources/1/resume", data={"csrf": csrf})
    with room.store.read() as conn:
        assert db.get_source(conn, 1).paused_at is None  # type: ignore[union-attr]
    admin.post("/admin/sources/4/remove", data={"csrf": csrf})
    with room.store.read() as conn:
        assert db.get_source(conn, 4) is None
    assert admin.post("/admin/sources/999/pause", data={"csrf": csrf}).status_code == 404
    assert admin.post("/admin/sources/1/explode", data={"csrf": csrf}).status_code == 404
    assert admin.post("/admin/sources/1/pause", data={"csrf": "forged"}).status_code == 403


def test_add_a_feed_and_refuse_a_bad_url(room: Newsroom, admin: TestClient) -> None:
    csrf = _csrf(admin)
    added = admin.post(
        "/admin/sources/add",
        data={
            "csrf": csrf,
            "url": "https://new.example/rss",
            "title": "New Outlet",
            "section": "science",
        },
    )
    assert added.status_code == 200 and "Added source" in added.text
    with room.store.read() as conn:
        assert any(
            s.url == "https://new.example/rss" and s.section == "science"
            for s in db.list_sources(conn)
        )
    bad = admin.post("/admin/sources/add", data={"csrf": csrf, "url": "javascript:alert(1)"})
    assert bad.status_code == 400 and "parse:" in bad.text


def test_discover_a_sites_feed(room: Newsroom, tmp_path: Path) -> None:
    routes = {
        "/feed.xml": Reply(body=FEED, content_type="application/rss+xml"),
        "/home": Reply(
            body=b"<html><head><link rel='alternate' type='application/rss+xml' href='/feed.xml'></head></html>"
        ),
    }
    settings = room.settings.model_copy(
        update={"allowed_hosts": ("127.0.0.1",), "obey_robots": False}
    )
    make_user(room.store, "boss", admin=True)
    client = client_for(settings, room.store)
    sign_in(client, "boss")
    with LoopbackSite(routes) as site:
        answer = client.post(
            "/admin/sources/add",
            data={"csrf": _csrf(client), "url": f"{site.base_url}/home", "discover": "1"},
        )
        assert answer.status_code == 200, answer.text
        empty = client.post(
            "/admin/sources/add",
            data={"csrf": _csrf(client), "url": f"{site.base_url}/none", "discover": "1"},
        )
        assert empty.status_code == 400
    with room.store.read() as conn:
        found = [s for s in db.list_sources(conn) if s.url == f"{site.base_url}/feed.xml"]
    assert found and found[0].title == "Loopback Ledger"


def test_opml_upload_and_download(room: Newsroom, admin: TestClient) -> None:
    answer = admin.post(
        "/admin/sources/import",
        data={"csrf": _csrf(admin)},
        files={"opml": ("sources.opml", OPML, "text/x-opml")},
    )
    assert answer.status_code == 200 and "Imported 1 sources; skipped 1" in answer.text
    exported = admin.get("/admin/sources.opml")
    assert exported.status_code == 200 and "attachment" in exported.headers["content-disposition"]
    assert (
        "https://lab.example/feed" in exported.text
        and "https://gazette.example/rss" in exported.text
    )
    assert re.search(r'<outline text="science"', exported.text, re.IGNORECASE)
    broken = admin.post(
        "/admin/sources/import",
        data={"csrf": _csrf(admin)},
        files={"opml": ("x.opml", b"<html/>", "text/xml")},
    )
    assert broken.status_code == 400


def test_admins_manage_users_in_the_web(room: Newsroom, admin: TestClient) -> None:
    csrf = csrf_in(admin.get("/admin/users"))
    added = admin.post(
        "/admin/users/add", data={"csrf": csrf, "name": "Newbie", "password": "newbie password"}
    )
    assert added.status_code == 200 and 'data-user="newbie"' in added.text
    assert (
        admin.post(
            "/admin/users/add",
            data={"csrf": csrf, "name": "newbie", "password": "another password"},
        ).status_code
        == 400
    )
    assert (
        admin.post(
            "/admin/users/add", data={"csrf": csrf, "name": "x", "password": "short"}
        ).status_code
        == 400
    )
    newbie = client_for(room.settings, room.store)
    assert sign_in(newbie, "newbie", "newbie password").status_code == 303
    assert newbie.get("/admin/users").status_code == 403
    changed = admin.post(
        "/admin/users/password",
        data={"csrf": csrf, "name": "newbie", "password": "changed password"},
    )
    assert changed.status_code == 200
    assert newbie.get("/account", follow_redirects=False).status_code == 303  # signed out
    assert admin.post("/admin/users/remove", data={"csrf": csrf, "name": "root"}).status_code == 400
    assert (
        admin.post("/admin/users/remove", data={"csrf": csrf, "name": "newbie"}).status_code == 200
    )
    assert (
        admin.post("/admin/users/remove", data={"csrf": csrf, "name": "newbie"}).status_code == 404
    )
    assert (
        admin.post("/admin/users/add", data={"name": "z", "password": "p" * 12}).status_code == 403
    )
