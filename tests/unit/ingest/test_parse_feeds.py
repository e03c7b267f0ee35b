"""parse_feed on hand-written fixtures, one per format or quirk."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from newsloom.errors import ParseError
from newsloom.ingest.parse import detect_format, parse_feed

FEEDS = Path(__file__).resolve().parents[2] / "data" / "feeds"
BASE = "https://base.example/feeds/main.xml"


def parse(name: str, url: str = BASE):
    return parse_feed((FEEDS / name).read_bytes(), url)


def test_rss20_fields_dates_and_media() -> None:
    feed = parse("rss20_media_enclosures.xml")
    assert feed.format == "rss"
    assert feed.title == "Harbour Gazette & Friends"
    assert feed.language == "en-gb"
    assert feed.ttl_minutes == 30
    assert feed.warnings == ()
    ferry, podcast = feed.entries
    assert ferry.guid == "gazette-1001"
    assert ferry.published == datetime(2025, 3, 4, 8, 30, tzinfo=UTC)
    assert ferry.authors == ("Mira Tollan",)
    assert ferry.image == "https://img.gazette.example/ferry-thumb.jpg"
    assert ferry.enclosures == ("https://img.gazette.example/ferry-large.jpg",)
    assert "21:10" in ferry.content_html
    assert ferry.summary_html == "The harbour board trims the evening crossings."
    assert podcast.enclosures == (
        "https://cdn.gazette.example/audio/lighthouse.mp3",
        "https://base.example/images/lighthouse.png",
    )
    assert podcast.image == "https://base.example/images/lighthouse.png"


def test_rdf_with_syndication_period() -> None:
    feed = parse("rdf_rss10_syndication.xml")
    assert feed.format == "rdf"
    assert feed.language == "de"
    assert feed.ttl_minutes == 30  # hourly, twice
    (entry,) = feed.entries
    assert entry.title == "Späte Fröste treffen die Obstgärten"
    assert entry.updated == datetime(2025, 4, 11, 4, 15, tzinfo=UTC)
    assert entry.authors == ("Jonas Erlen",)


def test_atom_xml_base_language_and_html_title() -> None:
    feed = parse("atom10_xml_base_relative.xml")
    assert feed.format == "atom"
    (entry,) = feed.entries
    assert entry.title == "Le marché couvert rouvre"  # markup removed from type="html" titles
    assert entry.url == "https://phare.example/articles/marche-couvert"
    assert 'href="https://phare.example/news/plan.html"' in entry.summary_html
    assert 'src="https://phare.example/img/marche.jpg"' in entry.content_html
    assert entry.language == "fr"
    assert entry.authors == ("Claire Vautrin", "Paul Osmond")
    assert entry.published == datetime(2025, 5, 2, 6, 45, tzinfo=UTC)


def test_json_feed_tolerant_reader() -> None:
    feed = parse("json_feed_1_1.json", "https://orchard.example/feed.json")
    assert feed.format == "json"
    assert feed.title == "Orchard Street Bulletin"
    assert feed.warnings == ("parse: skipped item 2: not an object",)
    library, text_only, old_style = feed.entries
    assert library.guid == "42"
    assert library.url == "https://orchard.example/2025/06/library-hours"
    assert library.image == "https://orchard.example/img/library.jpg"
    assert library.published == datetime(2025, 6, 1, 10, 0, tzinfo=UTC)
    assert library.enclosures == ("https://orchard.example/files/hours.pdf",)
    assert "script" not in library.content_html and "onclick" not in library.content_html
    assert "Open until 20:00" in library.content_html
    assert text_only.url == "https://elsewhere.example/story"
    assert text_only.published is None
    assert text_only.language == "en-gb"
    assert text_only.authors == ("Bulletin Desk",)  # inherited from the feed
    assert "&lt;angle&gt;" in text_only.content_html
    assert old_style.authors == ("Single Author",)
    assert old_style.image == "https://orchard.example/banner.png"


def test_json_without_items_is_not_a_feed() -> None:
    with pytest.raises(ParseError, match=r"^parse: JSON document is not a JSON Feed"):
        parse_feed(json.dumps({"hello": "world"}).encode(), BASE)


def test_missing_and_unreadable_pubdate_give_none() -> None:
    feed = parse("rss_missing_pubdate.xml")
    assert [e.published for e in feed.entries] == [None, None]
    assert [e.title for e in feed.entries] == ["A note with no date", "A note with a broken date"]


def test_relative_links_resolved_and_javascript_links_dropped() -> None:
    feed = parse("rss_relative_links.xml")
    assert feed.link == "https://base.example/"
    bridge, tram, script = feed.entries
    assert bridge.url == "https://base.example/stories/bridge-repair"
    assert 'href="https://base.example/maps/bridge.html"' in bridge.summary_html
    assert 'src="https://base.example/feeds/img/bridge.jpg"' in bridge.summary_html
    assert tram.url == "https://base.example/feeds/stories/tram-line"
    assert script.url == ""


def test_scripts_event_handlers_and_javascript_urls_removed() -> None:
    feed = parse("rss_cdata_script_onerror.xml")
    assert feed.title == "Hostile Markup"
    (entry,) = feed.entries
    assert entry.title == "Innocent headline"
    html = entry.summary_html.lower()
    for forbidden in (
        "<script",
        "onerror",
        "onmouseover",
        "javascript:",
        "<iframe",
        "<style",
        "evil",
    ):
        assert forbidden not in html
    assert "<p>Kept text.</p>" in entry.summary_html
    assert "click" in entry.summary_html


def test_billion_laughs_is_never_expanded() -> None:
    body = (FEEDS / "xxe_billion_laughs.xml").read_bytes()
    feed = parse_feed(body, BASE)
    assert any("internal subset" in w for w in feed.warnings)
    assert feed.entries[0].url == "https://laughs.example/a/1"
    assert "lollol" not in feed.title + feed.entries[0].title + feed.entries[0].summary_html


def test_external_entity_never_reads_local_files() -> None:
    feed = parse("xxe_external_entity.xml")
    passwd = Path("/etc/passwd").read_text(errors="replace")
    root_line = passwd.splitlines()[0] if passwd else "root:x:0:0"
    everything = repr(feed)
    assert root_line not in everything and "root:" not in everything
    assert feed.entries[0].url == "https://leaky.example/a/1"


def test_external_dtd_is_not_loaded() -> None:
    feed = parse("xxe_external_dtd.xml")
    assert "root:" not in repr(feed)
    assert [e.title for e in feed.entries] == ["Still readable"]


def test_entity_declaration_smuggled_outside_doctype_is_refused() -> None:
    body = b'<?xml version="1.0"?><!ENTITY a "b"><rss version="2.0"><channel/></rss>'
    with pytest.raises(ParseError, match="entity declarations"):
        parse_feed(body, BASE)


def test_control_characters_are_stripped() -> None:
    feed = parse("rss_control_characters.xml")
    assert feed.title == "Control Characters Weekly"
    (entry,) = feed.entries
    assert entry.title == "Tab and vertical junk"
    assert entry.url == "https://ctrl.example/a/1"
    assert any("control characters" in w for w in feed.warnings)


def test_utf8_body_declared_latin1_is_read_as_utf8() -> None:
    feed = parse("rss_wrong_declared_charset.xml")
    assert feed.title == "Café Crème Gazette"
    assert feed.entries[0].title == "Naïve façade in Zürich – résumé"
    assert any("declared encoding ISO-8859-1" in w for w in feed.warnings)


def test_latin1_body_declared_utf8_recovers_with_warning() -> None:
    feed = parse("rss_latin1_declared_utf8.xml")
    assert feed.entries[0].title == "Café au lait"
    assert feed.warnings


def test_utf16_with_bom() -> None:
    feed = parse("rss_utf16_bom.xml")
    assert feed.entries[0].title == "Wide item ü"


def test_malformed_atom_recovers_entries_with_a_warning() -> None:
    feed = parse("atom_unclosed_tags_recoverable.xml")
    assert [e.url for e in feed.entries] == ["https://sloppy.example/1", "https://sloppy.example/2"]
    assert feed.entries[0].title == "First entry & an unescaped ampersand"
    assert any(w.startswith("parse: malformed feed") for w in feed.warnings)


@pytest.mark.parametrize("body", [b"", b"   \n", b"\x00\x00"])
def test_empty_body_raises(body: bytes) -> None:
    with pytest.raises(ParseError, match=r"^parse: "):
        parse_feed(body, BASE)


def test_html_page_instead_of_feed_raises() -> None:
    with pytest.raises(ParseError, match="HTML page"):
        parse("html_page_not_feed.html")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("rss20_media_enclosures.xml", "rss"),
        ("rdf_rss10_syndication.xml", "rdf"),
        ("atom10_xml_base_relative.xml", "atom"),
        ("json_feed_1_1.json", "json"),
        ("xxe_billion_laughs.xml", "rss"),
        ("opml_nested_sections.opml", "opml"),
        ("html_page_not_feed.html", "unknown"),
        ("rss_utf16_bom.xml", "rss"),
    ],
)
def test_detect_format(name: str, expected: str) -> None:
    assert detect_format((FEEDS / name).read_bytes()) == expected


def test_sitemap_is_not_parsed_as_a_feed() -> None:
    body = b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>'
    assert detect_format(body) == "sitemap"
    with pytest.raises(ParseError, match="sitemap"):
        parse_feed(body, BASE)


def test_item_categories_come_from_every_format_in_feed_order() -> None:
    # Where the outlet filed each item, whatever its language: RSS <category> and dc:subject,
    # Atom <category term>, JSON Feed tags. Repeats are kept once.
    rss = """<?xml version="1.0"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
<title>Le Veilleur</title><link>https://veilleur.example/</link><language>fr</language>
<item><title>La digue du port sera rehaussée</title><link>https://veilleur.example/digue</link>
<category>Environnement</category><category>Port</category><dc:subject>Environnement</dc:subject>
</item></channel></rss>""".encode()
    (item,) = parse_feed(rss, BASE).entries
    assert item.categories == ("Environnement", "Port")
    atom = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Eastfield Courier</title><id>urn:ec</id>
<updated>2025-05-02T06:45:00Z</updated>
<entry><title>Rovers sign a new keeper</title><id>urn:ec:1</id>
<link href="https://courier.example/keeper"/><updated>2025-05-02T06:45:00Z</updated>
<category term="Sport" label="Sport news"/></entry></feed>"""
    (entry,) = parse_feed(atom, BASE).entries
    assert entry.categories == ("Sport",)
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "Orchard Street Bulletin",
        "items": [
            {
                "id": "1",
                "url": "https://orchard.example/1",
                "title": "Library hours",
                "content_text": "Open until 20:00.",
                "tags": ["Local", "Books", "", 7],
            }
        ],
    }
    (tagged,) = parse_feed(json.dumps(feed).encode(), "https://orchard.example/feed.json").entries
    assert tagged.categories == ("Local", "Books", "7")
