"""OPML subscription lists in and out. Nested outlines become sections."""

from __future__ import annotations

import re
from collections.abc import Sequence

from lxml import etree

from newsloom.errors import ParseError
from newsloom.ingest.sanitize import absolute_url, plain_text
from newsloom.ingest.xmlsafety import make_safe
from newsloom.records import Source, SourceKind


def section_slug(label: str) -> str:
    """ "World News" -> "world-news"."""
    return re.sub(r"[^\w]+", "-", label.lower(), flags=re.UNICODE).strip("-_")


def _parser() -> etree.XMLParser:
    # Never resolve entities, never touch the network, tolerate the usual hand-edited breakage.
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, recover=True, huge_tree=False
    )


def _label(outline: etree._Element) -> str:
    return plain_text(outline.get("title") or outline.get("text") or "")


def _collect(outline: etree._Element, section: str, seen: set[str], out: list[Source]) -> None:
    feed_url = absolute_url(outline.get("xmlUrl") or outline.get("xmlurl") or "", "")
    if feed_url:
        if feed_url not in seen:
            seen.add(feed_url)
            kind: SourceKind = (
                "sitemap" if (outline.get("type") or "").lower() == "sitemap" else "feed"
            )
            out.append(
                Source(
                    url=feed_url,
                    kind=kind,
                    title=_label(outline),
                    site_url=absolute_url(outline.get("htmlUrl") or "", feed_url),
                    section=section,
                    language=(outline.get("language") or "").strip().lower(),
                )
            )
        return
    # An outline without a feed is a folder: its label is the section of everything inside it.
    child_section = section_slug(_label(outline)) or section
    for child in outline.iterchildren("outline"):
        _collect(child, child_section, seen, out)


def read_opml(body: bytes) -> list[Source]:
    """The feeds listed in an OPML document, in document order, each URL once."""
    safe, _ = make_safe(body)
    try:
        root = etree.fromstring(safe, _parser())
    except etree.XMLSyntaxError as exc:
        raise ParseError(f"parse: not an OPML document: {exc}") from exc
    if root is None or etree.QName(root).localname.lower() != "opml":
        raise ParseError("parse: not an OPML document (no <opml> root)")
    body_element = root.find("body")
    if body_element is None:
        return []
    sources: list[Source] = []
    seen: set[str] = set()
    for outline in body_element.iterchildren("outline"):
        _collect(outline, "", seen, sources)
    return sources


def _outline(parent: etree._Element, source: Source) -> None:
    attrs: dict[str, str] = {"type": "rss" if source.kind == "feed" else source.kind}
    attrs["text"] = source.title or source.url
    if source.title:
        attrs["title"] = source.title
    attrs["xmlUrl"] = source.url
    if source.site_url:
        attrs["htmlUrl"] = source.site_url
    if source.language:
        attrs["language"] = source.language
    etree.SubElement(parent, "outline", attrs)


def write_opml(sources: Sequence[Source], title: str = "newsloom sources") -> str:
    """OPML 2.0 text: sources without a section first, then one folder outline per section."""
    root = etree.Element("opml", version="2.0")
    head = etree.SubElement(root, "head")
    etree.SubElement(head, "title").text = title
    body = etree.SubElement(root, "body")
    folders: dict[str, etree._Element] = {}
    for source in sorted(sources, key=lambda s: (s.section != "", s.section)):
        parent = body
        if source.section:
            if source.section not in folders:
                folders[source.section] = etree.SubElement(
                    body, "outline", {"text": source.section, "title": source.section}
                )
            parent = folders[source.section]
        _outline(parent, source)
    text = etree.tostring(root, encoding="unicode", pretty_print=True)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + text
