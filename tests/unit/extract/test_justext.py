"""justext_body: jusText's reading of a page whose article trafilatura kept only a small part of."""

from __future__ import annotations

from lxml import html as lxml_html

from newsloom.extract.choose import Body
from newsloom.extract.justext import justext_body, rescue_due

# A buyer's guide whose text sits in one container per product, between product cards: the
# extractor that keeps one container keeps the first section only.
SECTIONS = [
    "The best dishwashers of the year are quieter than the ones we tested a decade ago, and most "
    "of them dry plastic containers far better than the models that were sold in the same shops.",
    "Our favourite model cleaned every load of baked-on lasagne in the lab, and it did so in a "
    "cycle that was shorter than an hour, which is unusual for a machine in this price range.",
    "If you have a small kitchen, the slim model from the same maker is the one to look at, since "
    "it holds nearly as many plates as the full-size machine and costs a little less to run.",
]
CARD = "Buy now"
MENU = ["Home", "Kitchen", "Laundry", "Deals", "Newsletter", "Sign in", "Search"]
FOOTER = (
    "Copyright of the publisher and all of its partners, who may receive a commission when you "
    "buy a product through one of the links on this page, as explained in our terms of use."
)
COOKIES = (
    "We use cookies to give you the best experience on the site, and we share some of what we "
    "learn with our partners, as the cookie notice and the privacy policy of the site explain."
)


def guide_page() -> lxml_html.HtmlElement:
    menu = "".join(f"<li><a href='/{item}'>{item}</a></li>" for item in MENU)
    sections = "".join(
        f"<div class='section'><p>{text}</p></div><div class='card'><a href='/buy'>{CARD}</a></div>"
        for text in SECTIONS
    )
    return lxml_html.document_fromstring(
        f"<html><body><nav><ul>{menu}</ul></nav><main>{sections}</main>"
        f"<div class='site-footer'><p>{FOOTER}</p></div>"
        f"<div id='cookie-banner'><p>{COOKIES}</p></div></body></html>"
    )


def test_the_sections_of_an_article_split_across_containers_are_all_read() -> None:
    first = Body(SECTIONS[0][:80], "", "trafilatura")
    found = justext_body(first, guide_page(), "https://example.org/best-dishwashers")
    assert found is not None and found.method == "justext"
    # Every section, in page order; the footer and the cookie banner are never article text.
    assert found.text == "\n\n".join(SECTIONS)


def test_a_body_covering_a_fair_share_of_the_page_is_not_read_again() -> None:
    first = Body("\n\n".join(SECTIONS), "", "trafilatura")
    assert justext_body(first, guide_page(), "https://example.org/best-dishwashers") is None


def test_only_a_short_body_the_recall_run_did_not_grow_is_due_a_rescue() -> None:
    short = Body(SECTIONS[0], "", "trafilatura")
    assert rescue_due(short, Body(SECTIONS[0], "", "trafilatura"))
    # The recall run found the rest itself: nothing left to rescue.
    assert not rescue_due(short, Body("\n\n".join(SECTIONS), "", "trafilatura"))
    # A long body is no short extraction.
    assert not rescue_due(Body(" ".join(SECTIONS * 10), "", "trafilatura"), short)
