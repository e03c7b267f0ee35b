"""The writer's commentary and verdicts: sentences a careful editor's summary does not pass on.

A summary page tells what happened, each statement cited. A sentence in which the article's
writer speaks in their own voice, with no one credited, is not news however well it reads:

- an order or a plea to the reader ("Don't panic: ...", "Forget the ...", "Imagine ..."),
- an exclamation outside quotation marks,
- a question the writer asks and does not report anyone asking (a rhetorical question),
- a slang label for the people in the story ("Boffins at the museum ..."),
- a verdict by an evaluative word ("two superb performances", "a dismal first half", "she did
  not disappoint", "the play deserves better", "a triumph of craft", "worth a visit", "what this
  race needs is ...") that no one in the sentence is credited with,
- the writer's impression ("the reopening feels less like a ribbon-cutting than a homecoming"),
- a teaser that announces a story instead of telling it ("the figures tell a simple story", "the
  reasons are not hard to find"),
- the writer's prediction with no one credited ("Lund, who flew in on Monday, will find that the
  vote was the easy part", "the crowd may turn out to matter more", "a slow bus will not persuade
  anyone"),
- received wisdom or a figurative summing-up ("a long tail has always suggested a swimmer", "both
  parties have done their sums"),
- the writer speaking to the reader ("You can't blame the mayor for ...", "you might want to
  check", "Here's what you need to know", "Let's take a look", "Vous l'aurez compris"),
- an aside, a joke or a guess of the writer's ("Good thing he kept the ticket.", "So much for the
  forecast.", "Turns out a late ferry is the best way to see the sunset.", "Perhaps the crew
  wanted a toast of their own.", "It's also possible that the app will get more features."),
- a general truth with no actor, in the present ("Starting a new company is tough.", "No town is
  immune to floods.", "Late trains are a fact of life.", "Créer une entreprise n'est pas facile.").

An attributed opinion stays: "the union called the plan reckless, its leader said" reports what
someone said, which is news; so does a quotation (the words inside quotation marks are the
speaker's, not the writer's). These markers hold for any news text in English (the reader's,
the aside's and the general truth's also in French); a text in another language simply has none
of them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsloom.summarize.openings import QUOTED
from newsloom.summarize.speech import JUDGE, REPORT, SAY, VIEW, alternation

# Someone credited: a verb of saying or judging with its speaker, a source, or critics named as
# holders of the view ("critics called it", "reviewers praised").
_CREDITING = SAY | REPORT | JUDGE | VIEW
_CREDITED = re.compile(
    rf"\b(?:{alternation(_CREDITING)}|"
    r"critics?|reviewers?|judges?|fans?|supporters?|opponents?|residents?|readers?|viewers?)\b",
    re.IGNORECASE,
)
# An order or a plea to the reader at the sentence's opening: "Don't panic", "Do not miss",
# "Forget the ...", "Imagine ...", "Spare a thought for ...", "Take note".
_IMPERATIVE = re.compile(
    r"^(?:don['’]t|do not|never mind|forget|imagine|spare a thought|take note|make no mistake|"
    r"believe it or not|mark (?:your|the) calendars?|look no further|"
    # The writer drawing the reader along ("Let's take a look", "Let us all hail the winner",
    # "Move over, old ferry: ..."; "Voyons", "Avouons-le", "Soyons clairs").
    r"let['’]s|let us|move over|voyons|avouons-le|soyons (?:clairs?|honnêtes?))\b",
    re.IGNORECASE,
)
# Slang labels a tabloid gives to the people it reports on.
_SLANG = re.compile(
    r"\b(?:boffins?|eggheads?|whizz-?kids?|top brass|bigwigs?|fat cats?|do-gooders?|"
    r"jobsworths?|luvvies|sickos?)\b"
)
# A verdict by an evaluative word: praise or blame with no measure behind it. Words a report
# uses of measured things ("record", "strong winds", "severe flooding") are not here, nor words
# that describe a sight ("a stunning image", "dazzling green light"): news tells sights so, and
# the sentence's fact (a meteor seen, an image taken) is the news.
_VERDICT = re.compile(
    r"\b(?:superb(?:ly)?|brilliant(?:ly)?|brilliance|magnificent(?:ly)?|masterful(?:ly)?|"
    r"masterpiece|sublime|delightful(?:ly)?|spellbinding|mesmeri[sz]ing|exquisite(?:ly)?|"
    r"disappointing(?:ly)?|dismal(?:ly)?|woeful(?:ly)?|lacklustre|lackluster|abysmal(?:ly)?|"
    r"shambolic|dreadful(?:ly)?|laughabl[ey]|pitiful(?:ly)?|pathetic(?:ally)?|sacrilege|travesty|"
    r"did not disappoint|didn['’]t disappoint|failed to impress|"
    # What something or someone merits is a judgement ("the play deserves to be judged on its
    # own", "the side deserved more"), not a report, unless someone is credited with it.
    r"deserv(?:e|es|ed)|"
    r"(?:was|is) no accident|"
    # "is a triumph of conservation craft", "was a small triumph of engineering": the writer's
    # praise of a piece of work. A win reported as a "triumph" ("their World Series triumph")
    # is not this form.
    r"(?:is|was) an? (?:[a-z]+ )?triumph of|"
    # A recommendation to the reader ("the ground is worth a visit", "a car worth watching").
    r"worth (?:a visit|a look|the wait|the trip|seeing|watching|reading)|"
    # The writer's prescription at the opening: "What this league needs is a salary cap."
    r"^what (?:this|the|these|[a-z]+)(?: [a-z]+){0,4} needs? (?:now )?is)\b"
)
# The writer consoling a side ("fans can take solace in the fact that ..."), or prescribing to the
# people in the story, the form of "what this league needs": "officials should understand that
# ...", "ministers should ask themselves ...". Looked for only when "take", "should", "must" or
# "ought" is there.
_PRESCRIPTION = re.compile(
    r"\bcan take (?:solace|comfort|heart) in\b|"
    r"\b(?:should|must|ought to) (?:understand|reali[sz]e|recogni[sz]e|remember) that\b|"
    r"\b(?:should|must|ought to) ask (?:themselves|himself|herself)\b"
)
_PRESCRIPTION_CLUES = ("take ", "should ", "must ", "ought ")
# The writer's present impression of the event ("its reopening feels less like a ribbon-cutting
# than a homecoming", "the new fee feels more like a fine than a charge"): "feels like" in the
# present, outside quotation marks and with no one credited, is nobody's but the writer's. (A
# past "felt like" may be a witness's account retold, and "I feel like" is a speaker's.)
_IMPRESSION = re.compile(r"\bfeels (?:less |more |much more |a lot )?like\b")
# A teaser: the writer announces that the figures or the marks "tell a simple story", or that "the
# reasons are not hard to find", and tells it in the next sentence. The sentence holds no fact of
# its own, so crediting it ("a team says the marks tell another story") does not make it one.
# "tells the story of ..." is a synopsis (what a film or book is about) and stays.
_TEASER = re.compile(
    r"\b(?:tells?|told) (?:a|an|another|quite a|its own)(?: [a-z]+){0,2} story\b"
    r"(?! of\b| about\b| that\b| in\b)|"
    r"\b(?:reasons?|causes?|explanation|answer) (?:is|are|was|were) not (?:hard|difficult) to "
    r"(?:find|see|spot)\b|"
    # "Here's what you need to know", "Here's why.", "Here's how the town reacted": the writer
    # announcing what follows ("Voici pourquoi", "voici ce qu'il faut savoir").
    # A colon gives what is announced ("Here's what few travellers know: a staff ticket ..."), and
    # the sentence tells it.
    r"^here['’]?s (?:all |everything )?(?:what|how|why)\b(?!.*:\s*\S)|"
    r"^voici (?:pourquoi|comment|ce qu['’]il faut savoir)\b"
)
# The writer's prediction: what a named person (or he, she, they) "will find that" or "will learn
# that" is the writer's forecast of their fortunes, not an act or a plan; so is "may turn out to"
# and a forecast of what will never persuade "anyone". Matched on the text as written: the
# subject of "will find that" is a name or a pronoun, not a bank or a firm explaining a process
# ("the lender will find that it cannot pull the report").
_PREDICTION_OF = re.compile(
    r"(?:\b[A-Z][\w’'-]+|\b[Hh]e|\b[Ss]he|\b[Tt]hey)(?:, [^,]{1,80},)? will (?:soon )?"
    r"(?:find|discover|learn|reali[sz]e) that\b"
)
_PREDICTION = re.compile(
    r"\bmay (?:well |yet )?turn out to\b|"
    r"\bwill (?:not|never) (?:persuade|convince|win over) (?:anyone|anybody|everyone)\b"
)
# Received wisdom or a figurative summing-up in the present: what something "has always
# suggested" or "seemed" is a common view nobody is credited with; an idiom ("have done their
# sums", "the jury is still out", "only time will tell", "has had more than its share", "is thin
# on the ground", "not what the doctor ordered") sums up instead of reporting a measure; and "the
# shuttle is less a glimpse of the future than a welcome lift" is the writer recasting a thing, as
# "feels less like" is.
_RECEIVED = re.compile(
    r"\b(?:has|have) always (?:suggested|seemed|looked like|appeared)\b|"
    r"\b(?:done|do|did) (?:their|its|his|her) sums\b|"
    r"\bjury is (?:still )?out\b|\bonly time will tell\b|\bwhat the doctor ordered\b|"
    r"\bmore than (?:its|their|his|her) (?:fair )?share\.|\bthin on the ground\b|"
    r"\b(?:is|was|are|were) less (?:an? |the )?[a-z -]{1,40}? than (?:an? |the )"
)
# A word each of _RECEIVED's forms needs.
_RECEIVED_CLUES = ("always", "sums", "jury", "time will", "share.", "thin on", "less ", "doctor")


# The writer speaking to the reader: what "you" thought, may want to do or cannot blame someone
# for is the writer's aside, whoever the sentence names ("You can't blame the mayor for ...",
# "you might want to check your bill"). "You" telling a fact ("the app lets you hide a game",
# "more stars than you may think") is not this form.
_READER = re.compile(
    r"\byou (?:thought|(?:might|may) have thought|(?:can|could)(?:['’]t| not| hardly) blame|"
    r"(?:['’]d|would) be forgiven|(?:might|may) want to|have to (?:admire|hand it|wonder))\b|"
    # "Here's what you need to know" opening the sentence; after a fact ("The first supermoon
    # rises on Monday; here's all you need to know") the fact is told, and the sentence stays.
    r"^(?:if [^,]{1,60}, )?(?:here['’]?s|here is|what) (?:all |everything )?(?:what )?"
    r"you need to know\b|"
    r"\bvous (?:l['’]aurez (?:compris|deviné)|vous en doutiez|vous (?:en )?souvenez sans doute)\b"
)
# An aside or a joke of the writer's at the opening: a clause that is not one ("Good thing he kept
# the receipt.", "So much for the forecast.", "Not exactly a vote of confidence.", "Go figure.";
# "Tant mieux", "Tant pis", "Pas vraiment ...").
_ASIDE = re.compile(
    r"^(?:good thing|so much for|not exactly|go figure|tant mieux|tant pis|pas vraiment)\b"
)
# An opener that may tell a fact ("Turns out she owed $284.", "No wonder the German was content
# with a 12-point lead") is the writer's joke only when no verb of the sentence is in the past:
# news tells what happened, and "Turns out a late ferry is the best way to see the sunset" tells
# nothing that did.
_ASIDE_OF_NOTHING = re.compile(r"^(?:turns out|(?:no|small|little) wonder)\b")
_PAST = re.compile(
    r"\b(?:was|were|had|did|[a-z]{2,}ed|knew|went|came|took|made|found|told|got|left|saw|gave|"
    r"said|won|lost|ran|began|became|fell|rose|held|kept|met|paid|sold|sent|spent|stood|thought|"
    r"brought|bought|caught|wrote|broke|chose|drove|flew|grew|threw|wore|hit|put|set|shut|cut)\b"
)
# The writer's guess: "Perhaps" opening a whole claim ("Perhaps the crew wanted a toast of their
# own."), "it's possible that" or "it's no surprise that" with no one credited, or a consequence
# of a rumour's truth. "Perhaps" ranking a reported fact ("Perhaps the most telling case comes
# from Iceland", "Perhaps crucially, the glasses have no camera") is not this form: the fact
# after it is told.
_GUESS = re.compile(
    r"^perhaps (?!the (?:most|[a-z]+est)\b)(?![a-z]+ly\b)|"
    # What would follow if a report the writer doubts is true ("If this is true, the camera would
    # beat any on the market").
    r"^if (?:this|that|it) (?:is|proves|turns out to be) true\b|"
    r"^(?:it['’]s|it is|that['’]s|that is) (?:also |just )?(?:(?:hard|difficult) to "
    r"(?:believe|imagine|overstate)|(?:no|little|small) (?:surprise|wonder)|"
    r"possible that)\b"
)
# A general truth with no actor, in the present: a gerund or an infinitive as the subject with an
# evaluative word ("Starting a new company is tough.", "Créer une entreprise n'est pas facile."),
# "no" or "every" with a noun and a state ("No town is immune to floods."), or what is "a fact of
# life" or "part of modern life".
_GENERIC = re.compile(
    r"[a-z]+ing(?: [a-z]+){0,4} (?:is|can be) (?:never |always |rarely |not |no )?"
    r"(?:tough|hard|easy|difficult|fun|no fun|no joke|no picnic|a challenge)\b|"
    r"[a-zéè]+(?:er|ir|re)(?: [a-zéè'’]+){0,4} n['’]est (?:jamais |pas )?(?:facile|simple|"
    r"une sinécure|une partie de plaisir)\b|"
    r"(?:no|every) [a-z]+ is (?:immune|safe|perfect)\b"
)
_LIFE = re.compile(r"\ba (?:[a-z]+ )?fact of life\b|\bpart of (?:modern|everyday|daily) life\b")


# The first words of the asides and guesses above, and what each general truth needs: a set
# lookup or a substring test spares the patterns on the sentences (most) that have none.
_OPENERS = frozenset(
    "good so not go tant pas turns no small little perhaps it's it’s it that's that’s that "
    "if".split()
)


def _generic(lowered: str, first: str) -> bool:
    opening = (
        first.endswith("ing")
        or first in ("no", "every")
        or ("n'est" in lowered or "n’est" in lowered)
    )
    return bool(
        (opening and _GENERIC.match(lowered)) or ("life" in lowered and _LIFE.search(lowered))
    )


# A name whose mark is part of it ("reports Yahoo!"): no exclamation of the writer's.
_NAMED_MARK = re.compile(r"\bYahoo!", re.IGNORECASE)


def _unquoted(sentence: str) -> str:
    return _NAMED_MARK.sub("Yahoo", QUOTED.sub(" ", sentence))


@lru_cache(maxsize=65536)  # every candidate of a story is read again at each refresh
def writers_voice(sentence: str) -> str:
    """What marks ``sentence`` as the writer's commentary or verdict (``"imperative"``,
    ``"exclamation"``, ``"question"``, ``"slang"``, ``"teaser"``, ``"verdict"``,
    ``"impression"``, ``"prediction"``, ``"received"``, ``"reader"``, ``"aside"``, ``"guess"``,
    ``"generic"``), or ``""`` when it reports.

    A question or a verdict crediting someone (a verb of saying or judging, a source, critics)
    reports that view and is news; so is a quotation."""
    text = _unquoted(sentence).strip()
    if not text:
        return ""
    # The writer's own form whoever is credited: an order to the reader, an exclamation, a
    # slang label ("Boffins ... say ..." credits the scientists in the writer's mocking word), a
    # teaser (it says only that there is something to tell).
    if _IMPERATIVE.search(text):
        return "imperative"
    if text.rstrip("”\"’' )").endswith("!"):
        return "exclamation"
    # The word lists below are matched on the lowered text: one pass without case folding.
    lowered = text.lower()
    if _SLANG.search(lowered):
        return "slang"
    # The writer speaking to the reader, or an aside that is no clause, whoever is named.
    if ("you" in lowered or "vous" in lowered) and _READER.search(lowered):
        return "reader"
    first = lowered.split(" ", 1)[0].rstrip(",")
    opens_aside = first in _OPENERS
    if opens_aside and (
        _ASIDE.match(lowered) or (_ASIDE_OF_NOTHING.match(lowered) and not _PAST.search(lowered))
    ):
        return "aside"
    # Each form of colour below is looked for only when a word it needs is there (a substring
    # test costs far less than a pattern, and most sentences have none of these words).
    if (
        "story" in lowered
        or "not hard" in lowered
        or "not difficult" in lowered
        or lowered.startswith(("here", "voici"))
    ) and (_TEASER.search(lowered)):
        return "teaser"
    # A question, a verdict, an impression, a prediction or received wisdom is the writer's
    # unless someone is credited with it (the costlier test, so it is made only when one of
    # them is there).
    if text.rstrip("”\"’' )").endswith("?"):
        kind = "question"
    elif _VERDICT.search(lowered) or (
        any(clue in lowered for clue in _PRESCRIPTION_CLUES) and _PRESCRIPTION.search(lowered)
    ):
        kind = "verdict"
    elif _IMPRESSION.search(lowered):
        kind = "impression"
    elif ("will " in lowered or "turn out" in lowered) and (
        _PREDICTION.search(lowered) or _PREDICTION_OF.search(text)
    ):
        kind = "prediction"
    elif any(clue in lowered for clue in _RECEIVED_CLUES) and _RECEIVED.search(lowered):
        kind = "received"
    elif opens_aside and _GUESS.match(lowered):
        kind = "guess"
    elif _generic(lowered, first):
        kind = "generic"
    else:
        return ""
    return "" if _CREDITED.search(sentence) else kind


def is_commentary(sentence: str) -> bool:
    """``sentence`` is the writer's commentary or verdict (writers_voice)."""
    return bool(writers_voice(sentence))
