"""Is a fetched body an HTML page? Checked before extraction, so binary junk never becomes text.

Servers mislabel often, so the declared type only rules out what is clearly not a page (images,
PDFs, octet streams); the bytes must then look like markup, not binary noise.
"""

from __future__ import annotations

import re

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain", "application/xml"})
_BINARY_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
SNIFF_BYTES = 4096
# Real pages have (almost) no C0 control bytes; random or compressed data has about 10 %.
MAX_CONTROL_SHARE = 0.01


def declared_type(content_type: str | None) -> str:
    return (content_type or "").split(";", 1)[0].strip().lower()


def looks_like_html(body: bytes, content_type: str | None = None) -> bool:
    """True for a body that an HTML extractor should be given."""
    kind = declared_type(content_type)
    if kind and kind not in HTML_TYPES:
        return False
    head = body[:SNIFF_BYTES].lstrip(b"\xef\xbb\xbf")
    if not head.strip() or b"<" not in head:
        return False
    return len(_BINARY_BYTES.findall(head)) <= MAX_CONTROL_SHARE * len(head)


def is_html_document(body: bytes) -> bool:
    """An HTML page (not a feed) by its first bytes: used where a feed was expected."""
    head = body[:2048].lower()
    return b"<html" in head or b"<!doctype html" in head
