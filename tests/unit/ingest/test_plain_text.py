"""``plain_text`` reads text without a tag or an entity without the HTML parser: the same result
as parsing it, serialising it and unescaping it."""

from __future__ import annotations

import html

import nh3
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsloom.ingest.sanitize import plain_text
from newsloom.ingest.xmlsafety import strip_control_chars


def _parsed(fragment: str) -> str:
    """The parser's route for every fragment."""
    text = html.unescape(nh3.clean(strip_control_chars(fragment), tags=set()))
    return " ".join(text.split())


@pytest.mark.parametrize(
    "fragment",
    [
        "Quay reopens > expected\u00a0– analysis",  # an arrow and a non-breaking space
        "\ufeffGazette",  # a byte-order mark left at the start of a site name
        "Fish &amp; chips &eacute;t&eacute;",  # entities
        "<b>Bold</b> claim <script>alert(1)</script>",  # markup
        "Line\r\nbreaks\tand \x0b\x0c controls\x00\x07",  # controls and a NUL
        "\ud800 lone surrogate \U0001f600 emoji \u2028 separator",
        "\"Quoted\" 'title' / path = 1; #tag",
        "",
    ],
)
def test_titles_read_as_the_parser_reads_them(fragment: str) -> None:
    assert plain_text(fragment) == _parsed(fragment)


@settings(max_examples=500, deadline=None)
@given(st.text())
def test_any_text_reads_as_the_parser_reads_it(fragment: str) -> None:
    assert plain_text(fragment) == _parsed(fragment)
