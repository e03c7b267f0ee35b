"""Words for every stage: the stemmers and stop-word lists, in one place (issue 19).

One of each does not serve every purpose; where they differ, the reason is measured or a contract:

- ``stem`` strips tense and plural endings ("closed"/"closes"/"closing" meet): the summaries'
  grounding check, openings, word-pair support (``summarize/overlap.py``, which had a stemmer of
  its own until issue 19: with this one ROUGE-2 on NeuS stayed 19.00 and DUC 2007's rose from 9.32
  to 9.34) and the readability eval compare statements with sources by it.
- ``plural_stem`` only folds plurals and possessives: clustering compares names and event words,
  and tense endings carry who did what ("strikes" and "strike" meet, "striking" stays). With
  ``stem`` instead, B3-F1 on ECB+ dev fell from 0.862 to 0.853 (macro over the three dev sets
  0.900 to 0.898).
- ``prefix_stem`` cuts a search word to the prefix its family shares ("ferry", "ferries" ->
  "ferr"), to mark matches in snippets as a prefix pattern; the search index's own stemmer decides
  the hits.

Stop words: ``ENGLISH_STOP_WORDS`` (scikit-learn's list) is the base, and what word pairs skip
(``summarize/overlap.py``: with ``STOP_WORDS`` instead, ROUGE-1 on NeuS fell from 42.12 to 42.10).
Clustering adds news furniture (``CLUSTER_STOP_WORDS``). Summaries keep a shorter list of their
own (``STOP_WORDS``): scikit-learn's drops negations and numbers ("not", "never", "no", "two"),
which the grounding check must see. Search drops what PostgreSQL's english configuration drops
(``QUERY_STOP_WORDS``), so that both backends ignore the same words.
"""

from functools import lru_cache

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS as _SKLEARN_STOP_WORDS

ENGLISH_STOP_WORDS = frozenset(_SKLEARN_STOP_WORDS)

# Words of every news report that say nothing about which event it is.
NEWS_WORDS = frozenset(
    {
        "said", "says", "say", "new", "news", "year", "years", "time", "just", "like", "told",
        "according", "people", "report", "reports", "reported", "monday", "tuesday", "wednesday",
        "thursday", "friday", "saturday", "sunday", "week", "today", "yesterday", "day", "days",
        "image", "photo", "caption", "copyright", "getty", "images", "ap", "reuters", "afp",
        "mr", "mrs", "ms", "dr",
    }
)  # fmt: skip
CLUSTER_STOP_WORDS = ENGLISH_STOP_WORDS | NEWS_WORDS

STOP_WORDS = frozenset(
    """
    a an the and or but if of to in on at by for with from as into onto about over after before
    than then that this these those there here is are was were be been being has have had do does
    did will would shall should can could may might must it its he she they them his her their we
    our you your i me my who whom whose which what when where why how all any both each more most
    other some such only own same so too very just also s t said says say told tell according
    up down out off again further once per via while during since until because against between
    through under above below new one year years last first
    """.split()
)

# Dropped from search queries (unless nothing else is left), as PostgreSQL's english config does.
QUERY_STOP_WORDS = frozenset(
    "a an and are as at be but by for from has have in into is it its of on or that the their "
    "this to was were will with".split()
)

_SUFFIXES = ("ingly", "edly", "ings", "ing", "ied", "ies", "ed", "es", "ly", "s")
_PREFIX_SUFFIXES = ("ies", "ing", "ers", "ed", "es", "er", "ly", "s")


@lru_cache(maxsize=65536)  # a story repeats its words; stemming is pure
def stem(word: str) -> str:
    """A light suffix stripper: enough to match "closed"/"closes"/"closing" without a library."""
    word = word.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)] + ("y" if suffix in ("ied", "ies") else "")
    return word


@lru_cache(maxsize=65536)  # clustering stems every word of every new article's lead; pure
def plural_stem(word: str) -> str:
    """A light English stem: enough to match 'strikes' with 'strike', 'injuries' with 'injury'."""
    if word.endswith(("'s", "’s")):  # possessive: "Veland's" is Veland
        word = word[:-2]
    if len(word) <= 3 or not word.isalpha():
        return word
    for suffix, replacement in (("ies", "y"), ("sses", "ss")):
        if word.endswith(suffix):
            return word[: -len(suffix)] + replacement
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def prefix_stem(word: str) -> str:
    """The prefix a search word's family shares, for spotting its matches in snippets."""
    word = word.lower()
    for suffix in _PREFIX_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)] + ("i" if suffix == "ies" else "")
            break
    return word[:-1] if word.endswith(("y", "e", "i")) and len(word) > 4 else word
