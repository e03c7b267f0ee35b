"""A sentence without a main clause: no statement, whatever its words.

News pages hold pieces of prose that end with a full stop and state nothing: a feature's scene
setter ("Five people, one converted garage and a game about folding paper."), a caption ("Two
ministers in Carrow in 2019."), a slug ("Advance on the city marathon, where ..."), a phrase that
leads into the next paragraph ("Backstage and on the red carpet at the closing night, where the
smallest film left with the biggest prize."). Read alone on a summary page, each is a fragment.

What makes a statement is a finite verb outside a relative clause. Without a tagger the verb is
read from the word forms English verbs take, erring towards a verb: an auxiliary or a common
irregular form ("was", "said", "won"), a contraction ("isn't", "they're"), a subject or object
pronoun (which only a clause holds), a word in "-ed" that no determiner makes an adjective ("a
converted garage"), a word in "-s" (a plural noun counts as well: a miss, never a wrong cut), a
word before an infinitive ("plan to speak"), and the first word after a compound subject ("Ana
and her brother run the farm"). A sentence with none of these in its main clause, and with an
English function word (a French sentence is not read), has no main clause.

A label line is read apart: a list or a noun phrase, a colon, and a noun phrase that names what
the list is ("Schoolchildren, pensioners and a former usher who gave her savings: the public
appeal behind the restoration."). A statement puts its verb before such a colon ("Officials gave
one reason: the cost."); in a label the only verbs before it sit in a relative clause ("who
gave"), and a word in "-s" between a comma and "and" is an item of the list, not a verb.
"""

from __future__ import annotations

import re

from newsloom.summarize.speech import SAY_FINITE
from newsloom.summarize.words import IRREGULAR_SIMPLE_PAST
from newsloom.textkit import ENGLISH_STOP_WORDS

# Function words only an English sentence holds (French has "a", "en", "pour" instead).
_ENGLISH = frozenset("the of and with to for in".split())
# Finite verbs, the one list of them (shortnames reads it too): the auxiliaries and modals,
# presents no "-s" rule reads as a verb, the irregular past (words.IRREGULAR_SIMPLE_PAST) with the
# past forms that are presents too ("put", "read", "lay"), and "said", "told".
FINITE = (
    frozenset(
        """
    is was are were am be been has had have will would could can cannot may might must should
    shall did does do makes takes gives gets goes comes sees
    beat put set cut hit let read lay lit quit split spread hurt cost shut upset
    """.split()
    )
    | IRREGULAR_SIMPLE_PAST
    | SAY_FINITE
)
_PRONOUNS = frozenset("i we you they he she it me us him them your".split())
# "there's", "it's", "let's": a contracted verb after the pronoun.
_CONTRACTED_IS = frozenset("i we you they he she it there that what let here who".split())
_DETERMINERS = frozenset("a an the one its his her their our my your every each no some".split())
_CONTRACTION = re.compile(r"(?:n['’]t|['’](?:re|ve|ll|d|m))$")
# A relative clause after a comma, to the next comma or the end: not the main clause.
_RELATIVE = re.compile(r",\s+(?:where|which|who|whom|whose|when)\b[^,;:]*", re.IGNORECASE)
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*")
# "Ana and her brother run ...", "Pelosi and Mnuchin plan ...": the word after a compound
# subject is its verb when it is no function word ("... and a game about paper" has none).
_COMPOUND_SUBJECT = re.compile(
    r"\band\s+(?:(?:a|an|the|his|her|their|its|our|my)\s+[a-z]+\s+|(?:[A-Z][\w'’.-]*\s+)+)"
    r"([a-z]+)\b"
)
# "plan to speak": an infinitive's "to" comes before a verb, never before a determiner ("a plain
# guide to the recall" is a noun and where it leads).
_INFINITIVE = re.compile(
    r"\b[a-z]+\s+to\s+(?!(?:the|a|an|this|that|these|those|its|his|her|their|our|my|your)\b)"
    r"[a-z]+\b"
)
# A label line's naming half: after its last colon, a determiner, no quotation, to the end.
_LABEL_TAIL = re.compile(r':\s+((?:the|a|an|its|their|his|her|our)\s[^:"“”]*)$', re.IGNORECASE)
# Before the colon: a restrictive relative clause ("an usher who gave her savings") and a list
# item in "-s" before a comma, "and" or "or" ("Farmhands, bakers and").
_RESTRICTIVE = re.compile(r"\b(?:who|whom|whose|which)\b[^,;:]*")
_LIST_ITEM = re.compile(r"(?:(?<=,\s)|^)[A-Za-z][a-z]+s(?=,|\s+(?:and|or)\s)")


def lacks_main_clause(sentence: str) -> bool:
    """True when the English ``sentence`` has no verb outside a relative clause (module
    docstring); False when it may have one, or is not English."""
    if not _ENGLISH & {w.lower() for w in _TOKEN.findall(sentence)}:
        return False
    main = _RELATIVE.sub("", sentence)
    if _is_label(main):
        return True
    # Any one sign of a verb settles it: a verb form, an infinitive, or the word after a
    # compound subject.
    if _has_verb_sign(main):
        return False
    return all(m.group(1) in ENGLISH_STOP_WORDS for m in _COMPOUND_SUBJECT.finditer(main))


def _is_label(main: str) -> bool:
    """A label line (module docstring): a noun phrase after the last colon, and before it no
    verb outside a relative clause or a list."""
    tail = _LABEL_TAIL.search(main.rstrip(" .!?"))
    if tail is None:
        return False
    head = _LIST_ITEM.sub("", _RESTRICTIVE.sub("", main[: tail.start()]))
    return not _has_verb_sign(tail.group(1), _POSSESSORS) and not _has_verb_sign(head, _POSSESSORS)


# Determiners a verb never follows: a word in "-s" after one is a noun ("the families"). Not
# "one", "each" or "no", which may stand for a subject ("No one knows", "each costs").
_POSSESSORS = frozenset("the a an its his her their our my your".split())


def _has_verb_sign(text: str, nouns_after: frozenset[str] = frozenset()) -> bool:
    """Any word of ``text`` read as a verb by lacks_main_clause's word-by-word reading; a word
    in "-s" after one of ``nouns_after`` is read as a noun."""
    before = ""
    for word in (w.lower() for w in _TOKEN.findall(text)):
        if word in FINITE or word in _PRONOUNS or _CONTRACTION.search(word):
            return True
        if word.endswith(("'s", "’s")):
            if word[:-2] in _CONTRACTED_IS:
                return True
        elif _verb_form(word, before) and not (word.endswith("s") and before in nouns_after):
            return True
        before = word
    return bool(_INFINITIVE.search(text))


def _verb_form(word: str, before: str) -> bool:
    """A word in "-ed" no determiner makes an adjective, or a word in "-s" (plurals too)."""
    if word.endswith("ed"):
        return before not in _DETERMINERS
    return word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 2


def has_tensed_verb(sentence: str) -> bool:
    """A main clause shown by a form only a verb takes: an auxiliary or a common irregular form,
    a contraction, or a word in "-ed" no determiner makes an adjective. Stricter than
    lacks_main_clause, which also reads any word in "-s" or after a compound subject as a verb:
    for the head of a sentence a cut left unfinished ("In the weeks since the storm, which"),
    where a fronted phrase or a name with its description may stand without its verb."""
    before = ""
    for word in (w.lower() for w in _TOKEN.findall(_RELATIVE.sub("", sentence))):
        if word in FINITE or _CONTRACTION.search(word):
            return True
        if word.endswith("ed") and _verb_form(word, before):
            return True
        before = word
    return False
