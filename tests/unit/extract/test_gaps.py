"""with_dropped_items: prose list items precision mode dropped from the article go back."""

from __future__ import annotations

from lxml import html as lxml_html

from newsloom.extract.choose import Body, link_shingles
from newsloom.extract.gaps import with_dropped_items

INTRO = "The harbour board of Quillhaven published a guide for boat owners before the storm season."
MIDDLE = "Owners who cannot reach the quay in time should call the harbour office, the guide says."
END = "The guide is free at the library and the harbour office, and online from next Monday."
STEPS = [
    "Mooring lines: double every line and check the cleats, since the spring tides pull hard.",
    "Fenders: hang them low on the quay side, where the swell presses the hull the hardest.",
]
COMMENT = "Reader Ann wrote that the guide should also say where to leave a dinghy for the winter."
CAPTION = "Fishing boats moored two deep along the eastern quay of Quillhaven during the last gale."
NAV = "Read more: the lifeboat station open day draws a record crowd to the harbour this year."


def page() -> lxml_html.HtmlElement:
    steps = "".join(f"<li>{step}</li>" for step in STEPS)
    return lxml_html.document_fromstring(
        # Odd places for a gallery, links and comments, but each stands between two paragraphs
        # of the article here, so only what it is keeps it out.
        f"<html><body><div class='entry'><p>{INTRO}</p><ol>{steps}</ol>"
        f"<ul class='gallery'><li><img src='boats.jpg'><div>{CAPTION}</div></li></ul>"
        f"<ul class='related'><li><a href='/more'>{NAV}</a></li></ul><p>{MIDDLE}</p>"
        f"<div class='comments-area'><ul><li>{COMMENT}</li></ul></div>"
        f"<nav><ul><li>{NAV.replace('Read more', 'See also')}</li></ul></nav>"
        f"<p>{END}</p></div></body></html>"
    )


def test_prose_list_items_dropped_inside_the_article_go_back_where_they_stood() -> None:
    document = page()
    body = Body("\n\n".join([INTRO, MIDDLE, END]), "Guide", "trafilatura")
    repaired = with_dropped_items(body, document, link_shingles(document))
    # The gallery slide's caption, the links, the navigation and the comments stay out.
    assert repaired.text == "\n\n".join([INTRO, *STEPS, MIDDLE, END])


def test_items_outside_the_body_span_or_already_in_it_change_nothing() -> None:
    document = page()
    links = link_shingles(document)
    # Items before the body's first paragraph are not between two of its paragraphs.
    tail = Body("\n\n".join([MIDDLE, END]), "Guide", "trafilatura")
    assert with_dropped_items(tail, document, links) is tail
    whole = Body("\n\n".join([INTRO, *STEPS, MIDDLE, END]), "Guide", "trafilatura")
    assert with_dropped_items(whole, document, links) is whole
    assert with_dropped_items(whole, None, links) is whole


def test_items_announced_by_a_short_lead_in_go_right_after_it() -> None:
    # Two short lead-ins ending in a colon, each above its own list: precision mode keeps both
    # lead-ins and drops the first list. Its items belong under the first lead-in, not before
    # the next prose paragraph (which stands below the second list).
    first, second = "Before the storm, owners should:", "After the storm, owners should:"
    after = "Check the bilge pump twice a day for the first week after the storm has passed."
    steps = "".join(f"<li>{step}</li>" for step in STEPS)
    document = lxml_html.document_fromstring(
        f"<html><body><div class='entry'><p>{INTRO}</p><p>{first}</p><ul>{steps}</ul>"
        f"<p>{second}</p><ul><li>{after}</li></ul><p>{MIDDLE}</p></div></body></html>"
    )
    body = Body("\n\n".join([INTRO, first, second, after, MIDDLE]), "Guide", "trafilatura")
    repaired = with_dropped_items(body, document, link_shingles(document))
    assert repaired.text == "\n\n".join([INTRO, first, *STEPS, second, after, MIDDLE])


def test_a_short_menu_entry_repeating_a_body_paragraph_does_not_widen_the_span() -> None:
    # A menu above the article repeats a short body paragraph word for word: it does not make
    # the menu's prose item part of the article.
    short = "A guide for every boat owner:"
    document = lxml_html.document_fromstring(
        f"<html><body><div class='menu'><p>{short}</p><ul><li>{NAV}</li></ul></div>"
        f"<div class='entry'><p>{INTRO}</p><p>{short}</p><p>{MIDDLE}</p></div></body></html>"
    )
    body = Body("\n\n".join([INTRO, short, MIDDLE]), "Guide", "trafilatura")
    assert with_dropped_items(body, document, set()) is body


def test_items_of_a_dropped_list_go_back_whether_or_not_they_end_with_a_stop() -> None:
    # Bloggers end some items of a list with a stop and some without: the list's sentence-like
    # item shows the list is missing, and its items all go back, stop or none.
    loose = (
        "Anchors: let out three times the depth in chain, more when the forecast says gale force"
    )
    items = f"<li>{STEPS[0]}</li><li>{loose}</li><li>{STEPS[1]}</li>"
    document = lxml_html.document_fromstring(
        f"<html><body><div class='entry'><p>{INTRO}</p><ul>{items}</ul><p>{MIDDLE}</p>"
        "</div></body></html>"
    )
    body = Body("\n\n".join([INTRO, MIDDLE]), "Guide", "trafilatura")
    repaired = with_dropped_items(body, document, link_shingles(document))
    assert repaired.text == "\n\n".join([INTRO, STEPS[0], loose, STEPS[1], MIDDLE])
