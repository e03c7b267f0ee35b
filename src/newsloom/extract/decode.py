"""Bytes of an HTML page to text: BOM, then HTTP header charset, then <meta> charset, then UTF-8,
then statistical detection. Control characters that lxml rejects are dropped."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from newsloom.ingest.xmlsafety import strip_control_chars

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE
)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9._:-]+)", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
WESTERN_CHAOS_MARGIN = 0.02
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().lower()).name
    except LookupError:
        return None
    # Browsers read "latin-1" and "ascii" labels as windows-1252 (WHATWG Encoding), so do we.
    return "cp1252" if name in ("latin-1", "iso8859-1", "ascii") else name


def _candidates(body: bytes, content_type: str | None) -> list[str]:
    for bom, codec in _BOMS:
        if body.startswith(bom):
            return [codec]
    found: list[str] = []
    header = _HEADER_CHARSET.search(content_type or "")
    meta = _META_CHARSET.search(body[:8192])
    for label in (header.group(1) if header else None, meta.group(1).decode() if meta else None):
        named = _codec(label)
        if named and named not in found:
            found.append(named)
    return found


def _detected_codec(body: bytes) -> str:
    """charset_normalizer's guess, but windows-1252 (the web's default for undeclared pages) when
    it reads the bytes about as cleanly: short samples often tie between Latin code pages."""
    matches = from_bytes(body[:200_000])
    best = matches.best()
    if best is None:
        return "cp1252"
    western = next((m for m in matches if m.encoding == "cp1252"), None)
    if western is not None and western.chaos <= best.chaos + WESTERN_CHAOS_MARGIN:
        return "cp1252"
    return str(best.encoding)


def decode_html(body: bytes | str, content_type: str | None = None) -> str:
    """Text of an HTML document, ready for lxml (no XML declaration, no control characters)."""
    if isinstance(body, str):
        text = body
    else:
        text = ""
        for codec in [*_candidates(body, content_type), "utf-8"]:
            try:
                text = body.decode(codec)
                break
            except (UnicodeDecodeError, LookupError):
                continue
        else:
            text = body.decode(_detected_codec(body), errors="replace")
    text = text.lstrip("\ufeff")
    return strip_control_chars(_XML_DECLARATION.sub("", text, count=1))
