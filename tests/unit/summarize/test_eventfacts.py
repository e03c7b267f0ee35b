import pytest

from newsloom.summarize.eventfacts import describes, holds_view, no_event_fact, tells_event


@pytest.mark.parametrize(
    "sentence",
    [
        "Riders steer the little tram through a painted valley.",
        "Most of the toy's appeal lies in its wooden wheels, carved on a lathe.",
        "The lamp runs on sunlight and folds flat into a pocket.",
        # English by its prepositions alone ("a", "across"): no "the" needed.
        "Riders steer a little tram across a rain-soaked valley.",
    ],
)
def test_a_description_in_the_timeless_present(sentence: str) -> None:
    assert describes(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # Something happened, or will: the past, the perfect, the future.
        "Riders steered the little tram through a painted valley.",
        "The toy maker has opened a second workshop in the harbour.",
        "The lamp will go on sale in the spring.",
        # Under way now, dated, counted, credited or someone's deed.
        "The toy maker is hiring again.",
        "The lamp runs on sunlight, the maker says.",
        "Most of the toy's appeal lies in its 14 wooden wheels.",
        "Toy maker Ilse Brandt carves the wheels on a lathe.",
        "The workshop closes on Sunday.",
        # What a thing of the news holds is a fact of it.
        "The leaked files include home addresses and bank details of the club's members.",
        # French is not read.
        "Les joueurs guident un petit bateau de papier.",
    ],
)
def test_no_description(sentence: str) -> None:
    assert not describes(sentence)


def test_a_lede_in_the_timeless_present_tells_no_event() -> None:
    assert tells_event("The toy maker Brandt & Sons has sold its millionth wooden tram.")
    assert not tells_event("The new folding lamp from Brandt & Sons fits in a pocket.")


@pytest.mark.parametrize(
    "sentence",
    [
        "Its founder argues that the value was never in the hardware.",
        "The mayor insists the harbour belongs to the fishermen.",
        "Several shareholders had argued that the board misread the market.",
    ],
)
def test_a_view_held(sentence: str) -> None:
    assert holds_view(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # An announcement, a figure, words credited otherwise, a clause before the subject.
        "The union insists it will strike on Monday.",
        "The union argued that 40 jobs were at risk.",
        "The mayor said she believes the harbour belongs to the fishermen.",
        "As the mayor contends with the floods, the harbour stays closed.",
        "The council thought of a new name for the square.",
        "The rebels claimed responsibility for the blast.",
    ],
)
def test_no_view(sentence: str) -> None:
    assert not holds_view(sentence)


def test_no_event_fact_reads_a_description_against_the_lede() -> None:
    description = "Riders steer the little tram through a painted valley."
    assert no_event_fact(description, "Brandt & Sons has sold a million wooden trams.")
    # When the lede itself says how the thing is, a description is a fact of its story.
    assert not no_event_fact(description, "The new wooden tram from Brandt & Sons is a toy.")
    view = "Its founder argues that the value was never in the hardware."
    assert no_event_fact(view, "The new wooden tram from Brandt & Sons is a toy.")
