"""Deterministic repair of an opening pronoun from the sentence before it in the same article.

"It could perform some 400 additions a second" means nothing on a summary page; in its article
the sentence before it ("CARVEL-1 filled a room ...") says what "it" is. A pronoun that opens a
sentence continues the subject of the sentence before it (the usual reading of news prose), so
when that subject is a name the pronoun is replaced by it ("CARVEL-1 could perform ..."). The
statement stays cited to the same article; nothing is invented. When the previous subject is not
clearly a name the sentence is left alone, and the summarizer refuses it where it would open.
Nor is a sentence repaired halfway: another pronoun in it that pointed back too ("She got it in
31 moves") is written as the one thing the previous sentence names for it ("a draw"), or the
sentence is left alone.
"""

from __future__ import annotations

import re

from newsloom.summarize.openings import names_something, opening_reference
from newsloom.summarize.speech import SAY_FINITE, alternation
from newsloom.textkit import STOP_WORDS

# Subject pronouns continue the previous subject; "his"/"her" and "they" point at too many
# referents to resolve without parsing.
_OPENING_PRONOUN = re.compile(r"^(He|She|It|Its)\b(?!['’])")
_PERSONAL = frozenset({"He", "She"})
# A leading name: capitalised words (and the joiners names carry), optionally after "The".
_LEADING_NAME = re.compile(
    r"^((?:The\s+)?[A-Z][\w&'’.-]*(?:\s+(?:[A-Z0-9][\w&'’.-]*|of|de|van|von|&))*)"
)
# What follows a subject: a verb (a common one, or a past or present tense form) or a comma. A
# lower-case noun instead means the capitalised words were a modifier ("The Carrow schoolgirl").
_VERB_AFTER = re.compile(
    r"^(?:,|\s+(?:is|was|are|were|has|had|have|will|would|could|can|may|might|must|should|did|"
    rf"does|{alternation(SAY_FINITE)}|also|now|then|still|\w+ed|"
    r"\w+[^s's]s)\b)"
)


# "The previous record holder, Anton Rask, earned ...": the apposition is the subject's name.
_APPOSITION = re.compile(r"^The [a-z][\w\s'’-]{0,40}, (?=[A-Z])")


def leading_name(sentence: str, article_text: str) -> str:
    """The name a sentence opens with as its subject, or "" when that is not clearly a name.

    A single word counts only when it is written with a capital inside a sentence of the
    article too ("Nimbus", not "Police"), or carries a digit or inner capital ("CARVEL-1")."""
    apposition = _APPOSITION.match(sentence)
    if apposition:
        sentence = sentence[apposition.end() :]
    match = _LEADING_NAME.match(sentence)
    if not match:
        return ""
    name = re.sub(r"(?:\s+(?:of|de|van|von|&))+$", "", match.group(1)).rstrip(".,’'")
    if name.endswith(("'s", "’s")) or not _VERB_AFTER.match(sentence[len(name) :]):
        return ""
    words = [w for w in name.split() if w != "The"]
    if not words or words[0].lower() in STOP_WORDS:
        return ""  # "When Corvid Labs ...", "In Ebbingford ...": not a subject
    if (
        len(words) >= 2
        or any(ch.isdigit() for ch in words[0])
        or any(ch.isupper() for ch in words[0][1:])
    ):
        return name
    inside = re.search(rf"[a-z,;] {re.escape(words[0])}\b", article_text)
    return name if inside else ""


# A leading connective of consequence: what follows states a fact of its own ("As a result, the
# council closed the beach"), and the page need not show the cause to make it true.
_CONSEQUENCE = re.compile(
    r"^(?:As a result|Consequently|In consequence|En conséquence|Par conséquent),\s+",
    re.IGNORECASE,
)


def repair_opening(sentence: str, previous: str, article_text: str) -> str:
    """``sentence`` with an opening pronoun replaced by the name ``previous`` opens with: "he" and
    "she" only by a person's full name (two words, no article), "it" only by a thing's (after
    "The", or a model name with a digit: a lone surname is a person's). A leading connective of
    consequence is dropped when what follows names its subject and stands on its own ("En conséquence, la maire de Vernaz a
    prolongé ..." -> "La maire de Vernaz a prolongé ...")."""
    consequence = _CONSEQUENCE.match(sentence)
    if consequence:
        rest = sentence[consequence.end() :]
        rest = rest[:1].upper() + rest[1:]
        if names_something(rest) and not opening_reference(rest):
            return rest
    match = _OPENING_PRONOUN.match(sentence)
    if not match or not previous:
        return sentence
    name = leading_name(previous, article_text)
    if not name or _names_another(previous, name):
        return sentence
    pronoun = match.group(1)
    if pronoun in _PERSONAL:
        if len(name.split()) < 2 or name.startswith("The "):
            return sentence
    elif not (name.startswith("The ") or any(ch.isdigit() for ch in name)):
        return sentence
    rest = sentence[match.end() :]
    if _leaves_reference(rest):
        rest = _with_previous_object(rest, previous[previous.find(name) + len(name) :])
        if not rest:
            return sentence
    if pronoun == "Its":
        name += "'" if name.endswith("s") else "'s"
    return name + rest


# An object pronoun: "it" or "them" with no verb after it ("got it in 31 moves", "beat them").
# "He said it would rain" has "it" as a subject, most often of no thing at all.
_OBJECT_PRONOUN = re.compile(
    r"\b(?:it|them)\b(?=\s*(?:[,.;:!?]|$|(?:in|on|at|to|for|with|by|from|and|but|as|after|"
    r"before|into|over|up|down|out|off|back|again|when|while|because|until|since|through|"
    r"against|without|twice|once|too|now|then|all|both)\b))",
    re.IGNORECASE,
)
# A noun phrase the pronoun may point to inside the sentence: a determiner and its noun.
_NOUN_PHRASE = re.compile(
    r"\b(?:a|an|the|this|that|these|those|his|her|its|their|our|some|any|each|every)\s+[\w-]+",
    re.IGNORECASE,
)


# The one thing the previous sentence's subject acted on, as the sentence's first noun phrase
# after its verb: "needed only a draw", "ordered a recount".
_INDEFINITE_OBJECT = re.compile(
    r"^\s+(?:\w+\s+){1,2}?(?:only\s+|just\s+)?((?:a|an)\s+[a-z][\w-]*(?:\s+of\s+[a-z][\w-]*)?)(?=[\s,.;:])"
)


def _with_previous_object(rest: str, previous_rest: str) -> str:
    """``rest`` (after an opening pronoun) with its one object "it" (_leaves_reference) written
    as the thing the previous sentence (``previous_rest``: after its subject) said its subject
    acted on: "She got it in 31 moves" after "Mina Sato-Berg needed only a draw" is "Mina
    Sato-Berg got a draw in 31 moves". "" when that is not one indefinite noun phrase right
    after the verb, or the sentence has another pronoun left."""
    found = [
        m for m in _OBJECT_PRONOUN.finditer(rest) if not _NOUN_PHRASE.search(rest[: m.start()])
    ]
    target = _INDEFINITE_OBJECT.match(previous_rest)
    if len(found) != 1 or found[0].group(0).lower() != "it" or not target:
        return ""
    if re.search(r"\b(?:a|an)\s", previous_rest[target.end() :]):
        return ""  # another thing acted on: "it" may be either
    fixed = rest[: found[0].start()] + target.group(1) + rest[found[0].end() :]
    return "" if _leaves_reference(fixed) else fixed


def _leaves_reference(rest: str) -> bool:
    """What follows an opening pronoun holds another that points back as it did and that no
    noun before it in the sentence can take: "She got it in 31 moves" after "Mina Sato-Berg
    needed only a draw" is a draw. Naming the subject alone would leave "it" pointing at
    nothing the page says: the sentence is left as it was (and refused where it would be read
    alone) unless the previous sentence names that thing (_with_previous_object)."""
    for match in _OBJECT_PRONOUN.finditer(rest):
        if not _NOUN_PHRASE.search(rest[: match.start()]):
            return True
    return False


def _names_another(previous: str, name: str) -> bool:
    """The previous sentence names someone or something besides its subject ("Dr. Lind noted
    that Brandt was in a coma"): the pronoun may point at either, so it is left alone."""
    rest = previous[previous.find(name) + len(name) :] if name in previous else previous
    return bool(re.search(r"(?<![.!?:]\s)(?<=\s)[A-Z][a-z]", rest))


def name_own_outlet(sentence: str, outlet: str) -> str:
    """``sentence`` with the outlet's short name for itself ("told the Star", in an article of
    the Metro Evening Star) completed with its full name: on a summary page the statement sits
    beside other outlets' words, and "the Star" names no paper the reader knows."""
    words = outlet.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    if len(words) < 2 or not words[-1][:1].isupper():
        return sentence
    short = re.compile(rf"\b([Tt]he) {re.escape(words[-1])}\b(?!['’]?s?\s+[A-Z])")
    return short.sub(lambda m: f"{m.group(1)} {' '.join(words)}", sentence)
