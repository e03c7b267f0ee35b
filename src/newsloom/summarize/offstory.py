"""Statements from another story (issue 16: the summary tells one story).

A story's articles are not all about its event from top to bottom. A roundup tells several
stories one after the other (a morning briefing: a phone launch, then a court ruling on a
shipowner's will, then a parking rule), a video page's description strings its segments
together, a page's text may be a neighbouring item the extractor took for the article, and a
report may close on an anecdote of another incident ("In March 2019, a billing error charged a
Carrow pensioner 80,000 crowns ..."). Such a sentence reads on the page as if it were part of
the story.

A sentence is taken for another story's when two things hold, both true of any news text:

- it names someone or something (a capitalised word: a person, place, organisation or brand), and
  nothing it names or says belongs to the story: none of its names is written by two of the
  story's articles or by the page's main sentences (bullet 1 and the headline), and none of its
  words is one the story's openings share (the title, standfirst and first sentences, where each
  outlet states the event, of two articles or more);
- no sentence near it tells the event (its article's sentences within NEAR of it, the title read
  before the first sentence): none names what bullet 1 or the headline names, and none carries
  CLUE of the words the openings share.

A statement that shares no word and no name with the story's other articles, in a passage
naming its own subject again, is another story's too, however near the event (unshared: a
digest's next item right after its line on the event).

Someone's words (a quotation, "said", "told", "according to", a speaker's "I" or "we") are
never taken: what a reporter was told answers the reporter's questions about the article's story
("Elias Brookes, 17, said he thought the referendum was fair" in a report on the voting age).
Someone the story has not met yet, whose sentence sits in a passage about the event ("A benefit
concert is planned at the Seamen's Institute next Friday" two sentences after the relatives on
Corra), stays: a report introduces new people and places while it tells its event. A sentence
naming nothing ("The accident is being looked into by the safety inspectors") is never taken:
it leans on what its article was telling, and nothing in it says that was another story. A
one-article story has nothing to compare with, and nothing is taken from it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from functools import lru_cache

from newsloom.records import Article
from newsloom.summarize.facts import Candidate, article_sentences
from newsloom.summarize.lede import FUNCTION_WORDS, LEDE_WINDOW
from newsloom.summarize.roles import is_reaction
from newsloom.summarize.speech import REPORT, SAY, alternation
from newsloom.summarize.words import CALENDAR, NUMBER_WORDS, tokens
from newsloom.textkit import NEWS_WORDS, stem

# Sentences on each side read as the passage a sentence stands in: a roundup's item runs a few
# sentences, and a report telling its event mentions it within two sentences of any aside.
NEAR = 2
# Words of the shared openings a neighbouring sentence must carry to tell the event: two, so that
# one common word ("including", "point", "data") is not taken for the same subject.
CLUE = 2
SHARED = 2  # articles that must write a name or an opening word for it to be the story's
_STEM = 6  # stems compared by their first letters: "Korea"/"Korean", "hacker"/"hackers"


@lru_cache(maxsize=65536)  # a story repeats its words; a refresh summarises many stories
def _key(word: str) -> str:
    """A word's stem without a final vowel the stemmer leaves on one form only ("price" and
    "prices" -> "pric"), cut to its first letters."""
    found = stem(word)
    if len(found) > 4 and found[-1] in "eyi":
        found = found[:-1]
    return found[:_STEM]


# Someone's words as the article reports them, or in their own voice: what a reporter was told
# is about the reporter's story.
# Not "reported", "announced" or "confirmed": what an agency or a firm announces is an event of
# its own ("the firm announced 200 jobs at its Leith plant"), not someone's words about one.
_SPEAKING = SAY | (REPORT - {"reported", "reports", "announced", "confirmed"}) | {"predicted"}
_SPEECH = re.compile(
    rf"\b(?i:{alternation(_SPEAKING)})\b|\b(?:I|[Ww]e|[Mm]y|[Oo]ur|us)\b(?!\.)",
)
_GENERIC = frozenset(_key(w) for w in NEWS_WORDS | set(NUMBER_WORDS))
_NO_NAME = CALENDAR | FUNCTION_WORDS | {"i"}


@lru_cache(maxsize=65536)
def words_of(text: str) -> frozenset[str]:
    """The content words of a text, as keys (no function words, no words of every report)."""
    return _content(tokens(text))


def _content(words: Sequence[str]) -> frozenset[str]:
    return frozenset(_key(w) for w in words if len(w) > 1 and w.lower() not in FUNCTION_WORDS) - (
        _GENERIC
    )


def names_of(text: str, inside: frozenset[str]) -> frozenset[str]:
    """Keys of the capitalised words of a sentence that name someone or something; not a day or
    a month. The first word is capitalised as any sentence's is: it names only when the story
    writes it capitalised inside a sentence too (``inside``) or a capitalised word follows it
    ("Ada Lind will ..."), not in "Turns out a flight delay ..."."""
    return _names(tokens(text), inside)


def _names(words: Sequence[str], inside: frozenset[str]) -> frozenset[str]:
    found = {_key(w) for w in words[1:] if w[:1].isupper() and w.lower() not in _NO_NAME}
    first = words[0] if words else ""
    if (
        first[:1].isupper()
        and first.lower() not in _NO_NAME
        and (first in inside or (len(words) > 1 and words[1][:1].isupper()))
    ):
        found.add(_key(first))
    return frozenset(found) - _GENERIC


def capitalised_inside(texts: Sequence[str]) -> frozenset[str]:
    """The words the texts write capitalised inside a sentence (after a word or a comma)."""
    return frozenset().union(*(_capitalised_inside(text) for text in texts))


@lru_cache(maxsize=4096)  # an article is read again each time its story is summarised
def _capitalised_inside(text: str) -> frozenset[str]:
    return frozenset(w for w in _INSIDE.findall(text) if w[:1].isupper())


@lru_cache(maxsize=4096)
def _capitalised_keys(text: str) -> frozenset[str]:
    """The keys of the words a text writes capitalised anywhere."""
    return frozenset(_key(w) for w in tokens(text) if w[:1].isupper())


# A word after a word, a comma or a colon and a space: inside a sentence.
_INSIDE = re.compile(r"(?<=[\w,;:] )[^\W_]+(?:[.,'’][^\W_]+)*")


def off_story(
    event: Sequence[str], articles: Sequence[Article], candidates: Sequence[Candidate]
) -> set[int]:
    """Indexes of the ``candidates`` (sentences of ``articles``) that tell another story than
    the one ``event`` (the page's main sentences: bullet 1, the headline) states."""
    if len(articles) < 2:
        return set()
    texts = [f"{a.lead}\n{a.text}" for a in articles]
    inside = capitalised_inside(texts)
    # What two articles name anywhere (a capitalised word), and what two state in their
    # openings (title, standfirst, first sentences).
    named: Counter[str] = Counter()
    for text in texts:
        named.update(_capitalised_keys(text))
    opening: list[list[str]] = [[a.title, a.lead] for a in articles]
    for candidate in candidates:
        if candidate.position < LEDE_WINDOW:
            opening[candidate.article].append(candidate.text)
    opening_words: Counter[str] = Counter()
    for found in opening:
        opening_words.update(frozenset().union(*(words_of(s) for s in found)))
    main_names = frozenset().union(*(names_of(s, inside) for s in event))
    known = main_names | {n for n, count in named.items() if count >= SHARED}
    shared = {w for w, count in opening_words.items() if count >= SHARED}

    def tells_event(sentence: str) -> bool:
        return (
            bool(names_of(sentence, inside) & main_names)
            or len(words_of(sentence) & shared) >= CLUE
        )

    sentences: dict[int, list[str]] = {}  # article -> its title, then its sentences
    found_off: set[int] = set()
    for index, candidate in enumerate(candidates):
        if words_of(candidate.text) & shared:
            continue
        own = _names(tokens(candidate.text), inside)
        if not own or own & known or is_reaction(candidate.text) or _SPEECH.search(candidate.text):
            continue
        k, p = candidate.article, candidate.position + 1
        if k not in sentences:
            sentences[k] = [articles[k].title, *article_sentences(articles[k])]
        near = [s for s in sentences[k][max(0, p - NEAR) : p + NEAR + 1] if s.strip()]
        # A sentence alone in its article (a one-line item without a title) has no passage to
        # be read in: nothing says what it was telling.
        if len(near) > 1 and not any(tells_event(s) for s in near):
            found_off.add(index)
    return found_off


def unshared(
    event: Sequence[str], articles: Sequence[Article], candidates: Sequence[Candidate]
) -> Callable[[str, Sequence[int]], bool]:
    """A test of a statement (``text``, as the page shows it, told by the ``candidates`` of
    indexes ``members``): whether it belongs to no article of the story but its own.

    A statement the story's other articles share nothing with (no word they write, no one they
    name), naming someone or something only its own articles name, which a sentence within
    NEAR of it in its article names again with nothing of the story's, is not the story's news
    however near the event its article puts it (off_story reads its passage as the event's): a
    stray page's item ("the two ferry unions are talking again", then "The Harbour Union appears
    to welcome this step" on a page of a satellite launch), a digest's next item under the story's
    title ("Ada Lind will undertake her farewell tour", then "Lind, 76, said in a statement" under
    a letter of theatre owners). Each outlet reporting an event writes some of its words
    (who, what, where); a statement of the event shares at least one with another report, and
    another story runs over a passage naming its own subject again. A sentence of new words
    that nothing beside it takes up is its report's own detail ("The ruling could still reopen
    the Tarn Valley dam case" alone under its title on the ruling). Someone's words are not
    judged (a witness may say what no other report does), nor a statement naming nothing, nor
    one from every article of the story (nothing to compare with)."""
    texts = [f"{a.lead}\n{a.text}" for a in articles]
    inside = capitalised_inside(texts)
    named: Counter[str] = Counter()
    for text in texts:
        named.update(_capitalised_keys(text))
    main_names = frozenset().union(*(names_of(s, inside) for s in event))
    known = main_names | {n for n, count in named.items() if count >= SHARED}
    written = [
        words_of(a.title) | _words_of_article(text) for a, text in zip(articles, texts, strict=True)
    ]

    def alone(text: str, members: Sequence[int]) -> bool:
        own = _names(tokens(text), inside)
        if not own or own & known:
            return False
        told_by = {candidates[m].article for m in members}
        others = [found for k, found in enumerate(written) if k not in told_by]
        words = words_of(text)
        if not others or any(not words.isdisjoint(found) for found in others):
            return False
        if is_reaction(text) or _SPEECH.search(text):
            return False
        for m in members:
            k, at = candidates[m].article, candidates[m].position
            body = article_sentences(articles[k])
            passage = body[max(0, at - NEAR) : at] + body[at + 1 : at + NEAR + 1]
            for sentence in passage:
                theirs = _names(tokens(sentence), inside)
                if theirs & own and not theirs & known:
                    return True
        return False

    return alone


@lru_cache(maxsize=4096)  # an article is read again each time its story is summarised
def _words_of_article(text: str) -> frozenset[str]:
    return words_of(text)
