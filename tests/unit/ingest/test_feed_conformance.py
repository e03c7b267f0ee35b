"""parse_feed over the shared feed sets, read in place: captured real feeds, spec examples and
feedparser's malformed, encoding and sanitizer test files."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from newsloom.errors import ParseError
from newsloom.ingest.parse import parse_feed
from newsloom.records import FeedEntry, ParsedFeed

FORMATS = {"rss": "rss", "atom": "atom", "rdf": "rdf", "json-feed": "json"}
DANGEROUS = re.compile(r"<script|<iframe|<object|<embed|\son\w+\s*=|javascript:|vbscript:", re.I)


def manifest(folder: Path) -> list[dict]:
    return [json.loads(line) for line in (folder / "manifest.jsonl").read_text().splitlines()]


def read(folder: Path, item: dict) -> ParsedFeed | ParseError:
    url = item.get("original_url") or "https://feeds.example/feed.xml"
    try:
        return parse_feed((folder / item["path"]).read_bytes(), url)
    except ParseError as exc:
        return exc


@pytest.mark.slow  # every real feed of the shared set
def test_every_real_feed_yields_entries_with_titles_links_and_dates(shared_data: Path) -> None:
    feeds_dir = shared_data / "feeds"
    problems: list[str] = []
    entries: list[FeedEntry] = []
    real = [item for item in manifest(feeds_dir) if item["kind"] == "real"]
    assert len(real) >= 80
    for item in real:
        feed = read(feeds_dir, item)
        if isinstance(feed, ParseError):
            # feed-rs's rss_2.0_invalid_1.xml is a capture its authors marked invalid: broken
            # before its first item, it must be an error, not an empty feed.
            if "invalid" not in item["path"]:
                problems.append(f"{item['path']}: {feed}")
            continue
        # The manifest's format labels are not all right (an RSS feed with an Atom namespace is
        # labelled atom), so only require a known feed format.
        if feed.format not in FORMATS.values():
            problems.append(f"{item['path']}: read as {feed.format}")
        if not feed.entries and not feed.warnings:  # an empty result must say why
            problems.append(f"{item['path']}: no entries and no warning")
        for entry in feed.entries:
            if not (
                entry.url or entry.guid or entry.title
            ):  # feed-rs has an item with only a title
                problems.append(f"{item['path']}: an entry with no link, id or title")
            if not (entry.title or entry.summary_html or entry.content_html):
                problems.append(f"{item['path']}: an entry with neither title nor text")
        entries.extend(feed.entries)
    assert problems == []
    # Untitled posts (Mastodon, Scripting News) and undated RSS 0.91 items exist in the wild;
    # everything else must come through.
    assert sum(bool(e.title) for e in entries) >= 0.9 * len(entries)
    assert sum(bool(e.url) for e in entries) >= 0.99 * len(entries)
    assert sum(bool(e.published or e.updated) for e in entries) >= 0.99 * len(entries)


def test_spec_examples_parse_or_fail_cleanly(shared_data: Path) -> None:
    folder = shared_data / "feeds"
    examples = [i for i in manifest(folder) if i["path"].startswith("spec-examples/")]
    results = [read(folder, item) for item in examples]
    parsed = [r for r in results if isinstance(r, ParsedFeed)]
    assert len(parsed) >= 0.9 * len(examples)
    for result in results:
        if isinstance(result, ParseError):
            assert str(result).startswith("parse: ")


@pytest.mark.parametrize("group", ["illformed", "encoding", "entities", "wellformed/amp"])
def test_feedparser_cases_recover_or_fail_with_a_parse_error(shared_data: Path, group: str) -> None:
    folder = shared_data / "feeds" / "feedparser-tests"
    cases = [i for i in manifest(folder) if i["path"].split("/", 1)[1].startswith(group + "/")]
    assert cases
    for item in cases:
        item = {**item, "path": item["path"].split("/", 1)[1]}
        result = read(folder, item)
        if isinstance(result, ParseError):
            assert str(result).startswith("parse: ")
            continue
        broken = group == "illformed" and item.get("expect", "").startswith("bozo")
        if broken and not result.entries and not result.title:
            assert result.warnings, item["path"]  # nothing recovered: it must be said


def _html_fields(feed: ParsedFeed) -> list[str]:
    fields = [feed.title, feed.link]
    for entry in feed.entries:
        fields += [entry.title, entry.url, entry.summary_html, entry.content_html, entry.image]
        fields += list(entry.enclosures)
    return fields


def test_sanitizer_cases_leave_no_script_handler_or_javascript_url(shared_data: Path) -> None:
    folder = shared_data / "feeds" / "feedparser-tests"
    cases = [i for i in manifest(folder) if "/sanitize/" in i["path"]]
    assert len(cases) > 700
    leaks: list[str] = []
    for item in cases:
        result = read(folder, {**item, "path": item["path"].split("/", 1)[1]})
        if isinstance(result, ParseError):
            continue
        leaks += [f"{item['path']}: {f[:80]}" for f in _html_fields(result) if DANGEROUS.search(f)]
    assert leaks == []
