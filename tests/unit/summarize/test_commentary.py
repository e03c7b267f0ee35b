import pytest

from newsloom.summarize import ExtractiveSummarizer
from newsloom.summarize.commentary import is_commentary, writers_voice

from .fictional_stories import T0, article

# Sentences written for these tests; none comes from an evaluation set.


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        # An order or a plea to the reader.
        ("Don't worry: the new tram timetable keeps the late service to Malby.", "imperative"),
        ("Forget the old ferry times, the summer schedule starts on Friday.", "imperative"),
        # An exclamation outside quotation marks, even beside a source.
        ("The Farley bakery sold 3,000 buns in a single morning!", "exclamation"),
        # A question the writer asks the reader.
        ("Who would have guessed that the quiet harbour town could host a final?", "question"),
        # A slang label for the people reported on, whoever is credited.
        ("Boffins at the Malby institute say the beetle can survive a frost.", "slang"),
        # A verdict with no one credited.
        ("The opera's new staging has a superb chorus and a dismal final scene.", "verdict"),
        ("All eyes were on the young goalkeeper, and he did not disappoint.", "verdict"),
        ("The ferry left on time every day that week, and that was no accident.", "verdict"),
        ("The new staging deserves to be seen on its own terms.", "verdict"),
        # The writer's impression, in the present.
        ("The new ferry terminal feels more like an airport than a harbour.", "impression"),
        # A teaser announcing a story or reasons, whoever is credited.
        ("The ticket sales the Farley club released on Monday tell a simple story.", "teaser"),
        ("A Malby survey team says the scratches tell a different story.", "teaser"),
        ("The bakery's sales have halved, and the reasons are not hard to find.", "teaser"),
        # The writer's prediction, with no one credited.
        (
            "Mayor Lund, who flew in on Monday, will find that the vote was the easy part.",
            "prediction",
        ),
        ("The 4,000 who queued for tickets may turn out to matter more.", "prediction"),
        (
            "A tram that stops at every corner will not persuade anyone to sell their car.",
            "prediction",
        ),
        # Received wisdom or a figurative summing-up.
        ("A long bony tail has always suggested a fast swimmer.", "received"),
        ("The tram fare is popular in Malby, and both councils have done their sums.", "received"),
        (
            "Floods are the oldest worry in Farley, and the lower town has had more than its share.",
            "received",
        ),
        ("At the Malby market, trust in the new scales is thin on the ground.", "received"),
        ("For the night-shift nurses, the new tram is less a novelty than a lifeline.", "received"),
        # The writer's praise of a piece of work, and a recommendation to the reader.
        ("The rebuilt organ is a small triumph of local craft.", "verdict"),
        ("For towns planning a ferry of their own, the Malby pier is worth a visit.", "verdict"),
        ("What this regatta needs is a second start line.", "verdict"),
        ("The sheer brilliance of the young Farley keeper kept the score level.", "verdict"),
    ],
)
def test_the_writers_voice_is_commentary(sentence: str, kind: str) -> None:
    assert writers_voice(sentence) == kind
    assert is_commentary(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # An attributed opinion is news.
        "The union called the pay offer reckless, its leader said.",
        "Critics praised the opera's superb chorus but found the final scene disappointing.",
        "According to the council, the tram trial was a brilliant success.",
        "The fishermen deserve compensation for the lost season, the mayor said.",
        # A question or an exclamation inside quotation marks is the speaker's.
        'The mayor asked: "Who will pay for the new pier?"',
        '"We did it!" shouted the captain as the boat crossed the line.',
        # A sight described is a fact told, not a verdict.
        "A stunning display of northern lights was seen over Farley on Tuesday night.",
        # An impression credited to someone, or a past impression a witness told.
        "Residents said the blast felt like an earthquake.",
        "The harbour master says the new terminal feels like an airport.",
        # A name with its own mark ends the sentence.
        "The club has withdrawn its offer to the striker, reports Yahoo!",
        # A synopsis tells what a film or a book is about.
        "The film tells the story of a ferry pilot who loses her licence.",
        # A process explained, a credited prediction, a win reported as a triumph.
        "If a thief applies for a loan, the lender will find that it cannot open the file.",
        "The delay may turn out to cost the city 2 million crowns, the auditor said.",
        "Fans celebrated the club's first cup triumph in forty years on Sunday.",
        "The company has always denied the claims about the Malby plant.",
        "The Farley club received more than its share of the grant, the auditor found.",
        "The new tram costs less than the old bus did.",
        "What the council needs is 2 million crowns for the pier, the mayor said.",
        # A plain report.
        "The Orrin river bridge reopened to lorries on Monday after repairs.",
    ],
)
def test_reports_are_not_commentary(sentence: str) -> None:
    assert writers_voice(sentence) == ""
    assert not is_commentary(sentence)


OPERA_WIRE = """The Malby Opera House reopened on Saturday after a two-year renovation costing 40 million crowns.
Every one of the 900 seats was sold for the opening night.
The renovation replaced the stage machinery and restored the painted ceiling.
The new staging of the company's first production has a superb chorus and a dismal final scene.
Boffins from the Malby acoustics lab say the new hall carries a whisper to the back row.
The company will tour the production to Farley in March."""
OPERA_POST = """Malby's opera house has reopened after a 40 million crown renovation, the city said on Sunday.
The city paid half of the cost and a national arts fund the other half.
Engineers from the Malby acoustics lab measured the new hall's echo at 1.8 seconds."""


def test_a_page_refuses_the_writers_verdict() -> None:
    articles = [
        article(1, 1, "Malby Wire", "Malby Opera House reopens", OPERA_WIRE, 0),
        article(2, 2, "Farley Post", "Opera house reopens in Malby", OPERA_POST, 30),
    ]
    summary = ExtractiveSummarizer().summarize(8, articles, None, words=120, now=T0)
    page = " ".join(
        [c.text for c in summary.bullets]
        + [c.text for p in summary.paragraphs for c in p]
        + [t.text for t in summary.takeaways]
    )
    assert "reopened" in summary.bullets[0].text
    assert "superb chorus" not in page
    assert "Boffins" not in page
    assert "1.8 seconds" in page
