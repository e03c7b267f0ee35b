"""Feed bodies to ParsedFeed: RSS 0.9x/2.0, RSS 1.0 (RDF), Atom 0.3/1.0 (feedparser) and JSON Feed.

Every body first goes through ``xmlsafety.make_safe`` (control characters, entity declarations,
mislabelled encodings). What can be recovered is returned with warnings; ParseError is raised only
when nothing is recoverable.
"""

from __future__ import annotations

import io
import re
from typing import Any

import feedparser

from newsloom.errors import ParseError, unexpected
from newsloom.ingest.dates import from_struct, parse_datetime
from newsloom.ingest.jsonfeed import parse_json_feed
from newsloom.ingest.sanitize import absolute_url, clean_html, entry_guid, plain_text, safe_url
from newsloom.ingest.xmlsafety import declares_entities, make_safe
from newsloom.records import FeedEntry, FeedFormat, ParsedFeed

_PROLOG_NOISE = re.compile(rb"^(?:\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>)", re.DOTALL | re.I)
_ROOT_TAG = re.compile(rb"^<([A-Za-z_][\w.:-]*)")
_ROOT_FORMATS: dict[bytes, FeedFormat] = {
    b"rss": "rss",
    b"channel": "rss",
    b"rdf": "rdf",
    b"feed": "atom",
    b"urlset": "sitemap",
    b"sitemapindex": "sitemap",
    b"opml": "opml",
}
_UPDATE_PERIOD_MINUTES = {
    "hourly": 60,
    "daily": 1440,
    "weekly": 7 * 1440,
    "monthly": 30 * 1440,
    "yearly": 365 * 1440,
}


def detect_format(body: bytes) -> FeedFormat:
    """Sniff the format from the first bytes: the JSON object or the XML root element."""
    head = body[:4096].lstrip(b"\xef\xbb\xbf")
    if head.lstrip().startswith(b"{"):
        return "json"
    head, _ = make_safe(head)
    while True:
        match = _PROLOG_NOISE.match(head)
        if not match or match.end() == 0:
            break
        head = head[match.end() :]
    root = _ROOT_TAG.match(head)
    if root is None:
        return "unknown"
    local = root.group(1).rsplit(b":", 1)[-1].lower()
    return _ROOT_FORMATS.get(local, "unknown")


def _format_of(version: str, sniffed: FeedFormat) -> FeedFormat:
    if version.startswith(("rss090", "rss10")):
        return "rdf"
    if version.startswith("rss"):
        return "rss"
    if version.startswith("atom"):
        return "atom"
    return sniffed if sniffed in ("rss", "rdf", "atom") else "unknown"


def _ttl_minutes(feed: Any) -> int | None:
    try:
        ttl = int(str(feed.get("ttl", "")).strip())
        return ttl if ttl > 0 else None
    except ValueError:
        pass
    period = _UPDATE_PERIOD_MINUTES.get(str(feed.get("sy_updateperiod", "")).strip().lower())
    if period is None:
        return None
    try:
        frequency = max(1, int(str(feed.get("sy_updatefrequency", "1")).strip()))
    except ValueError:
        frequency = 1
    return max(1, period // frequency)


def _is_image(media: Any) -> bool:
    kind = str(media.get("medium") or media.get("type") or "")
    return kind == "image" or kind.startswith("image/")


def _media(entry: Any, base: str) -> tuple[str, tuple[str, ...]]:
    """(lead image, enclosure URLs) from media:thumbnail, media:content, enclosures and images."""
    thumbnails = [m.get("url", "") for m in entry.get("media_thumbnail") or []]
    contents = entry.get("media_content") or []
    enclosures = [e for e in entry.get("enclosures") or [] if e.get("href")]
    image_candidates = [
        *thumbnails,
        *(m.get("url", "") for m in contents if _is_image(m)),
        *(e.get("href", "") for e in enclosures if _is_image(e)),
        (entry.get("image") or {}).get("href", ""),
    ]
    image = next((u for c in image_candidates if (u := absolute_url(c, base))), "")
    attached: list[str] = []
    for raw in [*(e.get("href", "") for e in enclosures), *(m.get("url", "") for m in contents)]:
        url = absolute_url(raw, base)
        if url and url not in attached:
            attached.append(url)
    return image, tuple(attached)


def _authors(entry: Any) -> tuple[str, ...]:
    names = [plain_text(a.get("name", "")) for a in entry.get("authors") or [] if a]
    names = [n for n in names if n]
    if not names and entry.get("author"):
        names = [plain_text(entry["author"])]
    return tuple(dict.fromkeys(names))


def _language(entry: Any) -> str:
    for detail in (entry.get("title_detail"), *(entry.get("content") or [])):
        if detail and detail.get("language"):
            return str(detail["language"]).lower()
    return str(entry.get("language") or "").lower()


def _categories(entry: Any) -> tuple[str, ...]:
    """The item's category terms in feed order (feedparser gathers RSS <category>, Atom
    <category term/label> and dc:subject into ``tags``), each once."""
    terms = (
        plain_text(str(t.get("term") or t.get("label") or "")) for t in entry.get("tags") or []
    )
    return tuple(dict.fromkeys(t for t in terms if t))


def _entry(entry: Any, base: str) -> FeedEntry:
    guid = entry_guid(str(entry.get("id") or ""))
    # No link, but an id that is an http(s) URL (Atom permalink ids): that is the link.
    link = absolute_url(entry.get("link", ""), base) or (
        safe_url(guid) if guid.lower().startswith(("http://", "https://")) else ""
    )
    html_base = link or base
    content = next((c.get("value", "") for c in entry.get("content") or [] if c.get("value")), "")
    summary = entry.get("summary", "")
    image, enclosures = _media(entry, base)
    return FeedEntry(
        url=link,
        guid=guid,
        title=plain_text(entry.get("title", "")),
        summary_html=clean_html(summary if summary != content else "", html_base),
        content_html=clean_html(content, html_base),
        published=from_struct(entry.get("published_parsed") or entry.get("created_parsed"))
        # feedparser reads English dates only; localised RFC 822 ("mer, 16 nov 2022") too.
        or parse_datetime(dict.get(entry, "published")),
        # dict.get skips feedparser's deprecated fallback from updated to published.
        updated=from_struct(dict.get(entry, "updated_parsed")),
        authors=_authors(entry),
        image=image,
        enclosures=enclosures,
        language=_language(entry),
        categories=_categories(entry),
    )


def _parse_xml(body: bytes, url: str, warnings: list[str]) -> ParsedFeed:
    sniffed = detect_format(body)
    if sniffed in ("sitemap", "opml"):
        raise ParseError(f"parse: this is a {sniffed} document, not a feed ({url})")
    try:
        # A stream (not bytes or str) so feedparser never treats the body as a URL or a file name.
        result = feedparser.parse(
            io.BytesIO(body),
            # The content type stops a spurious bozo; the charset comes from the XML declaration.
            response_headers={"content-location": url, "content-type": "application/xml"},
            resolve_relative_uris=True,
            sanitize_html=True,
        )
    except _LIBRARY_ERRORS as exc:  # feedparser has edge cases of its own; they are the feed's
        raise ParseError(unexpected("parse", exc, url)) from exc
    version = str(result.get("version") or "")
    feed = result.get("feed") or {}
    if not version and not result.entries:
        looks_html = body[:2048].lower().find(b"<html") >= 0
        what = "an HTML page" if looks_html else "no feed"
        raise ParseError(f"parse: {what}, nothing to read ({url})")
    if result.get("bozo") and not result.entries:
        # Broken before its first entry: an empty feed would hide that the source is unreadable.
        raise ParseError(
            f"parse: malformed feed, no entry readable: {result.bozo_exception} ({url})"
        )
    if result.get("bozo"):
        warnings.append(
            f"parse: malformed feed, recovered what could be read: {result.bozo_exception}"
        )
    return ParsedFeed(
        format=_format_of(version, sniffed),
        title=plain_text(feed.get("title", "")),
        link=absolute_url(feed.get("link", ""), url),
        language=str(feed.get("language") or "").strip().lower(),
        ttl_minutes=_ttl_minutes(feed),
        entries=tuple(_readable_entries(result.entries, url, warnings)),
        warnings=tuple(warnings),
    )


# What feedparser and the helpers under it raise on hostile input, besides their own bozo flag.
_LIBRARY_ERRORS = (
    ValueError,
    TypeError,
    OverflowError,
    RecursionError,
    UnicodeError,
    LookupError,
    AssertionError,
    AttributeError,
)


def _readable_entries(raw: list[Any], url: str, warnings: list[str]) -> list[FeedEntry]:
    """Each entry feedparser found, read on its own: one broken entry is skipped, with a
    warning, and the others are kept."""
    entries = []
    for position, entry in enumerate(raw):
        try:
            entries.append(_entry(entry, url))
        except _LIBRARY_ERRORS as exc:
            warnings.append(unexpected("parse", exc, f"entry {position} of {url}"))
    return entries


def parse_feed(body: bytes, url: str) -> ParsedFeed:
    """Parse one feed body fetched from ``url``; raise ParseError when nothing is recoverable."""
    if not body or not body.strip():
        raise ParseError(f"parse: empty body ({url})")
    if detect_format(body) == "json":
        return parse_json_feed(body, url)
    safe, warnings = make_safe(body)
    if declares_entities(safe):
        raise ParseError(f"parse: entity declarations outside a DOCTYPE; refused ({url})")
    return _parse_xml(safe, url, warnings)
