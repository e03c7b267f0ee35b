"""Page metadata trafilatura reports only coarsely: the publication time (to the second) and the
language (declared, checked against the text)."""

from __future__ import annotations

import re
from array import array
from datetime import datetime
from functools import cache
from typing import Any
from urllib.parse import urlsplit

from lxml import html as lxml_html
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from newsloom.ingest.dates import parse_datetime
from newsloom.textsafe import loads_json

MIN_CHARS_FOR_LANGID = 40
# Enough text for a clear answer; the cost of langid grows with the length it reads.
LANGID_CHARS = 800
# The text overrules the page's declared language when it is this long and this clear.
MIN_CHARS_TO_OVERRULE = 200
OVERRULE_PROBABILITY = 0.95

# " | ", " - ", " – ", " — ", " · ", " » ", " :: ": separators between a headline and a site name.
_TITLE_SEPARATOR = re.compile(r"\s+(?:[|\-–—·•»]|::)\s+")

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
                walk(loads_json(script.text))
            except (ValueError, RecursionError):  # unreadable, or nested past the stack
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
    return _primary(label)


def _primary(label: str) -> str:
    primary = label.strip().split("-")[0].split("_")[0].lower()
    return primary if primary.isalpha() and 2 <= len(primary) <= 3 else ""


@cache
def _language_identifier() -> LanguageIdentifier:
    """py3langid's model, loaded once per process (it takes seconds), with the two tables its
    byte automaton reads at every step held as packed integer arrays instead of lists: the same
    numbers, but a list holds a pointer to an int object elsewhere in memory for each state, and
    between two pages the rest of the extraction pushes those out of the CPU caches. Reading
    them packed cut language detection's time in an extraction by a third."""
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier._rowbase = array("i", identifier._rowbase)  # the row of each state
    identifier.tk_output = array("i", identifier.tk_output)  # the feature of each state, or -1
    return identifier


def detected_language(text: str) -> tuple[str, float]:
    """py3langid's language of ``text`` (its first LANGID_CHARS characters) and its probability."""
    if len(text) < MIN_CHARS_FOR_LANGID:
        return "", 0.0
    language, probability = _language_identifier().classify(text[:LANGID_CHARS])
    return str(language), float(probability)


def page_language(document: lxml_html.HtmlElement | None, declared: str, text: str) -> str:
    """The declared language (trafilatura's reading, else <html lang>), unless the text is long and
    clearly in another one: site templates often declare one language for every page."""
    declared = _primary(declared) or (declared_language(document) if document is not None else "")
    if declared and len(text) < MIN_CHARS_TO_OVERRULE:
        return declared  # too short to overrule the declaration: no need to ask
    detected, probability = detected_language(text)
    if not declared:
        return detected
    overrule = len(text) >= MIN_CHARS_TO_OVERRULE and probability >= OVERRULE_PROBABILITY
    return detected if detected and overrule else declared


def _letters(text: str) -> str:
    return "".join(char for char in text.casefold() if char.isalnum())


def _site_names(site_name: str, url: str) -> set[str]:
    """The outlet's name as the page states it and as its host spells it ("nj" for www.nj.com)."""
    labels = (urlsplit(url).hostname or "").removeprefix("www.").split(".")
    names = {_letters(site_name), _letters("".join(labels))}
    names.update(_letters(label) for label in labels[:-1])
    return names - {""}


def headline(title: str, site_name: str, url: str) -> str:
    """``title`` without a leading or trailing part that only names the site ("Headline | Site").

    A part counts as the site only when it equals the declared site name or the host's name, so
    headlines with separators of their own keep them.
    """
    title = " ".join(title.split())
    separators = list(_TITLE_SEPARATOR.finditer(title))
    if not separators:
        return title
    parts = _TITLE_SEPARATOR.split(title)
    names = _site_names(site_name, url)
    if _letters(parts[-1]) in names:
        return title[: separators[-1].start()]
    if _letters(parts[0]) in names:
        return title[separators[0].end() :]
    return title
