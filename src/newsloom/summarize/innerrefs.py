"""Does a statement point, after its opening, at something the reader was not told?

openings.py judges how a statement opens. A sentence lifted from an article also keeps
references further in that its neighbours resolved: "... should fill that gap twice a day" (the
gap its article described the sentence before), "Halvard said they would be offered positions"
(the staff of the closing stores), "... will cut that to under 30 minutes" (the waiting time).
On a summary page the sentence before it is another one, and the reference names nothing.

A reference counts only where nothing can resolve it: a pronoun with a word before it in the
statement (or in ``previous``, the statement read just before it) that it may stand for, and a
demonstrative whose noun the page has told, are the reader's to resolve. "That" as a conjunction
or a relative ("said that ...", "a slowdown that began ...") is no reference; nor is a time the
report counts from ("this week", "that day"). The summarizer refuses such statements as it
refuses openings, and the readability evaluation counts them with this module.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from newsloom.summarize.speech import CLAUSE_VERBS
from newsloom.summarize.words import CALENDAR, PLURAL_COUNTS
from newsloom.textkit import STOP_WORDS, stem

# A quotation is its speaker's words, resolved by what the speaker had in mind.
# A ’ before a letter is an apostrophe ("that’s"), not the quotation's end.
_QUOTED = re.compile(
    r"“[^“”]*”|\"[^\"]*\"|‘(?:[^‘’]|’(?=\w))*’|(?<![\w])'(?:[^']|'(?=\w))*'(?![\w])"
)
_WORD = re.compile(r"[\w'’-]+|[,;:.!?()—–]")
# "that gap", "this plan", "those other senses": a demonstrative, an optional "other", a noun.
_DEMONSTRATIVES = frozenset("that this these those".split())
# What follows the noun of "that <noun>" when "that" points: punctuation, a preposition, a
# conjunction or an adverb. A verb after it ("said that inflation was ...") makes "that" a
# conjunction and the noun its clause's subject.
_AFTER_NOUN = frozenset(
    """
    , ; : . ! ? ( — – in on at to for from with by of into over under about after before
    and but or twice again too now soon yet first once altogether entirely completely within
    through across until between behind beyond
    """.split()
)
# A time the report counts from, or a manner ("this way"): no thing told before.
_TIME_OR_MANNER = CALENDAR | frozenset(
    """
    day days week weeks weekend month months year years morning afternoon evening night
    season spring summer autumn fall winter decade century time times moment point hour hours
    minute minutes way kind sort type side end stage offseason postseason span period
    administration term cycle
    """.split()
)
# Words before "this"/"that" that make it no determiner: "so that", "now that", "such that",
# "more than that"; and "those"/"these" followed by people ("those who", "those arrested").
_NOT_DETERMINER_BEFORE = frozenset("so now such than like given except provided".split())
_PEOPLE_AFTER = re.compile(r"^(?:who|whom|whose|which|[a-z-]+ing|[a-z-]+ed)$")
# "cut that to under 30 minutes", "about that.": "that" or "this" alone as an object.
_OBJECT_AFTER = frozenset(", ; : . ! ? to in on at for from with by into over again".split())
# Plural pronouns and the words that may stand behind them.
_PLURAL_PRONOUNS = frozenset("they them".split())
_SINGULAR_IT = frozenset({"it"})
_POINTING = _DEMONSTRATIVES | _PLURAL_PRONOUNS | _SINGULAR_IT  # the words this module reads
# Nouns for a group, which news prose continues with "they" ("the union said they would ..."),
# and those who speak for one ("A harbour police spokeswoman said they were alerted before dawn").
_GROUPS = frozenset(
    """
    police people staff team crew club union party government council company family families
    public committee board panel group management crowd audience couple pair both all many
    several few some others children men women spokesman spokeswoman spokesperson
    representative
    """.split()
)
# Words in -s that are no plural noun: verbs, adverbs, pronouns, and nouns in -ss, -us, -is.
_NOT_PLURAL = frozenset(
    """
    is was has does says tells adds this his its us as thus always perhaps news series means
    whereas its hers yours ours theirs less unless across whether besides sometimes afterwards
    towards nevertheless
    """.split()
)
_VERB_ENDINGS = ("ss", "us", "is", "ous", "'s", "’s")
_EXPLETIVE_AFTER = re.compile(
    r"^it(?:['’]s|\s+(?:now\s+|still\s+|also\s+)?(?:is|was|will|would|has|had|seems|seemed|"
    r"appears|appeared|remains|remained|may|might|could|took|takes|makes|made|looks|looked))\b",
    re.IGNORECASE,
)


def inner_reference(sentence: str, told: Iterable[str] = (), previous: str = "") -> str:
    """Why a reference past the sentence's first word points at nothing the page tells
    ("demonstrative", "pronoun"), or "" when every one resolves. ``told``: lower-cased words the
    page gave before the statement; ``previous``: the statement read just before it."""
    text = _QUOTED.sub(" ", sentence)
    words = _WORD.findall(text)
    known: set[str] | None = None  # the told words' stems, read once a demonstrative needs them
    before_words = _WORD.findall(_QUOTED.sub(" ", previous))
    for i, word in enumerate(words):
        if i == 0:
            continue  # the opening is openings.py's
        lower = word.lower()
        if lower not in _POINTING:
            continue
        before = words[i - 1].lower()
        after = words[i + 1 : i + 4]
        if lower in _DEMONSTRATIVES:
            if known is None:
                known = {stem(w.lower()) for w in told}
            reason = _demonstrative(lower, before, after, words[:i], known)
            if reason:
                return reason
        elif (
            before in _QUESTION_WORDS or before in _IDIOM_BEFORE_IT or _named_after_clause(words, i)
        ):
            continue  # "Why it matters:", "As it promised, Microsoft ...": no reference back
        elif lower in _PLURAL_PRONOUNS:
            if not _has_plural(words[:i]) and not _has_plural(before_words):
                return "pronoun"
        elif lower in _SINGULAR_IT:
            if _EXPLETIVE_AFTER.match(" ".join(words[i : i + 3])) and not _has_thing(words[:i]):
                # "Scientists say it will take years": "it" as a subject with nothing in the
                # sentence it can be is as often the weather of the clause as a thing; left.
                continue
            if not _has_thing(words[:i]) and not _has_thing(before_words):
                return "pronoun"
    return ""


def _demonstrative(
    lower: str, before: str, after: list[str], earlier: list[str], known: set[str]
) -> str:
    """ "demonstrative" when this "that"/"this"/"these"/"those" points at a thing the page has
    not told, "" when it does not point or the page has told its noun."""
    if before in _NOT_DETERMINER_BEFORE or not after:
        return ""
    noun_at = 1 if after[0].lower() == "other" and len(after) > 1 else 0
    noun = after[noun_at]
    if lower in {"that", "this"} and noun in _OBJECT_AFTER:
        # "will cut that to under 30 minutes": the pronoun alone, as the object of a verb's
        # plain form. Not "a mission that, if successful, ...": a relative.
        base = earlier[-2:-1] and earlier[-2].lower() in _BASE_VERB_BEFORE
        return "demonstrative" if base and noun != "," and before not in STOP_WORDS else ""
    if not noun.isalpha() or not noun.islower() or noun in STOP_WORDS:
        return ""
    if noun in _DEGREE or _PEOPLE_AFTER.match(noun):
        return ""
    if any(w.lower() in _TIME_OR_MANNER for w in after[noun_at : noun_at + 2]):
        return ""  # "this week", "this past season", "this exact moment"
    if noun in _PLACES and any(w[:1].isupper() for w in earlier[1:]):
        return ""  # "observed in that country" after "the Armenian genocide": the place named
    if lower == "that":
        if before not in _PREPOSITIONS and not (
            earlier[-2:-1]
            and earlier[-2].lower() in _BASE_VERB_BEFORE
            and before.isalpha()
            and before not in CLAUSE_VERBS
        ):
            # "a slowdown that began", "fields that drink": a relative after a noun. Only after
            # a preposition ("in that case") or a verb's plain form ("should fill that gap").
            return ""
        follower = after[noun_at + 1].lower() if len(after) > noun_at + 1 else "."
        if follower not in _AFTER_NOUN:
            return ""  # "said that inflation was ...": a clause, not a demonstrative
    elif lower == "this" and before in STOP_WORDS and before not in _PREPOSITIONS:
        return ""  # "is this ...": a question or a subject, rare in reports
    if ":" in after[noun_at + 1 : noun_at + 3]:
        return ""  # "with this note: ...": what follows the colon is the thing
    said = known | {stem(w.lower()) for w in earlier}
    # The noun, or the noun after an adjective ("this illegal content" once "content" is told).
    if any(stem(w.lower()) in said for w in after[noun_at : noun_at + 2] if w.isalpha()):
        return ""
    return "demonstrative"


# Words before a verb's plain form ("will cut", "to fill"); the verbs whose "that" brings a clause
# ("will say that ...") are speech.CLAUSE_VERBS.
_BASE_VERB_BEFORE = frozenset("will would should could can may might must to did does do".split())
_DEGREE = frozenset("much many more less far".split())
# A place noun after a name the sentence gives: "those states" after "Iowa, Oklahoma ...".
_PLACES = frozenset("country countries state states city cities town towns region nation".split())
_QUESTION_WORDS = frozenset("why how what where whether".split())
# "the ferry did not make it to Brandhavn": "it" of an idiom, no thing.
_IDIOM_BEFORE_IT = frozenset("make makes made making".split())


def _named_after_clause(words: list[str], at: int) -> bool:
    """The pronoun at ``at`` is in a leading clause, and a name follows its comma ("As it
    promised on Tuesday, Microsoft issued ..."): it points forward, to that name."""
    if "," in words[:at]:
        return False
    try:
        comma = words.index(",", at)
    except ValueError:
        return False
    following = words[comma + 1 : comma + 3]
    if following and following[0].lower() == "the" and words[0].lower() in _LEADING_CLAUSE:
        # "For a week after they were rescued, the fishermen stayed in Brandhavn."
        return len(following) > 1 and following[1].isalpha()
    following = [w for w in words[comma + 1 : comma + 4] if w.lower() not in {"the", "a", "an"}]
    return bool(following) and following[0][:1].isupper()


# Words that open a clause or phrase before the sentence's subject.
_LEADING_CLAUSE = frozenset(
    "as after before when while since although though if because until once unlike for".split()
)


_PREPOSITIONS = frozenset(
    "in on at to for from with by of into over under about after before during".split()
)


def _has_plural(words: list[str]) -> bool:
    """A word among ``words`` that "they" may stand for: a plural noun, a group's noun, a number
    of things, or two names joined by "and"."""
    if len(_names(words)) >= 2:
        return True  # "Sallow's win at the Millrace Ground, which took them top": a team
    for i, word in enumerate(words):
        lower = word.lower()
        if lower in _GROUPS or lower == "and":
            return True
        if lower.isdigit() or lower in _COUNT_WORDS:
            return True
        if (
            (i == 0 or word.islower())  # a name in -s ("Marrowby Textiles") is one company
            and len(lower) > 3
            and lower.endswith("s")
            and not lower.endswith(_VERB_ENDINGS)
            and lower not in _NOT_PLURAL
            and lower not in STOP_WORDS
            and not (i > 0 and words[i - 1].lower() in _SUBJECTS_BEFORE_VERB)
        ):
            return True
    return False


def _names(words: list[str]) -> set[str]:
    """The names among ``words`` past the first: runs of capitalised words, each counted once."""
    found, run = set(), []
    for word in [*words[1:], ""]:
        if word[:1].isupper() and word.lower() not in STOP_WORDS:
            run.append(word)
        elif run:
            found.add(" ".join(run))
            run = []
    return found


_COUNT_WORDS = frozenset(PLURAL_COUNTS) | {"dozens", "hundreds"}
# "he says", "it plans": a word in -s after a singular subject is its verb.
_SUBJECTS_BEFORE_VERB = frozenset("he she it who which".split())


def _has_thing(words: list[str]) -> bool:
    """A word among ``words`` that "it" may stand for: a name (a capitalised word; the first
    word only when it is no plural, "Scientists have named it" names no one thing) or a noun
    after a determiner ("the deal", "its plan")."""
    for i, word in enumerate(words):
        lower = word.lower()
        if word[:1].isupper() and lower not in STOP_WORDS and (i > 0 or not _has_plural([word])):
            return True
        if lower in _DETERMINERS and i + 1 < len(words) and words[i + 1][:1].isalpha():
            return True
        if lower in _INDEFINITES:
            return True  # "find something and identify it"
    return False


_INDEFINITES = frozenset("something anything everything nothing".split())
_DETERMINERS = frozenset("a an the this that its his her their our one each every".split())
