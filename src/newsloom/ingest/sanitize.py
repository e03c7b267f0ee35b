"""HTML and URL hygiene for everything a feed hands us."""

from __future__ import annotations

import html
from urllib.parse import urljoin, urlsplit

import nh3

from newsloom.ingest.xmlsafety import strip_control_chars

SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
_URL_ATTRIBUTES = frozenset({"href", "src", "cite", "poster", "longdesc"})
# nh3's defaults minus presentation noise; links get rel="noopener noreferrer" from nh3.
_ALLOWED_TAGS = frozenset(nh3.ALLOWED_TAGS) - {"font", "center"} | {"figure", "figcaption"}


def absolute_url(link: str, base: str) -> str:
    """``link`` resolved against ``base``; "" unless the result is http(s)."""
    link = strip_control_chars(link or "").strip()
    if not link:
        return ""
    try:
        resolved = urljoin(base, link)
        scheme = urlsplit(resolved).scheme.lower()
    except ValueError:
        return ""
    return resolved if scheme in ("http", "https") else ""


def clean_html(fragment: str, base_url: str) -> str:
    """Sanitise an HTML fragment: no scripts, no event handlers, no javascript: URLs.

    Relative links and image sources are made absolute against ``base_url``.
    """
    if not fragment:
        return ""

    def resolve(_tag: str, attribute: str, value: str) -> str | None:
        if attribute not in _URL_ATTRIBUTES:
            return value
        if not value.strip():
            return None  # an emptied javascript: link would otherwise point at the base
        resolved = urljoin(base_url, value.strip())
        return resolved if urlsplit(resolved).scheme.lower() in SAFE_SCHEMES else None

    return nh3.clean(
        strip_control_chars(fragment),
        tags=set(_ALLOWED_TAGS),
        url_schemes=set(SAFE_SCHEMES),
        attribute_filter=resolve,
    ).strip()


def plain_text(fragment: str) -> str:
    """Text of a short HTML fragment such as a title: tags dropped, entities decoded, one line."""
    if not fragment:
        return ""
    text = html.unescape(nh3.clean(strip_control_chars(fragment), tags=set()))
    return " ".join(text.split())
