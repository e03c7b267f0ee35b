"""Issue 14's reproductions: inputs any publisher can send, each one once a run-stopper.

Every test is named after the quirk it sends. Each failed with a traceback (ValueError,
UnicodeEncodeError, httpx.InvalidURL, OverflowError) before the fixes and reads cleanly now.
"""

from __future__ import annotations

import pytest

from newsloom.errors import ParseError
from newsloom.extract import extract_article
from newsloom.extract.paywall import declares_paywall
from newsloom.ingest.dates import parse_datetime
from newsloom.ingest.netguard import _host_and_port
from newsloom.ingest.opml import MAX_FOLDER_DEPTH, read_opml_list
from newsloom.ingest.parse import parse_feed
from newsloom.ingest.sanitize import (
    MAX_GUID_CHARS,
    MAX_URL_CHARS,
    absolute_url,
    checked_url,
    clean_html,
    entry_guid,
    plain_text,
)
from newsloom.textsafe import MAX_INT_DIGITS, loads_json

BODY = " ".join(
    "The harbour board of Gullhaven met on Thursday to approve the new ferry timetable."
    for _ in range(12)
)


def _json_feed(items: str) -> bytes:
    return (
        '{"version": "https://jsonfeed.org/version/1.1", "title": "Quirks", "items": ['
        + items
        + "]}"
    ).encode()


def test_json_feed_with_a_100000_digit_id_is_read_and_the_id_kept_bounded() -> None:
    body = _json_feed('{"id": ' + "1" * 100_000 + ', "url": "https://q.example/a", "title": "t"}')
    feed = parse_feed(body, "https://q.example/feed.json")
    (entry,) = feed.entries
    assert entry.url == "https://q.example/a"
    assert len(entry.guid) <= MAX_GUID_CHARS and entry.guid.startswith("sha256:")


def test_json_feed_lone_surrogate_escapes_become_replacement_characters() -> None:
    body = _json_feed(
        '{"id": "1", "url": "https://q.example/a", "title": "x \\ud800 y", '
        '"content_html": "<p>a \\udfff b</p>", "authors": [{"name": "\\udbff"}]}'
    )
    (entry,) = parse_feed(body, "https://q.example/feed.json").entries
    assert entry.title == "x \ufffd y"
    assert "\ufffd" in entry.content_html
    for text in (entry.title, entry.content_html, *entry.authors):
        text.encode("utf-8")  # would raise UnicodeEncodeError with a surrogate in it


def test_json_feed_nested_past_the_stack_is_a_parse_error() -> None:
    with pytest.raises(ParseError, match="invalid JSON feed"):
        parse_feed(b'{"items": ' + b"[" * 100_000, "https://q.example/feed.json")


def test_json_ld_5000_digit_integer_does_not_stop_extraction() -> None:
    page = (
        "<html><head><title>Timetable</title>"
        '<script type="application/ld+json">{"@type": "NewsArticle", "wordCount": '
        + "9"
        * 5000
        + ', "isAccessibleForFree": "False", "datePublished": "2026-05-04T07:00:00Z"}</script>'
        f"</head><body><article><p>{BODY}</p></article></body></html>"
    )
    extracted = extract_article(page.encode(), "https://q.example/a")
    assert extracted.published is not None and extracted.published.year == 2026


def test_json_ld_paywall_flag_is_read_beside_a_huge_integer() -> None:
    from lxml import html as lxml_html

    page = (
        '<html><head><script type="application/ld+json">{"n": '
        + "7" * 5000
        + ', "isAccessibleForFree": false}</script></head><body></body></html>'
    )
    assert declares_paywall(lxml_html.fromstring(page))


def test_loads_json_keeps_huge_literals_as_text_and_scrubs_keys() -> None:
    data = loads_json('{"a": ' + "8" * 5000 + ', "b\\ud800": [1e999, 12]}')
    assert data["a"] == "8" * 5000 and len(str(data["a"])) > MAX_INT_DIGITS
    assert data["b\ufffd"] == ["1e999", 12]


def test_sanitizers_scrub_lone_surrogates_instead_of_raising() -> None:
    assert plain_text("x \ud800 y") == "x \ufffd y"
    assert clean_html("<p>\udfff</p>", "https://q.example/") == "<p>\ufffd</p>"


def test_item_link_of_70000_characters_is_dropped_not_fetched() -> None:
    long_link = "https://q.example/" + "a" * 70_000
    assert absolute_url(long_link, "https://q.example/") == ""
    with pytest.raises(ParseError, match=f"longer than {MAX_URL_CHARS}"):
        checked_url(long_link)
    rss = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Q</title>'
        f"<item><title>Long</title><link>{long_link}</link><description>d</description></item>"
        "</channel></rss>"
    ).encode()
    (entry,) = parse_feed(rss, "https://q.example/feed.xml").entries
    assert entry.url == "" and entry.title == "Long"


def test_fullwidth_host_is_read_as_the_ascii_host_the_guard_will_judge() -> None:
    assert checked_url("http://ｌｏｃａｌｈｏｓｔ:8080/p.html") == "http://localhost:8080/p.html"
    assert checked_url("https://bücher.example/x?q=1") == "https://xn--bcher-kva.example/x?q=1"


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://q.example/a\nb", "control characters"),
        ("http://q.example/a\x00b", "control characters"),
        ("http://q.example:0/feed", "port 0"),
        ("http://q.example:99999/feed", "Port out of range"),
        ("ftp://q.example/feed", "only http and https"),
        ("https:///feed", "no host"),
        ("http://a\ufffdb.example/feed", "not a valid domain"),
        ("http://-ü-.example/feed", "not a valid domain"),
    ],
)
def test_urls_that_cannot_be_fetched_are_refused_with_the_reason(url: str, reason: str) -> None:
    with pytest.raises(ParseError, match=reason):
        checked_url(url)


def test_a_space_in_a_link_is_sent_percent_encoded() -> None:
    assert checked_url("https://q.example/my story.html") == "https://q.example/my%20story.html"


def test_opml_refuses_bad_urls_and_says_why_and_keeps_the_good_ones() -> None:
    body = (
        b'<opml version="2.0"><body>'
        b'<outline text="Bad port" xmlUrl="http://q.example:99999/feed"/>'
        b'<outline text="Newline" xmlUrl="http://q.example/a&#10;b"/>'
        b'<outline text="Nul" xmlUrl="http://q.example/a&#0;b"/>'
        b'<outline text="Port zero" xmlUrl="http://q.example:0/feed"/>'
        b'<outline text="Good" xmlUrl="https://good.example/feed"/>'
        b"</body></opml>"
    )
    listed = read_opml_list(body)
    # A NUL reference is replaced before parsing (XML forbids it): what is left is a URL.
    assert [s.url for s in listed.sources] == [
        "http://q.example/a\ufffdb",
        "https://good.example/feed",
    ]
    assert len(listed.refused) == 3
    assert any("Port out of range" in reason and "Bad port" in reason for reason in listed.refused)


def test_opml_nested_100000_deep_says_it_is_broken_instead_of_importing_nothing() -> None:
    depth = 100_000
    body = (
        b"<opml><body>"
        + b'<outline text="f">' * depth
        + b'<outline xmlUrl="https://deep.example/feed"/>'
        + b"</outline>" * depth
        + b"</body></opml>"
    )
    listed = read_opml_list(body)
    assert listed.sources == []
    assert listed.refused and any("nested" in r or "depth" in r for r in listed.refused)


def test_opml_folders_deeper_than_the_limit_are_reported() -> None:
    depth = MAX_FOLDER_DEPTH + 3
    body = (
        b"<opml><body>"
        + b'<outline text="f">' * depth
        + b'<outline xmlUrl="https://deep.example/feed"/>'
        + b"</outline>" * depth
        + b'<outline text="Top" xmlUrl="https://top.example/feed"/>'
        + b"</body></opml>"
    )
    listed = read_opml_list(body)
    assert [s.url for s in listed.sources] == ["https://top.example/feed"]
    assert any(f"deeper than {MAX_FOLDER_DEPTH}" in r for r in listed.refused)


def test_markup_in_og_title_is_text_not_a_script() -> None:
    page = (
        '<html><head><meta property="og:title" content="&quot;&gt;&lt;script&gt;alert(8)'
        '&lt;/script&gt; Ferry returns"><title>x</title></head>'
        f"<body><article><p>{BODY}</p></article></body></html>"
    )
    title = extract_article(page.encode(), "https://q.example/a").title
    assert "<" not in title and "script" not in title.lower()


@pytest.mark.parametrize(
    "value", ["0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00", "9" * 100_000]
)
def test_dates_past_the_ends_of_the_calendar_are_unreadable_not_fatal(value: str) -> None:
    assert parse_datetime(value) is None


def test_an_overlong_guid_is_stored_as_its_digest() -> None:
    assert entry_guid("g" * 10) == "g" * 10
    assert entry_guid("g" * 100_000) == entry_guid("g" * 100_000)
    assert len(entry_guid("g" * 100_000)) <= MAX_GUID_CHARS


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        ("127.0.0.1:8080", ("127.0.0.1", 8080)),
        ("[::1]:80", ("::1", 80)),
        ("::1", ("::1", None)),
        ("Feeds.Example", ("feeds.example", None)),
    ],
)
def test_allowed_hosts_entries_name_a_host_or_one_port(
    entry: str, expected: tuple[str, int | None]
) -> None:
    assert _host_and_port(entry) == expected
