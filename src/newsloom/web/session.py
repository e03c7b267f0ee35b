"""Who is asking: the session cookie (or a trusted proxy's header), the private-instance gate,
and CSRF checks for the HTML forms.

``AccountGate`` is plain ASGI, outside the front cache: it puts the signed-in ``Session`` (or None)
in ``scope["state"]["session"]`` before any page is served from memory, so that a private
instance never answers from the cache to a stranger and a signed-in reader's pages are never
shared (``frontcache`` skips them).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import quote

from anyio import to_thread
from fastapi import HTTPException, Request
from starlette.datastructures import MutableHeaders
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

import newsloom.store.accounts as accounts_db
from newsloom.accounts.records import Session, User
from newsloom.accounts.tokens import new_token, same, token_hash
from newsloom.settings import Settings
from newsloom.store import Store
from newsloom.web.forms import read_form

COOKIE = "newsloom_session"
LOGIN_CSRF_COOKIE = "newsloom_login_csrf"
# Reachable without signing in on a private instance: the login form and what it needs, the
# reader apps' own sign-in (they authenticate every call), token feeds and the probes (counts and
# health, no content: restrict them by network as for a public instance).
OPEN_PATHS = ("/login", "/static/", "/favicon.ico", "/healthz", "/metrics", "/accounts/ClientLogin")
OPEN_PREFIXES = ("/reader/api/", "/feeds/u/", "/static/")
UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def secure_cookies(settings: Settings) -> bool:
    """Cookies carry Secure when the site is served over https (its public URL says so)."""
    return settings.site_url.lower().startswith("https://")


def cookie_header(
    settings: Settings, name: str, value: str, *, max_age: int | None, path: str = "/"
) -> str:
    """One Set-Cookie value: HttpOnly (no script reads it), SameSite=Lax (no cross-site POST
    carries it), Secure on an https site."""
    parts = [f"{name}={value}", f"Path={path}", "HttpOnly", "SameSite=Lax"]
    if max_age is not None:
        parts.append(f"Max-Age={max_age}")
    if secure_cookies(settings):
        parts.append("Secure")
    return "; ".join(parts)


def _cookie(scope: Scope, name: str) -> str | None:
    for key, value in scope.get("headers", []):
        if key == b"cookie":
            jar: SimpleCookie = SimpleCookie()
            try:
                jar.load(value.decode("latin-1"))
            except Exception:
                continue
            if name in jar:
                return jar[name].value
    return None


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return str(value.decode("latin-1"))
    return None


def client_address(scope: Scope) -> str:
    client = scope.get("client")
    return str(client[0]) if client else "unknown"


@dataclass(frozen=True)
class Resolved:
    """Who a request's credentials name, if anyone."""

    session: Session | None
    token_hash: str | None
    new_cookie: str = ""  # a session made for a proxy-authenticated user


def _resolve(store: Store, settings: Settings, scope: Scope, now: datetime) -> Resolved:
    token = _cookie(scope, COOKIE)
    session: Session | None = None
    hashed = token_hash(token) if token else None
    if hashed is not None:
        with store.read() as conn:
            session = accounts_db.session_of(conn, hashed, now)
    proxied = _proxy_user_name(settings, scope)
    if proxied is None:
        return Resolved(session, hashed if session else None)
    if session is not None and session.user.name == proxied:
        return Resolved(session, hashed)
    # The proxy vouches for a user this browser has no session of: start one, like a login.
    with store.write() as conn:
        user = accounts_db.user_by_name(conn, proxied)
        if user is None:
            return Resolved(None, None)
        fresh, csrf = new_token(), new_token()
        expires = now + timedelta(days=settings.session_days)
        accounts_db.add_session(conn, user.id, token_hash(fresh), csrf, now=now, expires=expires)
    cookie = cookie_header(settings, COOKIE, fresh, max_age=int(settings.session_days * 86400))
    return Resolved(Session(user, csrf, expires), token_hash(fresh), cookie)


def _proxy_user_name(settings: Settings, scope: Scope) -> str | None:
    """The user name a trusted proxy sent; None unless the request came from one of them."""
    if not settings.auth_proxy_header or client_address(scope) not in settings.auth_proxy_addresses:
        return None
    value = _header(scope, settings.auth_proxy_header.lower().encode("latin-1"))
    return value.strip().lower() if value and value.strip() else None


def _open(path: str) -> bool:
    return path in OPEN_PATHS or path.startswith(OPEN_PREFIXES)


def _wants_json(path: str) -> bool:
    return path.startswith(("/api/", "/feeds/")) or path == "/api"


class AccountGate:
    """Resolves the session of every HTTP request; on a private instance, turns strangers away."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        state: dict[str, Any] = scope.setdefault("state", {})
        application = scope["app"]
        settings: Settings = application.state.settings
        path: str = scope["path"]
        if path.startswith("/static/"):
            await self.app(scope, receive, send)
            return
        now = application.state.clock()
        if _cookie(scope, COOKIE) is None and _proxy_user_name(settings, scope) is None:
            resolved = Resolved(None, None)  # most requests: no thread, no database
        else:
            resolved = await to_thread.run_sync(
                _resolve, application.state.store, settings, scope, now
            )
        state["session"] = resolved.session
        state["session_token_hash"] = resolved.token_hash
        if resolved.session is None and settings.access == "private" and not _open(path):
            await _turn_away(scope, receive, send, path)
            return
        if not resolved.new_cookie:
            await self.app(scope, receive, send)
            return

        async def with_cookie(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message).append("set-cookie", resolved.new_cookie)
            await send(message)

        await self.app(scope, receive, with_cookie)


async def _turn_away(scope: Scope, receive: Receive, send: Send, path: str) -> None:
    response: Response
    if _wants_json(path):
        response = JSONResponse({"detail": "accounts: sign in first"}, status_code=401)
    elif scope["method"] in ("GET", "HEAD"):
        response = RedirectResponse(f"/login?next={quote(path, safe='/')}", status_code=303)
    else:
        response = JSONResponse({"detail": "accounts: sign in first"}, status_code=401)
    await response(scope, receive, send)


# -- for routes -------------------------------------------------------------------------------------


def current_session(request: Request) -> Session | None:
    session: Session | None = request.scope.get("state", {}).get("session")
    return session


def current_user(request: Request) -> User | None:
    session = current_session(request)
    return session.user if session is not None else None


def login_redirect(request: Request) -> RedirectResponse:
    """303 to the login page, coming back here afterwards."""
    return RedirectResponse(f"/login?next={quote(request.url.path, safe='/')}", status_code=303)


def require_admin(request: Request) -> Session:
    """The signed-in administrator's session: 401 without a session, 403 for other users."""
    session = current_session(request)
    if session is None:
        raise HTTPException(401, "accounts: sign in first")
    if not session.user.is_admin:
        raise HTTPException(403, "accounts: only an administrator may do this")
    return session


async def csrf_checked(request: Request) -> None:
    """Every unsafe request of the HTML forms carries the session's CSRF token (field ``csrf``).

    SameSite=Lax already keeps the cookie off cross-site POSTs; the token also covers browsers
    that ignore SameSite and same-site attackers (another app on a sibling subdomain)."""
    if request.method not in UNSAFE or request.url.path == "/login":
        return  # the login form has its own token, tied to a cookie (no session exists yet)
    session = current_session(request)
    if session is None:
        return  # the route's own ``signed_in`` says what is wrong
    given = (await read_form(request)).get("csrf", "")
    if not given or not same(given, session.csrf):
        raise HTTPException(403, "accounts: the form's security token is missing or stale")
