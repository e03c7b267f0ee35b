"""Feed documents of the demo outlets: RSS 2.0, Atom 1.0, RSS 1.0 (RDF) and JSON Feed 1.1.

XML is built with lxml so every title and paragraph is escaped by the serializer, never by hand.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from email.utils import format_datetime
from html import escape

from lxml import etree

from newsloom.demo.newsroom import DemoArticle, DemoFeed, Outlet

NS_ATOM = "http://www.w3.org/2005/Atom"
NS_CONTENT = "http://purl.org/rss/1.0/modules/content/"
NS_DC = "http://purl.org/dc/elements/1.1/"
NS_DCTERMS = "http://purl.org/dc/terms/"
NS_MEDIA = "http://search.yahoo.com/mrss/"
NS_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
NS_RSS1 = "http://purl.org/rss/1.0/"

# (article) -> absolute URL the feed links to; (article) -> published datetime
LinkOf = Callable[[DemoArticle], str]
TimeOf = Callable[[DemoArticle], datetime]


def body_html(article: DemoArticle) -> str:
    """The article text as the HTML fragment feeds embed (content:encoded, Atom content...)."""
    return "".join(f"<p>{escape(p, quote=False)}</p>" for p in article.paragraphs)


def iso(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


def _sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    element = etree.SubElement(parent, tag, attrs)
    if text is not None:
        element.text = text
    return element


def _xml(root: etree._Element) -> bytes:
    return bytes(etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True))


def render_rss(
    outlet: Outlet,
    feed: DemoFeed,
    articles: list[DemoArticle],
    *,
    home: str,
    self_url: str,
    link_of: LinkOf,
    time_of: TimeOf,
    image_of: LinkOf,
    built: datetime,
) -> bytes:
    nsmap = {"atom": NS_ATOM, "content": NS_CONTENT, "dc": NS_DC, "media": NS_MEDIA}
    root = etree.Element("rss", {"version": "2.0"}, nsmap=nsmap)
    channel = _sub(root, "channel")
    _sub(channel, "title", f"{outlet.name}: {feed.section}")
    _sub(channel, "link", home)
    _sub(channel, "description", outlet.tagline)
    _sub(channel, "language", outlet.language)
    _sub(channel, "lastBuildDate", format_datetime(built, usegmt=True))
    _sub(channel, "ttl", "30")
    _sub(channel, f"{{{NS_ATOM}}}link", href=self_url, rel="self", type="application/rss+xml")
    permalink_guids = feed.links == "plain"
    for article in articles:
        item = _sub(channel, "item")
        _sub(item, "title", article.title)
        _sub(item, "link", link_of(article))
        _sub(item, "description", article.lead)
        _sub(item, "pubDate", format_datetime(time_of(article), usegmt=True))
        _sub(item, f"{{{NS_DC}}}creator", article.author)
        _sub(item, "category", article.category)
        if permalink_guids:
            _sub(item, "guid", link_of(article), isPermaLink="true")
        else:  # tracking and mobile links are not permalinks; the guid names the article
            _sub(item, "guid", f"urn:{outlet.id}:{article.slug}", isPermaLink="false")
        if article.image:
            _sub(item, f"{{{NS_MEDIA}}}content", url=image_of(article), medium="image")
        if feed.full_text:
            _sub(item, f"{{{NS_CONTENT}}}encoded", body_html(article))
    return _xml(root)


def render_atom(
    outlet: Outlet,
    feed: DemoFeed,
    articles: list[DemoArticle],
    *,
    home: str,
    self_url: str,
    link_of: LinkOf,
    time_of: TimeOf,
    image_of: LinkOf,
    built: datetime,
) -> bytes:
    root = etree.Element(f"{{{NS_ATOM}}}feed", nsmap={None: NS_ATOM})
    root.set("{http://www.w3.org/XML/1998/namespace}lang", outlet.language)
    _sub(root, f"{{{NS_ATOM}}}id", self_url)
    _sub(root, f"{{{NS_ATOM}}}title", f"{outlet.name}: {feed.section}")
    _sub(root, f"{{{NS_ATOM}}}subtitle", outlet.tagline)
    _sub(root, f"{{{NS_ATOM}}}updated", iso(built))
    _sub(root, f"{{{NS_ATOM}}}link", rel="self", href=self_url, type="application/atom+xml")
    _sub(root, f"{{{NS_ATOM}}}link", rel="alternate", href=home, type="text/html")
    for article in articles:
        entry = _sub(root, f"{{{NS_ATOM}}}entry")
        _sub(entry, f"{{{NS_ATOM}}}id", f"tag:{outlet.id}.demo,2026:{article.slug}")
        _sub(entry, f"{{{NS_ATOM}}}title", article.title)
        _sub(entry, f"{{{NS_ATOM}}}link", rel="alternate", href=link_of(article), type="text/html")
        published = iso(time_of(article))
        _sub(entry, f"{{{NS_ATOM}}}published", published)
        _sub(entry, f"{{{NS_ATOM}}}updated", published)
        author = _sub(entry, f"{{{NS_ATOM}}}author")
        _sub(author, f"{{{NS_ATOM}}}name", article.author)
        _sub(entry, f"{{{NS_ATOM}}}category", term=article.category)
        _sub(entry, f"{{{NS_ATOM}}}summary", article.lead, type="text")
        _sub(entry, f"{{{NS_ATOM}}}content", body_html(article), type="html")
        if article.image:
            _sub(entry, f"{{{NS_ATOM}}}link", rel="enclosure", href=image_of(article))
    return _xml(root)


def render_rdf(
    outlet: Outlet,
    feed: DemoFeed,
    articles: list[DemoArticle],
    *,
    home: str,
    self_url: str,
    link_of: LinkOf,
    time_of: TimeOf,
    image_of: LinkOf,
    built: datetime,
) -> bytes:
    nsmap = {"rdf": NS_RDF, None: NS_RSS1, "dc": NS_DC, "dcterms": NS_DCTERMS}
    root = etree.Element(f"{{{NS_RDF}}}RDF", nsmap=nsmap)
    channel = _sub(root, f"{{{NS_RSS1}}}channel", **{f"{{{NS_RDF}}}about": self_url})
    _sub(channel, f"{{{NS_RSS1}}}title", f"{outlet.name}: {feed.section}")
    _sub(channel, f"{{{NS_RSS1}}}link", home)
    _sub(channel, f"{{{NS_RSS1}}}description", outlet.tagline)
    _sub(channel, f"{{{NS_DC}}}language", outlet.language)
    _sub(channel, f"{{{NS_DC}}}date", iso(built))
    sequence = _sub(_sub(channel, f"{{{NS_RSS1}}}items"), f"{{{NS_RDF}}}Seq")
    for article in articles:
        _sub(sequence, f"{{{NS_RDF}}}li", **{f"{{{NS_RDF}}}resource": link_of(article)})
    for article in articles:
        item = _sub(root, f"{{{NS_RSS1}}}item", **{f"{{{NS_RDF}}}about": link_of(article)})
        _sub(item, f"{{{NS_RSS1}}}title", article.title)
        _sub(item, f"{{{NS_RSS1}}}link", link_of(article))
        _sub(item, f"{{{NS_RSS1}}}description", article.lead)
        _sub(item, f"{{{NS_DC}}}date", iso(time_of(article)))
        # feedparser reads dc:date as "updated"; dcterms:issued is the publication date proper
        _sub(item, f"{{{NS_DCTERMS}}}issued", iso(time_of(article)))
        _sub(item, f"{{{NS_DC}}}creator", article.author)
        _sub(item, f"{{{NS_DC}}}subject", article.category)
    return _xml(root)


def render_json_feed(
    outlet: Outlet,
    feed: DemoFeed,
    articles: list[DemoArticle],
    *,
    home: str,
    self_url: str,
    link_of: LinkOf,
    time_of: TimeOf,
    image_of: LinkOf,
    built: datetime,
) -> bytes:
    items = []
    for article in articles:
        item: dict[str, object] = {
            "id": f"{outlet.id}:{article.slug}",
            "url": link_of(article),
            "title": article.title,
            "summary": article.lead,
            "content_html": body_html(article),
            "date_published": iso(time_of(article)),
            "authors": [{"name": article.author}],
            "tags": [article.category],
            "language": article.lang,
        }
        if article.image:
            item["image"] = image_of(article)
        items.append(item)
    document = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": f"{outlet.name}: {feed.section}",
        "home_page_url": home,
        "feed_url": self_url,
        "description": outlet.tagline,
        "language": outlet.language,
        "items": items,
    }
    return json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")


RENDERERS = {"rss": render_rss, "atom": render_atom, "rdf": render_rdf, "json": render_json_feed}
CONTENT_TYPES = {
    "rss": "application/rss+xml; charset=utf-8",
    "atom": "application/atom+xml; charset=utf-8",
    "rdf": "application/rdf+xml; charset=utf-8",
    "json": "application/feed+json; charset=utf-8",
}
