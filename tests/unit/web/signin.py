"""Helpers of the account tests: users made through the store, sign-in through the login form."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime

import httpx
from fastapi.testclient import TestClient

import newsloom.store.accounts as accounts_db
from newsloom.accounts.passwords import hash_password
from newsloom.settings import Settings
from newsloom.store import Store
from newsloom.web import create_app
from tests.unit.web.conftest import NOW

PASSWORD = "correct horse battery"
_HIDDEN_CSRF = re.compile(r'name="csrf" value="([^"]+)"')


def client_for(
    settings: Settings, store: Store, clock: Callable[[], datetime] = lambda: NOW
) -> TestClient:
    """A client of its own (its own cookies) over https, as the site's URL says."""
    app = create_app(settings, store=store, clock=clock)
    return TestClient(app, base_url="https://testserver")


def make_user(store: Store, name: str, *, admin: bool = False, password: str = PASSWORD) -> int:
    with store.write() as conn:
        return accounts_db.add_user(conn, name, hash_password(password), is_admin=admin, now=NOW).id


def csrf_in(page: httpx.Response) -> str:
    found = _HIDDEN_CSRF.search(page.text)
    assert found, "the page has no CSRF field"
    return found.group(1)


def sign_in(
    client: TestClient, name: str, password: str = PASSWORD, next_path: str = "/my"
) -> httpx.Response:
    form = client.get("/login")
    assert form.status_code == 200
    return client.post(
        "/login",
        data={"name": name, "password": password, "csrf": csrf_in(form), "next": next_path},
        follow_redirects=False,
    )
