"""A consequence already told, as a key takeaway (consequences.py). Every sentence here is
invented for the test."""

import pytest

from newsloom.summarize import ExtractiveSummarizer
from newsloom.summarize.consequences import new_consequence, tells_consequence, told_kinds

from .fictional_stories import T0, article


@pytest.mark.parametrize(
    "sentence",
    [
        # People harmed or acted on, counted or named.
        "Four crew members were taken to hospital with burns.",
        "One dock worker is being treated for minor injuries.",
        "The blaze left 30 families homeless in the Harrow Lane flats.",
        "Customs officers arrested 12 people at the Brennick terminal.",
        # A service or a thing stopped, removed or extended.
        "All crossings to Skerra have been cancelled until the hull is inspected.",
        "The Tallow app was removed from the Veland app store.",
        "Coach Ann Ferris's contract has been extended through 2034.",
        # A state that holds now.
        "The Moss Road bridge remains closed to lorries.",
        "Tallow's desktop version is still available for download.",
        "Some 40 sailors remain captives of the hijackers.",
        # Money and prices moving by a figure; what people are owed.
        "Shares in Harrow Shipping fell 12 percent in Carrow trading.",
        "The bakery chain raised 2.4 million crowns from its customers.",
        "Passengers who bought tickets for the cancelled sailing are eligible for a refund.",
        # A record set.
        "Organisers said a record 9,800 people crossed the finish line.",
    ],
)
def test_an_outcome_with_its_affected_party_is_a_consequence(sentence: str) -> None:
    assert tells_consequence(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # No party to read: who was arrested?
        "He was arrested.",
        # Somebody's words, the writer's view, a vox pop, a sentence leaning on the one before.
        '"Forty people were taken to hospital," the chief said.',
        "The chaos underscores how many passengers were stranded by the strike.",
        "Commuter Lisa Brann said her train was cancelled twice this week.",
        "That left 12 families homeless.",
        # The event's scene as it unfolded, or what the one before dated.
        "The pier was closed off at 6:40 p.m. as the crowd grew.",
        "The ferry was grounded on Saturday afternoon while divers checked the hull.",
        "Two ferries were grounded earlier that month.",
        # Background from long before the news.
        "In March 2019, the harbour was closed for a week.",
        "Six sailors died in a fire on the same ferry two years ago.",
        # Not an outcome: a height, an upbringing, a death long past, a game's yards.
        "The iceberg rose 40m above the water line.",
        "Brann was raised by her grandmother in Skerra.",
        "The captain sailed the route until his death in 1998.",
        "The quarterback threw for 226 yards.",
        # A price told, with no one it fell on.
        "The new ferry cost 90 million crowns, including its berth.",
    ],
)
def test_what_tells_no_consequence_of_its_own(sentence: str) -> None:
    assert not tells_consequence(sentence)


def test_a_consequence_of_a_kind_the_page_told_is_a_repeat() -> None:
    # Bullet 1 told the toll: another outlet's figures tell it again.
    said = ["Ferry fire kills six", "A fire on the Skerra ferry killed six people on Monday."]
    assert not new_consequence(
        "Some 8 passengers died in the blaze, officials said.", told_kinds(said)
    )
    # A charge told as an indictment is the same news.
    said = ["Brann indicted for fraud", "Brann was indicted on Monday on fraud counts."]
    assert not new_consequence("Brann, 52, was charged by a Carrow court.", told_kinds(said))
    # A market's move is one kind, whatever moved and whichever verb tells it.
    told = told_kinds(["Carrow index closes at two-year low"])
    for moved in (
        "The Carrow index fell 410 points, or 6 percent.",
        "Both indexes are down about 20% from their March highs.",
    ):
        assert tells_consequence(moved)
        assert not new_consequence(moved, told)
    # Another kind of outcome is new.
    told = told_kinds(["Ferry fire kills six"])
    assert new_consequence("All crossings to Skerra have been cancelled.", told)


FERRY_WIRE = """A fire on the Skerra ferry killed six people on Monday as it crossed from Port Elling.
The fire started in the engine room shortly after the ferry left the harbour, the operator said.
Crew members fought the blaze for an hour before a coastguard boat arrived.
The ferry Marit Lund was built in 1996 and carried up to 400 passengers.
The operator, Elling Sound Lines, has run the crossing for thirty years.
The ferry's captain ordered passengers to the open deck when the alarm sounded.
All sailings between Port Elling and Skerra have been cancelled, Elling Sound Lines said."""

FERRY_GAZETTE = """Six people were killed when fire broke out on the Skerra ferry on Monday.
Passengers gathered on the open deck as smoke filled the lounges.
The coastguard brought 212 passengers and crew back to Port Elling.
The Marit Lund had passed its last safety inspection in March.
Firefighters from Port Elling boarded the ferry when it was towed back to the harbour.
The fire gutted the engine room and two passenger lounges on the lower deck.
Relatives waited at the ferry terminal for news through the afternoon.
The six people who died were all passengers, the coastguard said."""


def test_a_page_without_a_step_to_watch_takes_a_new_consequence() -> None:
    story = [
        article(21, 1, "Coastal Wire", "Fire on Skerra ferry kills six", FERRY_WIRE, 0),
        article(22, 2, "Harbour Gazette", "Six killed in Skerra ferry fire", FERRY_GAZETTE, 30),
    ]
    summary = ExtractiveSummarizer().summarize(9, story, None, words=40, now=T0)
    takeaways = [t.text for t in summary.takeaways]
    # Nothing on the page says what comes next: the sailings cancelled are what the fire left.
    assert takeaways == [
        "All sailings between Port Elling and Skerra have been cancelled, Elling Sound Lines said."
    ]
    # The toll told again ("The six people who died ...") is never a takeaway.
    assert tells_consequence("The six people who died were all passengers, the coastguard said.")
