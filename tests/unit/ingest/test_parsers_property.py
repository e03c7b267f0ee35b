"""Property tests: arbitrary bytes and structured garbage against every parser newsloom exposes to
the outside (feeds of every format, sitemaps, OPML, HTML extraction, archive lines, dates, URLs).

The property is the same everywhere: a parser returns, or raises its own stage's error
(``ParseError``, ``ExtractError``), within bounded time and memory. Anything else (a ValueError from
deep inside a library, a RecursionError, a UnicodeEncodeError) would stop a refresh.
"""

from __future__ import annotations

import json
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsloom.batch.archive import ArchiveRecord, read_jsonl
from newsloom.errors import ExtractError, ParseError
from newsloom.extract import extract_article
from newsloom.ingest.dates import parse_datetime
from newsloom.ingest.opml import read_opml_list
from newsloom.ingest.parse import parse_feed
from newsloom.ingest.sanitize import checked_url, clean_html, plain_text
from newsloom.ingest.sitemap import parse_sitemap
from newsloom.textsafe import loads_json

# Per call: generous for a loaded 2-core CI machine (feedparser reads ~0.4 MB/s of tag soup),
# far below a hang.
SECONDS = 15.0
PEAK_BYTES = 256 * 1024 * 1024
EXAMPLES = 100

fuzz = settings(
    max_examples=EXAMPLES,
    deadline=None,  # timed below, with memory, by bounded()
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)


def bounded(
    call: Callable[[], Any], allowed: tuple[type[Exception], ...], *, trace: bool = True
) -> Any:
    """Run ``call``; only ``allowed`` errors may escape, within SECONDS and (when ``trace``)
    PEAK_BYTES. Tracing allocations slows the call several times, so large inputs are timed
    without it."""
    if trace:
        tracemalloc.start()
    started = time.monotonic()
    try:
        return call()
    except allowed:
        return None
    finally:
        elapsed = time.monotonic() - started
        if trace:
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            assert peak < PEAK_BYTES, f"peak {peak / 1e6:.0f} MB"
        assert elapsed < SECONDS * (2 if trace else 1), f"took {elapsed:.1f} s"


# -- structured garbage -----------------------------------------------------------------------

hostile_text = st.one_of(
    st.text(max_size=200),
    st.sampled_from(
        [
            "\ud800",
            "x \udfff y",
            "9" * 5000,
            "&#0;&#xD800;&#1114112;",
            "<script>alert(1)</script>",
            "http://ｌｏｃａｌｈｏｓｔ:8080/p",
            "http://q.example:99999/",
            "https://q.example/" + "a" * 5000,
            "0001-01-01T00:00:00+14:00",
            "]]><![CDATA[",
            "&lol9;",
            "\x00\x1f\x7f",
        ]
    ),
)
json_values = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(allow_nan=True),
        hostile_text,
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(hostile_text, inner, max_size=4)
    ),
    max_leaves=30,
)
feed_keys = st.sampled_from(
    [
        "id",
        "url",
        "external_url",
        "title",
        "content_html",
        "content_text",
        "summary",
        "date_published",
        "date_modified",
        "authors",
        "author",
        "image",
        "attachments",
        "language",
        "tags",
    ]
)
json_feed_items = st.lists(st.dictionaries(feed_keys, json_values, max_size=8), max_size=5)


def _json_feed(items: Any, extra: dict[str, Any]) -> bytes:
    document = {"version": "https://jsonfeed.org/version/1.1", "title": "t", "items": items}
    document.update(extra)
    # ensure_ascii keeps lone surrogates as \\udXXX escapes, as a hostile feed sends them.
    return json.dumps(document, ensure_ascii=True).encode()


def _xml_element(tag: str, text: str) -> str:
    return f"<{tag}>{text}</{tag}>"


xml_item_parts = st.lists(
    st.tuples(
        st.sampled_from(
            ["title", "link", "guid", "description", "pubDate", "author", "category", "enclosure"]
        ),
        hostile_text,
    ),
    max_size=8,
)
feed_shells = st.sampled_from(
    [
        (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{}</channel></rss>',
            "item",
        ),
        ('<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>{}</feed>', "entry"),
        (
            '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
            'xmlns="http://purl.org/rss/1.0/"><channel><title>t</title></channel>{}</rdf:RDF>',
            "item",
        ),
        ("<rss><channel>{}", "item"),  # cut short
    ]
)


def _escape_for_xml_text(text: str) -> str:
    # Half the time raw (broken XML), half escaped: both reach parsers in the wild.
    return text.replace("&", "&amp;").replace("<", "&lt;") if len(text) % 2 else text


# -- the properties ---------------------------------------------------------------------------


@fuzz
@given(body=st.binary(max_size=4000))
def test_feed_parser_takes_arbitrary_bytes(body: bytes) -> None:
    bounded(lambda: parse_feed(body, "https://q.example/feed"), (ParseError,))


@fuzz
@given(items=json_feed_items, extra=st.dictionaries(feed_keys, json_values, max_size=3))
def test_json_feed_parser_takes_structured_garbage(items: Any, extra: dict[str, Any]) -> None:
    feed = bounded(
        lambda: parse_feed(_json_feed(items, extra), "https://q.example/f.json"), (ParseError,)
    )
    if feed is not None:
        for entry in feed.entries:
            for text in (entry.title, entry.guid, entry.url, entry.content_html):
                text.encode("utf-8")  # storable: no lone surrogates left
            assert entry.url == "" or checked_url(entry.url) == entry.url


# feedparser reads tag soup slowly (its loose parser); fewer examples keep this one quick.
@pytest.mark.slow  # property-based: seconds
@settings(fuzz, max_examples=30)
@given(shell=feed_shells, items=st.lists(xml_item_parts, max_size=4))
def test_xml_feed_parsers_take_structured_garbage(
    shell: tuple[str, str], items: list[list[tuple[str, str]]]
) -> None:
    template, item_tag = shell
    rendered = "".join(
        _xml_element(item_tag, "".join(_xml_element(t, _escape_for_xml_text(v)) for t, v in parts))
        for parts in items
    )
    body = template.format(rendered).encode("utf-8", errors="surrogatepass")
    feed = bounded(lambda: parse_feed(body, "https://q.example/feed"), (ParseError,))
    if feed is not None:
        for entry in feed.entries:
            entry.title.encode("utf-8")
            assert "<script" not in entry.title.lower()


@fuzz
@given(body=st.binary(max_size=4000), urls=st.lists(hostile_text, max_size=6))
def test_sitemap_parser_takes_bytes_and_garbage_urls(body: bytes, urls: list[str]) -> None:
    bounded(lambda: parse_sitemap(body, "https://q.example/sitemap.xml"), (ParseError,))
    locs = "".join(f"<url><loc>{_escape_for_xml_text(u)}</loc></url>" for u in urls)
    document = (
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"{locs}</urlset>"
    ).encode("utf-8", errors="surrogatepass")
    sitemap = bounded(lambda: parse_sitemap(document, "https://q.example/s.xml"), (ParseError,))
    if sitemap is not None:
        assert all(checked_url(e.url) == e.url for e in sitemap.feed.entries)


@fuzz
@given(body=st.binary(max_size=3000), outlines=st.lists(st.tuples(hostile_text, hostile_text)))
def test_opml_reader_takes_bytes_and_garbage_outlines(
    body: bytes, outlines: list[tuple[str, str]]
) -> None:
    bounded(lambda: read_opml_list(body), (ParseError,))
    attrs = "".join(f'<outline text="{_attr(t)}" xmlUrl="{_attr(u)}"/>' for t, u in outlines)
    document = f"<opml><body>{attrs}</body></opml>".encode("utf-8", errors="surrogatepass")
    listed = bounded(lambda: read_opml_list(document), (ParseError,))
    if listed is not None:
        assert all(checked_url(s.url) == s.url for s in listed.sources)


def _attr(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


html_fragments = st.lists(
    st.one_of(
        hostile_text,
        st.sampled_from(
            [
                "<p>",
                "</p>",
                "<article>",
                "<div><div><div>",
                '<script type="application/ld+json">{"wordCount": ' + "9" * 5000 + "}</script>",
                '<script type="application/ld+json">' + "[" * 3000 + "</script>",
                '<meta property="og:title" content="&lt;script&gt;x">',
                '<meta charset="utf-16">',
                "<math><mi><table><style>",
                "<time datetime='0001-01-01T00:00:00+14:00'>",
                "The council approved the harbour timetable on Thursday after a long debate.",
            ]
        ),
    ),
    max_size=40,
)


@pytest.mark.slow  # property-based: seconds
@fuzz
@given(fragments=html_fragments, raw=st.binary(max_size=2000))
def test_extractor_takes_garbage_html_and_bytes(fragments: list[str], raw: bytes) -> None:
    page = ("<html><head><title>t</title></head><body>" + "".join(fragments)).encode(
        "utf-8", errors="surrogatepass"
    )
    for body in (page, raw):
        extracted = bounded(
            lambda b=body: extract_article(b, "https://q.example/a"), (ExtractError,)
        )
        if extracted is not None:
            extracted.text.encode("utf-8")
            extracted.title.encode("utf-8")


@fuzz
@given(
    lines=st.lists(
        st.one_of(
            st.text(max_size=300),
            json_values.map(lambda v: json.dumps(v, ensure_ascii=True)),
            st.dictionaries(
                st.sampled_from(["url", "title", "text", "html", "published", "guid", "feed_url"]),
                json_values,
            ).map(lambda d: json.dumps(d, ensure_ascii=True)),
            st.just("[" * 100_000),
            st.just('{"url": "https://q.example/a", "title": "x \\ud800", "text": "t"}'),
        ),
        max_size=6,
    )
)
def test_archive_lines_are_read_or_skipped_never_fatal(
    lines: list[str], tmp_path_factory: Any
) -> None:
    path = Path(tmp_path_factory.mktemp("archive")) / "a.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8", errors="surrogatepass")
    records = bounded(lambda: list(read_jsonl(path)), ())
    for record in records:
        assert isinstance(record, ArchiveRecord)
        record.title.encode("utf-8")
        assert checked_url(record.url) == record.url


@fuzz
@given(value=hostile_text)
def test_text_helpers_dates_urls_and_json_take_anything(value: str) -> None:
    bounded(lambda: parse_datetime(value), ())
    bounded(lambda: checked_url(value), (ParseError,))
    assert "\ud800" not in bounded(lambda: plain_text(value), ())
    bounded(lambda: clean_html(value, "https://q.example/"), ())
    bounded(lambda: loads_json(value), (ValueError,))


@pytest.mark.slow  # a 100,000-deep document
@pytest.mark.parametrize("depth", [10, 1000, 100_000])
def test_deep_nesting_of_every_kind_is_bounded(depth: int) -> None:
    calls: list[tuple[Callable[[], Any], tuple[type[Exception], ...]]] = [
        (lambda: parse_feed(b"<rss>" + b"<a>" * depth, "https://q.example/f"), (ParseError,)),
        (lambda: parse_feed(b'{"items": ' + b"[" * depth, "https://q.example/f"), (ParseError,)),
        (lambda: read_opml_list(b"<opml><body>" + b"<outline>" * depth), (ParseError,)),
        (
            lambda: extract_article(b"<html><body>" + b"<div>" * depth, "https://q.example/a"),
            (ExtractError,),
        ),
        (lambda: loads_json("[" * depth + "]" * depth), (ValueError,)),
    ]
    for call, allowed in calls:
        bounded(call, allowed, trace=depth <= 1000)
