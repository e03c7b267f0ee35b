"""The files crawlers and browsers ask every site for: robots.txt, a news sitemap, a favicon."""

from __future__ import annotations

import functools
import io
import xml.etree.ElementTree as ET
from datetime import timedelta

from fastapi import APIRouter, Request
from fastapi.responses import Response
from PIL import Image, ImageDraw

import newsloom.store.browse as browse
from newsloom.publish.atom import rfc3339
from newsloom.publish.rss import xml_text
from newsloom.web.context import app_catalog, app_now, app_settings, app_store
from newsloom.web.urls import absolute
from newsloom.web.views import story_cards

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"
# Google News reads stories of the last two days, at most 1000 per sitemap.
NEWS_WINDOW = timedelta(days=2)
NEWS_LIMIT = 1000
ICON_COLOUR = (11, 87, 164)  # the stylesheet's light-scheme accent

router = APIRouter(include_in_schema=False)


@router.get("/robots.txt")
def robots(request: Request) -> Response:
    """Everything may be crawled but search results (endless, and noindex anyway)."""
    sitemap = absolute(app_settings(request).site_url, "/sitemap.xml")
    body = f"User-agent: *\nDisallow: /search\nDisallow: /feeds/search\nSitemap: {sitemap}\n"
    return Response(body, media_type="text/plain; charset=utf-8")


@router.get("/sitemap.xml")
def sitemap(request: Request) -> Response:
    """A Google News sitemap of the stories first seen in the last two days, newest first."""
    settings = app_settings(request)
    since = app_now(request) - NEWS_WINDOW
    with app_store(request).read() as conn:
        catalog = app_catalog(request, conn)
        found = [
            s
            for s in browse.recent_stories(conn, since=since, limit=NEWS_LIMIT)
            if s.first_seen >= since
        ]
        cards = story_cards(conn, found, catalog)
    ET.register_namespace("", SITEMAP_NS)
    ET.register_namespace("news", NEWS_NS)
    root = ET.Element(f"{{{SITEMAP_NS}}}urlset")
    for card in cards:
        url = ET.SubElement(root, f"{{{SITEMAP_NS}}}url")
        ET.SubElement(url, f"{{{SITEMAP_NS}}}loc").text = absolute(settings.site_url, card.path)
        news = ET.SubElement(url, f"{{{NEWS_NS}}}news")
        publication = ET.SubElement(news, f"{{{NEWS_NS}}}publication")
        ET.SubElement(publication, f"{{{NEWS_NS}}}name").text = xml_text(settings.site_title)
        ET.SubElement(publication, f"{{{NEWS_NS}}}language").text = card.language or "en"
        ET.SubElement(news, f"{{{NEWS_NS}}}publication_date").text = rfc3339(card.first_seen)
        ET.SubElement(news, f"{{{NEWS_NS}}}title").text = xml_text(card.headline)
    ET.indent(root)
    body = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return Response(body, media_type="application/xml; charset=utf-8")


@functools.cache
def favicon_bytes() -> bytes:
    """A 32 px ICO drawn here (three threads crossing: a loom), made once per process."""
    image = Image.new("RGBA", (32, 32), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((0, 0, 31, 31), radius=6, fill=ICON_COLOUR)
    for x in (9, 16, 23):
        draw.line((x, 6, x, 25), fill="white", width=2)
    draw.line((6, 16, 25, 16), fill="white", width=3)
    out = io.BytesIO()
    image.save(out, format="ICO", sizes=[(32, 32)])
    return out.getvalue()


@router.get("/favicon.ico")
def favicon() -> Response:
    return Response(
        favicon_bytes(),
        media_type="image/vnd.microsoft.icon",
        headers={"Cache-Control": "public, max-age=604800"},
    )
