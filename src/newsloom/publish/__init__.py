"""newsloom publish stage: outgoing feeds (RSS 2.0) rendered from stories."""

from newsloom.publish.rss import RSS_CONTENT_TYPE, FeedChannel, FeedItem, render_rss, rfc822

__all__ = ["RSS_CONTENT_TYPE", "FeedChannel", "FeedItem", "render_rss", "rfc822"]
