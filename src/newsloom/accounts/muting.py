"""Mutes applied to stories: which a user never sees on their pages, feeds or reader apps."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from newsloom.accounts.records import Mute

MAX_KEYWORD = 100


@dataclass(frozen=True)
class StoryView:
    """What muting looks at: the story's words and the outlets of its articles."""

    story_id: int
    text: str  # headline and summary bullets
    source_ids: frozenset[int]


@dataclass(frozen=True)
class Mutes:
    source_ids: frozenset[int]
    keywords: tuple[str, ...]

    @classmethod
    def of(cls, mutes: Iterable[Mute]) -> Mutes:
        listed = list(mutes)
        sources = frozenset(
            int(m.value) for m in listed if m.kind == "source" and m.value.isdigit()
        )
        words = tuple(m.value for m in listed if m.kind == "keyword")
        return cls(sources, words)

    @property
    def empty(self) -> bool:
        return not self.source_ids and not self.keywords


def check_keyword(raw: str) -> str:
    """A muted keyword: one word or phrase, compared case-insensitively as whole words."""
    word = " ".join(raw.split()).lower()
    if not word or len(word) > MAX_KEYWORD:
        raise ValueError(f"a keyword has 1-{MAX_KEYWORD} characters")
    return word


def _pattern(keyword: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + re.escape(keyword) + r"(?!\w)", re.IGNORECASE)


def is_muted(story: StoryView, mutes: Mutes) -> bool:
    """Muted when a keyword appears as a whole word in its text, or when every article comes
    from a muted outlet (a story other outlets cover too stays: the event is still news)."""
    if story.source_ids and story.source_ids <= mutes.source_ids:
        return True
    return any(_pattern(k).search(story.text) for k in mutes.keywords)


def visible(stories: Sequence[StoryView], mutes: Mutes) -> list[int]:
    """The ids of ``stories`` left after muting, in order."""
    if mutes.empty:
        return [s.story_id for s in stories]
    return [s.story_id for s in stories if not is_muted(s, mutes)]
