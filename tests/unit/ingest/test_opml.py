"""OPML import/export: nested sections, duplicates, hostile input, round trip."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsloom.errors import ParseError
from newsloom.ingest.opml import read_opml, section_slug, write_opml
from newsloom.records import Source

FEEDS = Path(__file__).resolve().parents[2] / "data" / "feeds"


def test_nested_outlines_become_sections() -> None:
    sources = read_opml((FEEDS / "opml_nested_sections.opml").read_bytes())
    assert [(s.url, s.section) for s in sources] == [
        ("https://standalone.example/feed", ""),
        ("https://gazette.example/rss", "world-news"),
        ("https://phare.example/atom", "world-news"),
        ("https://valley.example/rdf", "europe"),
        ("https://lab.example/feed.json", "science"),
    ]
    standalone, gazette, phare, _valley, lab = sources
    assert standalone.title == "Standalone & Co"
    assert gazette.title == "Harbour Gazette"
    assert gazette.site_url == "https://gazette.example/"
    assert phare.language == "fr"
    assert lab.site_url == "https://lab.example/relative"


def test_round_trip_keeps_urls_titles_and_sections() -> None:
    original = read_opml((FEEDS / "opml_nested_sections.opml").read_bytes())
    text = write_opml(original, title="Fictional export")
    assert "<title>Fictional export</title>" in text
    again = read_opml(text.encode("utf-8"))
    key = lambda s: (s.url, s.title, s.section, s.site_url, s.language)  # noqa: E731
    assert sorted(map(key, again)) == sorted(map(key, original))


def test_write_escapes_markup_in_titles() -> None:
    text = write_opml([Source(url="https://a.example/f?x=1&y=2", title='<b>"Q&A"</b>')])
    (back,) = read_opml(text.encode())
    assert back.url == "https://a.example/f?x=1&y=2"
    assert back.title == '"Q&A"'  # tags are not kept in titles


def test_entities_in_opml_are_not_expanded() -> None:
    body = (
        b'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        b'<opml version="2.0"><body><outline text="&xxe;" xmlUrl="https://x.example/f"/>'
        b"</body></opml>"
    )
    (source,) = read_opml(body)
    assert source.url == "https://x.example/f"
    assert "root:" not in source.title


def test_not_opml_raises() -> None:
    with pytest.raises(ParseError, match=r"^parse: not an OPML document"):
        read_opml(b"<rss version='2.0'><channel/></rss>")


def test_section_slug() -> None:
    assert section_slug("  World News / Europe ") == "world-news-europe"
    assert section_slug("Économie") == "économie"
