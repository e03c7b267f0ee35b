"""The demo newsroom as a web site: every document addressed by path, rendered deterministically.

``DemoSite(newsroom, base_url, base_time).get(path)`` returns the body, type and time of a path, or
None. An article published ``offset_minutes`` before ``base_time`` says so in feeds and pages alike.
Paths: ``/<outlet>/feeds/<feed>.<ext>``, ``/<outlet>/<slug>``, ``/<outlet>/m/<slug>`` (mobile),
``/<outlet>/`` (front page), ``/robots.txt``, ``/sources.opml``, ``/img/<name>``.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from urllib.parse import urlencode

from lxml import etree
from PIL import Image, ImageDraw

from newsloom.demo import pages
from newsloom.demo.feeds import CONTENT_TYPES, RENDERERS
from newsloom.demo.newsroom import DemoArticle, DemoFeed, Newsroom, Outlet

TRACKING_QUERY = urlencode({"utm_source": "rss", "utm_medium": "feed", "utm_campaign": "daily"})
ROBOTS_TXT = b"User-agent: *\nDisallow: /private/\nAllow: /\n"
HTML = "text/html; charset=utf-8"


@dataclass(frozen=True)
class Document:
    body: bytes
    content_type: str
    last_modified: datetime

    @property
    def etag(self) -> str:
        return '"' + hashlib.sha256(self.body).hexdigest()[:32] + '"'


class DemoSite:
    def __init__(self, newsroom: Newsroom, base_url: str, base_time: datetime) -> None:
        if base_time.tzinfo is None:
            raise ValueError("demo: base_time must be timezone-aware")
        self.newsroom = newsroom
        self.base_url = base_url.rstrip("/")
        self.base_time = base_time.astimezone(UTC)

    # URLs -----------------------------------------------------------------------------------
    def published(self, article: DemoArticle) -> datetime:
        return self.base_time - timedelta(minutes=article.offset_minutes)

    def canonical_url(self, article: DemoArticle) -> str:
        return self.base_url + article.path

    def home_url(self, outlet: Outlet) -> str:
        return f"{self.base_url}/{outlet.id}/"

    def feed_url(self, outlet: Outlet, feed: DemoFeed) -> str:
        return f"{self.base_url}/{outlet.id}/feeds/{feed.id}.{feed.extension}"

    def link_in_feed(self, article: DemoArticle, feed: DemoFeed) -> str:
        if feed.links == "tracking":
            return f"{self.canonical_url(article)}?{TRACKING_QUERY}"
        if feed.links == "mobile":
            return f"{self.base_url}/{article.outlet}/m/{article.slug}"
        return self.canonical_url(article)

    def image_url(self, article: DemoArticle) -> str:
        if not article.image:
            return ""
        return article.image if "://" in article.image else self.base_url + article.image

    def feed_urls(self) -> list[tuple[str, str, str, str]]:
        """(feed URL, outlet name, declared section, language) for every feed of every outlet."""
        return [
            (self.feed_url(o, f), o.name, f.section, o.language)
            for o in self.newsroom.outlets.values()
            for f in o.feeds
        ]

    # Documents ------------------------------------------------------------------------------
    def get(self, path: str) -> Document | None:
        """The document at ``path`` (no query string), or None for unknown paths."""
        if path == "/robots.txt":
            return Document(ROBOTS_TXT, "text/plain; charset=utf-8", self.base_time)
        if path == "/sources.opml":
            return Document(self.opml(), "text/x-opml; charset=utf-8", self.base_time)
        if path == "/":
            listed = [(self.home_url(o), o) for o in self.newsroom.outlets.values()]
            return Document(pages.index_page(listed), HTML, self.base_time)
        parts = path.strip("/").split("/")
        if parts[0] == "img" and len(parts) == 2:
            return Document(_placeholder_image(parts[1]), "image/jpeg", self.base_time)
        outlet = self.newsroom.outlets.get(parts[0])
        if outlet is None or len(parts) > 3:
            return None
        if len(parts) == 1 and path.endswith("/"):
            return self._front_page(outlet)
        if len(parts) == 3 and parts[1] == "feeds":
            return self._feed(outlet, parts[2])
        if len(parts) == 3 and parts[1] == "m":
            return self._article(outlet, parts[2])
        if len(parts) == 2:
            return self._article(outlet, parts[1])
        return None

    def _feed(self, outlet: Outlet, filename: str) -> Document | None:
        feed_id, _, extension = filename.rpartition(".")
        feed = outlet.feed(feed_id)
        if feed is None or extension != feed.extension:
            return None
        articles = self.newsroom.articles_in_feed(outlet.id, feed.id)
        built = self.published(articles[0]) if articles else self.base_time
        body = RENDERERS[feed.format](
            outlet,
            feed,
            articles,
            home=self.home_url(outlet),
            self_url=self.feed_url(outlet, feed),
            link_of=lambda a: self.link_in_feed(a, feed),
            time_of=self.published,
            image_of=self.image_url,
            built=built,
        )
        return Document(body, CONTENT_TYPES[feed.format], built)

    def _article(self, outlet: Outlet, slug: str) -> Document | None:
        article = self.newsroom.article(f"{outlet.id}/{slug}")
        if article is None:
            return None
        related = [
            (self.canonical_url(a), a.title)
            for a in self.newsroom.articles_of(outlet.id)
            if a.id != article.id
        ][:4]
        original = self.newsroom.article(article.copy_of) if article.copy_of else None
        credit = self.newsroom.outlets[original.outlet].name if original else ""
        published = self.published(article)
        body = pages.article_page(
            outlet,
            article,
            home=self.home_url(outlet),
            canonical=self.canonical_url(article),
            image=self.image_url(article),
            published=published,
            related=related,
            credit=credit,
        )
        return Document(body, HTML, published)

    def _front_page(self, outlet: Outlet) -> Document:
        articles = self.newsroom.articles_of(outlet.id)
        entries = [(self.canonical_url(a), a) for a in articles]
        newest = self.published(articles[0]) if articles else self.base_time
        return Document(
            pages.front_page(outlet, self.home_url(outlet), entries, newest.year), HTML, newest
        )

    def opml(self) -> bytes:
        """OPML 2.0 of every feed, nested under one outline per declared section."""
        root = etree.Element("opml", version="2.0")
        head = etree.SubElement(root, "head")
        etree.SubElement(head, "title").text = "newsloom demo newsroom"
        body = etree.SubElement(root, "body")
        sections: dict[str, etree._Element] = {}
        for url, name, section, language in self.feed_urls():
            if section not in sections:
                sections[section] = etree.SubElement(body, "outline", text=section, title=section)
            etree.SubElement(
                sections[section],
                "outline",
                type="rss",
                text=name,
                title=name,
                xmlUrl=url,
                language=language,
            )
        return bytes(
            etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)
        )


def _placeholder_image(name: str) -> bytes:
    """A 640x360 JPEG drawn here from the file name (a sky, hills and a sun in colours derived
    from it), so each fictional story has its own picture and nothing is copied from anywhere."""
    digest = hashlib.sha256(name.encode()).digest()
    sky = (digest[0] // 2 + 60, digest[1] // 2 + 90, digest[2] // 3 + 160)
    ground = (digest[3] // 3 + 40, digest[4] // 2 + 80, digest[5] // 4 + 30)
    image = Image.new("RGB", (640, 360), sky)
    draw = ImageDraw.Draw(image)
    for band in range(0, 200, 4):  # a soft vertical gradient towards the horizon
        shade = tuple(min(255, c + band // 3) for c in sky)
        draw.rectangle((0, band, 640, band + 4), fill=shade)
    sun_x = 80 + digest[6] * 2
    draw.ellipse((sun_x, 50, sun_x + 70, 120), fill=(250, 226, 150))
    for k in range(3):  # three ridges, each darker and nearer
        top = 180 + k * 45 + digest[7 + k] % 30
        colour = tuple(max(0, c - 25 * k) for c in ground)
        peak = digest[10 + k] * 2 + 40
        draw.polygon(
            [(0, top + 30), (peak, top), (640, top + 40), (640, 360), (0, 360)], fill=colour
        )
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=85)
    return out.getvalue()
