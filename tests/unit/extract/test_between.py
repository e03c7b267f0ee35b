"""with_dropped_sections: headings and lists precision mode dropped from between two body
paragraphs go back where they stood; a sidebar's, a gallery's and a link box's do not."""

from __future__ import annotations

from lxml import html as lxml_html

from newsloom.extract.between import with_dropped_sections
from newsloom.extract.choose import Body, doubtful

INTRO = "The allotment society of Brackenford has judged this year's vegetable plots at last."
MIDDLE = "The judges walked every row twice, the society says, and argued until the light went."
VERDICT = "This year's winner grew the lot on clay that had flooded twice during the spring."
END = "The prizes will be handed out at the harvest supper in the village hall on Saturday."
HEADING = "What the judges looked for"
CRITERIA = ["Weeds kept down", "Straight rows", "Paths swept clean"]
SIDEBAR = "More from the society"
RELATED = "Brackenford allotment waiting list opens again for new members"
CAPTION = "Judges at the onion beds"


def _page(article: str) -> lxml_html.HtmlElement:
    return lxml_html.document_fromstring(
        f"<html><body><div class='post'>{article}</div>"
        f"<aside><h3>{SIDEBAR}</h3><ul><li><a href='/list'>{RELATED}</a></li></ul></aside>"
        "</body></html>"
    )


def _repaired(document: lxml_html.HtmlElement, paragraphs: list[str]) -> str:
    body = Body("\n\n".join(paragraphs), "Plots judged", "trafilatura")
    met: list[tuple[str, lxml_html.HtmlElement]] = []
    doubtful(body, document, 15, met)
    return with_dropped_sections(body, (block for _, block in met)).text


def test_a_how_to_subheading_and_its_short_bullets_go_back_between_their_paragraphs() -> None:
    items = "".join(f"<li>{item}</li>" for item in CRITERIA)
    document = _page(
        f"<p>{INTRO}</p><h2>{HEADING}</h2><p>{MIDDLE}</p><ul>{items}</ul><p>{VERDICT}</p>"
        f"<p>{END}</p>"
    )
    repaired = _repaired(document, [INTRO, MIDDLE, VERDICT, END])
    # The sidebar's heading and links stand in another container and stay out.
    assert repaired == "\n\n".join([INTRO, HEADING, MIDDLE, *CRITERIA, VERDICT, END])


def test_stray_symbol_paragraphs_around_a_heading_are_passed_over() -> None:
    # Site builders leave paragraphs holding one zero-width joiner around each heading and list;
    # decoded in the wrong charset it reads "â" and two controls, and the body keeps an "â".
    stray = "\u00e2\u0080\u008d"
    document = _page(f"<p>{INTRO}</p><p>{stray}</p><h3>{HEADING}</h3><p>{stray}</p><p>{MIDDLE}</p>")
    repaired = _repaired(document, [INTRO, "\u00e2", MIDDLE])
    assert repaired == "\n\n".join([INTRO, "\u00e2", HEADING, MIDDLE])


def test_a_short_heading_whose_word_the_body_uses_goes_back_too() -> None:
    document = _page(f"<p>{INTRO}</p><h3>The judges</h3><p>{MIDDLE}</p>")
    # MIDDLE opens with "The judges", but no body paragraph is the heading.
    assert _repaired(document, [INTRO, MIDDLE]) == "\n\n".join([INTRO, "The judges", MIDDLE])


def test_a_gallery_a_link_box_and_a_heading_between_distant_paragraphs_stay_out() -> None:
    slides = f"<ul class='gallery'><li><img src='onions.jpg'>{CAPTION}</li></ul>"
    links = f"<ul><li><a href='/list'>{RELATED}</a></li></ul>"
    document = _page(
        f"<p>{INTRO}</p>{slides}<p>{MIDDLE}</p>{links}<p>{VERDICT}</p>"
        # A tab's heading: the body holds the paragraphs around it, but not side by side.
        f"<h2>{HEADING}</h2><p>{END}</p>"
    )
    paragraphs = [INTRO, MIDDLE, END, VERDICT]
    assert _repaired(document, paragraphs) == "\n\n".join(paragraphs)


def test_listicle_headings_linking_off_the_page_and_tocs_pointing_at_them_go_back() -> None:
    # A table of contents repeats each heading as an in-page link; the heading itself links to
    # the entry's own site. Both are the page's links, neither makes the heading a link box.
    document = _page(
        f"<ul class='toc'><li><a href='#criteria'>{HEADING}</a></li></ul>"
        f"<p>{INTRO}</p><h2 id='criteria'><a href='https://plots.example/rules'>{HEADING}</a>"
        f"</h2><p>{MIDDLE}</p>"
    )
    assert _repaired(document, [INTRO, MIDDLE]) == "\n\n".join([INTRO, HEADING, MIDDLE])


def test_headings_at_the_edges_of_section_wrappers_go_back() -> None:
    # Page builders wrap each section: its heading opens the wrapper, or stands right before it.
    document = _page(
        f"<section><p>{INTRO}</p></section>"
        f"<section><h2>{HEADING}</h2><div><p>{MIDDLE}</p></div></section>"
        f"<h2>The verdict</h2><section><div><p>{VERDICT}</p></div></section>"
    )
    repaired = _repaired(document, [INTRO, MIDDLE, VERDICT])
    assert repaired == "\n\n".join([INTRO, HEADING, MIDDLE, "The verdict", VERDICT])


def test_a_heading_the_body_holds_already_is_left_alone() -> None:
    document = _page(f"<p>{INTRO}</p><h2>{HEADING}</h2><p>{MIDDLE}</p>")
    paragraphs = [INTRO, HEADING, MIDDLE]
    assert _repaired(document, paragraphs) == "\n\n".join(paragraphs)
    assert _repaired(document, [MIDDLE]) == MIDDLE  # no paragraph before it in the body


def test_doubtful_tells_where_the_body_paragraphs_stand_in_page_order() -> None:
    document = _page(f"<p>{INTRO}</p><h2>{HEADING}</h2><p>{MIDDLE}</p><p>{END}</p><p>{VERDICT}</p>")
    met: list[tuple[str, lxml_html.HtmlElement]] = []
    body = Body("\n\n".join([INTRO, MIDDLE, VERDICT]), "", "trafilatura")
    assert not doubtful(body, document, 15, met)
    assert [element.text for _, element in met] == [INTRO, MIDDLE, VERDICT]
    assert [para for para, _ in met] == [INTRO, MIDDLE, VERDICT]
