"""Word-level helpers shared by the grounding check and its reference check: tokens and numbers
written as digits or words (stems and stop words: ``newsloom.textkit``)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from itertools import pairwise

_TOKEN = re.compile(r"[^\W_]+(?:[.,'’][^\W_]+)*")  # letters of any script: "baignade", "lâcher"
_DIGITS = re.compile(r"\d+(?:\.\d+)?")
# Double quotation marks, straight or curly: somebody's own words (single ones need context).
DOUBLE_QUOTES = re.compile(r"[\"“”]")
# Days and months, lower-cased and in their order (a pattern alternates them as they stand):
# capitalised words that name a time, not someone or something.
WEEKDAYS = tuple("monday tuesday wednesday thursday friday saturday sunday".split())
MONTHS = tuple(
    "january february march april may june july august september october november december".split()
)
CALENDAR = frozenset(WEEKDAYS + MONTHS)
# The seasons, "fall" beside "autumn": spans of the year a report dates by ("next spring").
SEASONS = tuple("spring summer autumn fall winter".split())
# The months as news abbreviates them before a day ("Jan. 5", "Sept. 12").
MONTH_ABBREVIATIONS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
# Times of day: a later statement giving one the earlier lacks tells when, a fact of its own
# (retelling, toldagain).
TIMES_OF_DAY = frozenset("yesterday today tonight tomorrow morning afternoon evening night".split())
# The counts news writes out in words (style books spell out small numbers), in order; from two
# they count a plural ("two years", "three boys"), where "one" is as often a pronoun ("one of the
# best").
PLURAL_COUNTS = tuple("two three four five six seven eight nine ten eleven twelve".split())
COUNTS = ("one", *PLURAL_COUNTS)
# The simple past of irregular verbs, which no "-ed" rule finds, where the form is no present, base
# form or adjective as well ("put", "set", "read", "lay", "lit" are left to each reader). (Not
# deeds.IRREGULAR_PAST: the forms whose deed's stem differs, participles too, for deed_lemma.)
IRREGULAR_SIMPLE_PAST = frozenset(
    """
    made took gave got went came became found left won lost led met saw sold paid fell rose broke
    kept held brought bought caught thought knew grew drew threw flew wrote drove chose spoke stood
    sent spent built fought struck shot fled hid ran began sat meant felt laid dug hung sang sank
    swam rang wept stole wore heard
    """.split()
)
NUMBER_WORDS = {
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
    "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "twenty": "20",
    "thirteen": "13", "fourteen": "14", "fifteen": "15", "sixteen": "16", "seventeen": "17",
    "eighteen": "18", "nineteen": "19", "sixty": "60", "seventy": "70", "eighty": "80",
    "ninety": "90",
    "thirty": "30", "forty": "40", "fifty": "50", "hundred": "100", "thousand": "1000",
    "million": "1000000", "billion": "1000000000", "first": "1", "second": "2", "third": "3",
}  # fmt: skip


def tokens(text: str) -> list[str]:
    """The text's words (_TOKEN), a list of the caller's own."""
    return list(_tokens(text))


@lru_cache(maxsize=8192)  # a dozen rules read each sentence of a story: it is tokenised once
def _tokens(text: str) -> tuple[str, ...]:
    return tuple(_TOKEN.findall(text))


def tokens_joined(text: str) -> tuple[list[str], list[bool]]:
    """``tokens(text)`` and, for each, whether the next token follows it with only spaces
    between: the same phrase, not across a comma, dash, bracket or quote."""
    spans = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    joined = [not text[end:start].strip() for (_, _, end), (_, start, _) in pairwise(spans)]
    return [word for word, _, _ in spans], joined + [False] * bool(spans)


def numbers_in(words: Sequence[str]) -> set[str]:
    """Numbers as digit strings: "3.2", "18,000" -> "18000", "39-year-old" -> "39", "six" -> "6"."""
    found: set[str] = set()
    for word in words:
        lower = word.lower()
        if lower.isalpha():  # the common word: no digit in it (no letter is a digit)
            if lower in NUMBER_WORDS:
                found.add(NUMBER_WORDS[lower])
        elif any(map(str.isdigit, lower)):
            plain = re.sub(r"(?<=\d),(?=\d{3})", "", lower)
            found.update(m.rstrip(".") for m in _DIGITS.findall(plain))
        elif lower in NUMBER_WORDS:
            found.add(NUMBER_WORDS[lower])
    return found


def same_word_family(a: str, b: str, letters: int) -> bool:
    """Two stems of one word family: the same, or one begins the other and that beginning has
    ``letters`` or more ("complicat" in "complicated" and "complications"; "georgia" and
    "georgian"); shorter beginnings are chance."""
    shorter, longer = sorted((a, b), key=len)
    return a == b or (longer.startswith(shorter) and len(shorter) >= letters)
