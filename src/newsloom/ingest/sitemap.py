"""Sitemaps as a source of article URLs, for sites without feeds.

Reads ``<urlset>`` sitemaps (with Google News ``news:title``/``news:publication_date`` and
``image:loc``), ``<sitemapindex>`` files (their child sitemaps are returned, not fetched: only the
pipeline does I/O), plain-text sitemaps (one URL per line) and gzip-compressed files. The XML goes
through ``xmlsafety.make_safe`` and a parser that never resolves entities or loads anything.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from datetime import datetime

from lxml import etree

from newsloom.errors import ParseError
from newsloom.ingest.dates import parse_datetime
from newsloom.ingest.sanitize import absolute_url, plain_text
from newsloom.ingest.xmlsafety import declares_entities, make_safe
from newsloom.records import FeedEntry, ParsedFeed

# Decompressed size allowed for a gzipped sitemap (the protocol caps sitemaps at 50 MB).
MAX_SITEMAP_BYTES = 50_000_000
# The protocol's own limit on URLs per file.
MAX_URLS = 50_000
_GZIP_MAGIC = b"\x1f\x8b"


@dataclass(frozen=True)
class Sitemap:
    """A parsed sitemap: its pages (newest first) and, for an index, its child sitemaps."""

    feed: ParsedFeed
    sitemaps: tuple[str, ...] = ()  # child sitemaps of an index, newest first
    is_index: bool = False


def _gunzip(body: bytes, url: str) -> bytes:
    decoder = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = decoder.decompress(body, MAX_SITEMAP_BYTES + 1)
    except zlib.error as exc:
        raise ParseError(f"parse: corrupt gzip sitemap ({url}): {exc}") from exc
    if len(out) > MAX_SITEMAP_BYTES:
        raise ParseError(f"parse: sitemap larger than {MAX_SITEMAP_BYTES} bytes ({url})")
    return out


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _child_text(element: etree._Element, *path: str) -> str:
    """Text of the first descendant following ``path`` by local names (namespaces vary)."""
    current = [element]
    for name in path:
        current = [c for e in current for c in e if _local(c.tag) == name]
        if not current:
            return ""
    return (current[0].text or "").strip()


def _url_entry(element: etree._Element, base: str) -> FeedEntry | None:
    url = absolute_url(_child_text(element, "loc"), base)
    if not url:
        return None
    news_date = parse_datetime(_child_text(element, "news", "publication_date"))
    lastmod = parse_datetime(_child_text(element, "lastmod"))
    return FeedEntry(
        url=url,
        guid=url,
        title=plain_text(_child_text(element, "news", "title")),
        published=news_date,
        updated=lastmod,
        image=absolute_url(_child_text(element, "image", "loc"), base),
        language=_child_text(element, "news", "publication", "language").lower()[:12],
    )


def _newest_first(entry: FeedEntry) -> tuple[bool, float]:
    moment: datetime | None = entry.published or entry.updated
    return (moment is None, -moment.timestamp() if moment else 0.0)


def _plain_text_sitemap(text: str, url: str) -> Sitemap:
    urls = [absolute_url(line.strip(), url) for line in text.splitlines()[:MAX_URLS]]
    entries = tuple(FeedEntry(url=u, guid=u) for u in dict.fromkeys(u for u in urls if u))
    if not entries:
        raise ParseError(f"parse: no URLs in text sitemap ({url})")
    return Sitemap(feed=ParsedFeed(format="sitemap", link=url, entries=entries))


def parse_sitemap(body: bytes, url: str) -> Sitemap:
    """Parse a sitemap or sitemap index fetched from ``url``; ParseError when nothing is usable."""
    if body.startswith(_GZIP_MAGIC):
        body = _gunzip(body, url)
    if not body.strip():
        raise ParseError(f"parse: empty sitemap ({url})")
    if not body.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        return _plain_text_sitemap(body.decode("utf-8", errors="replace"), url)
    safe, warnings = make_safe(body)
    if declares_entities(safe):
        raise ParseError(f"parse: entity declarations outside a DOCTYPE; refused ({url})")
    parser = etree.XMLParser(
        recover=True, resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        root = etree.fromstring(safe, parser)
    except etree.XMLSyntaxError as exc:
        raise ParseError(f"parse: unreadable sitemap ({url}): {exc}") from exc
    if root is None:
        raise ParseError(f"parse: unreadable sitemap ({url})")
    if parser.error_log:
        warnings.append(f"parse: malformed sitemap, recovered what could be read ({url})")
    kind = _local(root.tag)
    if kind == "sitemapindex":
        return _index(root, url, warnings)
    if kind != "urlset":
        raise ParseError(f"parse: not a sitemap (root element <{kind}>) ({url})")
    found = [_url_entry(e, url) for e in root.iterchildren() if _local(e.tag) == "url"]
    unique: dict[str, FeedEntry] = {}
    for entry in found[:MAX_URLS]:
        if entry is not None:
            unique.setdefault(entry.url, entry)  # the first listing of a URL is the full one
    entries = tuple(sorted(unique.values(), key=_newest_first))
    return Sitemap(
        feed=ParsedFeed(format="sitemap", link=url, entries=entries, warnings=tuple(warnings))
    )


def _index(root: etree._Element, url: str, warnings: list[str]) -> Sitemap:
    children: list[tuple[datetime | None, str]] = []
    for element in root.iterchildren():
        if _local(element.tag) != "sitemap":
            continue
        child = absolute_url(_child_text(element, "loc"), url)
        if child:
            children.append((parse_datetime(_child_text(element, "lastmod")), child))
    if not children:
        raise ParseError(f"parse: sitemap index lists no sitemaps ({url})")
    # Newest first; undated ones keep their order after the dated ones.
    order = sorted(
        range(len(children)),
        key=lambda i: (children[i][0] is None, -(ts.timestamp() if (ts := children[i][0]) else 0)),
    )
    ordered = tuple(dict.fromkeys(children[i][1] for i in order))
    return Sitemap(
        feed=ParsedFeed(format="sitemap", link=url, warnings=tuple(warnings)),
        sitemaps=ordered,
        is_index=True,
    )
