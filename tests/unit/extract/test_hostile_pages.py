"""extract_article on hostile pages: size cap, control characters, scripts, deep nesting, emptiness."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from newsloom.errors import ExtractError
from newsloom.extract import extract_article
from newsloom.extract.article import MAX_PAGE_BYTES

PAGES = Path(__file__).resolve().parents[2] / "data" / "pages"
URL = "https://courier.example/news/lighthouse"
FIRST_WORDS = "The fictional town of Quillhaven opened its rebuilt lighthouse"


def page(name: str) -> bytes:
    return (PAGES / name).read_bytes()


def _huge(size: int) -> bytes:
    seed = page("hostile_huge_page_seed.html")
    head, _, tail = seed.partition(b"</article>")
    paragraph = b"<p>The quay lights were tested again on another quiet night in the bay.</p>\n"
    return head + paragraph * (size // len(paragraph) + 1) + b"</article>" + tail


def test_huge_page_is_refused_before_parsing() -> None:
    body = _huge(MAX_PAGE_BYTES)
    started = time.perf_counter()
    with pytest.raises(ExtractError, match=r"^extract: page of \d+ bytes exceeds the 5000000 cap"):
        extract_article(body, URL)
    assert time.perf_counter() - started < 1.0  # refused, not parsed


def test_size_cap_counts_str_pages_in_utf8_bytes_and_can_be_lowered() -> None:
    body = _huge(60_000).decode("utf-8")
    with pytest.raises(ExtractError, match="exceeds the 50000 cap"):
        extract_article(body, URL, max_bytes=50_000)
    assert extract_article(body, URL, max_bytes=200_000).text.startswith(FIRST_WORDS)


def test_nul_and_control_characters_never_reach_the_text() -> None:
    result = extract_article(page("hostile_nul_and_control_chars.html"), URL)
    assert "rebuilt lighthouse" in result.text and "Volunteers" in result.text
    assert not any(ord(char) < 32 and char not in "\n\t" for char in result.text)


def test_scripts_styles_and_handlers_never_reach_the_text() -> None:
    result = extract_article(page("hostile_script_and_onerror_in_body.html"), URL)
    assert result.text.startswith(FIRST_WORDS)
    assert "Fishing crews said the light" in result.text
    for leak in ("MARKER", "alert(", "document.write", "color: red", "javascript:"):
        assert leak not in result.text
        assert leak not in result.title and leak not in result.description


def test_deeply_nested_tags_do_not_crash_and_the_article_survives() -> None:
    result = extract_article(page("hostile_deeply_nested_tags.html"), URL)
    assert result.text.startswith(FIRST_WORDS)
    assert "deep-marker" not in result.text  # beyond the parser's depth limit, dropped


def test_deep_nesting_without_text_is_a_clean_extract_error() -> None:
    html = "<html><body>" + "<div>" * 50_000 + "</div>" * 50_000 + "</body></html>"
    with pytest.raises(ExtractError, match=r"^extract: no article text found"):
        extract_article(html, URL)


def test_empty_body_is_a_clean_extract_error() -> None:
    with pytest.raises(ExtractError, match=r"^extract: no article text found \(https://courier"):
        extract_article(page("hostile_empty_body.html"), URL)


def test_markup_that_crashes_the_date_parser_still_gives_the_article() -> None:
    # <math><script> before <html> makes htmldate drop a parentless element (an AssertionError).
    result = extract_article(page("hostile_math_script_before_html.html"), URL)
    assert result.text.startswith(FIRST_WORDS)
    assert "The society plans to open the gallery" in result.text
