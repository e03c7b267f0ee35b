"""Atom 1.0 (RFC 4287) documents, built with a real XML library so escaping is never by hand."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from datetime import UTC, datetime

from newsloom.publish.rss import GENERATOR, FeedChannel, FeedItem, xml_text

ATOM_NS = "http://www.w3.org/2005/Atom"
ATOM_CONTENT_TYPE = "application/atom+xml; charset=utf-8"
XML_NS = "http://www.w3.org/XML/1998/namespace"


def rfc3339(moment: datetime) -> str:
    """RFC 3339 date-time in UTC with a 'Z', as Atom and JSON Feed want it."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return aware.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _child(parent: ET.Element, tag: str, text: str, **attrib: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrib)
    element.text = xml_text(text)
    return element


def _link(parent: ET.Element, href: str, rel: str, kind: str = "", length: int = 0) -> None:
    attrib = {"href": xml_text(href), "rel": rel}
    if kind:
        attrib["type"] = kind
    if length:
        attrib["length"] = str(length)
    ET.SubElement(parent, "link", attrib)


def render_atom(channel: FeedChannel, items: Sequence[FeedItem]) -> bytes:
    """The Atom feed document (UTF-8 bytes with an XML declaration) for ``items`` in given order.

    The feed's id is its own URL; each entry's id is the item's permanent guid. ``updated`` is
    required on the feed and on every entry: the item's update time, else its publication time.
    """
    # The namespace as a plain attribute: every element is then Atom, with no prefixes.
    feed = ET.Element("feed", {"xmlns": ATOM_NS})
    if channel.language:
        feed.set(f"{{{XML_NS}}}lang", channel.language)
    _child(feed, "id", channel.self_url)
    _child(feed, "title", channel.title, type="text")
    _child(feed, "subtitle", channel.description, type="text")
    stamps = [i.updated or i.published for i in items]
    built = channel.built or max(stamps, default=None) or datetime(1970, 1, 1, tzinfo=UTC)
    _child(feed, "updated", rfc3339(built))
    _link(feed, channel.self_url, "self", "application/atom+xml")
    _link(feed, channel.link, "alternate", "text/html")
    _child(feed, "generator", GENERATOR)
    if channel.icon:
        _child(feed, "icon", channel.icon)
    # RFC 4287 4.1.1: a feed without a feed-level author needs one in every entry; say who.
    author = ET.SubElement(feed, "author")
    _child(author, "name", channel.title)
    _child(author, "uri", channel.link)
    for item in items:
        entry = ET.SubElement(feed, "entry")
        if item.language:
            entry.set(f"{{{XML_NS}}}lang", item.language)
        _child(entry, "id", item.id)
        _child(entry, "title", item.title, type="text")
        _child(entry, "updated", rfc3339(item.updated or item.published))
        _child(entry, "published", rfc3339(item.published))
        _link(entry, item.link, "alternate", "text/html")
        if item.image is not None:
            _link(entry, item.image.url, "enclosure", item.image.media_type, item.image.length)
        for category in item.categories:
            ET.SubElement(entry, "category", {"term": xml_text(category)})
        if item.description:
            _child(entry, "summary", item.description, type="text")
        if item.content_html:
            _child(entry, "content", item.content_html, type="html")
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)
