"""outside: the end of a body read on past the article's container, into a widget beside it."""

from __future__ import annotations

from lxml import html as lxml_html

from newsloom.extract.choose import Body, doubtful
from newsloom.extract.outside import without_outside_tail

ARTICLE = [
    "The county will reopen the old coast road to traffic on Friday, three months after a "
    "landslide closed it below the lighthouse.",
    "Engineers have pinned the slope with steel anchors and a drainage trench, the roads "
    "department said, and will watch it through the winter.",
    "Buses between the two harbour villages return to their usual timetable the same day, "
    "ending a detour of forty minutes each way.",
    "Residents who lost trade during the closure may still apply to the council's hardship fund "
    "until the end of the month.",
]
# A "Latest comments" widget in the page's side column: readers' lines under other stories.
COMMENTS = [
    "About time too, the detour nearly doubled my commute every single morning this autumn.",
    "Will the lighthouse car park open again as well, or is that still fenced off for now?",
]


def _holders(body: Body, page: lxml_html.HtmlElement) -> list[tuple[str, lxml_html.HtmlElement]]:
    """Body paragraphs and the blocks holding them, as the extraction's own walk finds them."""
    met: list[tuple[str, lxml_html.HtmlElement]] = []
    assert not doubtful(body, page, 15, met)
    return met


def _page(article: str, side: str) -> lxml_html.HtmlElement:
    return lxml_html.fromstring(
        "<html><body><div id='page'>"
        f"<div id='main'><div class='article'>{article}</div></div>"
        f"<div id='side'><div class='widget'><h3>Latest comments</h3>{side}</div></div>"
        "</div></body></html>"
    )


def _paras(texts: list[str]) -> str:
    return "".join(f"<p>{text}</p>" for text in texts)


def test_latest_comments_widget_after_the_article_is_cut() -> None:
    page = _page(_paras(ARTICLE), _paras(COMMENTS))
    body = Body("\n\n".join(ARTICLE + COMMENTS), "", "trafilatura")

    kept = without_outside_tail(body, _holders(body, page))

    assert kept.text == "\n\n".join(ARTICLE)


def test_article_split_into_sibling_sections_keeps_its_second_section() -> None:
    # A page builder wraps each section of the article: the last one stands beside the first,
    # one level above the opening's container, and is the article's own.
    sections = f"<div class='section'>{_paras(ARTICLE[:3])}</div>"
    sections += f"<div class='section'>{_paras(ARTICLE[3:])}</div>"
    page = _page(sections, "")
    body = Body("\n\n".join(ARTICLE), "", "trafilatura")

    assert without_outside_tail(body, _holders(body, page)) == body


def test_article_written_between_brs_in_one_table_cell_is_left_alone() -> None:
    # An old table layout: the opening is one cell's text between <br>s, and the article ends
    # in a box of its own further down. One block tells no container: nothing is cut.
    cell = "<br><br>".join(ARTICLE[:3])
    page = lxml_html.fromstring(
        f"<html><body><table><tr><td>{cell}</td></tr></table>"
        f"<div><div>{_paras(ARTICLE[3:])}</div></div></body></html>"
    )
    body = Body("\n\n".join(ARTICLE), "", "trafilatura")

    assert without_outside_tail(body, _holders(body, page)) == body


# A blog post's footer box, beside the post: its heading, links and source line end like no
# sentence, so the extraction's walk does not meet them; they are found on the page instead.
RELATED_BOX = [
    "Related posts:",
    "Harbour villages count the cost of the long detour",
    "Lighthouse car park stays fenced off until spring",
    "Source: Coast Gazette",
]


def test_related_posts_box_of_plain_lines_after_the_article_is_cut() -> None:
    items = "".join(f"<li><a href='/p{at}'>{line}</a></li>" for at, line in enumerate(RELATED_BOX))
    page = _page(_paras(ARTICLE), f"<ul>{items}</ul>")
    body = Body("\n\n".join(ARTICLE + ["- " + line for line in RELATED_BOX]), "", "trafilatura")

    kept = without_outside_tail(body, _holders(body, page))

    assert kept.text == "\n\n".join(ARTICLE)


def test_catalogue_list_longer_than_its_introduction_is_kept() -> None:
    # A parts catalogue: two sentences of introduction, then the list that is the page's
    # content, in a box of its own. What would go outweighs what stays: nothing is cut.
    sections = [
        f"Pages {at}-{at + 4} of the printed catalogue: gaskets and seals" for at in range(12)
    ]
    intro = ARTICLE[:2]
    page = _page(_paras(intro), _paras(sections))
    body = Body("\n\n".join(intro + sections), "", "trafilatura")

    assert without_outside_tail(body, _holders(body, page)) == body
