"""The verbs of saying, in one place, by the role they play in a news sentence.

A news sentence credits what it tells to someone ("the ministry said", "according to police"),
states someone's view ("she argued", "he insists"), a judgement ("critics called it reckless") or
a forecast ("analysts warned", "the bank expects"). Many summarize modules read these words, each
for its own purpose: is a sentence someone's words, would a cut leave its attribution behind, is a
lone capitalised word somebody speaking, is a clause a finite one. They take the words from here
and build their patterns at import, so a verb added or dropped is added or dropped for them all;
a module that leaves a verb out says why beside its pattern.

The sets hold word forms as news writes them (past, present, the plural or infinitive "say"),
lower-cased; ``alternation`` writes a set as a regular expression.
"""

from __future__ import annotations

from collections.abc import Iterable


def _forms(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Crediting a statement to its speaker and telling nothing more of it: "said", "told", "added",
# "according to" (the word "according" stands for the phrase: news writes it no other way).
SAY = _forms("said says say told tells added adds according")
# The finite forms of "say" and "tell": irregular, so no "-ed" rule finds them as verbs.
SAY_FINITE = _forms("said says say told tells")
# Reporting that also tells how or where the words came: announced, confirmed, written,
# posted, testified, remembered.
REPORT = _forms(
    "reported reports announced stated confirmed noted notes explained wrote writes tweeted "
    "testified recalled recalls"
)
# An exchange in a quotation's tag: "asked Dahl", "Dahl replied", "she admitted", "he agreed".
EXCHANGE = _forms("asked replied admitted agreed")
# A view the speaker holds or defends: theirs, not a fact the writer states.
VIEW = _forms(
    "argued argues insisted insists insist believes believe thinks think thought claimed claims "
    "declared"
)
# A judgement credited to whoever made it: "critics called it reckless", "reviewers praised".
JUDGE = _forms(
    "called calls described describes praised hailed criticised criticized condemned branded dubbed"
)
# A forecast: what the speaker expects of the future, theirs rather than the writer's.
FORECAST = _forms("warned warns predicted predicts expects expect forecast estimated estimates")
# Verbs whose "that" opens a clause of what is said, thought or found ("will say that ...", "could
# show that prices ..."), in the plain form a modal or "to" takes, with "said" and "told": a
# "that" after one points at nothing said before.
CLAUSE_VERBS = _forms(
    "say said tell told think believe know show mean ensure argue confirm find expect hope suggest "
    "insist claim prove decide see note add warn agree acknowledge admit announce report predict "
    "estimate fear feel realise realize learn explain stress demand ask recommend propose rule "
    "determine conclude indicate reveal state assure promise deny doubt understand guarantee signal "
    "verify check hear read discover notice remember worry accept assume recall"
)
# The newsroom's other language: "a dit", "a déclaré", "selon".
FRENCH_REPORT = frozenset(("a dit", "a déclaré", "selon"))


def alternation(words: Iterable[str]) -> str:
    """The words as the branches of a regular expression, grouped by their first letter
    ("s(?:aid|ays|ay)": the engine tries one group where a letter starts, not every word) and
    longest first within a group (a word and a longer one it begins, "say" and "says", then match
    the longer wherever the pattern is not anchored); a space between two words stays a space."""
    found = sorted(set(words), key=lambda w: (-len(w), w))
    if not all(len(w) > 1 and w.replace(" ", "").isalpha() for w in found):
        raise ValueError(f"not plain words: {found}")
    groups: dict[str, list[str]] = {}
    for word in found:
        groups.setdefault(word[0], []).append(word[1:])
    return "|".join(
        first + (f"(?:{'|'.join(rests)})" if len(rests) > 1 else rests[0])
        for first, rests in sorted(groups.items())
    )
