"""Background is no bullet and no takeaway (background.py): a timeless statement about a class,
a named thing described by what it is, or history."""

from newsloom.summarize import ExtractiveSummarizer
from newsloom.summarize.background import is_background, tells_history, timeless

from .fictional_stories import T0, article


def test_a_statement_about_a_class_is_background() -> None:
    assert timeless(
        "Lenders rely on the ratings kept by credit agencies such as Varda to decide who gets "
        "a loan."
    )
    assert timeless("Glacier lakes form when meltwater collects behind a wall of loose rock.")
    assert timeless("Ferry operators usually keep a spare hull for the winter crossings.")
    assert timeless("Most tidal barriers in the region open only a few times a decade.")
    # An indefinite singular defined, or described by what it has.
    assert timeless("A tidal bore is a wave that travels up a river against its current.")
    assert timeless("A sea wall and a tidal barrier have different foundations.")


def test_a_named_thing_described_by_what_it_is_is_background() -> None:
    assert timeless("Ostvik is a fishing port on the northern shore of the Brandhavn fjord.")
    assert timeless("The Harlow Trust is the only owner of ferries on the crossing.")
    # A definite common noun points back at an act the story told: its name is a judgement of
    # the news. A record set ("the first") is news.
    assert not timeless("The move is an escalation of the dispute over the crossing.")
    assert not timeless("The Harlow Trust is the first owner to lose a ferry on the crossing.")


def test_a_fact_of_the_event_is_not_background() -> None:
    for sentence in (
        "Ferry operators cancelled every crossing on the Harlow route.",  # told as done
        "Ferry operators have cancelled every crossing on the route.",  # a perfect
        "Ferry operators will cancel the crossings on the Harlow route.",  # ahead
        "Ferry operators are checking every hull on the Harlow route.",  # under way
        "Ferry operators can now book the new berths at the port.",  # what is now possible
        "Ferry operators say the crossing is safe for passengers.",  # somebody's claim
        "Ferry operators fear more storms on the crossing.",  # a view held now
        "Ferry operators keep a spare hull at the port this week.",  # dated
        "Ferry operators keep 12 spare hulls at the port.",  # a figure
        "Harbour workers face higher fees from the port authority.",  # an effect on people
        "The operators keep a spare hull for the winter crossings.",  # the ones the story met
        "Ostvik Rovers fans celebrate the title in the harbour square.",  # a named group
        "Ferry operators keep a spare hull for the winter crossings",  # a title, no full stop
        "Plusieurs habitants ont été évacués vers la salle des fêtes.",  # not English
    ):
        assert not timeless(sentence), sentence


def test_history_is_background() -> None:
    assert tells_history("In the past, the two ferry lines have refused to share a timetable.")
    assert tells_history("Historically, storm surges on the estuary have come in March.")
    assert tells_history("For decades, Ostvik has shipped its catch through the Harlow docks.")
    # Dated now, or somebody's claim: news.
    assert not tells_history("In the past week, the ferry lines have refused to talk.")
    assert not tells_history("In the past, the lines have refused to talk, the mayor said.")
    assert not tells_history("For decades, the lines refused to talk, but on Tuesday they met.")
    # What has long held, in the main clause, whoever holds it.
    assert tells_history("The two ferry lines have long been rivals on the Harlow crossing.")
    assert tells_history("Mayor Ilse Varga has long favoured a second barrier on the estuary.")
    assert not tells_history("She lost the seat that she has long held on the council.")
    assert not tells_history("The ferry lines have long been rivals, but today they merged.")
    assert is_background("Historically, storm surges on the estuary have come in March.")
    assert is_background("Ostvik is a fishing port on the northern shore of the fjord.")


def test_background_gives_way_to_the_next_fact_as_a_bullet() -> None:
    text = "\n".join(
        (
            "The Port Elling tidal barrier closed for the first time on Tuesday as a storm "
            "surge of 3.2 metres hit the estuary, officials said.",
            "Tidal barriers protect low towns when a storm surge meets a spring tide.",
            "Engineers lowered the twelve steel gates in 40 minutes.",
            "Rail services along the coast were suspended for most of the afternoon.",
            "Mayor Ilse Varga said the barrier had protected about 18,000 homes.",
            "The council will publish a report on the closure within a month.",
        )
    )
    story = [article(1, 1, "Coastal Wire", "Port Elling barrier closes", text, 0)]
    summary = ExtractiveSummarizer().summarize(1, story, None, 220, T0)
    shown = [c.text for c in (*summary.bullets, *summary.takeaways)]
    assert len(summary.bullets) == 3
    assert not any(text.startswith("Tidal barriers protect") for text in shown), shown


def test_background_is_no_takeaway() -> None:
    # "decide whether" reads as a decision pending (watch.py); said of a class of actors in the
    # simple present, it is how insurers work, not what comes next: the page shows no takeaway.
    text = "\n".join(
        (
            "The Port Elling tidal barrier closed for the first time on Tuesday as a storm "
            "surge of 3.2 metres hit the estuary, officials said.",
            "Engineers lowered the twelve steel gates in 40 minutes.",
            "Rail services along the coast were suspended for most of the afternoon.",
            "Mayor Ilse Varga said the barrier had protected about 18,000 homes.",
            "Fishermen moved their boats to the inner basin on Monday.",
            "The gates were raised again at dawn on Wednesday.",
            "Insurers decide whether to pay for flood damage when a barrier fails.",
            "The harbour master said the water level peaked shortly after noon.",
            "Schools in the lower town stayed open throughout the storm.",
            "A second surge is forecast for Friday night, the weather office said.",
            "Volunteers filled sandbags at the fire station through the night.",
        )
    )
    story = [article(1, 1, "Coastal Wire", "Port Elling barrier closes", text, 0)]
    summary = ExtractiveSummarizer().summarize(1, story, None, 120, T0)
    assert not any(c.text.startswith("Insurers decide") for c in summary.takeaways)
