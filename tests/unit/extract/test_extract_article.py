"""extract_article on hand-written pages: text without boilerplate, metadata, charsets, failures."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from newsloom.errors import ExtractError
from newsloom.extract import extract_article

PAGES = Path(__file__).resolve().parents[2] / "data" / "pages"
URL = "https://gazette.example/news/tidal-mill-reopens?utm_source=feed"


def page(name: str) -> bytes:
    return (PAGES / name).read_bytes()


def test_article_text_and_metadata_without_boilerplate() -> None:
    result = extract_article(page("article_with_nav_footer_boilerplate.html"), URL)
    assert result.title == "Tidal mill reopens after a decade of restoration"
    assert result.author == "Mira Tollan"
    assert result.published == datetime(2025, 3, 4, 8, 30, tzinfo=UTC)
    assert result.language == "en"
    assert result.image == "https://gazette.example/images/tidal-mill.jpg"
    assert result.canonical_url == "https://gazette.example/news/tidal-mill-reopens"
    assert result.description.startswith("Volunteers restored the town's tidal mill")
    assert result.method == "trafilatura"
    assert 0.3 < result.quality <= 1.0
    paragraphs = result.text.split("\n\n")
    assert paragraphs[0].startswith("The tidal mill on the eastern quay")
    assert paragraphs[-1].endswith("from flour sales and guided tours.")
    assert len(paragraphs) == 5
    for marker in ("NAV-MARKER", "FOOTER-MARKER", "COOKIE-MARKER", "RELATED-MARKER", "boilerplate"):
        assert marker not in result.text


def test_meta_charset_decoding_and_language_detection() -> None:
    result = extract_article(page("page_windows1252_meta_charset.html"), "https://breval.example/a")
    assert "Les pêcheurs du port fictif de Bréval" in result.text
    assert "l’eau" in result.text and "« Nous allons" in result.text
    assert result.language == "fr"  # detected from the text; the page does not say


def test_header_charset_wins_over_meta() -> None:
    body = page("page_windows1252_meta_charset.html").replace(b"windows-1252", b"utf-8")
    result = extract_article(
        body, "https://breval.example/a", content_type="text/html; charset=cp1252"
    )
    assert "débarqué" in result.text


def test_undeclared_legacy_charset_is_detected() -> None:
    body = page("page_windows1252_meta_charset.html").replace(b"; charset=windows-1252", b"")
    result = extract_article(body, "https://breval.example/a")
    assert "pêcheurs" in result.text and "\ufffd" not in result.text


def test_control_characters_and_str_input() -> None:
    html = page("article_with_nav_footer_boilerplate.html").decode("utf-8")
    html = html.replace("eastern quay", "eastern\x00 quay\x0b")
    result = extract_article(html, URL)
    assert "eastern quay" in result.text


def test_page_without_article_text_raises() -> None:
    with pytest.raises(
        ExtractError, match=r"^extract: no article text found \(https://app\.example/\)$"
    ):
        extract_article(page("page_without_article_text.html"), "https://app.example/")


@pytest.mark.parametrize("body", [b"", b"   ", "<html></html>"])
def test_empty_pages_raise(body: bytes | str) -> None:
    with pytest.raises(ExtractError):
        extract_article(body, "https://empty.example/")


def test_readability_fallback_when_trafilatura_finds_little() -> None:
    # Text spread over <div>s with <br> separators and no <p>: a layout trafilatura may skip.
    sentence = (
        "The fictional council of Saltmere voted to repaint the quay railings in harbour blue."
    )
    body = "<br><br>".join(
        f"{sentence} Point number {i} was discussed at length." for i in range(30)
    )
    html = f"<html><body><div class='nav'><a href='/'>Home</a></div><div id='story'>{body}</div></body></html>"
    result = extract_article(html, "https://saltmere.example/railings")
    assert result.method in ("trafilatura", "readability")
    assert result.text.count("Point number") >= 25


def test_readers_comments_longer_than_the_post_stay_out_of_readability_too() -> None:
    # A blog post followed by a long thread of readers' comments, each in a "comments-body" (a
    # class readability keeps for its "body"): the page's prose is mostly comments, so
    # trafilatura's body is doubted and readability asked. readability reads the page without
    # its comment sections, as trafilatura does, or it takes the thread for the article.
    post = "".join(
        f"<p>The Saltmere ferry timetable changes on Monday, paragraph {i} of the post explains,"
        " and the harbour office expects the first crossing to leave at a quarter past six.</p>"
        for i in range(4)
    )
    comments = "".join(
        f"<div class='comments-body'><p>{i}. Reader {i} wrote that the earlier crossing suits the"
        " fishermen well, though the bus from the upper town will need to leave sooner to meet"
        " it, and asked whether the council has been told about the change at all.</p>"
        f"<p>Posted by reader {i} at 9:{i:02d} PM</p></div>"
        for i in range(40)
    )
    html = (
        "<html><head><title>Ferry timetable changes</title></head><body>"
        f"<div class='post'><h2>Ferry timetable changes</h2>{post}</div>"
        f"<div class='comments-head'>Comments</div>{comments}</body></html>"
    )
    result = extract_article(html, "https://saltmere.example/ferry")
    assert result.text.count("paragraph") == 4
    assert "Reader" not in result.text


@pytest.mark.parametrize("focus", ["precision", "balanced", "recall"])
@pytest.mark.parametrize(
    "url", ["https://news.example/a?b=1", "", "https://news.example/caf\udce9"]
)  # a URL with a byte that was not UTF-8 (a lone surrogate once decoded)
def test_run_options_are_those_trafilatura_builds_for_the_page(focus: str, url: str) -> None:
    """Each run copies options built once per mode and sets the page's URL: every setting is
    the one ``Extractor`` gives for that mode and URL."""
    from trafilatura.settings import Extractor

    from newsloom.extract.article import _run_options

    built = Extractor(
        output_format="python",
        fast=True,
        comments=False,
        tables=True,
        precision=focus == "precision",
        recall=focus == "recall",
        dedup=False,
        url=url,
    )
    copied = _run_options(focus, url)
    for name in type(built).__slots__:
        if name == "date_params":
            # "max_date" is the day the options were built (once per process); these runs make
            # no metadata search, so a process that outlives midnight keeps a day that differs.
            ours, theirs = dict(getattr(copied, name)), dict(getattr(built, name))
            assert ours.pop("max_date") <= theirs.pop("max_date")
            assert ours == theirs
            continue
        assert getattr(copied, name) == getattr(built, name), name
    assert copied is not _run_options(focus, url)  # each run has its own
