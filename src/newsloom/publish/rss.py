"""RSS 2.0 documents built with a real XML library, so escaping is never done by hand."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime

ATOM_NS = "http://www.w3.org/2005/Atom"
CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
MEDIA_NS = "http://search.yahoo.com/mrss/"
RSS_CONTENT_TYPE = "application/rss+xml; charset=utf-8"
GENERATOR = "newsloom"

# Characters XML 1.0 cannot carry at all (not even escaped); feed text may contain them.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@dataclass(frozen=True)
class FeedImage:
    """The item's picture: an absolute URL of our JPEG copy, its size in bytes and pixels."""

    url: str
    length: int
    width: int = 0
    height: int = 0
    media_type: str = "image/jpeg"


@dataclass(frozen=True)
class FeedItem:
    """One <item>: a story as an outgoing feed shows it."""

    title: str
    link: str  # absolute URL of the story page
    published: datetime
    description: str = ""  # plain text (HTML-escaped where a format reads it as HTML)
    categories: tuple[str, ...] = ()
    guid: str = ""  # permanent absolute URL that identifies the item; "" = the link
    updated: datetime | None = None
    content_html: str = ""  # an HTML fragment whose text the caller escaped
    language: str = ""
    image: FeedImage | None = None

    @property
    def id(self) -> str:
        return self.guid or self.link


@dataclass(frozen=True)
class FeedChannel:
    title: str
    link: str  # absolute URL of the site
    description: str
    self_url: str  # absolute URL of the feed itself (atom:link rel="self")
    language: str = "en"
    built: datetime | None = None  # lastBuildDate; None = newest item's date
    icon: str = ""  # absolute URL of an icon, optional


def xml_text(text: str) -> str:
    """Text safe for XML 1.0: characters that XML forbids outright are dropped."""
    return _XML_INVALID.sub("", text)


def rfc822(moment: datetime) -> str:
    """RFC 822 date as RSS 2.0 wants it, always in GMT."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return format_datetime(aware.astimezone(UTC), usegmt=True)


def _child(parent: ET.Element, tag: str, text: str, **attrib: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrib)
    element.text = xml_text(text)
    return element


def _picture(entry: ET.Element, image: FeedImage) -> None:
    """RSS 2.0's enclosure (url, length, type all required) and Media RSS for readers that show
    pictures; the same file either way."""
    url = xml_text(image.url)
    attrib = {"url": url, "length": str(image.length), "type": image.media_type}
    ET.SubElement(entry, "enclosure", attrib)
    media = {"url": url, "medium": "image", "type": image.media_type}
    if image.width and image.height:
        media.update(width=str(image.width), height=str(image.height))
    ET.SubElement(entry, f"{{{MEDIA_NS}}}content", media)


def render_rss(channel: FeedChannel, items: Sequence[FeedItem]) -> bytes:
    """The RSS 2.0 document (UTF-8 bytes with an XML declaration) for ``items`` in given order."""
    ET.register_namespace("atom", ATOM_NS)
    ET.register_namespace("content", CONTENT_NS)
    ET.register_namespace("media", MEDIA_NS)
    rss = ET.Element("rss", {"version": "2.0"})
    head = ET.SubElement(rss, "channel")
    _child(head, "title", channel.title)
    _child(head, "link", channel.link)
    _child(head, "description", channel.description)
    ET.SubElement(
        head,
        f"{{{ATOM_NS}}}link",
        {"href": xml_text(channel.self_url), "rel": "self", "type": "application/rss+xml"},
    )
    if channel.language:
        _child(head, "language", channel.language)
    built = channel.built or max((i.published for i in items), default=None)
    if built is not None:
        _child(head, "lastBuildDate", rfc822(built))
    _child(head, "generator", GENERATOR)
    _child(head, "docs", "https://www.rssboard.org/rss-specification")
    for item in items:
        entry = ET.SubElement(head, "item")
        _child(entry, "title", item.title)
        _child(entry, "link", item.link)
        if item.description:
            # RSS readers take <description> as HTML: escape the text so it stays text.
            _child(entry, "description", html.escape(item.description, quote=False))
        if item.content_html:
            _child(entry, f"{{{CONTENT_NS}}}encoded", item.content_html)
        for category in item.categories:
            _child(entry, "category", category)
        _child(entry, "guid", item.id, isPermaLink="true")
        _child(entry, "pubDate", rfc822(item.published))
        if item.image is not None:
            _picture(entry, item.image)
    ET.indent(rss)
    return ET.tostring(rss, encoding="utf-8", xml_declaration=True)
