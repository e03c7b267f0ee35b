"""with_dropped_headings: a section heading set in a wrapper of its own, between the end of one
body paragraph and the start of the next in page order, goes back; the headings of related-story
boxes, teaser cards and advertisement slots standing in the same place do not."""

from __future__ import annotations

from lxml import html as lxml_html

from newsloom.extract.choose import Body, doubtful
from newsloom.extract.headings import with_dropped_headings

INTRO = "The allotment society of Brackenford has judged this year's vegetable plots at last."
MIDDLE = "The judges walked every row twice, the society says, and argued until the light went."
END = "The prizes will be handed out at the harvest supper in the village hall on Saturday."
HEADING = "What the judges looked for"
CRITERION = "Straight rows and paths swept clean"
RELATED = "Brackenford allotment waiting list opens again for new members"


def _repaired(article: str, paragraphs: list[str]) -> str:
    document = lxml_html.document_fromstring(f"<html><body><main>{article}</main></body></html>")
    body = Body("\n\n".join(paragraphs), "Plots judged", "trafilatura")
    return with_dropped_headings(body, document).text


def test_page_builder_section_heading_in_its_own_wrapper_goes_back() -> None:
    # Each section of a page builder sits a few wrappers deep: no sibling of the paragraphs is
    # the heading, but in page order it stands right between them.
    article = (
        f"<div class='section'><div class='col'><p>{INTRO}</p></div></div>"
        f"<div class='section'><div class='col'><div class='heading-wrap'><h2>{HEADING}</h2>"
        f"</div><p>&nbsp;</p><img src='plots.jpg'><div class='text'><p>{MIDDLE}</p></div>"
        "</div></div>"
    )
    assert _repaired(article, [INTRO, MIDDLE]) == "\n\n".join([INTRO, HEADING, MIDDLE])


def test_listicle_entry_number_and_name_headings_go_back_as_one_run() -> None:
    article = (
        f"<div><p>{INTRO}</p></div><div class='entry'><h2>1.</h2><h2>"
        f"<a href='https://plots.example'>Brackenford plots</a></h2></div>"
        f"<div class='entry-text'><p>{MIDDLE}</p></div>"
    )
    repaired = _repaired(article, [INTRO, MIDDLE])
    assert repaired == "\n\n".join([INTRO, "1.", "Brackenford plots", MIDDLE])


def test_a_heading_after_a_bulleted_item_the_body_holds_goes_back() -> None:
    # trafilatura writes list items with a bullet: the item before the heading ends the body's
    # paragraph "- ..." all the same.
    article = (
        f"<p>{INTRO}</p><ul><li>{CRITERION}</li></ul><div><h3>{HEADING}</h3></div><p>{END}</p>"
    )
    repaired = _repaired(article, [INTRO, f"- {CRITERION}", END])
    assert repaired == "\n\n".join([INTRO, f"- {CRITERION}", HEADING, END])


def test_related_story_box_headings_inside_links_stay_out() -> None:
    article = (
        f"<p>{INTRO}</p><div class='related'><h3>More from the society</h3><ul><li>"
        f"<a href='/list'><h4>{RELATED}</h4></a></li></ul></div><p>{MIDDLE}</p>"
    )
    assert _repaired(article, [INTRO, MIDDLE]) == "\n\n".join([INTRO, MIDDLE])


def test_teaser_card_headings_after_a_picture_link_stay_out() -> None:
    # A news site's inline card: a picture linking to another story, then its slug and title.
    article = (
        f"<p>{INTRO}</p><div class='card'><div class='img'><a href='/2024/plots-story'>"
        "<picture><img src='card.jpg'></picture></a></div><div class='block'>"
        f"<h3><a href='/life'>Life Kit</a></h3><h3><a href='/2024/plots-story'>{RELATED}</a></h3>"
        f"</div></div><p>{MIDDLE}</p>"
    )
    assert _repaired(article, [INTRO, MIDDLE]) == "\n\n".join([INTRO, MIDDLE])


def test_advertisement_slot_labels_stay_out() -> None:
    # An ad slot: a label heading above (and below) an empty box the script fills later.
    article = (
        f"<p>{INTRO}</p><div class='advert'><h5>Advertisement</h5><div id='adSpace3'></div>"
        f"<h5>Advertisement</h5></div><p>{MIDDLE}</p>"
    )
    assert _repaired(article, [INTRO, MIDDLE]) == "\n\n".join([INTRO, MIDDLE])


def test_a_sidebar_heading_with_its_own_text_stays_out() -> None:
    article = (
        f"<p>{INTRO}</p><aside><h3>Join the society</h3></aside>"
        f"<div class='box'><h3>{HEADING}</h3><span>Members only</span></div><p>{MIDDLE}</p>"
    )
    assert _repaired(article, [INTRO, MIDDLE]) == "\n\n".join([INTRO, MIDDLE])


def test_a_heading_between_paragraphs_the_body_does_not_hold_side_by_side_stays_out() -> None:
    article = f"<p>{INTRO}</p><h2>{HEADING}</h2><p>{MIDDLE}</p><p>{END}</p>"
    # The body holds MIDDLE before INTRO (a teaser repeated at the top): no gap it left.
    paragraphs = [MIDDLE, INTRO, END]
    assert _repaired(article, paragraphs) == "\n\n".join(paragraphs)


def test_the_headings_doubtfuls_walk_met_give_the_same_repair_as_a_walk_of_its_own() -> None:
    document = lxml_html.document_fromstring(
        f"<html><body><main><div><p>{INTRO}</p></div><div class='wrap'><h2>{HEADING}</h2></div>"
        f"<div><p>{MIDDLE}</p></div><aside><h3>Join the society</h3></aside></main></body></html>"
    )
    body = Body("\n\n".join([INTRO, MIDDLE]), "Plots judged", "trafilatura")
    headings: list[lxml_html.HtmlElement] = []
    assert not doubtful(body, document, 15, [], headings)
    assert [heading.text_content() for heading in headings] == [HEADING, "Join the society"]
    handed = with_dropped_headings(body, document, headings).text
    assert handed == with_dropped_headings(body, document).text
    assert handed == "\n\n".join([INTRO, HEADING, MIDDLE])
