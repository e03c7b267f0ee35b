"""choose_body: trafilatura's body unless readability's clearly holds the article it cut short."""

from __future__ import annotations

import re

from lxml import html as lxml_html

from newsloom.extract.choose import (
    Body,
    choose_body,
    coverage,
    doubtful,
    extra_prose,
    flattened,
    furniture,
    has_furniture,
    link_shingles,
    outweighs,
    page_prose,
    shingles,
    size,
    tokens,
    without_furniture,
    without_link_tail,
    without_repeated_block,
    without_tail,
)
from tests.unit.extract.prose import PROSE


def body(paragraphs: list[str], method: str) -> Body:
    return Body("\n\n".join(paragraphs), "Headline", method)


def test_tokens_count_cjk_characters_one_by_one() -> None:
    assert tokens("Harbour BOARD, 12 ships") == ["harbour", "board", "12", "ships"]
    assert size("港川市の灯台") == 6
    assert size("Port 港川 opens") == 4


def test_tokens_of_latin_pages_are_those_of_the_cjk_aware_pattern() -> None:
    # Without ideographs or kana the plain word pattern stands in for the CJK-aware one: its
    # tokens must be the same on accented, Cyrillic, Greek, underscored and digit-run text, and
    # on text whose case folding changes its length (German sharp s, Greek final sigma).
    cjk_aware = re.compile(
        r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|"
        r"[^\W\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+"
    )
    for text in [
        "Straße GROSS, Ölpreis 3,5% — naïve café_au_lait",
        "Москва: ПРИВЕТ мир; ΟΔΥΣΣΕΥΣ ὀδυσσεύς",
        "snake_case_ids and 2024-05-01T10:00 times ① ² ½",
        "Port 港川 opens ＡＢＣ ｶﾀｶﾅ",
        "full-width ＡＢＣ and half-width ｶﾀｶﾅ without ideographs",
        "",
    ]:
        assert tokens(text) == cjk_aware.findall(text.casefold())


def test_a_bodys_tokens_are_its_paragraphs_tokens_one_after_another() -> None:
    # A body (paragraphs between blank lines) is tokenized paragraph by paragraph; no token
    # spans a line break, so its tokens are those of the whole text, whichever pattern each
    # paragraph needs (ideographs in one, none in the others), and however its lines are broken
    # or indented.
    cjk_aware = re.compile(
        r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|"
        r"[^\W\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+"
    )
    body = "\n\n".join(
        [
            "Straße GROSS: the harbour board met on Monday.",
            "  港川市の灯台 lights up again\r\nafter the storm  ",
            "...",
            "ΟΔΥΣΣΕΥΣ came home\x1cto the island_of Ithaca, 3,5% richer",
            "",
            "Last line",
        ]
    )
    assert tokens(body) == cjk_aware.findall(body.casefold())
    assert size(body) == sum(size(para) for para in body.splitlines())


def _runs(words: list[str]) -> set[tuple[str, ...]]:
    """The four-token runs of ``words`` as tuples (the whole text when shorter)."""
    if len(words) < 4:
        return {tuple(words)} if words else set()
    return {tuple(words[i : i + 4]) for i in range(len(words) - 3)}


def test_shingles_written_as_strings_are_the_token_runs() -> None:
    # Runs that only differ where a token breaks ("ab c" against "a bc") and texts shorter than a
    # run (one to three tokens) must stay apart: no token holds the space written between them.
    texts = [
        "ab c d e and a bc d e",
        "Harbour board meets on Monday, harbour board meets on Monday.",
        "港川市の灯台 lights up",
        "two words",
        "one",
        "...",
    ]
    for text in texts:
        assert {tuple(shingle.split(" ")) for shingle in shingles(text)} == _runs(tokens(text))
    assert not shingles("ab c") & shingles("a bc")


def test_link_shingles_are_each_links_shingles() -> None:
    # Each link's runs on its own, never a run spanning two links; a one-word link is one shingle.
    anchors = ["Harbour board meets on Monday", "Ferry", "<b>Quay</b> repairs begin"]
    page = "".join(f"<p><a href='/{at}'>{text}</a></p>" for at, text in enumerate(anchors))
    document = lxml_html.document_fromstring(f"<html><body>{page}</body></html>")
    texts = ["Harbour board meets on Monday", "Ferry", "Quay repairs begin"]
    expected = set().union(*(shingles(text) for text in texts))
    assert link_shingles(document) == expected
    assert "monday ferry" not in expected and "ferry" in expected


def test_coverage_of_a_text_in_another() -> None:
    shared = " ".join(PROSE[:2])
    assert coverage(shared, set()) == 0.0
    assert coverage("", set()) == 1.0


def test_readability_wins_when_trafilatura_stopped_half_way() -> None:
    cut_short = body(PROSE[:4], "trafilatura")
    whole = body(PROSE, "readability")
    assert choose_body(cut_short, [whole], min_tokens=15) is whole


def test_trafilatura_stays_when_readability_only_adds_boilerplate() -> None:
    article = body(PROSE[:4], "trafilatura")
    captions = ["Photo: Harbour Society", "Updated 5:27 am", "Share", "Tickets: 40 coins"] * 5
    repeated_caption = [PROSE[5]] * 4  # one caption repeated in a gallery counts once
    noisy = body(PROSE[:4] + captions + repeated_caption, "readability")
    assert extra_prose(noisy.text, article.text) == size(PROSE[5])
    assert choose_body(article, [noisy], min_tokens=15) is article


def test_trafilatura_stays_when_readability_found_another_text() -> None:
    article = body(PROSE[:3], "trafilatura")
    other = body([" ".join(reversed(p.split())) for p in PROSE], "readability")
    assert choose_body(article, [other], min_tokens=15) is article


def test_readability_wins_when_trafilatura_found_almost_nothing() -> None:
    nothing = body(["Cookie settings"], "trafilatura")
    article = body(PROSE[:3], "readability")
    assert choose_body(nothing, [article], min_tokens=15) is article
    assert choose_body(nothing, [None], min_tokens=15) is nothing
    assert choose_body(nothing, [body([], "readability")], min_tokens=15) is nothing


def test_readers_comments_never_count_as_missed_article() -> None:
    article = body(PROSE[:4], "trafilatura")
    comments = [
        f"Reader {name} wrote that the quay repairs were long overdue and that the ferry was late "
        f"again on {day}, as it had been every single week since the storm hit the harbour."
        for name, day in (("Ann", "Monday"), ("Bo", "Tuesday"), ("Cy", "Friday"), ("Di", "Sunday"))
    ]
    with_comments = body(PROSE[:4] + comments, "readability")
    assert choose_body(article, [with_comments], min_tokens=15) is with_comments
    assert choose_body(article, [with_comments], 15, comments="\n".join(comments)) is article


def page(inner: str) -> lxml_html.HtmlElement:
    return lxml_html.document_fromstring(f"<html><body>{inner}</body></html>")


def test_page_prose_reads_paragraphs_and_text_laid_out_with_br() -> None:
    tree = page(
        f"<p>{PROSE[0]}</p><p>Short caption.</p><div id='story'>{PROSE[1]}<br><br>{PROSE[2]}</div>"
        "<ul><li><a href='/'>Home</a></li></ul>"
    )
    found = [text for text, _ in page_prose(tree)]
    assert found == [PROSE[0], PROSE[1], PROSE[2]]


def test_page_prose_reads_text_in_inline_wrappers_and_between_empty_paragraphs() -> None:
    # Old table layouts: the story in <font> inside a cell, paragraphs parted by empty <p>s.
    tree = page(
        f"<table><tr><td><font size='2'>{PROSE[0]}</font></td>"
        f"<td><div><b>By a reporter --</b> {PROSE[1]}<p></p> {PROSE[2]}<p></p></div></td>"
        "</tr></table><script>var note = 'A script is never prose, even a long one like this.';</script>"
    )
    found = [text for text, _ in page_prose(tree)]
    assert found == [PROSE[0], f"By a reporter -- {PROSE[1]}", PROSE[2]]


def test_no_second_opinion_when_the_first_body_holds_the_page_prose() -> None:
    tree = page("".join(f"<p>{p}</p>" for p in PROSE) + "<p>Tickets cost 5 crowns</p>")
    assert not doubtful(body(PROSE, "trafilatura"), tree, min_tokens=15)


def test_second_opinion_when_the_page_has_much_prose_the_first_body_lacks() -> None:
    tree = page("".join(f"<p>{p}</p>" for p in PROSE))
    assert doubtful(body(PROSE[:4], "trafilatura"), tree, min_tokens=15)
    # A few missed paragraphs (a related-story teaser) are not worth a second extractor.
    assert not doubtful(body(PROSE[:10], "trafilatura"), tree, min_tokens=15)


def test_second_opinion_when_the_first_body_is_almost_empty_or_the_page_unparsed() -> None:
    assert doubtful(body(["Too short."], "trafilatura"), page("<p>x</p>"), min_tokens=15)
    assert doubtful(body(PROSE, "trafilatura"), None, min_tokens=15)


_LINKS = ["Most read: ferry fares", "Weather for the coast", "Lifeboat station open day"]
_PAGE_WITH_LINKS = (
    "<html><body><ul>"
    + "".join(f"<li><a href='/{n}'>{text}</a></li>" for n, text in enumerate(_LINKS))
    + "</ul>"
    + "".join(f"<p>{para}</p>" for para in PROSE[:6])
    + "</body></html>"
)


def test_paragraphs_only_the_larger_body_keeps_are_dropped_when_they_are_links_on_the_page() -> (
    None
):
    document = lxml_html.document_fromstring(_PAGE_WITH_LINKS)
    noisy = body([*_LINKS, *PROSE[:6], "Photograph: a diver by the quay"], "trafilatura")
    tight = body(PROSE[:6], "readability")
    chosen = choose_body(noisy, [tight], 15, links=link_shingles(document))
    # The link lines go; the caption is not link text, so it stays: only links are judged.
    assert chosen.text == "\n\n".join([*PROSE[:6], "Photograph: a diver by the quay"])
    assert chosen.method == "trafilatura"


def test_link_text_the_other_body_also_keeps_is_article() -> None:
    document = lxml_html.document_fromstring(_PAGE_WITH_LINKS)
    both = body([_LINKS[0], *PROSE[:6], "Photograph: a diver by the quay"], "trafilatura")
    other = body([_LINKS[0], *PROSE[:6]], "readability")
    assert choose_body(both, [other], 15, links=link_shingles(document)).text.startswith(_LINKS[0])


def test_second_opinions_are_asked_in_turn() -> None:
    cut_short = body(PROSE[:2], "trafilatura")
    longer = body(PROSE[:7], "trafilatura")
    whole = body(PROSE, "readability")
    assert choose_body(cut_short, [longer, whole], 15) is whole
    assert choose_body(cut_short, [None, longer], 15) is longer


def test_prose_made_of_link_words_but_never_four_in_a_row_is_no_furniture() -> None:
    # A news page's links use the article's common words ("the", "harbour", "board"): a paragraph
    # is settled as no link text without its shingles only when no four of its tokens in a row
    # (all of them, when shorter) are link tokens. Each answer must be coverage's own, which a
    # plain set of the same shingles (no link tokens known) still asks for.
    anchors = [
        "The harbour board meets on Monday",
        "Board games for the harbour festival",
        "Ferry",
        "Quay repairs",
    ]
    page = "".join(f"<p><a href='/{at}'>{text}</a></p>" for at, text in enumerate(anchors))
    links = link_shingles(lxml_html.document_fromstring(f"<html><body>{page}</body></html>"))
    paragraphs = [
        "The harbour board will meet the ferry operators on Monday morning.",  # no run of four
        "Yesterday the harbour board meets on Monday said the notice.",  # a run of link tokens
        "The harbour board meets on Monday",  # a link's whole text
        "Ferry",  # a one-word link
        "Quay repairs",  # a two-word link
        "Quay works",  # shorter than a shingle, not all link tokens
        "Monday Ferry Quay repairs harbour",  # link tokens in a row, no link's run
        "...",  # no token: a text without shingles is covered by anything
    ]
    plain = set(links)
    answers = [furniture(para, links) for para in paragraphs]
    assert answers == [furniture(para, plain) for para in paragraphs]
    assert answers == [False, False, True, True, True, False, False, True]


def test_a_body_holding_link_text_or_table_rows_is_noticed() -> None:
    links = link_shingles(lxml_html.document_fromstring(_PAGE_WITH_LINKS))
    assert has_furniture(body([*_LINKS, *PROSE[:2]], "trafilatura"), links)
    assert has_furniture(
        body([*PROSE[:2], "| Home | Weather | Jobs | Motors |"], "trafilatura"), set()
    )
    # One short link line in a long article: no other body could tell it apart.
    assert not has_furniture(body([_LINKS[1], *PROSE], "trafilatura"), links)
    assert not has_furniture(body(PROSE[:3], "trafilatura"), links)
    assert not has_furniture(body([_LINKS[1], *PROSE[:3]], "trafilatura"), set())


def test_table_rows_only_the_larger_body_keeps_are_dropped() -> None:
    menu = [
        "| Home | Weather | Classifieds | Jobs | Motors | Property | Dating |",
        "| Subscribe to the print edition | Contact the newsroom | Advertise with us |",
    ]
    tide = "| High tide | 06:12 | 4.1 m |"
    noisy = body([*menu, *PROSE[:3], tide], "trafilatura")
    tight = body([*PROSE[:3], tide], "readability")
    # The tide table is in both: a table of the article. The menu rows are in one: furniture.
    assert choose_body(noisy, [tight], 15).text == "\n\n".join([*PROSE[:3], tide])


def test_layout_rows_go_when_two_readings_of_the_article_each_hold_text_of_their_own() -> None:
    # An old table-laid-out page: trafilatura keeps the footer's cells and a table of results,
    # readability keeps the headline and the byline; neither body holds the other.
    footer = [
        "| | | BACK TO TOP | | |",
        "| | Terms of Use \\| Privacy \\| Contact the newsroom \\| Advertise with us | |",
    ]
    results = ["| Quillhaven | 3 | | 1 |", "| Saltmere | 1 | 2 | |"]
    noisy = body([*PROSE[:8], *results, *footer], "trafilatura")
    byline = "Ferry ramp repairs approved, by a staff reporter of the Quillhaven Gazette"
    framed = body([byline, "Harbour board meeting", *PROSE[:8]], "readability")
    # One-cell rows only trafilatura keeps are layout; rows of several values are a data table's.
    assert choose_body(noisy, [framed], 15).text == "\n\n".join([*PROSE[:8], *results])
    # A body from the same extractor is no independent reading.
    again = body(framed.text.split("\n\n"), "trafilatura")
    assert choose_body(noisy, [again], 15) is noisy


def test_another_extractors_body_replaces_one_that_found_a_different_block() -> None:
    teaser = body([PROSE[11], "Read more about the harbour"], "trafilatura")
    whole = body(PROSE[:11], "readability")
    # No overlap, so it is not "cut short"; but the other body is the page's prose, many times over.
    assert choose_body(teaser, [whole], 15) is whole
    assert outweighs(whole, teaser, deficient=False)
    assert not outweighs(teaser, whole, deficient=False)


def test_a_listing_of_cards_with_share_buttons_does_not_replace_the_article() -> None:
    # A quotes site: the page's article is one short text; readability read the list of other
    # quotes below it, each card ending with the same share buttons. Many times the article's
    # prose, but a listing, not the article the first body missed.
    article = body([PROSE[11]], "trafilatura")
    cards = [line for para in PROSE[:8] for line in (para, "Whatsapp Facebook Pin Download")]
    listing = body(cards, "readability")
    assert not outweighs(listing, article, deficient=False)
    assert choose_body(article, [listing], 15) is article
    # A recurring subhead between several paragraphs (a review's "Pros") is an article's.
    review = body(
        [line for i, para in enumerate(PROSE) for line in [para, "Pros"][: 1 + (i % 3 == 0)]],
        "readability",
    )
    assert outweighs(review, article, deficient=False)


def test_a_body_without_the_shape_of_an_article_gives_way_to_another_extractor() -> None:
    rows = body([f"| {para} |" for para in PROSE[:8]], "trafilatura")
    article = body(PROSE[:8], "readability")
    assert outweighs(article, rows, deficient=True)
    assert choose_body(rows, [article], 15, deficient=True) is article
    # The same extractor in another mode reads the layout the same way: no grounds to switch.
    again = body(PROSE[:8], "trafilatura")
    assert not outweighs(again, rows, deficient=True)
    # Too short to be sure it is the article.
    assert not outweighs(body(PROSE[:2], "readability"), rows, deficient=True)


def test_a_blog_laid_out_in_one_table_cell_read_as_one_row_lacks_the_shape_of_an_article() -> None:
    # An old blog page set in a layout table: trafilatura runs the cell's paragraphs, its list
    # of specifications and its "Email to a Friend" link together into one row.
    cell = " ".join(["Quillhaven Harbour Blog", *PROSE[:6], "Email to a Friend Archives"])
    rows = body(["| You are here: | Home>News |", f"| | {cell} | |"], "trafilatura")
    assert flattened(rows.text)
    # Rows holding a data table's values, or a one-cell row beside a longer article, are not.
    table = body([f"| {para} | 12 | 14 |" for para in PROSE[:6]], "trafilatura")
    assert not flattened(table.text)
    article = body([*PROSE[:6], f"| {PROSE[6]} |"], "trafilatura")
    assert not flattened(article.text)
    # Such a body gives way to readability's reading of the cell, paragraph by paragraph.
    read = body(["Quillhaven Harbour Blog", *PROSE[:6]], "readability")
    assert choose_body(rows, [read], 15, deficient=flattened(rows.text)) is read


def test_an_article_padded_with_form_options_and_menus_gives_way_to_the_bare_article() -> None:
    kinds = ["Ferries", "Buses", "Trains", "Harbour", "Weather", "Tides", "Jobs", "Events"]
    options = [f"{kind} {number}" for kind in kinds for number in range(12)]
    padded = body([*options, *PROSE[:5]], "trafilatura")
    bare = body(PROSE[:5], "readability")
    assert choose_body(padded, [bare], 15) is bare
    # A few short lines around the article (a byline, a subhead) are no padding.
    light = body(["By a reporter", *PROSE[:5], "Repairs ahead"], "trafilatura")
    assert choose_body(light, [bare], 15) is light


def test_an_article_with_a_code_listing_does_not_give_way_to_a_part_of_short_lines() -> None:
    # A tutorial: a paragraph, then a long listing of short lines; readability kept the
    # paragraph and the listing's head only. That part is no article (mostly short lines), so
    # the rest of the listing is no padding around it.
    listing = [f"quay.ring[{n}].tighten(torque={n * 5})" for n in range(60)]
    article = body([PROSE[0], *listing], "trafilatura")
    part = body([PROSE[0], *listing[:10]], "readability")
    assert choose_body(article, [part], 15).text == article.text
    # The same listing around a part that reads like an article is padding, as before.
    bare = body(PROSE[:5], "readability")
    assert choose_body(body([*PROSE[:5], *listing], "trafilatura"), [bare], 15) is bare


def test_a_body_beyond_trafilatura_precision_gives_way_to_an_independent_body_inside_it() -> None:
    # Precision mode kept almost nothing; the balanced run kept the article and a teaser more.
    balanced = body([*PROSE[:6], PROSE[11]], "trafilatura")
    inside = body(PROSE[:6], "readability")
    assert choose_body(balanced, [inside], 15, precise=False) is inside
    # Trafilatura's precise body keeps its prose: readability lacking a paragraph is no proof.
    assert choose_body(balanced, [inside], 15).text == balanced.text
    # A body of less than half the size is a part of the article, not the article.
    part = body(PROSE[:2], "readability")
    assert choose_body(balanced, [part], 15, precise=False).text == balanced.text


def test_an_article_printed_twice_is_kept_once() -> None:
    article = "\n\n".join(PROSE[:6])
    # The page's print version repeats the article after a share button (a copy for small
    # screens, or a third one, likewise).
    assert without_repeated_block(f"{article}\n\nShare\n\n{article}") == f"{article}\n\nShare"
    twice_more = f"{article}\n\n{article}\n\n{article}"
    assert without_repeated_block(twice_more) == article


def test_lines_that_recur_in_an_article_stay() -> None:
    # A week's menu names the same breakfast on several days: a line that recurs, not a copy.
    days = [
        f"Day {n}: porridge with harbour honey and two boiled eggs from the quay farm."
        for n in range(7)
    ]
    menu = [PROSE[0], *(line.split(": ", 1)[1] for line in days), *PROSE[1:5]]
    text = "\n\n".join(menu)
    assert without_repeated_block(text) == text
    assert without_repeated_block("") == ""


# A progress report lists the patches it is about, each a link: the list is the article's.
_PATCHES = ["- harbour: add the tide table reader", "- harbour: fix the crane's weight limit"]
_RELATED = ["- Lifeboat open day draws a record crowd", "- Ferry timetable for the summer"]


def test_a_list_of_links_the_article_announces_with_a_colon_stays() -> None:
    anchors = "".join(f"<a href='/x'>{item[2:]}</a>" for item in [*_PATCHES, *_RELATED])
    links = link_shingles(lxml_html.document_fromstring(f"<html><body>{anchors}</body></html>"))
    lead_in = "Several patches were sent to the harbour board for review:"
    text = [PROSE[0], lead_in, *_PATCHES, PROSE[1], "Read more:", *_RELATED]
    # readability kept the prose only: the links only trafilatura keeps are furniture unless
    # the article's own sentence announced them; a "Read more:" label announces no article list.
    other = body([PROSE[0], PROSE[1]], "readability")
    kept = without_furniture(body(text, "trafilatura"), other, links)
    assert kept.text == "\n\n".join([PROSE[0], lead_in, *_PATCHES, PROSE[1], "Read more:"])


# A site's blurb and a sidebar feature set after the article in an old table layout: prose,
# no links, which only trafilatura reads on with.
_SITE_BLURB = [
    "The Quillhaven Courier covers the harbour towns in more depth than any other newspaper.",
    "Radio Quillhaven will broadcast the lighthouse reopening live from the gallery in May.",
]


def test_what_only_one_reader_runs_on_with_past_the_shared_article_goes() -> None:
    article = PROSE[:6]
    readable = body(article, "readability")
    kept = without_tail(body([*article, *_SITE_BLURB], "trafilatura"), readable)
    assert kept.text == "\n\n".join(article)


def test_a_tail_longer_than_the_shared_article_is_the_article_cut_short() -> None:
    # readability stopped after two paragraphs: the ten more trafilatura kept are the article.
    whole = body(PROSE, "trafilatura")
    assert without_tail(whole, body(PROSE[:2], "readability")) is whole
    assert without_tail(whole, None) is whole
    # Nothing shared, or shared to the end: nothing to cut.
    assert without_tail(whole, body(_SITE_BLURB, "readability")) is whole
    assert without_tail(whole, body(PROSE, "readability")) is whole


# A promotion and the site's footer links, set in the article's cell of an old layout.
_PROMO = "WIN a harbour cruise for two - sign up for the Courier newsletter"
_FOOTER = "Contact us | Advertise | Privacy"


def test_links_ending_the_body_lead_elsewhere_and_go() -> None:
    closing = "Residents can read the full harbour board report on the county's website before the meeting."
    anchors = "".join(f"<a href='/x'>{text}</a>" for text in [_PROMO, _FOOTER, closing])
    links = link_shingles(lxml_html.document_fromstring(f"<html><body>{anchors}</body></html>"))
    promoted = body([*PROSE[:3], _PROMO, _FOOTER], "trafilatura")
    assert without_link_tail(promoted, links).text == "\n\n".join(PROSE[:3])
    # A linked sentence of prose is the article's own text: it and what precedes it stay.
    linked = body([*PROSE[:3], closing, _FOOTER], "trafilatura")
    assert without_link_tail(linked, links).text == "\n\n".join([*PROSE[:3], closing])
    # Without links on the page, or with the body a single paragraph, nothing goes.
    assert without_link_tail(promoted, set()) is promoted
    single = body([_PROMO], "trafilatura")
    assert without_link_tail(single, links) is single
