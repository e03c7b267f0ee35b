"""The FastAPI application: routers, static files, error pages and security headers."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import datetime

from anyio import to_thread
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newsloom.categorize.taxonomy import TAXONOMY
from newsloom.errors import NewsloomError
from newsloom.records import Source
from newsloom.settings import Settings
from newsloom.store import Store
from newsloom.web import (
    admin,
    admin_users,
    api,
    api_write,
    apidocs,
    auth,
    feeds,
    greader,
    metrics,
    pages,
    personal,
    pictures,
    search,
    sitefiles,
    userfeeds,
)
from newsloom.web.cache import CatalogCache, ResponseCache, TimedValue
from newsloom.web.context import STATIC_DIR, app_catalog, make_templates, render, system_clock
from newsloom.web.frontcache import FrontCache
from newsloom.web.session import AccountGate
from newsloom.web.urls import category_path
from newsloom.web.views import Catalog, CategoryLink

log = logging.getLogger(__name__)

# No scripts anywhere; styles and images only from this site (pictures are our own copies).
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'none'; object-src 'none'; img-src 'self' data:; "
        "base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
}


def create_app(
    settings: Settings,
    store: Store | None = None,
    clock: Callable[[], datetime] = system_clock,
) -> FastAPI:
    """The web app over ``store``; opens (and on shutdown closes) its own store when None.

    ``clock`` gives "now" (aware UTC) to whatever depends on it: the archive's last day, search.
    """
    owned = store is None

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # Page and API handlers are plain functions run on anyio's thread pool (40 threads).
        # Their work is Python and SQLite calls that hand the interpreter lock back and forth, so
        # several at once in one process mostly wait for that lock: on 2 cores, 4 concurrent
        # searches per process took 55 ms each for 8 ms of CPU. Scale out with processes
        # (``web_workers``); threads only help while a request waits on a database server.
        to_thread.current_default_thread_limiter().total_tokens = request_threads(settings)
        yield
        if owned:
            app.state.store.close()

    app = FastAPI(
        title=settings.site_title,
        lifespan=lifespan,
        docs_url=None,  # FastAPI's docs pull JavaScript from a CDN; /api is served instead
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.settings = settings
    app.state.store = store if store is not None else Store.open(settings)
    app.state.templates = make_templates(settings)
    app.state.clock = clock
    app.state.catalog_cache = CatalogCache()
    app.state.response_cache = ResponseCache()
    app.state.search_options = TimedValue[tuple[list[Source], list[str]]]()

    # Inside the request timer (hits are timed under the route that made them), outside routing.
    app.add_middleware(FrontCache)
    app.add_middleware(AccountGate)  # outside the cache: who asks decides what may be served
    metrics.install(app)  # /metrics, /healthz (database, last refresh), request latency

    @app.get("/healthz", include_in_schema=False)
    def healthz() -> dict[str, str]:
        return {"status": "ok"}

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.include_router(api.router)
    app.include_router(api_write.router)
    app.include_router(apidocs.router)
    app.include_router(feeds.router)
    app.include_router(search.router)
    app.include_router(auth.router)  # /login, /logout, /account
    app.include_router(admin.router)  # /admin/sources
    app.include_router(admin_users.router)  # /admin/users
    app.include_router(greader.router)  # /accounts/ClientLogin, /reader/api/0/...
    app.add_exception_handler(greader.Unauthorized, greader.unauthorized)
    app.include_router(userfeeds.router)  # /feeds/u/<token>.xml: one user's stories
    app.include_router(personal.router)  # /my: follows, mutes, saved, read state
    app.include_router(pictures.router)  # /images/<key>.jpg
    app.include_router(sitefiles.router)  # /robots.txt, /sitemap.xml, /favicon.ico
    app.include_router(pages.router)  # last: its "/{category}" routes catch everything else
    app.add_exception_handler(StarletteHTTPException, _http_error)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, _invalid_request)  # type: ignore[arg-type]
    app.add_exception_handler(NewsloomError, _internal_error)  # type: ignore[arg-type]
    app.add_middleware(SecurityHeaders)
    return app


def request_threads(settings: Settings) -> int:
    if settings.web_threads:
        return settings.web_threads
    return 4 if settings.database_url.startswith("postgresql") else 1


class SecurityHeaders:
    """Adds SECURITY_HEADERS to every HTTP response that does not set them itself.

    Plain ASGI rather than ``@app.middleware``: that one runs each request in an extra task and
    streams the body through a queue, a large share of a cached page's cost.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers.setdefault(name, value)
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith(("/api/", "/feeds/")) or request.url.path == "/api"


def _catalog(request: Request) -> Catalog:
    """Categories for the error page's navigation, even when the store is unreachable."""
    try:
        with request.app.state.store.read() as conn:
            return app_catalog(request, conn)
    except NewsloomError:
        return Catalog(
            tuple(
                CategoryLink(c.slug, c.name, c.description, category_path(c.slug)) for c in TAXONOMY
            )
        )


def _error_page(request: Request, status: int, title: str, message: str) -> HTMLResponse:
    context = {"catalog": _catalog(request), "title": title, "message": message, "canonical": None}
    return render(request, "error.html", context, status_code=status)


async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
    if _wants_json(request):
        return JSONResponse(
            {"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers
        )
    if exc.status_code == 404:
        return _error_page(request, 404, "Page not found", "There is no page at this address.")
    if exc.status_code == 410:
        return _error_page(
            request, 410, "Story removed", "This story was removed and is no longer available."
        )
    return _error_page(request, exc.status_code, "Request failed", str(exc.detail))


async def _invalid_request(request: Request, exc: RequestValidationError) -> Response:
    if _wants_json(request):
        errors = [
            {k: v for k, v in e.items() if k in ("type", "loc", "msg", "input")}
            for e in exc.errors()
        ]
        return JSONResponse({"detail": errors}, status_code=422)
    return _error_page(request, 400, "Bad request", "This address has an invalid parameter.")


async def _internal_error(request: Request, exc: NewsloomError) -> Response:
    log.error("web: %s failed: %s", request.url.path, exc)
    if _wants_json(request):
        return JSONResponse({"detail": "api: internal error"}, status_code=500)
    return _error_page(request, 500, "Something went wrong", "Please try again later.")
