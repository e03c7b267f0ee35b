"""Find the feed of a site from one of its HTML pages.

``feed_links`` reads ``<link rel="alternate">`` declarations (RSS, Atom, JSON Feed; comment feeds
last); ``common_feed_urls`` lists the paths feeds usually live at. ``find_feed`` tries both in that
order through a Fetcher (so every guard applies) and returns the first URL that parses as a feed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit, urlunsplit

from lxml import html as lxml_html

from newsloom.errors import ParseError
from newsloom.ingest.parse import detect_format, parse_feed
from newsloom.ingest.sanitize import absolute_url
from newsloom.records import ParsedFeed

if TYPE_CHECKING:
    from newsloom.ingest.fetch import Fetcher

FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/feed+json",
        "application/json",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
    }
)
COMMON_FEED_PATHS = ("/feed", "/rss.xml", "/atom.xml", "/index.xml", "/feed.xml", "/rss", "/feeds")
# Pages larger than this are not searched for <link> tags (the head comes first anyway).
MAX_HEAD_BYTES = 512_000
# At most this many candidate URLs are fetched for one site.
MAX_TRIES = 8


def feed_links(page: bytes | str, page_url: str) -> list[str]:
    """Feed URLs a page declares with ``<link rel="alternate" type="...">``, best first."""
    if isinstance(page, bytes):
        page = page[:MAX_HEAD_BYTES]
    if not page.strip():
        return []
    try:
        document = lxml_html.document_fromstring(page)
    except Exception:  # lxml raises several types on junk; no links is the honest answer
        return []
    base = next((b for b in document.xpath("//base/@href") if isinstance(b, str)), "")
    base_url = absolute_url(base, page_url) or page_url
    found: list[tuple[bool, str]] = []
    for link in document.xpath("//link[@href]"):
        rel = {r.lower() for r in (link.get("rel") or "").split()}
        kind = (link.get("type") or "").split(";")[0].strip().lower()
        if "alternate" not in rel or kind not in FEED_TYPES:
            continue
        url = absolute_url(link.get("href") or "", base_url)
        if url:
            found.append(("comment" in (link.get("title") or "").lower(), url))
    found.sort(key=lambda pair: pair[0])  # stable: comment feeds last, page order otherwise
    return list(dict.fromkeys(url for _, url in found))


def common_feed_urls(site_url: str) -> list[str]:
    """The usual feed locations at the root of ``site_url``'s host."""
    parts = urlsplit(site_url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return []
    return [urlunsplit((parts.scheme, parts.netloc, path, "", "")) for path in COMMON_FEED_PATHS]


def looks_like_feed(body: bytes) -> bool:
    return detect_format(body) in ("rss", "rdf", "atom", "json")


@dataclass(frozen=True)
class FoundFeed:
    """The outcome of a search: the feed's URL and parsed content, or the URLs tried."""

    url: str | None
    feed: ParsedFeed | None
    tried: tuple[str, ...]


async def find_feed(fetcher: Fetcher, page_url: str, page: bytes | None = None) -> FoundFeed:
    """The first feed declared by ``page`` (fetched when not given) or at a common path."""
    if page is None:
        result = await fetcher.fetch(page_url)
        page = result.body if result.ok else b""
        page_url = result.final_url if result.ok else page_url
    candidates = list(dict.fromkeys([*feed_links(page, page_url), *common_feed_urls(page_url)]))
    tried: list[str] = []
    for url in candidates[:MAX_TRIES]:
        if url == page_url:
            continue
        tried.append(url)
        if await fetcher.refusal(url):
            continue
        result = await fetcher.fetch(url)
        if not result.ok or not looks_like_feed(result.body):
            continue
        try:
            feed = parse_feed(result.body, result.final_url)
        except ParseError:
            continue
        return FoundFeed(url=result.final_url, feed=feed, tried=tuple(tried))
    return FoundFeed(url=None, feed=None, tried=tuple(tried))
