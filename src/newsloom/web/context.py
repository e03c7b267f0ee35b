"""What every route needs from the app: the store, the settings and the page renderer."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context
from jinja2.runtime import Context
from markupsafe import Markup
from sqlalchemy import Connection

from newsloom.settings import Settings
from newsloom.store import Store
from newsloom.web import html
from newsloom.web.cache import CatalogCache, ResponseCache
from newsloom.web.urls import absolute, picture_path
from newsloom.web.views import Catalog

TEMPLATES_DIR = Path(__file__).parent / "templates"
STATIC_DIR = Path(__file__).parent / "static"


def make_templates(settings: Settings) -> Environment:
    # autoescape=True for every template, whatever its file name: hostile titles stay text.
    env = Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,  # templates ship with the package: no stat() per render
    )
    env.filters["time_label"] = html.time_label
    env.filters["iso_time"] = html.iso_time
    env.filters["safe_href"] = html.safe_href
    env.filters["when"] = _when
    env.filters["sentence"] = html.sentence
    env.filters["article_link"] = html.article_link
    env.filters["absolute"] = lambda path: absolute(settings.site_url, path)
    env.filters["picture"] = picture_path
    env.filters["thumb"] = lambda key: picture_path(key, thumb=True)
    env.globals["site_title"] = settings.site_title
    return env


@pass_context
def _when(context: Context, moment: datetime) -> Markup:
    """``when`` relative to the page's ``now`` (``render`` passes the app's clock)."""
    return html.when(moment, context.get("now"))


def app_store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def app_catalog(request: Request, conn: Connection) -> Catalog:
    """The category catalog, from the app's cache (re-read every few seconds)."""
    cache: CatalogCache = request.app.state.catalog_cache
    return cache.get_catalog(conn)


def app_responses(request: Request) -> ResponseCache:
    """The app's cache of rendered story pages and API stories."""
    cache: ResponseCache = request.app.state.response_cache
    return cache


def app_now(request: Request) -> datetime:
    """The app's clock (``create_app(clock=...)``): aware UTC."""
    clock: Callable[[], datetime] = request.app.state.clock
    return clock()


def system_clock() -> datetime:
    return datetime.now(UTC)


def app_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def render(
    request: Request, template: str, context: dict[str, Any], status_code: int = 200
) -> HTMLResponse:
    env: Environment = request.app.state.templates
    context.setdefault("now", app_now(request))
    body = env.get_template(template).render(request_path=request.url.path, **context)
    return HTMLResponse(body, status_code=status_code)
