"""Signing in and out (``/login``, ``/logout``) and the account page (``/account``).

Login: rate-limited per account name and per client address (counted in the database, so every
worker shares the count), Argon2 verification (rehashed when the parameters changed), and always
a new session token: a session id planted before login is never the one used after it.
"""

from __future__ import annotations

from datetime import timedelta

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

import newsloom.store.accounts as accounts_db
from newsloom.accounts import ratelimit
from newsloom.accounts.passwords import (
    DUMMY_HASH,
    MAX_PASSWORD,
    hash_password,
    verify_password,
)
from newsloom.accounts.records import Session
from newsloom.accounts.tokens import new_token, same, token_hash
from newsloom.errors import AccountError
from newsloom.web.context import app_catalog, app_now, app_settings, app_store, render
from newsloom.web.forms import Form
from newsloom.web.session import (
    COOKIE,
    LOGIN_CSRF_COOKIE,
    client_address,
    cookie_header,
    csrf_checked,
    current_session,
    login_redirect,
)

router = APIRouter(include_in_schema=False, dependencies=[Depends(csrf_checked)])
MAX_NAME = 200  # longer is no user name; refused before any work


def safe_next(target: str | None) -> str:
    """Where to go after signing in: a path on this site only (no //host, no scheme)."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/my"
    return target


def _login_page(
    request: Request, *, next_path: str, message: str = "", status: int = 200
) -> HTMLResponse:
    token = new_token()
    with app_store(request).read() as conn:
        catalog = app_catalog(request, conn)
    context = {
        "catalog": catalog,
        "canonical": None,
        "csrf": token,
        "next": next_path,
        "message": message,
    }
    response = render(request, "login.html", context, status_code=status)
    # Login CSRF: the form's token must match this cookie (double submit), so another site
    # cannot sign a browser into the attacker's account.
    settings = app_settings(request)
    response.headers.append(
        "set-cookie", cookie_header(settings, LOGIN_CSRF_COOKIE, token, max_age=3600)
    )
    response.headers["Cache-Control"] = "no-store"
    return response


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, next: str | None = None) -> Response:
    if current_session(request) is not None:
        return RedirectResponse(safe_next(next), status_code=303)
    return _login_page(request, next_path=safe_next(next))


@router.post("/login", response_class=HTMLResponse)
def login(request: Request, form: Form) -> Response:
    name = form.text("name", MAX_NAME)
    password = form.text("password", MAX_PASSWORD)
    csrf = form.text("csrf", 200)
    target = safe_next(form.text("next", 2000) or "/my")
    expected = request.cookies.get(LOGIN_CSRF_COOKIE, "")
    if not expected or not same(csrf, expected):
        return _login_page(
            request,
            next_path=target,
            message="The form expired. Please sign in again.",
            status=403,
        )
    account = name.strip().lower()
    client = client_address(request.scope)
    now = app_now(request)
    store = app_store(request)
    with store.read() as conn:
        by_account, by_client = accounts_db.failures_since(
            conn, account, client, now - ratelimit.WINDOW
        )
        stored = accounts_db.password_hash_of(conn, account)
    if ratelimit.limited(by_account, by_client):
        minutes = int(ratelimit.WINDOW.total_seconds() // 60)
        response = _login_page(
            request,
            next_path=target,
            message=f"Too many failed sign-ins. Try again in {minutes} minutes.",
            status=429,
        )
        response.headers["Retry-After"] = str(int(ratelimit.WINDOW.total_seconds()))
        return response
    ok, rehashed = verify_password(stored[1] if stored else DUMMY_HASH, password)
    if stored is None or not ok:
        with store.write() as conn:
            accounts_db.record_failure(conn, account, client, now)
        return _login_page(
            request, next_path=target, message="Wrong user name or password.", status=401
        )
    user_id = stored[0]
    settings = app_settings(request)
    fresh, csrf_token = new_token(), new_token()
    with store.write() as conn:
        if rehashed is not None:
            accounts_db.rehash_password(conn, user_id, rehashed, api=False)
        accounts_db.clear_failures(conn, account, now - ratelimit.WINDOW)
        old = request.scope.get("state", {}).get("session_token_hash")
        if old:
            accounts_db.end_session(conn, old)  # whatever session the browser had is over
        accounts_db.add_session(
            conn,
            user_id,
            token_hash(fresh),
            csrf_token,
            now=now,
            expires=now + timedelta(days=settings.session_days),
        )
    done = RedirectResponse(target, status_code=303)
    max_age = int(settings.session_days * 86400)
    done.headers.append("set-cookie", cookie_header(settings, COOKIE, fresh, max_age=max_age))
    done.headers.append("set-cookie", cookie_header(settings, LOGIN_CSRF_COOKIE, "", max_age=0))
    return done


@router.post("/logout")
def logout(request: Request) -> Response:
    old = request.scope.get("state", {}).get("session_token_hash")
    if old:
        with app_store(request).write() as conn:
            accounts_db.end_session(conn, old)
    response = RedirectResponse("/", status_code=303)
    response.headers.append(
        "set-cookie", cookie_header(app_settings(request), COOKIE, "", max_age=0)
    )
    return response


# -- the account page -------------------------------------------------------------------------------


def account_page(
    request: Request, session: Session, *, notice: str = "", secret: str = "", status: int = 200
) -> HTMLResponse:
    with app_store(request).read() as conn:
        catalog = app_catalog(request, conn)
        user = accounts_db.get_user(conn, session.user.id) or session.user
        has_feed = accounts_db.has_feed_token(conn, user.id)
    context = {
        "catalog": catalog,
        "canonical": None,
        "user": user,
        "csrf": session.csrf,
        "notice": notice,
        "secret": secret,
        "has_feed": has_feed,
    }
    response = render(request, "account.html", context, status_code=status)
    response.headers["Cache-Control"] = "no-store"
    return response


@router.get("/account", response_class=HTMLResponse)
def account(request: Request) -> Response:
    session = current_session(request)
    if session is None:
        return login_redirect(request)
    return account_page(request, session)


@router.post("/account/password", response_class=HTMLResponse)
def change_password(request: Request, form: Form) -> Response:
    current, new = form.text("current", MAX_PASSWORD), form.text("new", MAX_PASSWORD)
    session = current_session(request)
    if session is None:
        return login_redirect(request)
    store = app_store(request)
    with store.read() as conn:
        stored = accounts_db.password_hash_of(conn, session.user.name)
    if stored is None or not verify_password(stored[1], current)[0]:
        return account_page(request, session, notice="The current password is wrong.", status=403)
    try:
        hashed = hash_password(new)
    except AccountError as exc:
        return account_page(request, session, notice=str(exc), status=400)
    with store.write() as conn:
        accounts_db.set_password(conn, session.user.id, hashed)  # ends every session
    return RedirectResponse("/login", status_code=303)


@router.post("/account/api-password", response_class=HTMLResponse)
def new_api_password(request: Request) -> Response:
    """A new random password for reader apps (shown once); apps signed in with the old one stop."""
    session = current_session(request)
    if session is None:
        return login_redirect(request)
    secret = new_token()[:24]
    with app_store(request).write() as conn:
        accounts_db.set_password(conn, session.user.id, hash_password(secret), api=True)
    return account_page(request, session, notice="New API password:", secret=secret)


@router.post("/account/profile", response_class=HTMLResponse)
def profile(request: Request, form: Form) -> Response:
    email, digest = form.text("email", 320), form.text("digest", 10)
    session = current_session(request)
    if session is None:
        return login_redirect(request)
    address = email.strip()
    if address and ("@" not in address or any(c in address for c in " \r\n<>,;")):
        return account_page(request, session, notice="That is not an e-mail address.", status=400)
    with app_store(request).write() as conn:
        accounts_db.update_profile(conn, session.user.id, email=address, digest=bool(digest))
    return RedirectResponse("/account", status_code=303)
