"""OPML subscription lists in and out. Nested outlines become sections."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from lxml import etree

from newsloom.errors import ParseError
from newsloom.ingest.sanitize import absolute_url, checked_url, plain_text
from newsloom.ingest.xmlsafety import make_safe
from newsloom.records import Source, SourceKind

# Folders inside folders; sections are one level, so deeper nesting only organises a reader's list.
MAX_FOLDER_DEPTH = 32
MAX_TITLE_CHARS = 300


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


@dataclass
class OpmlList:
    """What an OPML document lists: the sources to add, and why any outline was refused."""

    sources: list[Source] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)


def _collect(outline: etree._Element, section: str, seen: set[str], out: OpmlList) -> bool:
    """Add ``outline``'s feed to ``out``; False when it is a folder (no feed URL)."""
    raw_url = outline.get("xmlUrl") or outline.get("xmlurl") or ""
    if not raw_url.strip():
        return False  # a folder: its label is the section of everything inside it
    try:
        feed_url = checked_url(raw_url)
    except ParseError as exc:
        out.refused.append(f"{exc} in outline {_label(outline)!r}")
        return True
    if feed_url not in seen:
        seen.add(feed_url)
        kind: SourceKind = "sitemap" if (outline.get("type") or "").lower() == "sitemap" else "feed"
        out.sources.append(
            Source(
                url=feed_url,
                kind=kind,
                title=_label(outline)[:MAX_TITLE_CHARS],
                site_url=absolute_url(outline.get("htmlUrl") or "", feed_url),
                section=section[:MAX_TITLE_CHARS],
                language=(outline.get("language") or "").strip().lower()[:12],
            )
        )
    return True


def read_opml(body: bytes) -> list[Source]:
    """The feeds listed in an OPML document, in document order, each URL once."""
    return read_opml_list(body).sources


def read_opml_list(body: bytes) -> OpmlList:
    """``read_opml`` with the outlines it refused and why (a bad URL, folders nested too deep).

    Raises ParseError when the document is not OPML at all, or is broken before any outline.
    """
    safe, _ = make_safe(body)
    parser = _parser()
    try:
        root = etree.fromstring(safe, parser)
    except etree.XMLSyntaxError as exc:
        raise ParseError(f"parse: not an OPML document: {exc}") from exc
    if root is None or etree.QName(root).localname.lower() != "opml":
        raise ParseError("parse: not an OPML document (no <opml> root)")
    listed = OpmlList()
    # recover=True keeps what came before a fatal error (libxml2 stops at 256 levels of
    # nesting without huge_tree): say so instead of importing a silent part of the list.
    for error in parser.error_log:
        if error.level_name == "FATAL":
            listed.refused.append(f"parse: OPML broken at line {error.line}: {error.message}")
            break
    body_element = root.find("body")
    if body_element is None:
        return listed
    seen: set[str] = set()
    # Depth-first with an explicit stack: nesting depth is the document's to choose.
    stack: list[tuple[etree._Element, str, int]] = [
        (outline, "", 1) for outline in reversed(list(body_element.iterchildren("outline")))
    ]
    while stack:
        outline, section, depth = stack.pop()
        if depth > MAX_FOLDER_DEPTH:
            listed.refused.append(
                f"parse: outline {_label(outline)!r} nested deeper than {MAX_FOLDER_DEPTH} folders"
            )
            continue
        if _collect(outline, section, seen, listed):
            continue
        child_section = section_slug(_label(outline)) or section
        children = list(outline.iterchildren("outline"))
        stack.extend((child, child_section, depth + 1) for child in reversed(children))
    return listed


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
