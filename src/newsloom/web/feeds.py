"""Outgoing feeds served by the app; the XML itself is built in newsloom.publish."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, Request
from fastapi.responses import Response

import newsloom.store as db
from newsloom.publish import RSS_CONTENT_TYPE, FeedChannel, FeedItem, render_rss
from newsloom.web.context import app_settings, app_store
from newsloom.web.urls import absolute
from newsloom.web.views import StoryCard, load_catalog, story_card

TOP_FEED_SIZE = 50

router = APIRouter(prefix="/feeds")


def _description(card: StoryCard) -> str:
    """The bullets as plain text, one per line; the headline while no summary exists."""
    return "\n".join(f"• {b}" for b in card.bullets) if card.bullets else card.headline


@router.get("/top.xml")
def top_feed(request: Request) -> Response:
    settings = app_settings(request)
    items: list[FeedItem] = []
    updated: list[datetime] = []
    with app_store(request).read() as conn:
        catalog = load_catalog(conn)
        for story in db.list_stories(conn, limit=TOP_FEED_SIZE):
            card = story_card(conn, story, catalog)
            updated.append(card.updated)
            items.append(
                FeedItem(
                    title=card.headline,
                    link=absolute(settings.site_url, card.path),
                    published=story.first_seen,
                    description=_description(card),
                    categories=(card.category.name,),
                )
            )
    channel = FeedChannel(
        title=f"{settings.site_title}: top stories",
        link=absolute(settings.site_url, "/"),
        description=f"The most important stories on {settings.site_title}, auto-summarised.",
        self_url=absolute(settings.site_url, request.url.path),
        built=max(updated, default=None),
    )
    return Response(render_rss(channel, items), media_type=RSS_CONTENT_TYPE)
