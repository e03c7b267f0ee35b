"""Outgoing feeds: top stories, each category and a saved search, as RSS 2.0, Atom 1.0 and JSON Feed.

``/feeds/{top|<category>|search}.{xml|atom|json}``; the documents themselves are built in
newsloom.publish. Items link to the story page and carry its summary bullets.
"""

from __future__ import annotations

import html
import importlib.util
from collections.abc import Callable, Sequence
from datetime import datetime
from urllib.parse import quote

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import Response
from sqlalchemy import Connection

from newsloom.publish import (
    ATOM_CONTENT_TYPE,
    JSONFEED_CONTENT_TYPE,
    RSS_CONTENT_TYPE,
    FeedChannel,
    FeedImage,
    FeedItem,
    render_atom,
    render_jsonfeed,
    render_rss,
)
from newsloom.settings import Settings
from newsloom.web.caching import conditional
from newsloom.web.context import app_catalog, app_now, app_settings, app_store
from newsloom.web.ranking import top_story_ids
from newsloom.web.urls import absolute, picture_path
from newsloom.web.views import Catalog, StoryCard, cards_by_ids

FEED_SIZE = 50
MAX_QUERY_CHARS = 200
Renderer = Callable[[FeedChannel, Sequence[FeedItem]], bytes]
FORMATS: dict[str, tuple[Renderer, str]] = {
    "xml": (render_rss, RSS_CONTENT_TYPE),
    "atom": (render_atom, ATOM_CONTENT_TYPE),
    "json": (render_jsonfeed, JSONFEED_CONTENT_TYPE),
}
SEARCH_MODULE = "newsloom.search"

router = APIRouter(prefix="/feeds")


def _description(card: StoryCard) -> str:
    """The bullets as plain text, one per line; the headline while no summary exists."""
    return "\n".join(f"• {b}" for b in card.bullets) if card.bullets else card.headline


def _content_html(card: StoryCard, link: str, picture: str = "") -> str:
    """The picture (our copy), the bullets as an HTML list (each escaped), a link to the sources."""
    shown = ""
    if picture and card.image is not None:
        alt = f"Picture from {card.image.outlet or 'the source'}"
        shown = f'<p><img src="{html.escape(picture)}" alt="{html.escape(alt)}"></p>'
    bullets = "".join(f"<li>{html.escape(b)}</li>" for b in card.bullets)
    listed = f"<ul>{bullets}</ul>" if bullets else f"<p>{html.escape(card.headline)}</p>"
    outlets = f"{card.outlets} outlet{'s' if card.outlets != 1 else ''}"
    return f'{shown}{listed}<p><a href="{html.escape(link)}">Read the summary and its {outlets}</a></p>'


def feed_item(card: StoryCard, settings: Settings) -> FeedItem:
    link = absolute(settings.site_url, card.path)
    image = None
    if card.image is not None:
        image = FeedImage(
            url=absolute(settings.site_url, picture_path(card.image.key)),
            length=card.image.length,
            width=card.image.width,
            height=card.image.height,
        )
    return FeedItem(
        title=card.headline,
        link=link,
        published=card.first_seen,
        description=_description(card),
        categories=(card.category.name,),
        guid=absolute(settings.site_url, f"/story/{card.id}"),  # stays when the headline changes
        updated=card.updated,
        content_html=_content_html(card, link, image.url if image else ""),
        language=card.language,
        image=image,
    )


def _search_ids(conn: Connection, q: str, now: datetime) -> list[int]:
    if importlib.util.find_spec(SEARCH_MODULE) is None:
        raise HTTPException(404, "feeds: search is not available")
    from newsloom.search import search_stories

    return [h.story_id for h in search_stories(conn, q, limit=FEED_SIZE, now=now)]


def _selection(
    request: Request, conn: Connection, catalog: Catalog, name: str, q: str | None
) -> tuple[str, str, str, list[int]]:
    """(title, description, page path, story ids) of the feed called ``name``."""
    if name == "top":
        ids = top_story_ids(conn, limit=FEED_SIZE)
        return "top stories", "The most important stories", "/", ids
    if name == "search":
        query = (q or "").strip()
        if not query:
            raise HTTPException(422, "feeds: a search feed needs ?q=")
        ids = _search_ids(conn, query, app_now(request))
        return f"search “{query}”", f"Stories matching “{query}”", "/search", ids
    link = catalog.get(name)
    if link is None:
        raise HTTPException(404, f"feeds: no feed {name!r}")
    ids = top_story_ids(conn, limit=FEED_SIZE, category=link.slug)
    return link.name, f"The most important {link.name} stories", link.path, ids


@router.get("/{name}.{ext}", summary="Top, category or saved-search feed")
def feed(
    request: Request,
    name: str,
    ext: str,
    q: str | None = Query(None, max_length=MAX_QUERY_CHARS, description="search.* only"),
) -> Response:
    """RSS 2.0 (``.xml``), Atom 1.0 (``.atom``) or JSON Feed 1.1 (``.json``)."""
    if ext not in FORMATS:
        raise HTTPException(404, f"feeds: no feed format {ext!r}; use xml, atom or json")
    settings = app_settings(request)
    with app_store(request).read() as conn:
        catalog = app_catalog(request, conn)
        title, about, page, ids = _selection(request, conn, catalog, name, q)
        cards = cards_by_ids(conn, ids, catalog)
    query = f"?q={quote(q.strip())}" if name == "search" and q else ""
    newest = max((c.updated for c in cards), default=None)
    channel = FeedChannel(
        title=f"{settings.site_title}: {title}",
        link=absolute(settings.site_url, page + query),
        description=f"{about} on {settings.site_title}, summarised with citations.",
        self_url=absolute(settings.site_url, request.url.path + query),
        built=newest,
    )
    renderer, media_type = FORMATS[ext]
    body = renderer(channel, [feed_item(c, settings) for c in cards])
    return conditional(request, body, media_type, newest)
