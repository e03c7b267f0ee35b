"""A scene is a bullet only while no other fact of the event is left for bullets 2-3.

Bullets 2-3 are the next most important facts of the story (issue 16). A scene reads well in a
body and poorly as one of three lines that sum a story up, whatever the story: unnamed people at
a place at a moment, hearing, waiting, gathering, watching ("Several families at the hall have
now heard from relatives on the island", "A record crowd in Carrow saw the side move to the
brink of the finals"), a place by how full of people it was at a moment ("The community hall
was full by breakfast time", "Inside, the 640 seats were full"), or a crowd's reaction to a
person ("The away end had one message for the manager: go", crowds.py). It shows how the news
was met there, a feature's colour; the event's own facts (the toll, the aid, the score, the cost) are
what a reader of three lines needs first. So the next bullets are chosen among the other facts
first (extractive), and a scene is one only when none is left; otherwise it stays a paragraph.
People who act on the news or are counted by it ("Residents returning to their homes found
mud", "Families at the terminal will receive 500 crowns") are facts of it, not a scene; so are
protesters, who gather to act.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsloom.summarize.crowds import reactions

# Unnamed people as a group: who a scene shows.
_GROUP = (
    r"(?:families|relatives|residents|fans|supporters|passengers|people|crowds?|volunteers|"
    r"villagers|onlookers|spectators|neighbou?rs|mourners|shoppers|visitors|worshippers|"
    r"parents|pupils|students|well-wishers)"
)
# How many of them, if the sentence says, and one word before the group ("record", "local"):
# "Several families", "A record crowd", "Hundreds of fans".
_HOW_MANY = (
    r"(?:(?:a|an|the|some|several|many|few|a few|dozens of|hundreds of|thousands of|"
    r"\d[\d,]*)\s+)?(?:\w+\s+)?"
)
# What people do at a moment there: hear, wait, gather, watch, cheer, weep.
_MOMENT = (
    r"(?:heard|hear|waited|waiting|wait|gathered|gathering|watched|watching|saw|sat|stood|"
    r"queued|queuing|cheered|cheering|sang|singing|chanted|chanting|wept|applauded|lined)"
)
# The group, placed (at, in, inside, outside somewhere), then its act of the moment, in the
# clause the sentence opens with: the group is the sentence's subject. Or the group, its act of
# the moment, and the place: "A crowd had gathered at the beach for the fireworks".
_SCENE = re.compile(
    rf"^{_HOW_MANY}{_GROUP}\s+(?:(?:at|in|inside|outside)\s+[^,;.]*?\b{_MOMENT}\b|"
    rf"(?:(?:had|have|has|had been|have been|were|was)\s+)?{_MOMENT}\s+"
    r"(?:at|in|inside|outside|on|around)\b)",
    re.IGNORECASE,
)
# A place at a moment, by how full of people it was. Full "of" or "with" something tells a load
# ("The ferry was full of cars"), not people at a moment.
_FULL = re.compile(
    r"^(?:inside|outside)?,?\s*the\b[^,;.]*?\b(?:was|were)\s+(?:full|packed|crowded|empty)\b"
    r"(?!\s+(?:of|with)\b)",
    re.IGNORECASE,
)


@lru_cache(maxsize=65536)  # every candidate of a story is read again at each refresh
def shows_scene(sentence: str) -> bool:
    """The sentence opens on unnamed people at a place doing what people do at a moment, or
    on a place full of people at a moment, or tells a crowd's reaction to a person
    (crowds.reactions: "The away end had one message for the manager: go")."""
    text = sentence.strip()
    return bool(_SCENE.search(text) or _FULL.search(text) or reactions(text))
