"""Accounts on the web: login, sessions, cookies, CSRF, fixation, rate limits, private access."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import newsloom.store.accounts as accounts_db
from newsloom.accounts import ratelimit
from newsloom.accounts.tokens import token_hash
from tests.unit.web.conftest import NOW, Newsroom, build_newsroom
from tests.unit.web.signin import PASSWORD, client_for, csrf_in, make_user, sign_in

COOKIE = "newsloom_session"


@pytest.fixture(scope="module")
def room(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Newsroom]:
    built = build_newsroom(Path(tmp_path_factory.mktemp("login")))
    yield built
    built.store.close()


def test_login_sets_a_secure_httponly_samesite_session_cookie(room: Newsroom) -> None:
    make_user(room.store, "ada")
    client = client_for(room.settings, room.store)
    answer = sign_in(client, "ada")
    assert answer.status_code == 303 and answer.headers["location"] == "/my"
    cookie = next(c for c in answer.headers.get_list("set-cookie") if c.startswith(COOKIE + "="))
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" in cookie
    token = client.cookies.get(COOKIE)
    assert token
    with room.store.read() as conn:  # the database holds only the token's hash
        assert accounts_db.session_of(conn, token, NOW) is None
        session = accounts_db.session_of(conn, token_hash(token), NOW)
    assert session is not None and session.user.name == "ada"
    account = client.get("/account")
    assert account.status_code == 200 and "ada" in account.text


def test_an_http_site_does_not_mark_cookies_secure(room: Newsroom) -> None:
    make_user(room.store, "plain")
    settings = room.settings.model_copy(update={"site_url": "http://news.example.org/"})
    answer = sign_in(client_for(settings, room.store), "plain")
    cookie = next(c for c in answer.headers.get_list("set-cookie") if c.startswith(COOKIE + "="))
    assert "Secure" not in cookie and "HttpOnly" in cookie


def test_a_wrong_password_or_unknown_user_is_refused_alike(room: Newsroom) -> None:
    make_user(room.store, "bob")
    client = client_for(room.settings, room.store)
    wrong = sign_in(client, "bob", "not the password at all")
    nobody = sign_in(client, "nobody-here", PASSWORD)
    assert wrong.status_code == nobody.status_code == 401
    assert "Wrong user name or password" in wrong.text
    assert COOKIE not in client.cookies


def test_session_fixation_a_planted_session_id_is_never_used_after_login(room: Newsroom) -> None:
    make_user(room.store, "cleo")
    make_user(room.store, "mallory")
    attacker = client_for(room.settings, room.store)
    sign_in(attacker, "mallory")
    planted = attacker.cookies.get(COOKIE)
    assert planted
    victim = client_for(room.settings, room.store)
    form = victim.get("/login")
    # planted, e.g. by a sibling subdomain the attacker controls
    victim.cookies.set(COOKIE, planted, domain="testserver.local")
    victim.post("/login", data={"name": "cleo", "password": PASSWORD, "csrf": csrf_in(form)})
    fresh = victim.cookies.get(COOKIE, domain="testserver.local")
    assert fresh and fresh != planted
    with room.store.read() as conn:  # the planted session was ended by the login
        assert accounts_db.session_of(conn, token_hash(planted), NOW) is None
    assert "cleo" in victim.get("/account").text


def test_an_unknown_session_cookie_is_no_session(room: Newsroom) -> None:
    client = client_for(room.settings, room.store)
    client.cookies.set(COOKIE, "made-up-token")
    answer = client.get("/account", follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"].startswith("/login")


def test_logout_deletes_the_session(room: Newsroom) -> None:
    make_user(room.store, "dora")
    client = client_for(room.settings, room.store)
    sign_in(client, "dora")
    token = client.cookies.get(COOKIE)
    assert token
    csrf = csrf_in(client.get("/account"))
    out = client.post("/logout", data={"csrf": csrf}, follow_redirects=False)
    assert out.status_code == 303
    with room.store.read() as conn:
        assert accounts_db.session_of(conn, token_hash(token), NOW) is None
    replay = client_for(room.settings, room.store)
    replay.cookies.set(COOKIE, token)
    assert replay.get("/account", follow_redirects=False).status_code == 303


def test_forms_without_the_csrf_token_are_refused(room: Newsroom) -> None:
    make_user(room.store, "eve")
    client = client_for(room.settings, room.store)
    sign_in(client, "eve")
    for data in ({}, {"csrf": "forged"}):
        assert client.post("/logout", data=data).status_code == 403
        assert client.post("/account/profile", data={**data, "email": "a@b.c"}).status_code == 403
    assert client.get("/account").status_code == 200  # still signed in


def test_login_itself_needs_the_form_token_from_its_own_cookie(room: Newsroom) -> None:
    make_user(room.store, "fay")
    client = client_for(room.settings, room.store)
    client.get("/login")
    answer = client.post("/login", data={"name": "fay", "password": PASSWORD, "csrf": "guessed"})
    assert answer.status_code == 403
    assert COOKIE not in client.cookies


def test_wrong_passwords_are_rate_limited_per_account(room: Newsroom) -> None:
    make_user(room.store, "gus")
    client = client_for(room.settings, room.store)
    for _ in range(ratelimit.PER_ACCOUNT):
        assert sign_in(client, "gus", "wrong password, again").status_code == 401
    limited = sign_in(client, "gus", PASSWORD)  # even the right password waits now
    assert limited.status_code == 429 and "Retry-After" in limited.headers
    assert COOKIE not in client.cookies


@pytest.mark.slow  # two server processes: seconds, in make test only
def test_rate_limits_hold_across_workers_and_per_client(tmp_path: Path) -> None:
    """Two apps over one database (two workers): the count is shared, by address too."""
    room = build_newsroom(tmp_path)  # its own: this test uses up the client's allowance
    names = [f"h{n}" for n in range(ratelimit.PER_CLIENT)]
    for name in names:
        make_user(room.store, name)
    one = client_for(room.settings, room.store)
    other = client_for(room.settings, room.store)
    for n, name in enumerate(names):
        assert sign_in(one if n % 2 else other, name, "wrong password, again").status_code == 401
    assert sign_in(other, "h0", PASSWORD).status_code == 429
    room.store.close()


def test_next_never_leaves_the_site(room: Newsroom) -> None:
    make_user(room.store, "ivy")
    for target in ("//evil.example/", "https://evil.example/", "/\\evil.example"):
        client = client_for(room.settings, room.store)
        assert sign_in(client, "ivy", next_path=target).headers["location"] == "/my"


def test_password_change_ends_sessions_and_checks_the_old_one(room: Newsroom) -> None:
    make_user(room.store, "jay")
    client = client_for(room.settings, room.store)
    sign_in(client, "jay")
    csrf = csrf_in(client.get("/account"))
    wrong = client.post(
        "/account/password", data={"csrf": csrf, "current": "nope", "new": "x" * 12}
    )
    assert wrong.status_code == 403
    short = client.post("/account/password", data={"csrf": csrf, "current": PASSWORD, "new": "x"})
    assert short.status_code == 400
    done = client.post(
        "/account/password",
        data={"csrf": csrf, "current": PASSWORD, "new": "a much longer secret"},
        follow_redirects=False,
    )
    assert done.status_code == 303
    assert client.get("/account", follow_redirects=False).status_code == 303
    assert sign_in(client, "jay", "a much longer secret").status_code == 303


def test_private_instance_asks_strangers_to_sign_in(room: Newsroom) -> None:
    settings = room.settings.model_copy(update={"access": "private"})
    make_user(room.store, "kim")
    stranger = client_for(settings, room.store)
    home = stranger.get("/", follow_redirects=False)
    assert home.status_code == 303 and home.headers["location"] == "/login?next=/"
    assert stranger.get("/api/stories").status_code == 401
    assert stranger.get("/feeds/top.xml").status_code == 401
    assert stranger.get("/static/style.css").status_code == 200
    assert stranger.get("/healthz").status_code == 200
    assert stranger.get("/metrics").status_code == 200
    assert stranger.get("/login").status_code == 200
    member = client_for(settings, room.store)
    sign_in(member, "kim")
    assert member.get("/").status_code == 200
    assert member.get("/api/stories").status_code == 200


def test_a_public_instance_cached_page_never_carries_a_session(room: Newsroom) -> None:
    make_user(room.store, "zqlea")
    member = client_for(room.settings, room.store)
    sign_in(member, "zqlea")
    member.get("/")
    stranger = client_for(room.settings, room.store)
    page = stranger.get("/")
    assert "zqlea" not in page.text and "set-cookie" not in page.headers


def test_trusted_proxy_header_signs_in_only_from_the_proxy(room: Newsroom) -> None:
    make_user(room.store, "max")
    trusting = room.settings.model_copy(
        update={"auth_proxy_header": "Remote-User", "auth_proxy_addresses": ("testclient",)}
    )
    via_proxy = client_for(trusting, room.store)
    page = via_proxy.get("/account", headers={"Remote-User": "max"})
    assert page.status_code == 200 and "max" in page.text
    elsewhere = room.settings.model_copy(
        update={"auth_proxy_header": "Remote-User", "auth_proxy_addresses": ("10.0.0.1",)}
    )
    direct = client_for(elsewhere, room.store)
    assert (
        direct.get("/account", headers={"Remote-User": "max"}, follow_redirects=False).status_code
        == 303
    )
