"""Make a feed body safe and decodable before any XML parser sees it.

Three repairs, each reported as a warning: UTF-16/32 bodies become UTF-8 (so byte-level checks work),
control characters that XML forbids are dropped, and a DOCTYPE internal subset (where entity bombs
and external entities live) is cut out so nothing is ever expanded or read from disk.
"""

from __future__ import annotations

import codecs
import re

from newsloom.textsafe import scrub_surrogates

# C0 controls except \t \n \r; none of them can appear inside a multi-byte character of UTF-8 or the
# legacy ASCII-compatible encodings feeds use, so stripping bytes is safe.
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_XML_DECL = re.compile(rb"^(\s*<\?xml[^>]*?encoding\s*=\s*[\"'])([A-Za-z0-9._:-]+)([\"'])")
_ENTITY_DECL = re.compile(rb"<!ENTITY", re.IGNORECASE)
_CDATA = re.compile(rb"<!\[CDATA\[.*?\]\]>", re.DOTALL)
_DOCTYPE = re.compile(rb"<!DOCTYPE", re.IGNORECASE)
_CHAR_REF = re.compile(rb"&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));")
_SINGLE_BYTE_LABELS = {
    "iso-8859-1",
    "iso8859-1",
    "latin-1",
    "latin1",
    "windows-1252",
    "cp1252",
    "us-ascii",
    "ascii",
}

_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_WIDE_SNIFF = (
    (b"\x00\x00\x00<", "utf-32-be"),
    (b"<\x00\x00\x00", "utf-32-le"),
    (b"\x00<\x00?", "utf-16-be"),
    (b"<\x00?\x00", "utf-16-le"),
)


def strip_control_chars(text: str) -> str:
    """Drop C0 control characters other than tab, newline and carriage return, and replace lone
    surrogates (which no encoder accepts) with U+FFFD."""
    return scrub_surrogates(_CONTROL_CHARS.sub("", text))


def _wide_codec(body: bytes) -> str | None:
    for bom, codec in _WIDE_BOMS:
        if body.startswith(bom):
            return codec
    for prefix, codec in _WIDE_SNIFF:
        if body.startswith(prefix):
            return codec
    return None


def _set_declared_encoding(body: bytes, label: bytes) -> bytes:
    return _XML_DECL.sub(lambda m: m.group(1) + label + m.group(3), body, count=1)


def _to_utf8_if_wide(body: bytes, warnings: list[str]) -> bytes:
    codec = _wide_codec(body)
    if codec is None:
        return body
    try:
        text = body.decode(codec)
    except UnicodeDecodeError:
        text = body.decode(codec, errors="replace")
        warnings.append(f"parse: invalid {codec} bytes replaced")
    return _set_declared_encoding(text.lstrip("\ufeff").encode("utf-8"), b"utf-8")


def _fix_mislabelled_utf8(body: bytes, warnings: list[str]) -> bytes:
    """A body declared Latin-1/ASCII that is valid UTF-8 with non-ASCII bytes is UTF-8.

    Multi-byte UTF-8 sequences almost never occur by chance in Latin-1 text, so trusting the
    bytes over the label avoids mojibake ("CafÃ©") in every title.
    """
    match = _XML_DECL.match(body)
    if not match or match.group(2).decode("ascii").lower() not in _SINGLE_BYTE_LABELS:
        return body
    if body.isascii():
        return body
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return body
    warnings.append(
        f"parse: declared encoding {match.group(2).decode('ascii')} but the body is UTF-8; "
        "read as UTF-8"
    )
    return _set_declared_encoding(body, b"utf-8")


def _doctype_end(body: bytes, start: int) -> tuple[int, bool]:
    """Index just past the DOCTYPE starting at ``start`` and whether it has an internal subset.

    Quoted strings and comments are skipped, so a ``]>`` inside an entity value cannot end it early.
    Returns (len(body), True) when the declaration never ends.
    """
    i = start + len(b"<!DOCTYPE")
    depth = 0
    has_subset = False
    while i < len(body):
        ch = body[i : i + 1]
        if ch in (b'"', b"'"):
            close = body.find(ch, i + 1)
            if close < 0:
                return len(body), True
            i = close + 1
            continue
        if body.startswith(b"<!--", i):
            close = body.find(b"-->", i + 4)
            if close < 0:
                return len(body), True
            i = close + 3
            continue
        if ch == b"[":
            depth += 1
            has_subset = True
        elif ch == b"]":
            depth = max(0, depth - 1)
        elif ch == b">" and depth == 0:
            return i + 1, has_subset
        i += 1
    return len(body), True


def _remove_internal_subset(body: bytes, warnings: list[str]) -> bytes:
    match = _DOCTYPE.search(body)
    if match is None:
        return body
    end, has_subset = _doctype_end(body, match.start())
    if not has_subset:
        return body
    warnings.append("parse: removed a DOCTYPE internal subset; entity declarations are ignored")
    return body[: match.start()] + body[end:]


def make_safe(body: bytes) -> tuple[bytes, list[str]]:
    """Return (body fit for an XML parser, warnings). Never expands or resolves anything."""
    warnings: list[str] = []
    body = _to_utf8_if_wide(body, warnings)
    # Whitespace before the XML declaration is a fatal error to XML parsers and common in the wild
    # (templates emit a newline first); it carries nothing, so drop it.
    stripped = body.lstrip(b" \t\r\n")
    if stripped.startswith(b"<?xml"):
        body = stripped
    cleaned = _CONTROL_BYTES.sub(b"", body)
    if len(cleaned) != len(body):
        warnings.append(f"parse: removed {len(body) - len(cleaned)} control characters")
    body = _fix_mislabelled_utf8(cleaned, warnings)
    body = _remove_internal_subset(body, warnings)
    body = _replace_bad_char_refs(body, warnings)
    return body, warnings


def _replace_bad_char_refs(body: bytes, warnings: list[str]) -> bytes:
    """``&#xD800;``, ``&#0;``, ``&#1114112;``: references to characters XML forbids (or that do
    not exist) become U+FFFD, since parsers either fail on them or hand back unencodable text."""
    bad = 0

    def replace(match: re.Match[bytes]) -> bytes:
        nonlocal bad
        hexa, decimal = match.group(1), match.group(2)
        digits = hexa or decimal
        if len(digits) > 8 or not _xml_char(int(digits, 16 if hexa else 10)):
            bad += 1
            return b"&#xFFFD;"
        return match.group(0)

    fixed = _CHAR_REF.sub(replace, body)
    if bad:
        warnings.append(f"parse: replaced {bad} references to characters XML forbids")
    return fixed


def _xml_char(code: int) -> bool:
    # XML 1.0's Char production.
    return (
        code in (0x9, 0xA, 0xD)
        or 0x20 <= code <= 0xD7FF
        or 0xE000 <= code <= 0xFFFD
        or 0x10000 <= code <= 0x10FFFF
    )


def declares_entities(body: bytes) -> bool:
    """True when ``<!ENTITY`` appears outside CDATA sections (after make_safe, this means the
    document is hostile or broken beyond repair)."""
    return bool(_ENTITY_DECL.search(_CDATA.sub(b"", body)))
