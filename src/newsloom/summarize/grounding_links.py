"""Links through descriptions: whom "the nine-year-old" or "the 23-year-old defender" stands for.

News text names someone and ties a description to the name in one phrase: "nine-year-old
Toby", "defender Luca Ferrand", "Ferrand, the 23-year-old defender". A summary sentence that
puts such a description where the source sentence it copies has "he" ("The nine-year-old moved
the garden gate" from "He moved the garden gate") is right when the description stands
for the person that "he" means, and gives the act to someone else when it stands for another
("The 23-year-old defender moved the garden gate": the footballer, not the boy).
"""

from __future__ import annotations

from collections.abc import Sequence

from newsloom.textkit import STOP_WORDS

DESCRIPTION_WORDS = 4  # words after "the" in a description ("the former Veland rugby captain")


def described(words: Sequence[str], origin: Sequence[str]) -> list[str]:
    """The description (lower-cased, without "the") that a sentence opening "the ..." puts
    where its origin opens with a pronoun: its words before the origin's second word."""
    lowered = [w.lower() for w in words]
    if len(origin) < 2 or not lowered or lowered[0] != "the":
        return []
    follow = origin[1].lower()
    if follow not in lowered[2 : 2 + DESCRIPTION_WORDS]:
        return []
    words_of = lowered[1 : lowered.index(follow, 2)]
    # What stands in the pronoun's place, not a clause that keeps it ("The crowd cheered as he
    # kicked ..." still says "he").
    if set(words_of) & {w.lower() for w in origin}:
        return []
    return words_of


def tied_names(description: Sequence[str], source_words: Sequence[Sequence[str]]) -> set[str]:
    """The names the sources write in one phrase with a description: right after it
    ("nine-year-old Toby", "defender Luca Ferrand") or right before its "the"
    ("Ferrand, the 23-year-old defender"; the comma is not a token), lower-cased."""
    size = len(description)
    if not size or all(w in STOP_WORDS for w in description):
        return set()
    tied: set[str] = set()
    for sentence in source_words:
        lowered = [w.lower() for w in sentence]
        for at in range(len(lowered) - size + 1):
            if lowered[at : at + size] != list(description):
                continue
            after = sentence[at + size] if at + size < len(sentence) else ""
            if after[:1].isupper():
                tied.add(after.lower())
            if at > 1 and lowered[at - 1] == "the" and sentence[at - 2][:1].isupper():
                tied.add(lowered[at - 2])
    return tied
