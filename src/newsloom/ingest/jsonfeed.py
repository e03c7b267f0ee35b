"""JSON Feed 1.0 / 1.1 reader (https://jsonfeed.org/version/1.1), tolerant of common slips."""

from __future__ import annotations

import html
from typing import Any

from newsloom.errors import ParseError
from newsloom.ingest.dates import parse_datetime
from newsloom.ingest.sanitize import absolute_url, clean_html, entry_guid, plain_text
from newsloom.ingest.xmlsafety import strip_control_chars
from newsloom.records import FeedEntry, ParsedFeed
from newsloom.textsafe import loads_json


def _str(value: Any) -> str:
    if isinstance(value, str):
        return strip_control_chars(value).strip()
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return ""


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _authors(item: dict[str, Any], feed: dict[str, Any]) -> tuple[str, ...]:
    # 1.1 uses "authors" (a list); 1.0 used "author" (an object). Items inherit the feed's.
    for holder in (item, feed):
        raw = holder.get("authors")
        if not isinstance(raw, list):
            raw = [holder.get("author")]
        names = tuple(
            name for a in raw if isinstance(a, dict) and (name := plain_text(_str(a.get("name"))))
        )
        if names:
            return names
    return ()


def _text_as_html(text: str) -> str:
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    return "".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paragraphs)


def _entry(item: dict[str, Any], feed: dict[str, Any], base: str) -> FeedEntry:
    link = absolute_url(_str(item.get("url")) or _str(item.get("external_url")), base)
    content = _str(item.get("content_html")) or _text_as_html(_str(item.get("content_text")))
    enclosures = tuple(
        url
        for a in _list(item.get("attachments"))
        if isinstance(a, dict) and (url := absolute_url(_str(a.get("url")), base))
    )
    image = _str(item.get("image")) or _str(item.get("banner_image"))
    return FeedEntry(
        url=link,
        guid=entry_guid(_str(item.get("id"))) or link,
        title=plain_text(_str(item.get("title"))),
        summary_html=clean_html(html.escape(_str(item.get("summary")), quote=False), link or base),
        content_html=clean_html(content, link or base),
        published=parse_datetime(_str(item.get("date_published"))),
        updated=parse_datetime(_str(item.get("date_modified"))),
        authors=_authors(item, feed),
        image=absolute_url(image, base),
        enclosures=enclosures,
        language=_str(item.get("language")).lower() or _str(feed.get("language")).lower(),
        categories=tuple(
            dict.fromkeys(t for t in (plain_text(_str(x)) for x in _list(item.get("tags"))) if t)
        ),
    )


def parse_json_feed(body: bytes, url: str) -> ParsedFeed:
    """Parse a JSON Feed; raise ParseError when the body is not a JSON object with items."""
    try:
        data = loads_json(body)
    except ValueError as exc:
        raise ParseError(f"parse: invalid JSON feed ({url}): {exc}") from exc
    if not isinstance(data, dict):
        raise ParseError(f"parse: JSON feed is not an object ({url})")
    if isinstance(data.get("rss"), dict):
        return _parse_rss_in_json(data["rss"], url)
    items = data.get("items")
    warnings: list[str] = []
    if not _str(data.get("version")).startswith("https://jsonfeed.org/version/"):
        if not isinstance(items, list):
            raise ParseError(f"parse: JSON document is not a JSON Feed ({url})")
        warnings.append("parse: JSON Feed without a version; read as 1.1")
    if not isinstance(items, list):
        warnings.append("parse: JSON Feed has no items list")
        items = []
    entries = []
    for position, item in enumerate(items):
        if not isinstance(item, dict):
            warnings.append(f"parse: skipped item {position}: not an object")
            continue
        entries.append(_entry(item, data, url))
    return ParsedFeed(
        format="json",
        title=plain_text(_str(data.get("title"))),
        link=absolute_url(_str(data.get("home_page_url")), url),
        language=_str(data.get("language")).lower(),
        entries=tuple(entries),
        warnings=tuple(warnings),
    )


def _rss_item(item: dict[str, Any], base: str) -> FeedEntry:
    link = absolute_url(_str(item.get("link")), base)
    guid = item.get("guid")
    enclosure = item.get("enclosure")
    enclosure_url = (
        absolute_url(_str(enclosure.get("url")), base) if isinstance(enclosure, dict) else ""
    )
    return FeedEntry(
        url=link,
        guid=entry_guid(_str(guid.get("value") if isinstance(guid, dict) else guid)) or link,
        title=plain_text(_str(item.get("title"))),
        summary_html=clean_html(_str(item.get("description")), link or base),
        published=parse_datetime(_str(item.get("pubDate"))),
        authors=tuple(a for a in [plain_text(_str(item.get("author")))] if a),
        enclosures=(enclosure_url,) if enclosure_url else (),
    )


def _parse_rss_in_json(rss: dict[str, Any], url: str) -> ParsedFeed:
    """Dave Winer's RSS-in-JSON: an RSS 2.0 document transcribed key for key."""
    channel = rss.get("channel")
    if not isinstance(channel, dict):
        raise ParseError(f"parse: RSS-in-JSON without a channel ({url})")
    items = channel.get("item")
    items = [items] if isinstance(items, dict) else items if isinstance(items, list) else []
    ttl = _str(channel.get("ttl"))
    return ParsedFeed(
        format="json",
        title=plain_text(_str(channel.get("title"))),
        link=absolute_url(_str(channel.get("link")), url),
        language=_str(channel.get("language")).lower(),
        ttl_minutes=int(ttl) if ttl.isdecimal() and 0 < len(ttl) <= 6 and int(ttl) > 0 else None,
        entries=tuple(_rss_item(i, url) for i in items if isinstance(i, dict)),
        warnings=("parse: RSS-in-JSON read as RSS 2.0",),
    )
