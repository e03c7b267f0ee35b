"""``doubtful`` compares the page's prose paragraphs with the body only once they could add up to
enough missed prose: its answer, and the paragraphs it hands over as met, are those of a walk
comparing each paragraph as it meets it."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from newsloom.extract.choose import (
    BLOCKS,
    MISSED_PROSE_SHARE,
    PROSE_MIN_TOKENS,
    SHARED_PARAGRAPH,
    Body,
    block_sentences,
    coverage,
    doubtful,
    shingles,
    size,
)
from tests.unit.extract.prose import PROSE


def _walk_comparing_each(
    first: Body, document: lxml_html.HtmlElement, met: list[tuple[str, lxml_html.HtmlElement]]
) -> bool:
    """``doubtful`` as it was written before: each prose paragraph compared as it is met."""
    first_size = size(first.text)
    flat = " ".join(first.text.split())
    missed = 0
    for element in document.iter(*BLOCKS):
        for para in block_sentences(element):
            if para in flat:
                met.append((para, element))
                continue
            if (length := size(para)) < PROSE_MIN_TOKENS:
                continue
            if coverage(para, shingles(first.text)) < SHARED_PARAGRAPH:
                missed += length
                if missed >= MISSED_PROSE_SHARE * first_size:
                    return True
    return False


def _page(*blocks: str) -> lxml_html.HtmlElement:
    return lxml_html.document_fromstring("<html><body>" + "".join(blocks) + "</body></html>")


def _same_as_walk_comparing_each(first: Body, document: lxml_html.HtmlElement) -> bool:
    met: list[tuple[str, lxml_html.HtmlElement]] = []
    expected: list[tuple[str, lxml_html.HtmlElement]] = []
    answer = doubtful(first, document, 15, met)
    assert answer == _walk_comparing_each(first, document, expected)
    assert met == expected
    return answer


def test_article_cut_short_by_a_widget_stops_where_the_missed_prose_is_enough() -> None:
    # trafilatura stopped at a newsletter box: the rest of the article, and a pull quote
    # repeating an earlier paragraph after it, are never reached by the walk.
    page = _page(
        *(f"<p>{p}</p>" for p in PROSE[:3]),
        "<div class='newsletter'>Sign up for our newsletter</div>",
        *(f"<p>{p}</p>" for p in PROSE[3:]),
        f"<blockquote>{PROSE[1]}</blockquote>",
    )
    assert _same_as_walk_comparing_each(Body("\n".join(PROSE[:3]), "", "trafilatura"), page)


def test_teasers_spread_between_the_paragraphs_stay_under_the_share() -> None:
    page = _page(
        *(f"<p>{p}</p>" for p in PROSE[:5]),
        f"<aside><p>{PROSE[10]}</p></aside>",
        *(f"<p>{p}</p>" for p in PROSE[5:10]),
        f"<aside><p>{PROSE[11]}</p></aside>",
    )
    assert not _same_as_walk_comparing_each(Body("\n".join(PROSE[:10]), "", "trafilatura"), page)


@pytest.mark.parametrize("kept", range(1, len(PROSE)))
def test_paragraphs_the_body_holds_in_other_case_count_as_held(kept: int) -> None:
    # A print view repeating paragraphs in capitals: not in the body word for word, but the
    # same shingles; missed paragraphs between them, held paragraphs met after them.
    blocks = []
    for at, para in enumerate(PROSE):
        blocks.append(f"<p>{para}</p>")
        if at % 3 == 1:
            blocks.append(f"<div><b>{PROSE[at // 2].upper()}</b></div>")
    page = _page(*blocks, *(f"<p>{p}</p>" for p in PROSE[:kept]))
    _same_as_walk_comparing_each(Body("\n".join(PROSE[:kept]), "", "trafilatura"), page)
