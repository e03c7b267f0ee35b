"""The page's metadata fields from its markup: trafilatura's readers of <meta> tags, OpenGraph and
JSON-LD, without the costly parts of ``trafilatura.extract_metadata``.

Left out on purpose: the search of the body for a byline (it copies and prunes the whole tree),
htmldate's date search (``metadata.published_time`` reads the page's date markup itself), and the
categories, tags and licence newsloom does not store. Together they cost about as much as the
article body's extraction; the fields below cost a few per cent of it.
"""

from __future__ import annotations

import logging

from lxml import html as lxml_html
from trafilatura.metadata import (
    examine_meta,
    extract_meta_json,
    extract_sitename,
    extract_title,
    extract_url,
)
from trafilatura.settings import Document

LOGGER = logging.getLogger(__name__)


def page_fields(tree: lxml_html.HtmlElement, url: str) -> Document:
    """Title, author, site name, canonical URL, image and description the page declares (fields it
    does not declare are None). ``tree`` is only read."""
    fields = examine_meta(tree)
    if fields.author and " " not in fields.author:
        fields.author = None  # a handle or a one-word label, as trafilatura judges it
    try:
        fields = extract_meta_json(tree, fields)
    except Exception as exc:  # trafilatura's JSON-LD reader fails on odd schemas
        LOGGER.debug("extract: JSON-LD unreadable (%s): %s", url, exc)
    fields.title = fields.title or extract_title(tree)
    fields.url = fields.url or extract_url(tree, url)
    fields.sitename = (fields.sitename or extract_sitename(tree) or "").lstrip("@") or None
    fields.clean_and_trim()
    return fields
