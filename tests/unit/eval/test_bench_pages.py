"""What the ingest and refresh benches serve: real pages of an extraction set, labelled articles."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from newsloom.bench.ingest import _page, feed_xml, real_pages, trafilatura_cpu_ms
from newsloom.bench.refresh import feed_xml as outlet_feed
from newsloom.bench.refresh import load_articles, page_html
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
        json.dumps({"title": "Quay repairs approved", "text": _TEXT}),
        json.dumps({"title": "No text", "text": ""}),
        "not json",
        json.dumps({"title": "Second", "text": _TEXT.replace("Monday", "Tuesday")}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles = load_articles(path, limit=10)
    assert [title for title, _ in articles] == ["Quay repairs approved", "Second"]
    assert len(load_articles(path, limit=1)) == 1
    found = extract_article(page_html(*articles[0], 0), "http://127.0.0.1:1/a/0")
    assert found.title == "Quay repairs approved"
    assert found.text == _TEXT.replace("\n", "\n\n")
    feed = outlet_feed(articles, "http://127.0.0.1:1", 1, 2).decode()
    assert feed.count("<item>") == 1 and "/a/1<" in feed


def test_a_set_without_articles_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_text(json.dumps({"title": "x", "text": " "}) + "\n", encoding="utf-8")
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
