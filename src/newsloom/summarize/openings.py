"""Does a statement open by pointing at something the reader was not told?

A sentence lifted from an article keeps the references that its neighbours resolved: a pronoun
("He says ..."), a connective ("But ...", "Another 250,000 ..."), a bare definite ("The answer
agreed this week ...", "The 27-year-old ..."). On a summary page each bullet, takeaway and
paragraph opening is read on its own, so such an opening names no one. The summarizer refuses
these openings and the readability evaluation counts them; both use this module, so what is
measured is what is enforced.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from newsloom.summarize.words import tokens
from newsloom.textkit import STOP_WORDS, stem

# Pronouns and demonstratives whose referent lies outside the sentence.
_PRONOUNS = frozenset(
    "he she they it his her their its him them we i us our my this these those that such".split()
)
# Openers that continue, contrast or count on from a sentence the page may not show.
_CONNECTIVES = frozenset(
    """
    but and or yet so also however meanwhile still instead moreover furthermore besides
    nevertheless nonetheless then thus therefore hence otherwise likewise similarly indeed now
    again too another both either neither
    """.split()
)
_CONNECTIVE_PHRASE = re.compile(
    r"^(?:even so|in addition|in contrast|by contrast|as a result|that said|for example|"
    r"for instance|after that|since then|on the other hand|at the same time|the other|the same|"
    r"the latter|the former|the rest|the remaining|the next day|the day before|[\w-]+ (?:\w+ )?"
    r"(?:later|earlier|before)\b|(?:when|while|after|before|as|since|although|though|if|because|"
    r"until|once|like|unlike) (?:he|she|it|they|we|his|her|its|their)\b)",
    re.IGNORECASE,
)
# A short time or place phrase before the subject: "On Tuesday she said ...".
_LEADING_ADVERBIAL = re.compile(r"^(?:on|in|at|by|last|this|earlier|later)\b", re.IGNORECASE)
_SUBJECT_PRONOUNS = frozenset("he she they it we i".split())
# Words that end the subject of "The <noun> ...": a finite verb or a comma.
_VERB_CUES = frozenset(
    """
    is was are were has had have will would could can may might must should shall did does do
    said says say added adds remains remained plans planned wants wanted told tells made makes
    took takes became becomes gets got held holds now also then still already only just
    """.split()
)
# Nouns that need no antecedent in a news report.
_UNIQUE_NOUNS = frozenset(
    "government police world weather public economy internet sun moon military army navy".split()
)
_AGE = re.compile(r"^\d+-year-old$")
_QUOTE = re.compile(r"[\"“”]")
# Closed quotations, double or single ("'Be grateful,' she said"), removed before looking for "I".
_QUOTED = re.compile(r"“[^“”]*”|\"[^\"]*\"|‘[^‘’]*’|(?<![\w])'[^']*'(?![\w])")
_FIRST_PERSON = re.compile(
    r"\b(?:I|I'm|I've|I'd|I'll|I’m|I’ve|I’d|I’ll|me|my)\b"
)  # "mine" is a pit as often
_PRONOUN_SPEAKER = re.compile(
    r"\b(?:(?:he|she|they)\s+(?:said|says|added|adds|told|tells|wrote|explained|insisted)|"
    r"(?:said|says|added|adds|told)\s+(?:he|she|they)\b)",
    re.IGNORECASE,
)


def _words(sentence: str) -> list[str]:
    return re.findall(r"[\w'’-]+|,", sentence.lstrip("\"'“‘( "))


def definite_head(sentence: str) -> str:
    """The head noun of a "The <noun> <verb> ..." opening whose noun phrase names nothing (no
    capital, no number, no "of" phrase), stemmed; "" when the opening is not such a phrase."""
    words = _words(sentence)
    if len(words) < 3 or words[0] != "The":
        return ""
    if _AGE.match(words[1]):
        return "-"  # "The 27-year-old won ...": a description standing for a name, never told
    subject: list[str] = []
    for word in words[1:5]:
        lower = word.lower()
        if lower.endswith(("'s", "’s")) and word[:-2].isalpha() and word[:-2].islower():
            subject.append(lower[:-2])  # "The band's concert": the band is the referent
            break
        if word == ",":
            after = words[len(subject) + 2 : len(subject) + 5]
            if any(w[:1].isupper() for w in after):
                return ""  # "The previous holder, Anton Rask, ...", "The team, led by Dr. ..."
            break
        if lower in _VERB_CUES or (lower.endswith("ed") and subject):
            break
        if not word.isalpha() or not word.islower() or lower in {"of", "in", "at", "for", "who"}:
            return ""  # a name, a number or a qualifying phrase tells the reader which one
        subject.append(lower)
    else:
        return ""  # no verb within reach: a long, qualified subject
    if not subject or subject[-1] in _UNIQUE_NOUNS:
        return ""
    return stem(subject[-1])


def bare_definite(sentence: str, told: Iterable[str] = ()) -> bool:
    """A "The <noun> ..." opening (definite_head) whose noun ``told`` (lower-cased words the
    reader already has) does not hold."""
    head = definite_head(sentence)
    return bool(head) and head not in {stem(w) for w in told}


def opening_reference(sentence: str, told: Iterable[str] = ()) -> str:
    """Why the sentence's opening points outside it ("pronoun", "connective", "definite"), or ""
    when it stands on its own. ``told``: lower-cased words the page gave before it."""
    reason, head = _opening(sentence)
    if reason == "definite" and head in {stem(w) for w in told}:
        return ""
    return reason


@lru_cache(maxsize=8192)
def _opening(sentence: str) -> tuple[str, str]:
    """(reason, head noun of a bare definite) of a sentence whatever the page said before it;
    cached, since the summarizer asks about each sentence several times."""
    text = sentence.lstrip("\"'“‘( ")
    words = _words(text)
    if not words:
        return "", ""
    first = re.split(r"['’]", words[0].lower())[0]  # "That's", "It's"
    if words[0].isupper() and len(words[0]) > 1:
        first = ""  # an acronym ("US President ..."), not a pronoun or a connective
    if first in _PRONOUNS:
        return "pronoun", ""
    if first in _CONNECTIVES or _CONNECTIVE_PHRASE.match(text):
        return "connective", ""
    if _LEADING_ADVERBIAL.match(text) and any(w.lower() in _SUBJECT_PRONOUNS for w in words[1:4]):
        return "pronoun", ""
    head = definite_head(text)
    return ("definite", head) if head else ("", "")


def unnamed_speaker(sentence: str) -> bool:
    """Somebody's words the page cannot attribute: a quotation whose speaker is a pronoun, or
    a first-person sentence outside quotation marks (an embedded post, a columnist's aside)."""
    if _QUOTE.search(sentence) and _PRONOUN_SPEAKER.search(sentence):
        return True
    unquoted = _QUOTED.sub(" ", sentence)
    return bool(_FIRST_PERSON.search(unquoted))


def content_words(sentence: str) -> frozenset[str]:
    """Stems of the words that carry a statement's facts: names, numbers, events."""
    return frozenset(
        stem(w) for w in tokens(sentence) if w.lower() not in STOP_WORDS and len(w) > 1
    )


def repeats(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two statements repeat a fact when at least half of the content words of each are shared."""
    if not a or not b:
        return False
    return 2 * len(a & b) >= max(len(a), len(b))


def names_something(sentence: str) -> bool:
    """The sentence names a person, place or organisation (a capitalised word after its first):
    a main event must say who or what."""
    words = _words(sentence)
    return any(w[:1].isupper() and w != "I" for w in words[1:])
