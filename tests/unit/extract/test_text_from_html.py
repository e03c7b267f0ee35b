"""text_from_html: feed HTML to plain text with blank lines between paragraphs."""

from __future__ import annotations

import pytest

from newsloom.extract import text_from_html


def test_paragraphs_breaks_and_entities() -> None:
    html = "<p>One &amp; <b>two</b></p><p>Three<br>four</p><ul><li>a</li><li>b</li></ul>"
    assert text_from_html(html) == "One & two\n\nThree\nfour\n\na\n\nb"


def test_scripts_styles_and_comments_dropped() -> None:
    html = "<p>Kept</p><script>alert(1)</script><style>p{}</style><!-- hidden --><p>Also kept</p>"
    assert text_from_html(html) == "Kept\n\nAlso kept"


def test_loose_text_and_whitespace() -> None:
    assert text_from_html("  plain   text\twith\n spaces ") == "plain text with spaces"
    assert text_from_html("lead <div>block</div> tail") == "lead\n\nblock\n\ntail"


@pytest.mark.parametrize("html", ["", "   ", "<p></p>", "<script>x()</script>", "\x00\x01"])
def test_empty_results(html: str) -> None:
    assert text_from_html(html) == ""
