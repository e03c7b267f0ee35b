"""decode_html: the bytes win over a charset label that lies; labels map as browsers map them."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from newsloom.extract import extract_article
from newsloom.extract.decode import declared_codecs, decode_html

PAGES = Path(__file__).resolve().parents[2] / "data" / "pages"
FRENCH = "Les pêcheurs fictifs de Port-Ménéac ont fêté mardi la réouverture de la criée"


@pytest.mark.parametrize(
    "name",
    ["charset_declared_latin1_sent_as_utf8.html", "charset_declared_utf8_sent_as_latin1.html"],
)
def test_a_page_whose_meta_charset_lies_is_read_correctly(name: str) -> None:
    result = extract_article((PAGES / name).read_bytes(), "https://meneac.example/criee")
    assert FRENCH in result.text
    assert "« Nous avons enfin retrouvé" in result.text and "l’incendie" in result.text
    assert "\ufffd" not in result.text and "Ã" not in result.text
    assert result.title == "La criée de Port-Ménéac rouvre"


@pytest.mark.parametrize(
    ("name", "header"),
    [
        ("charset_declared_latin1_sent_as_utf8.html", "text/html; charset=ISO-8859-1"),
        ("charset_declared_utf8_sent_as_latin1.html", "text/html; charset=utf-8"),
    ],
)
def test_a_lying_http_header_is_overruled_by_the_bytes_too(name: str, header: str) -> None:
    text = decode_html((PAGES / name).read_bytes(), header)
    assert FRENCH in text and "\ufffd" not in text


def test_declared_legacy_charset_is_used_when_the_bytes_are_not_utf8() -> None:
    body = "<p>Ça coûte très cher</p>".encode("cp1252")
    assert decode_html(body, "text/html; charset=windows-1252") == "<p>Ça coûte très cher</p>"


def test_latin1_label_decodes_as_windows_1252() -> None:
    body = "<p>“quoted” – dash</p>".encode("cp1252")  # bytes 0x93, 0x94, 0x96
    assert decode_html(body, "text/html; charset=iso-8859-1") == "<p>“quoted” – dash</p>"


def test_utf8_with_a_few_broken_bytes_stays_utf8() -> None:
    body = ("<p>" + "Bréval à l’eau. " * 30 + "</p>").encode("utf-8") + b"\xff\xfe-"
    text = decode_html(body, "text/html; charset=utf-8")
    assert text.startswith("<p>Bréval à l’eau.") and text.count("\ufffd") == 2


def test_legacy_asian_labels_use_the_browser_superset_codec() -> None:
    text = "<p>港川市の灯台 ①</p>"  # ① is in cp932 but not in strict shift_jis
    assert decode_html(text.encode("cp932"), "text/html; charset=Shift_JIS") == text
    assert declared_codecs(b"<meta charset='gb2312'>", None) == ["gb18030"]


def test_byte_order_marks_win() -> None:
    assert decode_html(codecs.BOM_UTF8 + "<p>é</p>".encode()) == "<p>é</p>"
    assert decode_html("<p>é</p>".encode("utf-16"), "text/html; charset=latin-1") == "<p>é</p>"


def test_utf16_without_bom_needs_its_declaration() -> None:
    body = "<p>é</p>".encode("utf-16-le")
    assert decode_html(body, "text/html; charset=utf-16le") == "<p>é</p>"


def test_control_characters_and_xml_declaration_are_dropped() -> None:
    body = b'<?xml version="1.0" encoding="utf-8"?>\n<p>a\x00b\x0bc\x1f</p>'
    assert decode_html(body) == "\n<p>abc</p>"


def test_lone_surrogates_in_a_str_page_are_dropped() -> None:
    assert decode_html("<p>quay\ud800 lights\udfff</p>") == "<p>quay lights</p>"
