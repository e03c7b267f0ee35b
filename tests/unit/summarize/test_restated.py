from newsloom.records import Article
from newsloom.summarize import ExtractiveSummarizer
from newsloom.summarize.extractive import _Plan

from .fictional_stories import T0, article

# Sentences written for these tests; none comes from an evaluation set.

WIRE = (
    "The harbour patrol officer who fatally struck a fisherman's dinghy off Port Alder apparently "
    "meant to sound a warning horn, not to turn the wheel, as the dinghy drifted toward the pier, "
    "the harbour chief said on Monday.\n\n"
    "Harbour chief Ines Varga said the officer had been placed on leave while the coastguard "
    "reviewed the collision.\n\n"
    "The officer has served with the harbour patrol for eleven years."
)
POST = (
    "A harbour chief in Port Alder released the radar recording on Monday showing the collision "
    "that killed 52-year-old fisherman Tomas Berg near the old pier.\n\n"
    "Varga said she believed the officer meant to reach for the horn but grabbed the throttle "
    "lever instead.\n\n"
    "About 200 people gathered at the pier on Monday evening to remember Berg."
)
NEWS = (
    "A 52-year-old fisherman died after a harbour patrol officer struck his dinghy off Port Alder "
    "on Sunday, sparking protests outside the harbour office that went on until late on Sunday "
    "night.\n\n"
    "Berg had fished from the old pier for thirty years, his brother said.\n\n"
    "The coastguard will publish its first findings within a month."
)


def _untitled() -> list[Article]:
    return [
        article(1, 1, "Alder Wire", "", WIRE, 0),
        article(2, 2, "Coast Post", "", POST, 20),
        article(3, 3, "Farley News", "", NEWS, 40),
    ]


def test_the_fact_heading_an_untitled_page_is_no_statement_of_it() -> None:
    # Without titles another report's opening that bullet 1 restates heads the page (here the
    # head of Farley News's lede); that fact is bullet 1's told again, so neither its sentence
    # nor its main statement, the headline's very words, is a bullet, paragraph or takeaway.
    articles = _untitled()
    plan = _Plan(articles, None, None)
    main = plan.main_event()
    restated = plan.restated_fact(main)
    assert restated is not None and restated != main
    assert plan.shown[restated].startswith("A 52-year-old fisherman died")
    paragraphs, bullets, takeaways = plan.sections(70)
    assert restated not in {*paragraphs, *bullets, *takeaways}
    summary = ExtractiveSummarizer().summarize(4, articles, None, words=70, now=T0)
    assert summary.headline.startswith("A 52-year-old fisherman died after")
    page = [c.text for c in summary.bullets]
    page += [c.text for p in summary.paragraphs for c in p]
    page += [c.text for c in summary.takeaways]
    assert not any(text.startswith("A 52-year-old fisherman died") for text in page)
