"""Background is no bullet and no takeaway: a timeless statement about a class of things.

A page's bullets and takeaways tell the event: who did what, when, and what comes next. Stories
also carry statements that were true before the news and will be after it, written to explain:
"Lenders rely on the ratings kept by credit agencies to decide who gets a loan", "Glacier
lakes form when meltwater collects behind a wall of loose rock", "A sea wall and a tidal barrier
have different foundations". A careful editor keeps such a line
for a paragraph of context after the event and the reactions; as a bullet or a takeaway it takes
the place of a fact of the event.

The form tells them apart in any news text, with no list of topics:

- the subject is a class, not an actor of the story: a bare plural opening the sentence
  ("Lenders", "Credit agencies", "Ferry operators", "Most volcanoes"; a name would carry a capital
  past the first word, "Ostvik Rovers fans", and a determiner, "The lenders", points at ones the
  story has met), an indefinite singular defined or described ("A tidal bore is a wave that
  travels up a river", "A sea wall and a tidal barrier have ..."), or a named thing described by
  what it is, as a reference work would ("Ostvik is a fishing port on the northern shore", "The
  Harlow Trust is the only owner of ferries on the crossing": see _DESCRIBED);
- its verb is in the simple present, and nothing in the sentence is told as done, dated or to
  come: no past or perfect form ("was", "had", "-ed" unless a participle before "by", "have
  made"), no progressive ("are investigating": under way now), no modal or future ("will",
  "could"; "can" tells what someone is able to do, often what the news has just made possible),
  no time word ("today", "now", "still", "last", a weekday or a month; "continues", "remains"
  and "new" tell a state against a moment before) and no figure (a number belongs to an event or
  a measure, which a reader may want);
- nobody is credited with it, no record shows it ("said", "reportedly", "polls show",
  "expected"), and nobody holds it as a view or a wish ("believe", "fear", "want"): a claim
  somebody makes now is news of them; nor is it somebody's words (quotation marks, "I", "we",
  "you");
- nor is it an effect on people said as such ("Tenants face higher rents", watch.says_effect):
  what the news brings them;
- it is a whole English sentence: a title or a caption ends without a full stop.

History said as such is background too: a sentence opening on the past in general ("In the
past, the two ferry lines have refused ...", "Historically, ...", "For decades, Ostvik has shipped
...", "In recent years, ..."), unless it is dated now ("this week") or somebody's claim; and a
state or a stance its main clause says has long held ("The two ferry lines have long been rivals",
"Mayor Ilse Varga has long favoured a second barrier"): what stood before the news, whoever holds
it.

Refused as a bullet 2-3 or a takeaway, such a sentence leaves its place to the next fact, or
the page shows fewer takeaways; the paragraphs may still carry it as context.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsloom.summarize.deeds import IRREGULAR_PAST
from newsloom.summarize.speech import FORECAST, JUDGE, REPORT, SAY, VIEW, alternation
from newsloom.summarize.watch import says_effect
from newsloom.summarize.words import MONTHS, WEEKDAYS
from newsloom.textkit import ENGLISH_STOP_WORDS

# Somebody credited, a record showing, a view, a wish or a fear held now: a claim of this
# moment, not a statement of how things are. (speech.py's verbs of saying, reporting, viewing,
# judging and forecasting, with the plural "warn" FORECAST leaves out and what is "expected".)
_HELD = (
    SAY
    | REPORT
    | VIEW
    | JUDGE
    | FORECAST
    | frozenset(
        "warn expected reportedly want wants hope hopes fear fears show shows reveal reveals "
        "suggest suggests indicate indicates appear appears".split()
    )
)
_HELD_BY = re.compile(rf"\b(?:{alternation(_HELD)})\b", re.IGNORECASE)
# Told as done: a past or perfect form. A word in "-ed" before "by" is a participle describing a
# thing ("the ratings kept by agencies", "the data collected by lenders"), not a deed.
_PARTICIPLES = (
    "made|won|lost|held|led|found|paid|sold|sent|left|kept|met|spent|built|brought|bought|"
    "taught|caught|fought|thought|felt|meant|dealt|got|put|set|cut|hit|let|shut|quit|become|"
    "come|done|run|begun|had"
)
_DONE = re.compile(
    r"\b(?:was|were|had|did|been|wasn['’]t|weren['’]t|didn['’]t|hadn['’]t)\b|"
    rf"\b(?:has|have|['’]ve|hasn['’]t|haven['’]t)(?: \w+ly)? (?:\w+(?:ed|en|wn)|{_PARTICIPLES})\b|"
    r"\b[a-z]+ed\b(?! by\b)",
    re.IGNORECASE,
)
# Irregular past forms ("won", "fled", "felt"); those that are also a present or a bare
# participle ("hit", "built", "held") are left to _DONE's auxiliaries.
_PAST_ONLY = (
    IRREGULAR_PAST
    | frozenset(
        "came became flew grew drew threw knew wrote spoke sat fled hid rang sang sank swam wept "
        "saw got felt broadcast".split()
    )
) - frozenset(
    "hit found given chosen stolen thrown broken beaten fallen risen gone begun built held led "
    "kept met spent paid sold sent made left lost saved".split()
)
_IRREGULAR_PAST = re.compile(rf"\b(?:{alternation(_PAST_ONLY)})\b", re.IGNORECASE)
# Ahead or under way: a modal, a future, a progressive.
_AHEAD = re.compile(
    r"\b(?:will|would|could|can|should|may|might|must|shall|won['’]t|wouldn['’]t|couldn['’]t|"
    r"can['’]t|cannot|going to|about to)\b|['’]ll\b|\b(?:is|are|am|['’]re)\s+(?:\w+ly\s+)?\w+ing\b",
    re.IGNORECASE,
)
# Dated, or told against a moment before: the news's time. (The month "May" is a modal too, which
# _AHEAD refuses as well.)
_DATED = re.compile(
    r"\b(?:today|yesterday|tonight|tomorrow|now|currently|recent|recently|latest|so far|still|"
    r"already|again|this (?:week|month|year|morning|afternoon|evening|season|weekend)|last|next|"
    rf"earlier|later|since|soon|{'|'.join(WEEKDAYS + MONTHS)}|continues?|"
    r"remains?|first time|new|no longer|anymore|until)\b",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"[\"“”‘]|(?:^|\s)'|''|``")
_PERSON = re.compile(r"\b(?:I|we|our|us|my|you|your)\b", re.IGNORECASE)
# Function words only an English sentence holds (French has "a", "on", "en" too).
_ENGLISH = re.compile(r"\b(?:the|of|and|with|to|for|in|are|is|an|when|that|by|from|at|their|its)\b")
_WORD = re.compile(r"[A-Za-z][a-z'’-]*|[^\sA-Za-z]+")

# The bare plural: an optional quantifier ("Most"), up to three words (no function word, a
# capital on the first only, none after a quantifier) ending in a plural, an optional qualifier
# (a preposition and up to three words: "in the region"), adverbs of frequency, then a verb in
# the plural present. ("Other" and "such" point back at things the story told: "Other safety
# steps include ...".)
_QUANTIFIERS = frozenset("most many all some".split())
_QUALIFIERS = frozenset("in of on at from with across around".split())
_FREQUENCY = frozenset(
    "also often usually generally typically rarely mostly largely commonly never only even all "
    "normally increasingly sometimes frequently".split()
)
# Verbs the stop-word list holds; any other stop word is no verb.
_STOP_VERBS = frozenset(
    "are do don't don’t have show find keep see seem take give get go put move call describe "
    "detail fill".split()
)
# Endings of nouns, adjectives and participles: the word after the subject is no plural present.
_NOT_PRESENT = (
    "s", "ed", "ing", "al", "ic", "ous", "ful", "ive", "ion", "ist", "er", "or", "ity", "ment",
    "ness", "ent", "ant", "ary",
)  # fmt: skip
# An indefinite singular defined ("A tidal bore is a wave that travels up a river") or
# described by what it has ("A sea wall and a tidal barrier have different foundations").
_INDEFINITE = re.compile(
    r"^(?:An?|Any|Every|Each)\s+[a-z-]+(?:\s+[a-z-]+){0,2}?"
    r"(?:\s+(?:and|or)\s+an?\s+[a-z-]+(?:\s+[a-z-]+){0,2}?)?"
    r"\s+(?:(?:is|are)(?: not)?\s+(?:an?|one of|the name)\b|(?:has|have)\s)"
)


# A named thing described by what it is, as a reference work would ("Ostvik is a fishing port
# on the northern shore", "The Harlow Trust is the only owner of ferries on the crossing",
# "Tidewatch is a warning service ..."): the subject a name (one capitalised word, or words with
# a capital past the first: "The HRT", "Ostvik Ferries Ltd."), a verb of being
# and an indefinite description, a possessive name or a standing rank ("the only", "the largest").
# Not "The move is an escalation of ...": a definite common noun points back at an act the story
# told, and what it is called is a judgement of the news; nor a record it sets ("the first").
_DESCRIBED = re.compile(
    r"^(?P<subject>[A-Z][^,;:()]{0,60}?)\s+(?:is|are)(?: not)?\s+"
    r"(?:an?|one of (?:the|its|their)|the (?:only|main|largest|biggest|oldest|world['’]s)|"
    r"[A-Z][\w.-]*['’]s?)\s"
)
# A pronoun, a connective or a question word opening the subject: no name.
_NO_NAME = re.compile(
    r"(?:It|He|She|They|This|That|These|Those|There|What|Which|Who|Whether|Where|When|But|And|"
    r"Or|So|Yet|If|As|While|Although|Because)\b"
)


def _describes_name(text: str) -> bool:
    """The sentence describes a named thing by what it is (_DESCRIBED)."""
    match = _DESCRIBED.match(text)
    if not match or _NO_NAME.match(match.group("subject")):
        return False
    subject = match.group("subject").split()
    return len(subject) == 1 or any(w[:1].isupper() for w in subject[1:])


def _plural(word: str) -> bool:
    lower = word.lower()
    return (
        len(lower) > 3
        and lower.endswith("s")
        and not lower.endswith(("ss", "us", "is", "'s", "’s"))
    )


def _plural_present(word: str) -> bool:
    if not word.islower() or not (word.isalpha() or "'" in word or "’" in word):
        return False
    return word in _STOP_VERBS or (
        word not in ENGLISH_STOP_WORDS and not word.endswith(_NOT_PRESENT)
    )


def _opens_on_class(words: list[str]) -> bool:
    """The sentence opens on a bare plural and its verb (module docstring)."""
    # The sentence's first word has its capital; after a quantifier the phrase has none.
    start = 1 if words and words[0].lower() in _QUANTIFIERS else 0
    if start >= len(words) or words[start][:1].isupper() != (start == 0):
        return False
    for size in (1, 2, 3):
        phrase = words[start : start + size]
        if len(phrase) < size or not all(w.isalpha() or "-" in w for w in phrase):
            return False
        if any(w.lower() in ENGLISH_STOP_WORDS for w in phrase) or any(
            w[:1].isupper() for w in phrase[1:]
        ):
            return False
        if not _plural(phrase[-1]):
            continue
        end = start + size
        verbs_at = [end]
        if end + 1 < len(words) and words[end].lower() in _QUALIFIERS:
            verbs_at += [end + 2, end + 3, end + 4]
        for at in verbs_at:
            while at < len(words) and (
                words[at] in _FREQUENCY or (words[at].endswith("ly") and len(words[at]) > 5)
            ):
                at += 1
            if at < len(words) and _plural_present(words[at]):
                return True
    return False


@lru_cache(maxsize=65536)  # read for every candidate of a story at each refresh
def timeless(sentence: str) -> bool:
    """A statement about a class of things, true before the news and after it (module
    docstring): background, no bullet and no takeaway."""
    text = sentence.strip()
    if not text.endswith(".") or re.search(r"\d", text) or _QUOTED.search(text):
        return False
    words = _WORD.findall(text)
    if len(words) < 5 or not _ENGLISH.search(text):
        return False
    if not (_opens_on_class(words) or _INDEFINITE.match(text) or _describes_name(text)):
        return False
    return not (
        _HELD_BY.search(text)
        or says_effect(text)
        or _DONE.search(text)
        or _IRREGULAR_PAST.search(text)
        or _AHEAD.search(text)
        or _DATED.search(text)
        or _PERSON.search(text)
    )


# History said as such (module docstring): the past in general opening the sentence.
_HISTORY = re.compile(
    r"^(?:In the past|Historically|Traditionally|For (?:decades|years|centuries|generations)|"
    r"Over the (?:years|decades|centuries)|In recent (?:years|decades)),"
)
_NOW = re.compile(
    r"\b(?:today|yesterday|tonight|tomorrow|now|this (?:week|month|morning|afternoon|evening|"
    rf"weekend)|{'|'.join(WEEKDAYS)})\b",
    re.IGNORECASE,
)


# What has long held, in the main clause: nothing but a subject before the perfect, no clause
# of its own ("the seat that he has long held" dates that clause only).
_LONG_HELD = re.compile(
    r"^(?P<before>[^,;]{0,80}?)\b(?:has|have|had)\s+long\s+(?:been\s+)?[a-z]+\b"
)
_OWN_CLAUSE = re.compile(r"\b(?:who|whom|whose|which|that|where|when)\b", re.IGNORECASE)


@lru_cache(maxsize=65536)
def tells_history(sentence: str) -> bool:
    """The sentence tells history: it opens on the past in general, or says what has long held
    (module docstring)."""
    text = sentence.strip()
    if _NOW.search(text) or _QUOTED.search(text):
        return False
    held = _LONG_HELD.match(text)
    if held and not _OWN_CLAUSE.search(held.group("before")):
        return True
    return bool(_HISTORY.match(text)) and not _HELD_BY.search(text)


def is_background(sentence: str) -> bool:
    """Background, no bullet and no takeaway: a timeless statement about a class, a named thing
    described, or history (module docstring)."""
    return timeless(sentence) or tells_history(sentence)
