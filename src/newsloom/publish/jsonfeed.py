"""JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/) documents."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from newsloom.publish.atom import rfc3339
from newsloom.publish.rss import FeedChannel, FeedItem

JSONFEED_VERSION = "https://jsonfeed.org/version/1.1"
JSONFEED_CONTENT_TYPE = "application/feed+json; charset=utf-8"


def jsonfeed_document(channel: FeedChannel, items: Sequence[FeedItem]) -> dict[str, Any]:
    """The feed as a JSON-ready dict. Each item has ``id`` (a string), ``url`` and one of
    ``content_html`` / ``content_text`` (the spec requires at least one)."""
    document: dict[str, Any] = {
        "version": JSONFEED_VERSION,
        "title": channel.title,
        "home_page_url": channel.link,
        "feed_url": channel.self_url,
        "description": channel.description,
        "authors": [{"name": channel.title, "url": channel.link}],
    }
    if channel.language:
        document["language"] = channel.language
    if channel.icon:
        document["icon"] = channel.icon
    document["items"] = [_item(i) for i in items]
    return document


def _item(item: FeedItem) -> dict[str, Any]:
    entry: dict[str, Any] = {"id": item.id, "url": item.link, "title": item.title}
    if item.content_html:
        entry["content_html"] = item.content_html
    entry["content_text"] = item.description or item.title
    if item.description:
        entry["summary"] = item.description
    entry["date_published"] = rfc3339(item.published)
    if item.updated is not None:
        entry["date_modified"] = rfc3339(item.updated)
    if item.categories:
        entry["tags"] = list(item.categories)
    if item.language:
        entry["language"] = item.language
    if item.image is not None:
        entry["image"] = item.image.url
        entry["attachments"] = [
            {
                "url": item.image.url,
                "mime_type": item.image.media_type,
                "size_in_bytes": item.image.length,
            }
        ]
    return entry


def render_jsonfeed(channel: FeedChannel, items: Sequence[FeedItem]) -> bytes:
    """UTF-8 JSON; '<', '>' and '&' are written as \\u escapes so the body is inert if sniffed."""
    text = json.dumps(jsonfeed_document(channel, items), ensure_ascii=False, indent=1)
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(raw, escaped)
    return text.encode("utf-8")
