"""Page metadata trafilatura reports only coarsely: the publication time (to the second) and the
declared language."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from lxml import html as lxml_html

from newsloom.ingest.dates import parse_datetime

_DATE_META = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "dc.date.issued",
    "dcterms.created",
    "dc.date",
    "date",
    "pubdate",
    "publishdate",
    "sailthru.date",
)


def _json_ld_dates(document: lxml_html.HtmlElement) -> list[str]:
    found: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            value = node.get("datePublished")
            if isinstance(value, str):
                found.append(value)
            for child in node.values():
                walk(child)
        elif isinstance(node, list):
            for child in node:
                walk(child)

    for script in document.iter("script"):
        if (script.get("type") or "").strip().lower() == "application/ld+json" and script.text:
            try:
                walk(json.loads(script.text))
            except (json.JSONDecodeError, RecursionError):
                continue
    return found


def published_time(
    document: lxml_html.HtmlElement, *, time_elements: bool = True
) -> datetime | None:
    """The first readable publication time from JSON-LD, <meta> and (if asked) <time datetime>."""
    metas: dict[str, str] = {}
    for meta in document.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key and meta.get("content") and key not in metas:
            metas[key] = meta.get("content", "")
    candidates = [
        *_json_ld_dates(document),
        *(metas[k] for k in _DATE_META if k in metas),
    ]
    if time_elements:
        candidates += [t.get("datetime", "") for t in document.iter("time")]
    return next((moment for c in candidates if (moment := parse_datetime(c))), None)


def declared_language(document: lxml_html.HtmlElement) -> str:
    """Primary subtag of <html lang> or the content-language meta ("en-GB" -> "en")."""
    root = document.getroottree().getroot()
    label = root.get("lang") or root.get("xml:lang") or ""
    if not label:
        for meta in document.iter("meta"):
            if (meta.get("http-equiv") or "").lower() == "content-language":
                label = meta.get("content") or ""
                break
    primary = label.strip().split("-")[0].split("_")[0].lower()
    return primary if primary.isalpha() and 2 <= len(primary) <= 3 else ""
