"""A scene is a bullet only when no other fact is left (scenes.py)."""

from newsloom.summarize import ExtractiveSummarizer
from newsloom.summarize.scenes import shows_scene

from .fictional_stories import T0, article

SCENE = "Several families at the ferry terminal have now heard from relatives on the island."
CROWD = "A large crowd in Dunwick saw the Comets move to the top of the table."
FULL = "The chapel hall on Mill Lane was full by breakfast time."


def test_unnamed_people_at_a_place_at_a_moment_are_a_scene() -> None:
    assert shows_scene(SCENE)
    assert shows_scene(CROWD)
    assert shows_scene(FULL)
    assert shows_scene("Inside, the 300 seats were full for the opening night.")
    assert shows_scene("A crowd had gathered at Dunwick quay on Sunday night for the regatta.")
    # A crowd's reaction to one person (crowds.reactions) is how the moment was met too.
    assert shows_scene(
        "The home end had one message for manager Brandt before the final whistle: go."
    )


def test_people_who_act_on_the_news_or_are_counted_by_it_are_no_scene() -> None:
    assert not shows_scene("Residents returning to their homes found mud in their kitchens.")
    assert not shows_scene("People in the valley voted to close the mine.")
    assert not shows_scene("Families at the terminal will receive 500 crowns each.")
    assert not shows_scene("The ferry was full of cars when it left Dunwick.")
    assert not shows_scene("The ferry sank on Monday.")
    # Protesters gather to act: a protest is news, not a scene.
    assert not shows_scene("Protesters gathered outside the harbour office on Sunday.")


FERRY = " ".join(
    [
        "The Dunwick island ferry sank in a storm on Monday, and all 40 passengers were rescued"
        " by lifeboats, the coastguard said.",
        SCENE,
        FULL,
        "The coastguard said divers would inspect the wreck on Wednesday.",
        "The ferry operator Skerry Lines has cancelled all crossings until Friday.",
        "Two crew members were treated in hospital for cold.",
        "The vessel had passed its annual inspection in March.",
    ]
)


def test_the_next_bullets_are_facts_while_facts_are_left() -> None:
    story = [article(1, 1, "Coast Wire", "Dunwick island ferry sinks; all 40 rescued", FERRY, 0)]
    summary = ExtractiveSummarizer().summarize(1, story, None, 220, T0)
    bullets = [b.text for b in summary.bullets]
    assert len(bullets) == 3
    assert SCENE not in bullets and FULL not in bullets
    # The scene is not lost: the body keeps it.
    body = [c.text for p in summary.paragraphs for c in p]
    assert SCENE in body or FULL in body
