"""edges: an opening paragraph left out before the body, teaser cards read past its end."""

from __future__ import annotations

from lxml import html as lxml_html

from newsloom.extract.choose import Body
from newsloom.extract.edges import with_opening, without_teaser_cards

ARTICLE = [
    "The ferry between Quillhaven and the islands will run twice a day from April, the operator "
    "said on Monday after a winter of cancelled crossings.",
    "A second boat, bought from a Norwegian line last year, joins the route once its refit ends "
    "at the yard in Dunmere this spring.",
    "Fares stay as they are until the end of the year, although the council has asked the "
    "operator to offer a cheaper ticket to islanders who cross every day.",
]
CARDS = [
    (
        "/news/2008/01/15/harbour-dredging.html",
        "Harbour dredging delayed again",
        "Work to deepen the harbour at Quillhaven has been put off until the summer because the "
        "contractor's barge failed its safety inspection.",
    ),
    (
        "/news/2008/01/15/school-roof.html",
        "Storm tears roof off island school",
        "Pupils at the island school will be taught in the village hall for a month after "
        "Saturday's storm tore part of the roof away.",
    ),
]


def related_box(cards: list[tuple[str, str, str]] = CARDS) -> str:
    """A 'Related' box of the old kind: each card a <dt> headline link and a <dd> summary."""
    items = "".join(
        f"<dt class='headline'><a href='{href}'>{headline}</a></dt><dd>{summary}</dd>"
        for href, headline, summary in cards
    )
    return f"<h3>Related</h3><dl>{items}</dl>"


def page(markup: str) -> tuple[lxml_html.HtmlElement, str]:
    source = f"<html><body>{markup}</body></html>"
    return lxml_html.document_fromstring(source), source


def body(*paras: str) -> Body:
    return Body("\n\n".join(paras), "Ferry", "trafilatura")


def test_a_related_stories_box_of_headline_links_and_summaries_leaves_the_body() -> None:
    article = "".join(f"<p>{para}</p>" for para in ARTICLE)
    tree, source = page(f"<div id='story'>{article}</div>{related_box()}")
    summaries = [f"- {summary}" for _, _, summary in CARDS]
    kept = without_teaser_cards(body(*ARTICLE, *summaries), tree, source)
    assert kept.text == "\n\n".join(ARTICLE)


def test_a_round_up_made_of_cards_keeps_them() -> None:
    # The cards outweigh the rest: they are the page's content, not a box beside an article.
    tree, source = page(f"<p>{ARTICLE[0]}</p>{related_box()}")
    summaries = [summary for _, _, summary in CARDS]
    whole = body(ARTICLE[0], *summaries)
    assert without_teaser_cards(whole, tree, source) is whole


def test_a_paragraph_after_a_link_ending_the_sentence_before_it_stays() -> None:
    # Each closing paragraph follows a link, but a link at the end of a sentence, not a
    # headline opening its own block: the article's own text.
    linked = [
        f"<p>{ARTICLE[0]} The crossings are listed <a href='/timetable-{n}.html'>in timetable "
        f"number {n}</a></p><p>{summary}</p>"
        for n, (_, _, summary) in enumerate(CARDS)
    ]
    tree, source = page("".join(linked))
    paras = [para for _, _, para in CARDS]
    whole = body(ARTICLE[1], ARTICLE[2], *paras)
    assert without_teaser_cards(whole, tree, source) is whole


def test_one_next_story_card_is_not_a_box() -> None:
    article = "".join(f"<p>{para}</p>" for para in ARTICLE)
    tree, source = page(f"{article}{related_box(CARDS[:1])}")
    whole = body(*ARTICLE, CARDS[0][2])
    assert without_teaser_cards(whole, tree, source) is whole


OPENING = (
    "QUILLHAVEN, Jan. 2 - The island council has voted to buy the old ferry terminal from the "
    "harbour board, ending a dispute that has run for a decade."
)


def test_an_opening_written_into_the_container_before_its_first_br_goes_back() -> None:
    # The story's container holds its text straight, paragraphs set apart by <br>s: the first
    # is the container's own text, which an extractor scoring paragraph elements passes over.
    story = "<br><br>".join([OPENING, *ARTICLE])
    tree, source = page(f"<h4>Council buys terminal</h4><div class='storyText'>{story}</div>")
    restored = with_opening(body(*ARTICLE), tree, source)
    assert restored.text == "\n\n".join([OPENING, *ARTICLE])


def test_an_opening_as_the_tail_of_the_dateline_goes_back() -> None:
    paras = "".join(f"<p>{para}" for para in ARTICLE)
    tree, source = page(
        f"<div id='story'><div class='pub_info'>Friday, January 11</div>{OPENING}{paras}</div>"
    )
    restored = with_opening(body(*ARTICLE), tree, source)
    assert restored.text == "\n\n".join([OPENING, *ARTICLE])


def test_prose_far_before_the_body_or_in_a_link_stays_out() -> None:
    # A teaser in another column, in a container of its own: not the article's opening.
    article = "".join(f"<p>{para}</p>" for para in ARTICLE)
    side = f"<div id='side'><div class='promo'><p>{OPENING}</p></div></div>"
    tree, source = page(f"{side}<div id='main'><div id='story'>{article}</div></div>")
    whole = body(*ARTICLE)
    assert with_opening(whole, tree, source) is whole
    linked = f"<div id='story'><p><a href='/terminal.html'>{OPENING}</a></p>{article}</div>"
    tree, source = page(linked)
    assert with_opening(whole, tree, source) is whole
    assert with_opening(whole, None, source) is whole


def test_the_opening_of_a_body_read_as_table_rows_goes_back_past_the_meta_description() -> None:
    # An old table layout: trafilatura writes the cell's paragraph as a row ("| ... |"), and the
    # page's head repeats the start of that paragraph in its meta description.
    story = f"<td><div class='caption'>Quillhaven harbour.</div>{OPENING}<p>{ARTICLE[0]}</p></td>"
    source = (
        f"<html><head><meta name='description' content='{ARTICLE[0][:60]}'></head>"
        f"<body><table><tr>{story}</tr></table></body></html>"
    )
    tree = lxml_html.document_fromstring(source)
    restored = with_opening(body(f"| {ARTICLE[0]} |"), tree, source)
    assert restored.text == "\n\n".join([OPENING, f"| {ARTICLE[0]} |"])


def test_an_opening_goes_back_when_the_body_starts_with_an_entity_in_the_markup() -> None:
    # The body's first words are written with a numeric entity for the apostrophe: the body
    # (decoded text) is not found in the markup as written, only word by word.
    first = (
        "Quillhaven's ferry operator expects the second boat to join the route once its refit "
        "ends at the yard in Dunmere this spring."
    )
    written = first.replace("'", "&#8217;")
    decoded = first.replace("'", "\u2019")
    story = "<br><br>".join([OPENING, written, *ARTICLE[1:]])
    tree, source = page(f"<div class='storyText'>{story}</div>")
    restored = with_opening(body(decoded, *ARTICLE[1:]), tree, source)
    assert restored.text == "\n\n".join([OPENING, decoded, *ARTICLE[1:]])


def test_an_opening_goes_back_when_the_markup_breaks_a_line_in_the_body_first_words() -> None:
    first_words, rest = ARTICLE[0].split(" ", 1)
    story = "<br><br>".join([OPENING, f"{first_words}\n  {rest}", *ARTICLE[1:]])
    tree, source = page(f"<div class='storyText'>{story}</div>")
    restored = with_opening(body(*ARTICLE), tree, source)
    assert restored.text == "\n\n".join([OPENING, *ARTICLE])


def test_an_opening_goes_back_after_the_section_name_and_headline_opening_the_body() -> None:
    # The body starts with the section's name and the headline (lines, not prose), then the
    # story's second paragraph: the first, the container's own text before its <br>s, goes
    # back right before that prose, after the lines.
    story = "<br><br>".join([OPENING, *ARTICLE])
    tree, source = page(
        "<div class='categories'><h2>Islands</h2></div>"
        f"<div class='lead'><h4>Council buys terminal</h4></div><div class='storyText'>{story}</div>"
    )
    restored = with_opening(body("Islands", "Council buys terminal", *ARTICLE), tree, source)
    assert restored.text == "\n\n".join(["Islands", "Council buys terminal", OPENING, *ARTICLE])
