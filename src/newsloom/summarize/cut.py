"""A text cut off mid-sentence: the complete statement its last sentence makes before the cut.

Feed summaries and lead paragraphs are often cut at a length, not at a sentence's end: "Voters
on Tuesday approved the amendment, ending a system that critics said". The words after the last
clause boundary are unfinished, but the clause before it is whole, and a careful editor would
quote that clause with a full stop ("Voters on Tuesday approved the amendment."), as the story's
other outlets' complete sentences are quoted. Only a boundary after which an elaboration begins
counts: a participle (", ending ...", ", angered by ..."), a relative or subordinate clause
(", which ...", ", while ...", ", with ..."), a semicolon or a dash, a colon the cut came
right after (what it introduced is lost, the clause before it is whole), or an adjunct of time,
cause or means that needs no comma ("... after the board refused to", "... by moving money
ahead of the"). A comma inside a list
(", breeding pigs and calves") would leave a list cut short, so a tail that goes on with "and"
or "or" is refused; so is a head that states nothing by itself (clip.stands_alone's refusals),
and one without a verb in a form only verbs take (mainverb.has_tensed_verb): the cut may have
left a fronted phrase without its clause ("In the weeks since the storm, which").
"""

from __future__ import annotations

import re

from newsloom.summarize.clip import stands_alone
from newsloom.summarize.mainverb import has_tensed_verb

# A sentence that ends as a sentence does: a full stop, "!", "?" or an ellipsis, before closing
# quotation marks or brackets.
_ENDED = re.compile(r"[.!?…][\"'”’)\]]*$")
# Where an elaboration begins after a comma: a participle or a word opening a subordinate or
# relative clause or a phrase of circumstance; or a semicolon or a spaced dash.
_BOUNDARY = re.compile(
    r",\s+(?=(?:[a-z]+(?:ing|ed)|which|who|whose|where|while|whereas|although|though|as|after|"
    r"before|when|with|amid|including|according|because|despite|even)\b)|;\s|\s(?:[—–]|--)\s"
    # A colon ending the text: what it introduced was cut, the clause before it is whole.
    r"|:\s*$"
)
# An adjunct of time, cause or means opened without a comma ("... began a blockade of all
# legislation after the other party refused to", "... said the council had told her to close
# the pool by moving swimmers ahead of the"): the clause before it is whole, as before a comma's
# elaboration. Not a preposition a verb may take as its complement ("into", "to", "for":
# "hoped to turn the old mill into"), nor "by" before a noun (the agent of a passive: "was
# approved by the"), nor a restrictive relative ("a report that"): cut there, the head would
# claim something else.
_ADJUNCT = re.compile(
    r"\s(?=(?:after|before|ahead\s+of|amid|despite|following|until|because|while)\s|by\s+[a-z]+ing\b)"
)
_LIST_END = re.compile(r"\s(?:and|or)\s")
# A subordinate clause opening the sentence ("After the council voted ..."): its main clause
# comes after a comma, so a head without one has none.
_SUBORDINATE_FIRST = re.compile(
    r"^(?:after|before|when|while|as|since|although|though|because|if|once|until|unless)\b",
    re.IGNORECASE,
)


def is_cut(sentence: str) -> bool:
    """The sentence stops without the mark that ends a sentence: the text was cut in it."""
    return not _ENDED.search(sentence.rstrip())


def finished_head(sentence: str) -> str | None:
    """The longest head of a cut sentence that ends at a clause boundary and states something by
    itself, with a full stop; None when no such head is left."""
    boundaries = [*_BOUNDARY.finditer(sentence), *_ADJUNCT.finditer(sentence)]
    for match in sorted(boundaries, key=lambda m: m.start(), reverse=True):
        if _LIST_END.search(sentence[match.end() :].split(",")[0]):
            continue
        head = sentence[: match.start()].rstrip(" ,;—–-")
        if _SUBORDINATE_FIRST.match(head) and "," not in head:
            continue
        if stands_alone(head) and has_tensed_verb(head):
            return head + "."
    return None
