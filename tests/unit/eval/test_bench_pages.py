"""What the ingest and refresh benches serve: real pages of an extraction set, labelled articles."""

from __future__ import annotations

import gzip
import json
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from newsloom.bench.ingest import (
    DescendantSampler,
    _page,
    feed_xml,
    real_pages,
    trafilatura_cpu_ms,
)
from newsloom.bench.refresh import feed_xml as outlet_feed
from newsloom.bench.refresh import gold_labels, load_articles, page_html, refresh_moment
from newsloom.errors import EvalError
from newsloom.extract import extract_article

_TEXT = (
    "The harbour board of Quillhaven approved repairs to the quay on Monday after a long debate.\n"
    "Engineers found that salt water had eaten into the iron rings where the fishing boats tie up."
)


def test_real_pages_are_served_as_stored_and_listed_in_generated_feeds(tmp_path: Path) -> None:
    for name in ("b", "a"):
        (tmp_path / "set" / "html").mkdir(parents=True, exist_ok=True)
        page = f"<html><body><p>page {name}</p></body></html>".encode()
        (tmp_path / "set" / "html" / f"{name}.html.gz").write_bytes(gzip.compress(page))
    files = [str(p) for p in real_pages([tmp_path / "set"])]
    assert [Path(f).name for f in files] == ["a.html.gz", "b.html.gz"]
    body, ctype = _page(7, 1, files)
    assert body == b"<html><body><p>page b</p></body></html>" and ctype == "text/html"
    feed = feed_xml(7, "http://127.0.0.1:1", 0, 20, len(files), real=True).decode()
    assert feed.count("<item>") == 2 and "http://127.0.0.1:1/a/1" in feed


def test_labelled_articles_become_pages_the_extractor_reads_back(tmp_path: Path) -> None:
    path = tmp_path / "set.jsonl"
    lines = [
        json.dumps(
            {
                "title": "Quay repairs approved",
                "text": _TEXT,
                "label": "quay",
                "published": "2031-03-02T08:00:00Z",
            }
        ),
        json.dumps({"title": "", "text": ""}),
        "not json",
        json.dumps({"title": "Second", "text": _TEXT.replace("Monday", "Tuesday"), "label": 7}),
        json.dumps({"title": "Headline only", "text": "", "label": "h"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles = load_articles(path, limit=10)
    assert [a.title for a in articles] == ["Quay repairs approved", "Second", "Headline only"]
    assert gold_labels(articles) == ["quay", "7", "h"]
    assert refresh_moment(articles) == datetime(2031, 3, 2, 8, 1, tzinfo=UTC)
    assert len(load_articles(path, limit=1)) == 1
    found = extract_article(page_html(articles[0]), "http://127.0.0.1:1/a/0")
    assert found.title == "Quay repairs approved"
    assert found.text == _TEXT.replace("\n", "\n\n")
    assert found.published == datetime(2031, 3, 2, 8, 0, tzinfo=UTC)
    first = outlet_feed(articles, "http://127.0.0.1:1", 0, 2).decode()
    assert "/a/0<" in first and "02 Mar 2031 08:00:00" in first
    # The undated record has no date; the headline-only one has no link and no page.
    second = outlet_feed(articles, "http://127.0.0.1:1", 1, 2).decode()
    assert second.count("<item>") == 1 and "/a/1<" in second and "pubDate" not in second
    both = outlet_feed(articles, "http://127.0.0.1:1", 0, 1).decode()
    assert "<guid isPermaLink='false'>urn:newsloom-bench:2</guid>" in both
    assert "<link>http://127.0.0.1:1/a/2</link>" not in both


def test_a_set_without_articles_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_text(json.dumps({"title": " ", "text": " "}) + "\n", encoding="utf-8")
    with pytest.raises(EvalError, match=r"^eval: "):
        load_articles(path, limit=5)
    with pytest.raises(EvalError, match=r"^eval: cannot read"):
        load_articles(tmp_path / "missing.jsonl", limit=5)


def test_the_trafilatura_yardstick_times_the_same_pages(tmp_path: Path) -> None:
    (tmp_path / "html").mkdir()
    paragraphs = "".join(f"<p>{_TEXT} Paragraph {n} of the story.</p>" for n in range(20))
    page = f"<html><body><article>{paragraphs}</article></body></html>".encode()
    (tmp_path / "html" / "a.html.gz").write_bytes(gzip.compress(page))
    files = [str(p) for p in real_pages([tmp_path])]
    assert trafilatura_cpu_ms(files) > 0.0
    assert trafilatura_cpu_ms([]) == 0.0


def test_the_sampler_reports_its_own_cpu_reading_proc_for_the_bench_to_leave_out() -> None:
    """Reading /proc every interval is the bench's instrument, not ingest work."""
    started = time.process_time()
    with DescendantSampler(excluded=set(), interval=0.001) as sampler:
        time.sleep(0.3)
    spent = time.process_time() - started
    if not sampler.available:
        pytest.skip("no /proc here")
    assert 0 < sampler.own_cpu_seconds() <= spent
