"""Bytes of an HTML page to text.

Order of evidence: a byte-order mark; then bytes that are valid UTF-8 (legacy text almost never forms
valid multi-byte sequences by accident, while servers and templates often mislabel UTF-8 pages);
then the HTTP header charset, then the <meta> charset; then mostly-valid UTF-8 with a few broken
bytes; then statistical detection. Labels map to codecs as browsers map them (WHATWG Encoding).
Control characters that lxml rejects are dropped.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from newsloom.ingest.xmlsafety import strip_control_chars

# The C0 controls lxml rejects (all but tab, newline and carriage return) and DEL: in UTF-8 each
# is its own byte, never part of a longer sequence, so they can be deleted before decoding.
_CONTROL_BYTES = bytes([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE
)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9._:-]+)", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
# Lone surrogates (only a str page can hold them) cannot be stored or sent as UTF-8.
_SURROGATES = re.compile("[\ud800-\udfff]")
WESTERN_CHAOS_MARGIN = 0.02
# A body with at least this many valid non-ASCII characters per broken byte is UTF-8 with damage
# (a truncated or concatenated page), not a legacy encoding.
UTF8_GOOD_PER_BAD = 10
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# WHATWG Encoding: legacy labels decode with the superset codec browsers use.
_BROWSER_CODEC = {
    "latin-1": "cp1252",
    "iso8859-1": "cp1252",
    "ascii": "cp1252",
    "iso8859-9": "cp1254",
    "iso8859-11": "cp874",
    "tis-620": "cp874",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "euc_kr": "cp949",
    "shift_jis": "cp932",
    "big5": "big5hkscs",
}
_LABEL_ALIASES = {"x-sjis": "cp932", "windows-31j": "cp932", "x-mac-roman": "mac_roman"}
_WIDE = ("utf-16", "utf-32")


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().lower()
    try:
        name = codecs.lookup(_LABEL_ALIASES.get(label, label)).name
    except LookupError:
        return None
    return _BROWSER_CODEC.get(name, name)


def declared_codecs(body: bytes, content_type: str | None) -> list[str]:
    """Codecs named by the Content-Type header, then by a <meta> in the first 8 KB."""
    found: list[str] = []
    header = _HEADER_CHARSET.search(content_type or "")
    meta = _META_CHARSET.search(body[:8192])
    for label in (header.group(1) if header else None, meta.group(1).decode() if meta else None):
        named = _codec(label)
        if named and named not in found:
            found.append(named)
    return found


def _mostly_utf8(body: bytes) -> bool:
    text = body.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for char in text if char > "\x7f") - bad
    return good >= UTF8_GOOD_PER_BAD * bad


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


def _decode_bytes(body: bytes, content_type: str | None) -> str:
    """The text of ``body`` without control characters (decoding never makes a lone surrogate:
    errors="replace" gives U+FFFD)."""
    try:
        # Strict UTF-8 without a BOM (most pages): the controls are cheaper to drop from the bytes
        # (each is a byte of its own in UTF-8) than from the text.
        if not body.startswith(tuple(bom for bom, _ in _BOMS)) and b"\x00" not in body[:64]:
            return body.translate(None, _CONTROL_BYTES).decode("utf-8")
    except UnicodeDecodeError:
        pass
    return strip_control_chars(_decode_other(body, content_type))


def _decode_other(body: bytes, content_type: str | None) -> str:
    for bom, codec in _BOMS:
        if body.startswith(bom):
            return body.decode(codec, errors="replace")  # the codec consumes its BOM
    declared = declared_codecs(body, content_type)
    # UTF-16/32 without a BOM: only a declaration says so, and ASCII markup then holds NUL bytes.
    if b"\x00" in body[:64]:
        for codec in declared:
            if codec.startswith(_WIDE):
                return body.decode(codec, errors="replace")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    for codec in declared:
        if codec != "utf-8" and not codec.startswith(_WIDE):
            try:
                return body.decode(codec)
            except (UnicodeDecodeError, LookupError):
                continue
    if _mostly_utf8(body):
        return body.decode("utf-8", errors="replace")
    return body.decode(_detected_codec(body), errors="replace")


def decode_html(body: bytes | str, content_type: str | None = None) -> str:
    """Text of an HTML document, ready for lxml (no XML declaration, no control characters, no
    lone surrogates)."""
    if isinstance(body, str):
        text = strip_control_chars(_SURROGATES.sub("", body))
    else:
        text = _decode_bytes(body, content_type)
    text = text.lstrip("\ufeff")
    return _XML_DECLARATION.sub("", text, count=1)
