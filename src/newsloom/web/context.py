"""What every route needs from the app: the store, the settings and the page renderer."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from newsloom.settings import Settings
from newsloom.store import Store
from newsloom.web.urls import absolute

TEMPLATES_DIR = Path(__file__).parent / "templates"
STATIC_DIR = Path(__file__).parent / "static"


def time_label(moment: datetime) -> str:
    """'3 Jun 2026, 18:00 UTC': absolute, so pages do not depend on when they are viewed."""
    utc = moment.astimezone(UTC)
    return f"{utc.day} {utc:%b %Y, %H:%M} UTC"


def iso_time(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def safe_href(url: str) -> str:
    """The URL if it is http(s), else "": feeds may carry javascript: or data: links."""
    parts = urlsplit(url.strip())
    return url.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else ""


def make_templates(settings: Settings) -> Environment:
    # autoescape=True for every template, whatever its file name: hostile titles stay text.
    env = Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["time_label"] = time_label
    env.filters["iso_time"] = iso_time
    env.filters["safe_href"] = safe_href
    env.filters["absolute"] = lambda path: absolute(settings.site_url, path)
    env.globals["site_title"] = settings.site_title
    return env


def app_store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


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
    body = env.get_template(template).render(request_path=request.url.path, **context)
    return HTMLResponse(body, status_code=status_code)
