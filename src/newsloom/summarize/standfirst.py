"""Facts once when an article's standfirst tells its own lede's news again.

A standfirst (the feed summary under a title) is written to tell its article's news in one
sentence, and the article's lede tells that same news: the two are one fact in two editors'
words. "Fernlight Studio's gentle game ... has become an unlikely global hit" over "Fernlight
Studio's "Paper Tides" has sold one million copies ..." shares almost no words with it, so no
comparison of words finds the repeat; the article itself says they are one. (Sentence vectors do
not find it either: the MiniLM cosine of such pairs, 0.43-0.48 on the demo, is below that of
distinct facts of one story that share a name, up to 0.75.)

A standfirst adds a fact of its own when it names someone or gives a figure or a result its
lede does not ("Mortgage payments will rise for a million households" under a rate rise), and when
it tells what someone says of the news (the board "says the offer undervalues the company", a
chain "blamed a price war ... and said"): a verdict or a cause is a second fact. It then stays.

Only the sentence that leads the page is compared with its article's standfirst: the news itself,
which a standfirst exists to tell. An article's other opening sentences may tell a second point
that its standfirst does not ("Torben Weir has cut shale at the quarry for sixteen years" under
"Torben Weir almost sent the block to the crusher"); pairing the standfirst with any of them
dropped such distinct facts from six demo pages.
"""

from __future__ import annotations

from newsloom.summarize.lede import FUNCTION_WORDS
from newsloom.summarize.openings import REPORTING, RESULT, fact_words, figures
from newsloom.summarize.roles import is_reaction
from newsloom.summarize.words import tokens
from newsloom.textkit import stem

# Prepositions of place: a name after one tells where the deed happened ("a draw in the last
# round of a tournament in Ostmark"), not who did it.
_WHERE = frozenset("in at near outside inside à au aux en dans".split())


def _names(text: str) -> frozenset[str]:
    """The stems of the capitalised words that are no function word of the story's language
    ("Les" opening a French sentence names no one)."""
    return frozenset(
        stem(w) for w in tokens(text) if w[:1].isupper() and w.lower() not in FUNCTION_WORDS
    )


def _actors(text: str) -> frozenset[str]:
    """_names without the places: a capitalised run right after a preposition of place
    (_WHERE: "in Port Alder", "à Vernaz")."""
    found: set[str] = set()
    where = False
    for word in tokens(text):
        named = word[:1].isupper() and word.lower() not in FUNCTION_WORDS
        if named and not where:
            found.add(stem(word))
        # A place runs on over its capitalised words ("in Port Alder"); any other word ends it.
        where = (where and word[:1].isupper()) or word.lower() in _WHERE
    return frozenset(found)


def retells_lede(standfirst: str, lede: str) -> bool:
    """``standfirst``, the first sentence of an article's standfirst, tells ``lede``, a sentence
    of that article's body that leads the page, again: it names one of the lede's names and
    nobody else (a place where the lede's deed happened, "in Ostmark", is no one: _actors),
    gives no figure (openings.figures) or result the lede does not, and reports nobody's words
    or reaction (openings.REPORTING, roles.is_reaction). The caller writes a description the
    story attaches to one person as that person's name ("The Carrow schoolgirl secured ..." as
    "Sato-Berg secured ...", described.as_named) in both."""
    names, told = _actors(standfirst), _names(lede)
    own, told_words = fact_words(standfirst), fact_words(lede)
    results = {w for w in own if w.startswith(RESULT)}
    return (
        bool(names & told)
        and names <= told
        and figures(own) <= figures(told_words)
        and results <= told_words
        and not {stem(w.lower()) for w in tokens(standfirst)} & REPORTING
        and not is_reaction(standfirst)
    )
