"""newsloom web stage: server-rendered site, JSON API and outgoing feeds (FastAPI + Jinja2)."""

from newsloom.web.app import create_app

__all__ = ["create_app"]
