from newsloom.summarize.boxes import boxed_sentences
from newsloom.summarize.facts import candidates_of
from newsloom.summarize.text import split_sentences

from .fictional_stories import article

# Fixtures of our own: a ferry story with another story's box set inside it, and a gallery.
BOXED = """The Skerra ferry ran aground on a sandbank off Port Elling on Monday night.
All 40 passengers were taken ashore by lifeboat crews before dawn.
HARBOUR TO CLOSE OLD PIER The port authority may close the old pier next spring. Repairs would cost more than a new quay, a report found.
The ferry operator said the vessel would be refloated at high tide on Tuesday."""

SUBHEADS = """The Skerra ferry ran aground on a sandbank off Port Elling on Monday night.
THE OLD SANDBANK The bank has shifted north since the winter storms. Pilots were warned in March.
HOW TO CLAIM A REFUND Passengers can claim their fares back at the ferry office.
THE FERRY THAT WENT TO THE ISLAND It was built in 1998. It has run aground once before."""

GALLERY = """The Elling harbour festival opened on Saturday with a parade of tall ships.
Harbour at 200 The early years Fishing boats once filled every berth. Most were sold by 1960.
Harbour at 200 A new quay The deep-water quay opened in 1984 for container ships.
Harbour at 200 Ferries to the islands Three crossings a day now leave for Skerra.
Organisers said 20,000 visitors were expected over the weekend."""

PROSE = """The council met on Monday to discuss the harbour budget.
The council said the quay would be repaired this year.
The council said the ferry fares would not rise.
The council said the pier would stay open."""


def _texts(body: str) -> list[str]:
    sentences = split_sentences(body)
    return [sentences[i] for i in sorted(boxed_sentences(body))]


def test_a_headline_in_capitals_opens_another_storys_box_to_its_paragraphs_end() -> None:
    assert _texts(BOXED) == [
        "HARBOUR TO CLOSE OLD PIER The port authority may close the old pier next spring.",
        "Repairs would cost more than a new quay, a report found.",
    ]


def test_the_articles_own_subheadings_are_not_boxes() -> None:
    assert boxed_sentences(SUBHEADS) == frozenset()


def test_an_article_never_opens_on_a_box() -> None:
    body = "HARBOUR TO CLOSE OLD PIER The port authority may close the old pier next spring."
    assert boxed_sentences(body) == frozenset()


def test_slides_of_a_gallery_open_on_one_title_in_a_row() -> None:
    assert _texts(GALLERY) == [
        "Harbour at 200 The early years Fishing boats once filled every berth.",
        "Most were sold by 1960.",
        "Harbour at 200 A new quay The deep-water quay opened in 1984 for container ships.",
        "Harbour at 200 Ferries to the islands Three crossings a day now leave for Skerra.",
    ]


def test_prose_repeating_its_subject_is_no_gallery() -> None:
    # The same three words open three paragraphs, but a lower-case word follows them.
    assert boxed_sentences(PROSE) == frozenset()


def test_candidates_leave_out_the_box() -> None:
    story = [article(1, 1, "Coastal Wire", "Skerra ferry runs aground", BOXED, 0)]
    texts = [c.text for c in candidates_of(story)]
    assert "The ferry operator said the vessel would be refloated at high tide on Tuesday." in texts
    assert not any("old pier" in t or "Repairs would cost" in t for t in texts)
