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
        # The writer's scorn, consolation and prescription, and an idiom summing up.
        ("The council's pathetic attempt at a tram plan was shelved again.", "verdict"),
        (
            "The Farley faithful can take solace in knowing their old keeper holds the record.",
            "verdict",
        ),
        (
            "Councillors who voted for the cuts should understand that the ferry is a lifeline.",
            "verdict",
        ),
        (
            "Ministers who opened the bridge should ask themselves who will pay for its repair.",
            "verdict",
        ),
        ("For the night-shift nurses, a later tram is not what the doctor ordered.", "received"),
        # The writer drawing the reader along, in English and French.
        ("Let's take a look at where the Malby tram money goes.", "imperative"),
        ("Move over, Farley: Malby may be the next town with a night tram.", "imperative"),
        ("Avouons-le, le tramway de Malby arrive tard.", "imperative"),
        # A teaser announcing what follows, with nothing after a colon.
        ("Here's why.", "teaser"),
        ("Here's how the Farley bakers reacted to the new flour tax.", "teaser"),
        ("Voici pourquoi le pont de Malby reste fermé.", "teaser"),
        # The writer speaking to the reader, whoever is named.
        ("You thought a ferry could not run late on a calm day.", "reader"),
        ("You can't blame Ada Lund for checking the meter twice.", "reader"),
        ("Before you book a ticket, you might want to check the new fares.", "reader"),
        ("If you own a Pallas reader, here is what you need to know.", "reader"),
        ("Vous l'aurez compris, le marché de Malby ne rouvrira pas cette année.", "reader"),
        # An aside or a joke: a clause that is not one, or one that tells nothing that happened.
        ("Good thing the baker kept the receipt.", "aside"),
        ("So much for the calm-sea forecast.", "aside"),
        ("Not exactly a vote of confidence in the new harbour master.", "aside"),
        ("Turns out a late ferry is the best way to see the sunset.", "aside"),
        ("Tant pis pour les horaires d'été.", "aside"),
        # The writer's guess, with no one credited.
        ("Perhaps the crew wanted a toast of their own before landing.", "guess"),
        ("It's also possible that the next update will add a night mode.", "guess"),
        ("If this is true, the new Pallas tablet would be the lightest on sale.", "guess"),
        ("It is no surprise that the Farley ferry runs late in winter.", "guess"),
        ("Leaving the old mayor out of the ceremony would have been sacrilege.", "verdict"),
        # A general truth with no actor, in the present.
        ("Starting a new bakery is tough.", "generic"),
        ("No harbour is immune to a winter storm.", "generic"),
        ("Late trams are a fact of life in Farley.", "generic"),
        ("Surprise bills are a frustrating part of modern life.", "generic"),
        ("Ouvrir une boulangerie n'est jamais facile.", "generic"),
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
        # "You" telling a fact: what an app lets its users do, a measure against a belief.
        "The update lets you hide a game from the Purchased list.",
        "There are more beetles in the Malby woods than you may think.",
        # A teaser appended to a fact, or with what it announces after a colon: the fact is told.
        "The first frost of the year reaches Malby on Monday; here's all you need to know.",
        "Here's what few travellers know: a staff ticket can be cancelled at the gate.",
        # An aside opener on a fact that happened.
        "Turns out, the baker owed only 284 crowns.",
        "No wonder the Farley side was content with a 12-point lead with one race left.",
        # "Perhaps" ranking or hedging a reported fact; a guess credited to someone.
        "Perhaps the most telling case comes from Farley, where the mayor owned a share.",
        "Perhaps crucially, the new tram has no step at its doors.",
        "It's possible that a tired guard waved the lorry through, the inspector said.",
        # A prescription or a consolation credited to someone.
        "Drivers should remember that the bridge closes at ten, the police said.",
        "Fans can take heart in the new stand, the club's chairman said.",
        # A conditional credited to someone, or one on a plan rather than a report's truth.
        "If this is true, the fare would double, the union said.",
        "If the bridge is closed, the ferry will run every hour.",
        # A general truth credited to someone.
        "Running a ferry in winter is tough, the harbour master said.",
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


BILL_WIRE = """A Malby woman received an electricity bill for 284 million crowns on Monday, the utility said.
You can't blame Ada Lund for checking the meter twice.
The utility said a decimal point had been moved by a billing program.
Surprise bills are a frustrating part of modern life.
The corrected bill was for 284 crowns, the utility said on Tuesday.
Good thing she kept the envelope."""
BILL_POST = """Malby Power has apologised to a customer who was billed 284 million crowns, the company said.
A spokesman said the company would check every bill sent in December.
Lund said she had framed the bill."""


def test_a_page_refuses_the_writers_asides() -> None:
    articles = [
        article(1, 1, "Malby Wire", "A 284 million crown bill", BILL_WIRE, 0),
        article(2, 2, "Farley Post", "Malby Power apologises", BILL_POST, 30),
    ]
    summary = ExtractiveSummarizer().summarize(9, articles, None, words=120, now=T0)
    page = " ".join(
        [c.text for c in summary.bullets]
        + [c.text for p in summary.paragraphs for c in p]
        + [t.text for t in summary.takeaways]
    )
    assert "284 million" in summary.bullets[0].text
    assert "can't blame" not in page
    assert "modern life" not in page
    assert "Good thing" not in page
    assert "decimal point" in page
