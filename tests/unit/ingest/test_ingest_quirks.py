"""Real-world quirks: whitespace before the XML declaration, localised dates, Atom permalink ids,
and bodies that must never reach the HTML extractor."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from newsloom.ingest.dates import parse_datetime
from newsloom.ingest.parse import parse_feed
from newsloom.ingest.sniff import is_html_document, looks_like_html

FEEDS = Path(__file__).resolve().parents[2] / "data" / "feeds"


def test_whitespace_before_declaration_and_localised_pubdate() -> None:
    body = (FEEDS / "rss_whitespace_before_declaration_localised_date.xml").read_bytes()
    feed = parse_feed(body, "https://faro.example/feed")
    assert feed.warnings == ()
    (entry,) = feed.entries
    assert entry.published == datetime(2022, 11, 15, 23, 38, 15, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Di, 03 Mär 2026 10:00:00 +0100", datetime(2026, 3, 3, 9, 0, tzinfo=UTC)),
        ("lun., 5 janv. 2026 08:00:00 GMT", datetime(2026, 1, 5, 8, 0, tzinfo=UTC)),
        ("sáb, 02 mayo 2026 10:30:00 +0000", datetime(2026, 5, 2, 10, 30, tzinfo=UTC)),
        ("Mon, 04 May 2026 08:00:00 GMT", datetime(2026, 5, 4, 8, 0, tzinfo=UTC)),
        ("mer, 99 nov 2022 00:38:15 +0100", None),
        ("not a date at all", None),
    ],
)
def test_localised_rfc822_dates(text: str, expected: datetime | None) -> None:
    assert parse_datetime(text) == expected


def test_atom_entry_without_link_uses_its_permalink_id_only() -> None:
    feed = parse_feed(
        (FEEDS / "atom_permalink_id_without_link.xml").read_bytes(), "https://p.example/"
    )
    permalink, opaque = feed.entries
    assert permalink.url == "https://planet.harbour.example/posts/tide-tables-may"
    assert opaque.url == "" and opaque.guid.startswith("tag:")


PAGE = b"<!doctype html><html><body><p>The harbour reopened.</p></body></html>"


def test_pages_pass_and_binary_or_mislabelled_bodies_do_not() -> None:
    assert looks_like_html(PAGE, "text/html; charset=utf-8")
    assert looks_like_html(PAGE, None)  # no content type: the bytes decide
    assert not looks_like_html(PAGE, "image/png")
    assert not looks_like_html(PAGE, "application/pdf")
    noise = bytes(range(256)) * 16
    assert not looks_like_html(noise, "text/html")  # garbage labelled as HTML
    assert not looks_like_html(b"", "text/html")
    assert not looks_like_html(b"\x00<html>" + b"\x01\x02\x03" * 100, None)


def test_html_document_is_told_from_a_feed() -> None:
    assert is_html_document(PAGE)
    assert not is_html_document(b"<?xml version='1.0'?><rss version='2.0'></rss>")
