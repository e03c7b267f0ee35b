"""newsloom publish stage: outgoing feeds (RSS 2.0, Atom 1.0, JSON Feed 1.1) rendered from stories."""

from newsloom.publish.atom import ATOM_CONTENT_TYPE, render_atom, rfc3339
from newsloom.publish.jsonfeed import JSONFEED_CONTENT_TYPE, jsonfeed_document, render_jsonfeed
from newsloom.publish.rss import (
    RSS_CONTENT_TYPE,
    FeedChannel,
    FeedImage,
    FeedItem,
    render_rss,
    rfc822,
)

__all__ = [
    "ATOM_CONTENT_TYPE",
    "JSONFEED_CONTENT_TYPE",
    "RSS_CONTENT_TYPE",
    "FeedChannel",
    "FeedImage",
    "FeedItem",
    "jsonfeed_document",
    "render_atom",
    "render_jsonfeed",
    "render_rss",
    "rfc822",
    "rfc3339",
]
