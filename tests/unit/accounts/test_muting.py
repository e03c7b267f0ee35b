"""Mutes over story records: outlets (when they are a story's only coverage) and keywords."""

from __future__ import annotations

from newsloom.accounts.muting import Mutes, StoryView, check_keyword, is_muted, visible
from newsloom.accounts.records import Mute

STORIES = [
    StoryView(1, "Moon race heats up. Two blocs plan bases.", frozenset({1, 2})),
    StoryView(2, "Dam opens after the flood", frozenset({1})),
    StoryView(3, "Football: the derby ends level", frozenset({3})),
    StoryView(4, "Moonlight festival returns", frozenset({2})),
]


def test_a_muted_outlet_hides_the_stories_only_it_covers() -> None:
    mutes = Mutes.of([Mute(1, "source", "1")])
    assert visible(STORIES, mutes) == [1, 3, 4]


def test_keywords_match_whole_words_whatever_the_case() -> None:
    mutes = Mutes.of([Mute(1, "keyword", check_keyword("  MOON ")), Mute(2, "keyword", "derby")])
    assert visible(STORIES, mutes) == [2, 4]  # "Moonlight" is another word
    assert is_muted(STORIES[2], mutes)


def test_no_mutes_keep_everything_in_order() -> None:
    assert visible(STORIES, Mutes.of([])) == [1, 2, 3, 4]
