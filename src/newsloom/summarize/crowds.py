"""Facts once when a crowd's reaction to one person is told again in other words.

Outlets each tell how a crowd took a moment, each in their own words: "Travelling supporters
chanted against the manager", "the away end had one message for him: go", "fans spent the
second half calling for the manager's departure", "the supporters turned on their manager".
The words differ and no number is shared, so ``openings.repeats`` sees distinct facts; what the
statements share is the actor (one crowd: supporters, fans, protesters) and the kind of act (a
reaction aimed at one person, for or against). A crowd is one actor of a story's moment, so two
statements of its reaction, with the same leaning, to the same person (or to a person by their
role, which the other may name) tell one fact. Another person ("fans cheered the striker" beside
"fans jeered the manager"), or the other leaning (cheered, then booed), is another fact.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsloom.summarize.people import ROLES
from newsloom.summarize.words import CALENDAR

# Who reacts: a crowd, not a named group. "away end" and "home end": the stand for its fans.
_CROWD = re.compile(
    r"\b(?:supporters|fans|crowds?|spectators|protesters|protestors|demonstrators|marchers|"
    r"onlookers|(?:away|home) end)\b",
    re.IGNORECASE,
)
_DETERMINER = r"(?:(?:the|their|his|her|its|a)\s+)?"
# The person a reaction is aimed at: after "against", "on" ("turned on"), "for" ("a message
# for", "calling for the manager's departure", "calls for the resignation of ..."), or as the
# object of a verb of reaction ("booed the manager", "cheered Haskins").
_AIMED = re.compile(
    rf"\b(?:against|on|for|(?:boo|jeer|cheer|applaud|heckl|taunt|whistl|serenad|mock)(?:ed|ing|e|s)?)"
    rf"\s+{_DETERMINER}(?:[a-z]+\s+of\s+{_DETERMINER})?([A-Za-z][\w-]*(?:\s+[A-Z][\w-]*)*)"
)
_APPROVING = re.compile(
    r"\b(?:cheer|applaud|applause|ovation|serenad|prais|thank|celebrat|salut|hail|welcom)",
    re.IGNORECASE,
)


@lru_cache(maxsize=8192)
def reactions(sentence: str) -> frozenset[tuple[bool, str]]:
    """(approving, person) for each reaction of a crowd in ``sentence``: the people named
    (the last of a run of capitalised words) or described by a role (people.ROLES, lower-cased) that a reaction
    after the crowd's noun, in its clause, is aimed at."""
    found = set()
    for crowd in _CROWD.finditer(sentence):
        clause = sentence[crowd.end() :].split(";")[0]
        approving = bool(_APPROVING.search(clause))
        for match in _AIMED.finditer(clause):
            # A title before a name ("Councillor Brandt"): the person is the name's last word.
            person = re.sub(r"['’]s?$", "", match.group(1).split()[-1])
            named = person[:1].isupper() and person.lower() not in CALENDAR
            if named or person in ROLES:
                found.add((approving, person))
    return frozenset(found)


def leanings(sentence: str) -> frozenset[str]:
    """The leanings of the crowd reactions ``sentence`` tells ("1" approving, "0" not): the
    statements to compare with same_reaction share one."""
    return frozenset(str(int(approving)) for approving, _ in reactions(sentence))


def same_reaction(a: str, b: str) -> bool:
    """Two statements that tell a crowd's reaction with the same leaning (reactions) aimed at
    the same person, or at a person by role in either: one reaction, told twice."""
    for approving, person in reactions(a):
        for other_approving, other in reactions(b):
            if approving != other_approving:
                continue
            if person == other or person.islower() or other.islower():
                return True
    return False
