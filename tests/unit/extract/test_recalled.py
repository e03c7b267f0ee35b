"""recalled: prose paragraphs precision mode dropped from between two of the article's own."""

from __future__ import annotations

from lxml import html as lxml_html

from newsloom.extract.choose import Body, is_prose, link_shingles
from newsloom.extract.recalled import with_recalled_paragraphs
from tests.unit.extract.prose import PROSE

# A listicle of woodworking projects: each entry a linked heading, then its description.
# Precision mode kept some descriptions and dropped others (those right under a linked heading).
_DESCRIPTION = (
    "A low plant stand brightens a deck or a patio, and it takes an afternoon to build with "
    "a handful of offcut boards."
)
_PAGE = lxml_html.fromstring(
    "<html><body><nav><a href='/shop'>Visit the harbour shop for more projects like these, "
    "every one of them tested</a>"
    "</nav><h2><a href='/stand'>Plant stand</a></h2></body></html>"
)


def _body(paragraphs: list[str], method: str = "trafilatura") -> Body:
    return Body("\n\n".join(paragraphs), "Headline", method)


def test_a_listicle_description_precision_mode_dropped_under_a_linked_heading_goes_back() -> None:
    precise = _body([PROSE[0], PROSE[1], PROSE[2]])
    recall = _body([PROSE[0], "Plant stand", _DESCRIPTION, PROSE[1], PROSE[2], PROSE[3]])
    found = with_recalled_paragraphs(precise, recall, link_shingles(_PAGE))
    # Back where it stood, between the two body paragraphs it stood between; the linked
    # heading (no prose) and what recall mode read on with past the body stay out.
    assert found.text == "\n\n".join([PROSE[0], _DESCRIPTION, PROSE[1], PROSE[2]])
    assert found.method == "trafilatura"


def test_prose_between_paragraphs_the_body_does_not_hold_side_by_side_stays_out() -> None:
    # Recall mode's order differs from the body's (a box it read elsewhere): no span to fill.
    precise = _body([PROSE[0], PROSE[1], PROSE[2]])
    recall = _body([PROSE[0], PROSE[2], _DESCRIPTION, PROSE[1]])
    assert with_recalled_paragraphs(precise, recall, set()) == precise
    # Link text on the page (a promotion set between two paragraphs) stays out too.
    promotion = (
        "Visit the harbour shop for more projects like these, every one of them tested by our crew."
    )
    assert is_prose(promotion)
    recall = _body([PROSE[0], promotion, PROSE[1], PROSE[2]])
    assert with_recalled_paragraphs(precise, recall, link_shingles(_PAGE)) == precise
    # Without a recall reading (no doubt about the page) the body is as it was.
    assert with_recalled_paragraphs(precise, None, set()) == precise
