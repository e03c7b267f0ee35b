"""Slugs and the slug-id path segment of story URLs."""

from __future__ import annotations

from newsloom.web.urls import MAX_SLUG_CHARS, slugify, split_slug_id, story_path


def test_slugify_makes_lowercase_ascii_words() -> None:
    assert slugify("New Space Race: Moon Missions Spark Global Rivalry") == (
        "new-space-race-moon-missions-spark-global-rivalry"
    )
    assert slugify("Café déjà vu — Zürich 2026!") == "cafe-deja-vu-zurich-2026"
    assert slugify('<script>alert("x")</script>') == "script-alert-x-script"


def test_slugify_never_returns_empty_and_cuts_at_word_boundary() -> None:
    assert slugify("") == "story"
    assert slugify("東京 北京") == "story"
    long = slugify("word " * 50)
    assert len(long) <= MAX_SLUG_CHARS and not long.endswith("-")
    assert slugify("x" * 200) == "x" * MAX_SLUG_CHARS


def test_split_slug_id_takes_the_trailing_number() -> None:
    assert split_slug_id("moon-race-2030-heats-up-17") == ("moon-race-2030-heats-up", 17)
    assert split_slug_id("42") == ("", 42)
    assert split_slug_id("no-number-here") is None
    assert split_slug_id("trailing-dash-") is None


def test_story_path_round_trips() -> None:
    path = story_path("science", "Moon race 2030", 9)
    assert path == "/science/moon-race-2030-9"
    assert split_slug_id(path.rsplit("/", 1)[1]) == ("moon-race-2030", 9)
