"""Facts once when one actor's act on one thing is told in another outlet's words.

One outlet writes "Corvid Labs has published the complete design of its Rook-1 chip", another
"When Corvid Labs released the full design of its Rook-1 chip this week, ...": the same
organisation, the same act (making a thing public: published, released, unveiled) and the same
thing acted on (the design). ``openings.repeats`` sees only the words the two share, which other
verbs and adjectives leave under half. The act is compared with its object, not alone: "The
Vel Front released a video" and "the fishermen released on Thursday" are two facts, "released" a
video and "released" captives two acts.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsloom.summarize.deeds import deed_lemma
from newsloom.summarize.openings import full_names
from newsloom.textkit import STOP_WORDS

_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")

# Verbs outlets use for one act whatever the story: making a thing public.
_ACT_GROUPS = ("publish release unveil",)
_ACT = {deed_lemma(word): group.split()[0] for group in _ACT_GROUPS for word in group.split()}
# Words between the verb and its object that say how much of it, not what: "the complete
# design", "the full design", "its entire code".
_WHOLE = frozenset("full complete entire whole".split())
OBJECT_REACH = 3  # words after the verb where its object stands ("released the full design")


@lru_cache(maxsize=8192)
def acts(sentence: str) -> frozenset[str]:
    """The acts a sentence tells, each as "act object" ("publish design"): a verb of _ACT_GROUPS
    (its group's first) and the head of the words after it, the last of the first run of
    content words (after any function words, within OBJECT_REACH) that is not a word of how
    much (_WHOLE) nor a participle: "released a new album" and "released a new single" are two
    acts, "released a video purporting to show" one on a video."""
    words = [w.lower() for w in _WORD.findall(sentence)]
    found = set()
    for k, word in enumerate(words):
        act = _ACT.get(deed_lemma(word))
        if act is None:
            continue
        run: list[str] = []
        for following in words[k + 1 : k + 1 + OBJECT_REACH]:
            if following in STOP_WORDS:
                if run:
                    break
                continue
            run.append(following)
        heads = [w for w in run if w not in _WHOLE and not w.endswith("ing")] or run
        if heads:
            found.add(f"{act} {deed_lemma(heads[-1])}")
    return frozenset(found)


def same_act(a: str, b: str) -> bool:
    """Two statements that name the same actor of two words or more (openings.full_names) and
    tell the same act on the same thing (acts): one fact, whatever verbs and adjectives each
    outlet chose."""
    return bool(acts(a) & acts(b)) and bool(full_names(a) & full_names(b))
