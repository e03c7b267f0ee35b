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

from newsloom.summarize.people import NAME_TITLES, ROLES
from newsloom.summarize.speech import FRENCH_REPORT, REPORT, SAY, SAY_FINITE, alternation
from newsloom.summarize.unattributed import closes_unopened_quotation
from newsloom.summarize.words import CALENDAR, DOUBLE_QUOTES, PLURAL_COUNTS, numbers_in, tokens
from newsloom.textkit import STOP_WORDS, stem

# Pronouns and demonstratives whose referent lies outside the sentence.
# French ones too, for the newsroom's other language ("C'est le sacristain qui ...", "Il a ...").
_PRONOUNS = frozenset(
    """
    he she they it his her their its him them we i us our my this these those that such
    il elle ils elles c cela ça ceci
    """.split()
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
    r"the latter|the former|"
    # "Two days later", "The day before": a time counted from one the page may not show; not
    # "The night before Michigan's primary", where "before" has its own object.
    r"the rest|the remaining|the next day|[\w-]+ (?:\w+ )?(?:later\b|earlier\b|before\b(?!\s+"
    r"(?!(?:he|she|they|it|we|his|her|its|their|that|this|these|those|then)\b)[\w\"“‘']))|"
    r"(?:when|while|after|before|as|since|although|though|if|because|"
    r"until|once|like|unlike) (?:he|she|it|they|we|his|her|its|their)\b|"
    # French: "En conséquence, la maire ...", "Selon elle, ...".
    r"en conséquence|par ailleurs|en outre|de plus|cependant|pourtant|toutefois|mais|"
    r"selon (?:elle|lui|eux|elles)\b)",
    re.IGNORECASE,
)
# A quantifier standing alone as the subject: "All were released the same day.", "Both have
# denied it.", "Most of them ...". With a noun after it ("All fourteen miners ...") it names.
_COLLECTIVE = re.compile(
    r"^(?:all|both|each|most|many|some|several|others|none|few|much)(?:\s+of\s+(?:them|us|those|"
    r"this|that|these|it)\b|"
    # Not "told": "All told, ..." is an idiom ("in all"), with no one telling.
    r"\s+(?:is|was|are|were|have|has|had|will|would|could|can|may|might|must|"
    rf"{alternation(SAY_FINITE - {'told', 'tells'})}|agreed|remain|remained)\b|,)",
    re.IGNORECASE,
)
_COUNTS = frozenset(PLURAL_COUNTS) | {"dozen"}
# A short time or place phrase before the subject: "On Tuesday she said ...".
_LEADING_ADVERBIAL = re.compile(r"^(?:on|in|at|by|last|this|next|earlier|later)\b", re.IGNORECASE)
# A leading phrase that points back with a demonstrative: "With this update, ...", "In that
# recording, ...", "To do this, ...", "Following these claims, ...", "Dans ce dossier, ...". A
# time ("Until this week", "From this morning") is the report's own, and "those who/seeking"
# are people: neither needs anything before it.
_DEMONSTRATIVE_PHRASE = re.compile(
    r"^(?:in|on|at|with|during|for|to|from|after|before|by|following|despite|because of|until|"
    r"under|since|within|amid|on top of|dans|avec|pour|après|avant|depuis|malgré)\s+"
    r"(?:(?:all of|both|do|put|light of)\s+)?(?:(?:this|that|(?-i:ce|cet|cette|ces))\b|"
    r"(?:these|those)\b(?!\s+(?:who|whom|[\w-]+ing|[\w-]+ed)\b))"
    r"(?:\s+([\w’'-]+))?[^,;:]{0,60},",
    re.IGNORECASE,
)
_TIME_WORDS = frozenset(
    """
    week weekend year year's month morning afternoon evening night season season's spring summer
    autumn fall winter decade century monday tuesday wednesday thursday friday saturday sunday
    semaine année an mois matin soir saison été hiver printemps automne
    """.split()
)
_SUBJECT_PRONOUNS = frozenset("he she they it we i il elle ils elles".split())
# Those that stand for people ("it" is as often an object or "it matters"), and the words
# before them that ask rather than point back ("Why it matters:", "How they did it").
_PERSONAL_PRONOUNS = frozenset("he she they we il elle ils elles".split())
_QUESTION_WORDS = frozenset("why how what when where who whether if".split())
# A leading phrase, then a pronoun as the subject: "Named Oskdalornis magnus, it stood ...",
# "En montant régler l'horloge, il a découvert ...".
# "Yesterday, those same supporters ...": a demonstrative after the phrase points back too, as
# does "that" or "this" as the subject after a sentence adverb ("Unfortunately, that is not
# true.", "Still, this was the club's best season").
_PHRASE_THEN_PRONOUN = re.compile(
    r"^[^,;:\"“”]{3,80},\s+(?:he|she|they|it|we|those|these|il|elle|ils|elles)\s"
    r"|^[^,;:\"“”]{3,80},\s+(?:that|this)(?:['’]s|\s+(?:is|was|has|had|will|would|could|may|"
    r"might|means|meant|makes|made)\b)",
    re.IGNORECASE,
)
# Words that end the subject of "The <noun> ...": a finite verb or a comma.
_VERB_CUES = frozenset(
    """
    is was are were has had have will would could can may might must should shall did does do
    remains remained plans planned wants wanted made makes
    took takes became becomes gets got held holds now also then still already only just
    runs ran begins began starts ends lasts costs opens closes goes went comes came
    """.split()
) | (SAY - {"according"})
# Nouns that need no antecedent in a news report.
_UNIQUE_NOUNS = frozenset(
    "government administration police world weather public economy internet sun moon military"
    " army navy".split()
)
# "The unemployment rate ticked up": a rate a statistics office publishes names itself.
_PUBLISHED_MEASURES = frozenset("unemployment jobless inflation poverty".split())
# "The good news is ...", "The truth is ...": what follows the verb is the thing itself.
_SPECIFYING = re.compile(
    r"^The (?:(?:good|bad|better|worse|best|worst) news|truth|irony|upshot) (?:is|was)\b"
)
_SUBORDINATORS = (
    "when|while|as|after|before|although|though|since|because|if|once|until|even though|even as"
)
# "As he prepared to visit the harbour, Mayor Odell ...": the pronoun of a leading clause
# points forward, to the subject named after its comma.
# Only a singular pronoun: "When they visited Tamsin's relatives, Ilse joined them" is two
# parties; and only a name that is the subject, not its owner ("As he said this, Corran's
# mother ...").
# A person's pronoun, a name without an article ("After he managed the rebuild, the Kestrels
# hope ..." are not he); a thing's, a name with or without one. Not "I".
_NOT_OWNER = r"(?!I\b)(?![A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*\s?['’]\s?s\b)[A-Z]"
_NAMED_AFTER_CLAUSE = re.compile(
    rf"^(?i:{_SUBORDINATORS})\s+(?:(?i:he|she|his|her)\b[^,;:]{{0,120}},\s+"
    r"(?:(?!(?:the|a|an)\s)[a-z-]+\s+){0,2}?"
    rf"|(?i:it|its)\b[^,;:]{{0,120}},\s+(?:(?:the|a|an)\s+)?(?:[a-z-]+\s+){{0,2}}?){_NOT_OWNER}"
)
# "While the FDA said ..., it noted ...": the leading clause's subject is a name, and the pronoun
# after the comma continues it.
# The name must be the clause's subject, a verb after it ("If Caldera wins, it ..."), not a
# noun's modifier ("After the VLP victory, it denied ...": "it" is someone else).
# A plain verb, not a word in -s ("When Port Alder officials tried ..., he ...": a plural).
# The clause names no one else ("When Marsh died and Odell retired, he ..." is a third man).
_NAMED_CLAUSE_SUBJECT = re.compile(
    rf"^(?i:{_SUBORDINATORS})\s+(?:the\s+)?(?!I\b)([A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)*)\s+"
    r"(?:is|was|are|were|has|had|have|will|would|could|can|may|might|must|should|did|does|"
    rf"{alternation(SAY_FINITE)}|\w+ed)\b[^,;:]*,"
)
# An "it" that stands for no thing: "It's no secret that ...", "it would appear that ...", "it
# was uncertain when ...": what is known or likely, said of the clause after it. Not a judgement
# ("It's tough.", "It would be easy to ..."): its "it" is as often the situation just told.
_EXPLETIVE_IT = re.compile(
    r"^it(?:['’]s|\s+(?:is|was|will be|would be|has been|had been|seems|seemed|appears|appeared|"
    r"remains|remained|may be|might be))\s+(?:not\s+|still\s+|now\s+|also\s+)?(?:no secret|clear|"
    r"unclear|uncertain|likely|unlikely|possible|impossible|true|too early|too soon|unknown|"
    r"not known|obvious)\b|"
    r"^it\s+(?:would appear|appears|appeared|seems|seemed|would seem)\s+that\b|"
    # "It was gospel among consultants for years: ...": the colon says what "it" is.
    r"^it(?:['’]s|\s+(?:is|was|seemed|seems|looked|looks))\s[^.;:!?\"“”]{0,80}:\s+(?=\S)|"
    # A cleft: "it will be Greens who chair the committees", "It was the Elling council that
    # ...": the name after "be" is the subject. Not "it was a decision that ...", whose "it" is
    # the thing told before.
    r"^it(?:['’]s|\s+(?:is|was|will be|would be))\s+"
    r"(?=(?-i:(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)\s+(?:who|that)\b)",
    re.IGNORECASE,
)
# A time counted from an event the page may not show, with nothing after it to say which:
# "Earlier, Lund also crashed", "Later that day ...", "Afterwards the two met", "Ensuite, le
# maire ...". "Earlier this week", "Later on Tuesday", "Plus tard dans la soirée" name their time.
_RELATIVE_TIME = re.compile(
    # "Back then a ticket cost 40 crowns", "À l'époque, ...": the time of a sentence not shown;
    # "À l'époque des faits" names its time.
    r"^(?:back then\b|à l['’]époque\b(?!\s+(?:de|du|des|d['’]|où)\b)|"
    r"(?:earlier|later|afterwards?|subsequently|ensuite|puis|plus tard|auparavant)"
    # A comma, "that"/"those" pointing back, or a subject: a name ("Earlier Ines Varga made
    # ...") or a determiner or pronoun ("Afterwards the two met"); not an adjective ("Earlier
    # reports said ...", "Later stages of the trial": earlier than now) nor a day or a month
    # ("Earlier Sunday, ...").
    r"(?:\s*,|\s+(?:that|those|the|a|an|he|she|they|it|we|his|her|their|its|il|elle|ils|elles|"
    r"le|la|les|l['’])\b|\s+(?!(?:this|ce|cette|dans|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|january|february|march|april|may|june|july|august|september|october|"
    r"november|december)\b)(?-i:[A-Z])))",
    re.IGNORECASE,
)
# "Which means, ...", "Which is why ...": a relative clause whose antecedent is the sentence
# before; a question ends on "?". French: "Ce dernier a ...", "Celle-ci ...", "Lequel ...": the
# last person or thing named, on a page that may not have named it.
_RELATIVE_OPENING = re.compile(
    r"^(?:which\b(?![^?]*\?\s*$)|(?:ce|cette|ces)\s+derni(?:er|ère|ers|ères)\b|"
    r"(?:celui|celle|ceux|celles)-(?:ci|là)\b|(?:lequel|laquelle|lesquels|lesquelles)\b)",
    re.IGNORECASE,
)
# A subject left out, as in a post or a headline ("Will have twice the seats of the old
# ferry", "Was arrested at the border on Friday", "Says he will run again"): an auxiliary right
# before its verb, or a verb of saying before its clause, opens no main clause of English unless
# a question asks ("Is doping a thing of the past?") or the speaker follows ("Said the mayor:
# ..."). The subject is someone the sentence before named.
_ELIDED_SUBJECT = re.compile(
    r"^(?:(?:will|would|could|can|might|must|should|may|has|have|had|was|were|is|are)\s+"
    r"(?:not\s+|also\s+|still\s+|never\s+|already\s+)?(?:be|have|been|being|get|got|go|make|"
    r"take|do|need|want|[a-z]+ed|[a-z]{3,}ing)\b|"
    r"(?:says|said|adds|added|insists|insisted|claims|claimed)\s+(?:he|she|they|it|that)\b)"
    r"(?![^?]*\?[\"'”’)\s]*$)",
    re.IGNORECASE,
)
# "A similar complaint was filed ...", "Similar cases were reported ...": similar to what? Not
# "A similar number to last year's" nor "Similar to ...", whose comparison is in the sentence.
# Like a bare definite, it resolves when the page told its noun ("Similar floods ..." after the
# floods).
# French openings that point back as "Both", "The other", "Another", "His" and "This <noun>" do
# in English: "Tous deux ont été arrêtés", "L'autre a fui", "Un autre incendie ...", "Lui aussi
# ...", "Ses avocats ...", "Cette décision ...". A possessive or a determiner before a capital is
# part of a name ("Son Heung-min", "Ces Enfants du Rhin"), and "Ce" before a verb or a relative
# is a pronoun that opens a clause of its own ("Ce n'est pas fini", "Ce qui inquiète, c'est ...").
# "Cette semaine", "Ce matin": the report's own time.
_FRENCH_POINTING = re.compile(
    r"^(?-i:(?:Tous|Toutes)(?:\s+les)?\s+deux\b|L['’]autre\b|Les autres\b|Une?\s+autre\b|"
    r"D['’]autres\b|(?:Lui|Eux)\b|(?:Son|Sa|Ses|Leur|Leurs)\s+(?!of\b)[a-zà-ÿ]|"
    r"(?:Cet|Cette|Ces)\s+(?!(?:semaine|année|nuit|matin|soir|soirée|après-midi|jour|jours|"
    r"mois|week-end|saison|été|hiver|printemps|automne|lundi|mardi|mercredi|jeudi|vendredi|"
    r"samedi|dimanche|dernier|dernière|derniers|dernières)\b)[a-zà-ÿ]|"
    r"Ce\s+(?!(?:matin|soir|week-end|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|"
    r"mois|jour|qui|que|qu|sont|fut|sera|serait|doit|peut|pourrait|semble|dernier|n)\b)"
    r"[a-zà-ÿ])"
)
_SIMILAR_OPENING = re.compile(
    r"^(?:an?\s+)?similar\s+(?!to\b)([a-z][\w’'-]*)(?![\w’'-])(?!\s+(?:to|as)\b)", re.IGNORECASE
)
# After a leading phrase, a subject that counts or points back at a noun: "Somehow, both
# sisters were let on board", "Unfortunately, that plan has left ...", "In both cases, ...",
# "Between that ridge and ...", and at the opening "Each rower ...". The noun resolves when the
# page told it (a "both" before a name names: "On Tuesday, both Ford and GM ..."; "Ford and GM,
# both carmakers, said" is an apposition, closed by its comma).
_POINTED_NOUN = re.compile(
    r"^(?:[^,;:\"“”]{3,80},\s+(?P<q1>both|neither|either|that|this)"
    r"|(?:in|on|at|for|with|between|among|from|to|by|under|after|before)\s+"
    r"(?P<q2>both|each|either|neither|that|this)(?=\s+[a-z])"
    # "Each rower got two medals": which rowers? "Each year" is a time.
    r"|(?P<q3>each)(?=\s+(?!(?:day|days|time|times|other)\b)[a-z]))"
    r"\s+(?P<noun>[\w’'-]+)(?P<next>\s*,)?",
    re.IGNORECASE,
)
_ELIDED = re.compile(r"^[dl]['’]")  # French "d'Europe", "l'Ostmark"
_SCORE = re.compile(r"^\d{1,3}[-–]\d{1,3}$")
_SCORE_FOLLOWERS = frozenset("at in on against over with ,".split())
_AGE = re.compile(r"^\d+-year-old$")
# Closed quotations, double or single ("'Be grateful,' she said"), removed before looking for "I"
# (and by commentary.py before reading the writer's voice).
QUOTED = re.compile(r"“[^“”]*”|\"[^\"]*\"|‘[^‘’]*’|(?<![\w])'[^']*'(?![\w])")
# "I" alone is the speaker, but not an initial ("I. Lewis Libby"), a party and state
# ("(I-Vt.)", "I-95") or a numeral after the name it counts ("World War I", "Phase I").
_FIRST_PERSON = re.compile(
    r"\b(?:I['’](?:m|ve|d|ll)|me|my)\b|\bI\b(?!\.\s*[A-Z]|-)"
    # (The look-behinds come after "I" has matched: tried at every position, they cost.)
    + "".join(
        rf"(?<!\b{head} I)" for head in "War Phase Type Title Stage Class Level Grade Part".split()
    )
)  # "mine" is a pit as often
# An organisation speaking of its own, outside quotation marks: "a few of our 4,000
# employees", "we thank our customers", "our office security camera caught it". A writer never
# owns a company's staff or customers, nor a broadcaster's office, so the sentence is a
# spokesperson's words the page cannot attribute (a review's "our battery test" is its
# author's, and stays).
_ORG_VOICE = re.compile(
    r"\b[Oo]ur (?:[\d,]+ )?(?:[a-z]+ ){0,2}(?:employees|staff|customers|clients|users|members|"
    r"shareholders|workforce|colleagues|passengers|guests|patients|stores|company|"
    r"organi[sz]ation|office|newsroom|station|studio|reporters?|photographers?|crew|cameras?)\b"
)
# The outlet pointing at its own place, outside quotation marks: "our own coast", "will still
# be felt here", "scored the winner there". (A review's "we" is its author's, and stays.)
_OUTLET_VOICE = re.compile(
    r"\b[Oo]ur own\b|\s(?:here|there)(?:[.!]?$|\s+(?:in|on|at|for|during|since|until|"
    r"last|this|yesterday|today)\b)"
)
_TAGGED = (SAY - {"say", "according"}) | {"wrote", "explained", "insisted"}
# The inverted tag ("..., said he.") credits the pronoun only where it closes the clause: followed
# by a verb it is the subject of what was said ("Nina Holm said she would ..."), and the speaker
# is whoever stands before "said".
_PRONOUN_SPEAKER = re.compile(
    rf"\b(?:(?:he|she|they)\s+(?:{alternation(_TAGGED)})|"
    rf"(?:{alternation(_TAGGED)})\s+(?:he|she|they)\b(?!\s+[\w’'])(?!['’]))",
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
    if words[1].lower() in _COUNTS and (words[2].lower() in _VERB_CUES or words[2] == ","):
        return "-"  # "The two were released ...": a count standing for people never named
    if _SCORE.match(words[1]) and (
        words[2] in _SCORE_FOLLOWERS or words[2] in _VERB_CUES or words[2].endswith("ed")
    ):
        # "The 3-0 at the Millrace Ground showed ...": a match known by its score alone, which
        # the reader knows only if the page gave the score ("The 3-0 win" says what it was).
        return words[1]
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
        if (
            not word.isalpha()
            or not word.islower()
            or lower in {"of", "in", "at", "for", "who", "whose"}
        ):
            return ""  # a name, a number or a qualifying phrase tells the reader which one
        subject.append(lower)
    else:
        return ""  # no verb within reach: a long, qualified subject
    if not subject or subject[-1] in _UNIQUE_NOUNS or _PUBLISHED_MEASURES & set(subject[:-1]):
        return ""
    if _COUNTRY_WIDE & set(subject[:-1]) and subject[-1] in _INSTITUTIONS:
        return ""
    if _SPECIFYING.match(sentence.lstrip("\"'“‘( ")):
        return ""
    return stem(subject[-1])


# A general noun for an event refers to the story's own event once the page told an event of its
# kind, in whatever words: "The incident will be investigated" after "three people were slightly
# hurt after a stage collapsed", "The quake was felt in Carrow" after "an earthquake
# razed villages", "The case was heard" after "charged with the murder". Head stem -> the stems
# of words that tell such an event.
_HARM = "injured injuries injury killed died dead death deaths hurt wounded casualties"
_CRASH = "crash crashed collided collision derailed capsized struck overturned"
_BLAST = "exploded explosion explosions blast blasts bomb bombing blew"
_FIRE = "fire fires blaze ablaze flames burned burnt"
_SHOT = "shot shooting shootings gunman gunmen gunfire shooter"
_QUAKE = "earthquake quake tremor temblor"
_COURT = "charged charges indicted sued suing lawsuit trial court accused prosecutors convicted"
# A lawsuit is told by its verb in any form ("she was suing the foundation" -> "The lawsuit").
_SUIT = "sued suing sues lawsuit lawsuits suit"
_EVENT_KINDS: dict[str, str] = {
    "incident": f"{_HARM} {_CRASH} {_BLAST} {_FIRE} {_SHOT} malfunction attack attacked"
    " stabbed stabbing assault outage damage",
    "accident": f"{_CRASH} {_HARM}",
    "crash": _CRASH,
    "collision": _CRASH,
    "explosion": _BLAST,
    "blast": _BLAST,
    "fire": _FIRE,
    "blaze": _FIRE,
    "shooting": _SHOT,
    "rampage": f"{_SHOT} stabbing",
    "attack": f"{_BLAST} {_SHOT} attack attacked stabbed stabbing assault",
    "quake": _QUAKE,
    "earthquake": _QUAKE,
    "temblor": _QUAKE,
    "tremor": _QUAKE,
    "case": _COURT,
    "lawsuit": _SUIT,
    "suit": _SUIT,
}
# "The company" or "the firm" refers to the business the page named, once the page said it is
# one: by a noun for a business ("payment company Lumen Pay", "Morrow & Sons, the bakery chain")
# or by the kind of name only a business has ("Broadcom Ltd.", "Corvid Labs"). A noun for one kind
# of business ("The bank", "The airline") needs that noun told: a page naming a law firm has not
# told which bank.
# "The companies" needs two: one business named ("Hearst Corp.") is not them.
_BUSINESS_HEADS = frozenset("company companies firm firms business".split())
_PLURAL_BUSINESS = re.compile(
    r"^[\"'“‘( ]*The\s+(?:[a-z-]+\s+){0,2}?(?:companies|firms|businesses)\b"
)
_BUSINESS_WORDS = frozenset(
    """
    company companies firm firms business chain maker manufacturer carmaker automaker chipmaker
    retailer grocer insurer lender airline conglomerate startup
    inc ltd corp corporation co plc llc gmbh holdings labs airlines airways
    """.split()
)
# "The national chess federation", "The federal agency": the adjective says which one, that of
# the country the story is set in, as "the government" needs no antecedent.
_COUNTRY_WIDE = frozenset("national federal".split())
_INSTITUTIONS = frozenset(
    """
    federation council association agency service team government bank assembly parliament
    museum library guard league union committee commission board office department ministry
    court archive archives broadcaster orchestra theatre institute lottery airline
    """.split()
)


@lru_cache(maxsize=65536)  # a page's told words are looked up for every candidate
def _key(word: str) -> str:
    """A told word's stem, without the punctuation it was split with ("satellite," after "a
    satellite, Aurora-2, ...") and without a final "e": "voted"/"vote" and "airlines"/"airline"
    stem apart ("vot", "vote"), and a noun told as its verb names the same thing ("voted 112 to
    87" -> "The vote")."""
    found = re.findall(r"[\w'’-]+", word)
    return stem(found[0]).removesuffix("e") if found else ""


_EVENT_KEYS = {
    stem(head): frozenset(_key(w) for w in words.split()) for head, words in _EVENT_KINDS.items()
}
_BUSINESS_HEAD_KEYS = frozenset(_key(w) for w in _BUSINESS_HEADS)
_BUSINESS_KEYS = frozenset(_key(w) for w in _BUSINESS_WORDS)


def told_head(head: str, told: Iterable[str], plural: bool = False) -> bool:
    """The reader has what a bare definite's head (definite_head) refers to: ``told``
    (lower-cased words the page gave before it) holds the noun, its verb, an event of its kind
    (_EVENT_KINDS) or, for "the company", a business (_BUSINESS_WORDS; two for "the companies",
    ``plural``)."""
    if not head or head == "-":
        return False  # "The 27-year-old": no word told stands for the name (a dash may be told)
    known = {_key(w) for w in told}
    key = head.removesuffix("e")
    if key in known:
        return True
    if head in _EVENT_KEYS and _EVENT_KEYS[head] & known:
        return True
    return key in _BUSINESS_HEAD_KEYS and len(_BUSINESS_KEYS & known) >= (2 if plural else 1)


def bare_definite(sentence: str, told: Iterable[str] = ()) -> bool:
    """A "The <noun> ..." opening (definite_head) whose noun ``told`` (lower-cased words the
    reader already has) does not resolve (told_head)."""
    head = definite_head(sentence)
    return bool(head) and not _told_in(sentence, head, told)


def opening_reference(sentence: str, told: Iterable[str] = ()) -> str:
    """Why the sentence's opening points outside it ("pronoun", "connective", "definite",
    "quotation": it opens inside somebody's words that began in a sentence before and names no
    speaker, unattributed.closes_unopened_quotation), or "" when it stands on its own.
    ``told``: lower-cased words the page gave before it."""
    if closes_unopened_quotation(sentence):
        return "quotation"
    reason, head = _opening(sentence)
    if reason == "definite" and _told_in(sentence, head, told):
        return ""
    return reason


def _told_in(sentence: str, head: str, told: Iterable[str]) -> bool:
    """told_head for the bare definite opening ``sentence``, plural when it opens on "The
    companies" (or firms, businesses)."""
    return told_head(head, told, bool(_PLURAL_BUSINESS.match(sentence)))


def _pronoun_after_phrase(words: list[str]) -> bool:
    """A subject pronoun right after a leading time or place phrase, however long the phrase
    ("On Tuesday she said", "Next week she has an exam", "By the end of stoppage time she had
    two"); a name after the phrase's first word ("On Tuesday Rautio said she ...") or a comma
    ends the search, since the pronoun may then point to that name."""
    for place, word in enumerate(words[1:8], start=1):
        if word.lower() in _SUBJECT_PRONOUNS:
            return True
        if word == "," or (place > 1 and word[:1].isupper()):
            return False
    return False


def _stands_for_nothing(first: str, words: list[str], text: str) -> bool:
    """An opening "it" with no referent (_expletive), or "that" opening a clause."""
    if first == "it":
        return _expletive(text)
    return words[0].lower() == "that" and len(words) > 1 and words[1].lower() in {"the", "a", "an"}


def _expletive(text: str) -> bool:
    """``text`` opens with an "it" that stands for no thing (_EXPLETIVE_IT), and the clause it
    brings names its own subject ("It is likely he will play" still leans on "he")."""
    match = _EXPLETIVE_IT.match(text)
    if not match:
        return False
    after = re.findall(r"[\w'’]+", _after_expletive(text))[:1]
    if (
        after
        and after[0].lower() == "to"
        and not match.group(0).lower().endswith(("early", "soon"))
    ):
        # "It is likely to hit businesses", "It's impossible to please everyone": "it" is the
        # thing told before, or a judgement; only "too early to tell" stands for nothing.
        return False
    return not (after and re.split(r"['’]", after[0].lower())[0] in _SUBJECT_PRONOUNS)


def _after_expletive(text: str) -> str:
    """What follows an expletive "it" and its "that", capitalised as an opening ("The full
    release ..."); "" when ``text`` opens with no such "it"."""
    match = _EXPLETIVE_IT.match(text)
    if not match:
        return ""
    rest = re.sub(r"^that\s+", "", text[match.end() :].lstrip(), flags=re.IGNORECASE)
    return rest[:1].upper() + rest[1:]


def _named_clause_subject(text: str) -> bool:
    """A leading clause whose subject is a name and that names no one else (a day or a month
    aside): the pronoun after its comma continues that name."""
    match = _NAMED_CLAUSE_SUBJECT.match(text)
    if not match:
        return False
    subject = set(match.group(1).split())
    clause = re.findall(r"[\w'’.&-]+", match.group(0))[1:]
    return all(
        w in subject or not w[:1].isupper() or w.lower().rstrip(".") in CALENDAR for w in clause
    )


def _former_names(words: list[str]) -> bool:
    """ "The former Veland First Minister Ada Marsh has ...": a title before a name, which names;
    "The former said" and "The former Port Alder star finished" point back."""
    phrase: list[str] = []
    for word in words[2:10]:
        lower = word.lower()
        if word == "," or lower in _VERB_CUES or (lower.endswith("ed") and phrase):
            break
        phrase.append(word)
    if any(w.lower() == "of" or POSSESSIVE.search(w) for w in phrase):
        return False  # "The former chief justice of Veland's Supreme Court": a role, no name
    return len(phrase) >= 2 and all(w[:1].isupper() for w in phrase[-2:])


def _not_connective(first: str, words: list[str]) -> bool:
    """ "Instead of ..." has its own object, not a sentence the page may not show."""
    return first == "instead" and len(words) > 1 and words[1].lower() == "of"


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
    # "That the Hawaii congresswoman conceded ... was not surprising": "that" before an article
    # opens a clause, it points at nothing.
    if first in _PRONOUNS and not _stands_for_nothing(first, words, text):
        return "pronoun", ""
    if first == "it":
        # "It's possible that the full release ...": the clause's subject must stand alone too.
        head = definite_head(_after_expletive(text))
        return ("definite", head) if head else ("", "")
    if (first in _CONNECTIVES and not _not_connective(first, words)) or (
        _CONNECTIVE_PHRASE.match(text)
        and not _NAMED_AFTER_CLAUSE.match(text)
        # "The former Veland First Minister Ada Marsh has ...": a title before a name, which names.
        and not (words[0].lower() == "the" and _former_names(words))
    ):
        return "connective", ""
    pointing = _DEMONSTRATIVE_PHRASE.match(text)
    if pointing and (pointing.group(1) or "").lower() not in _TIME_WORDS:
        return "pronoun", ""
    if _COLLECTIVE.match(text):
        return "pronoun", ""
    if _LEADING_ADVERBIAL.match(text) and _pronoun_after_phrase(words):
        return "pronoun", ""
    if (
        len(words) > 2
        and words[0].isalpha()
        and words[0].lower() not in _QUESTION_WORDS
        and words[1].lower() in _PERSONAL_PRONOUNS
        and not _NAMED_AFTER_CLAUSE.match(text)
    ):
        # One word, then a personal pronoun ("Backstage she told ...", "Afterwards they ...",
        # "Hier il a ..."): the word is an adverb (a name is never followed by its pronoun).
        return "pronoun", ""
    phrase = _PHRASE_THEN_PRONOUN.match(text)
    if (
        phrase
        and not _expletive(text[text.index(",") + 1 :].lstrip())
        and not _named_clause_subject(text)
    ):
        return "pronoun", ""
    if _FRENCH_POINTING.match(text) or _ELIDED_SUBJECT.match(text):
        return "pronoun", ""
    if _RELATIVE_TIME.match(text) or _RELATIVE_OPENING.match(text):
        return "connective", ""
    similar = _SIMILAR_OPENING.match(text)
    if similar:
        return "definite", stem(similar.group(1).lower())
    pointed = _pointed_noun(text)
    if pointed:
        return "definite", pointed
    head = definite_head(text)
    return ("definite", head) if head else ("", "")


def _pointed_noun(text: str) -> str:
    """The stemmed noun a leading phrase's "both", "that" or "this" points back at (_POINTED_NOUN),
    "-" when it points at no noun ("Somehow, both of them"), "" when the opening is no such
    phrase or names its own ("both Ford and GM")."""
    match = _POINTED_NOUN.match(text)
    if not match:
        return ""
    noun = match.group("noun")
    if noun.lower() == "of" and re.match(r"\s*(?:which|whom)\b", text[match.end() :]):
        return ""  # "China and Japan, both of which have ...": its antecedent is in the sentence
    quantifier = (match.group("q1") or match.group("q2") or match.group("q3") or "").lower()
    rest = text[match.end("noun") :]
    if match.group("q1") and re.match(r"(?:\s+[\w’'-]+){0,3}\s*,", rest):
        # "Ford and GM, both carmakers, said", "If Loki, that merry prankster, hailed ...": an
        # apposition to the names before it.
        return ""
    if quantifier in {"both", "either", "neither"} and re.search(r"\b(?:and|or|nor)\b", rest):
        return ""  # "more exploration, both human and robotic": two things told in the sentence
    if noun[:1].isupper() or noun[:1].isdigit():
        return ""  # "both Ford and GM", "that 2019 ruling": the noun phrase names its own
    plain = POSSESSIVE.sub("", noun.lower())  # "that night's ferry": the night is the time
    if plain in STOP_WORDS or plain in _VERB_CUES or plain in _TIME_WORDS:
        # "that the ..." is a clause; "that was ..." is read above; "both of them" points at
        # people never named ("each of the 21 schools" counts its own); "that night" is a time
        # of the story's own.
        return "-" if quantifier in {"both", "neither", "either"} and noun.lower() == "of" else ""
    return stem(noun.lower())


@lru_cache(maxsize=65536)  # every candidate of a story is read at each refresh
def unnamed_speaker(sentence: str) -> bool:
    """Somebody's words the page cannot attribute: a quotation whose speaker is a pronoun, or
    a first-person sentence outside quotation marks (an embedded post, a columnist's aside), or
    the outlet's own place ("here", "our own coast")."""
    if DOUBLE_QUOTES.search(sentence) and _PRONOUN_SPEAKER.search(sentence):
        return True
    unquoted = QUOTED.sub(" ", sentence)
    return bool(
        _FIRST_PERSON.search(unquoted)
        or _OUTLET_VOICE.search(unquoted)
        or _ORG_VOICE.search(unquoted)
    )


# A second-person word: the sentence speaks to its reader ("you"; "your", "you'd", "you’re").
_SECOND_PERSON = re.compile(r"\b[Yy]ou(?:rs?|rselves|rself)?\b")


def speaks_to_reader(sentence: str) -> bool:
    """Outside quotation marks, the sentence says "you" and reports no one: a speaker's advice
    ("As a coach, you learn to lose") or the writer talking to the reader ("glasses you would
    actually wear"). Read where its article put it, the paragraph around it says whose voice it
    is; read alone as a point of the story, it is nobody's statement and nothing a reader can
    check. (A review's "we" stays: "in our battery test, it lasted 33 days" is a measured fact.)"""
    unquoted = QUOTED.sub(" ", sentence)
    return bool(_SECOND_PERSON.search(unquoted)) and not _REPORTED.search(sentence)


# "... now want to walk among those trees": a demonstrative inside the sentence points at a thing
# its article showed before, as "The trees ..." would at its opening. Not "those who", "those
# arrested", "those seeking help" (people, no noun), nor "these days", the time of the report.
_DEMONSTRATIVE = re.compile(r"(?<=\s)(?:those|these)\s+([a-z][a-z-]+)\b")
# Words said, pointed back at through a word that qualifies them ("With those striking words",
# "after these bitter remarks"): which words? A qualifier ending in "-ing" or "-ed" is otherwise
# read as people ("those seeking help"); before a noun of speech it is the words' description.
_DEMONSTRATIVE_WORDS = re.compile(
    r"(?<=\s)(?:those|these)\s+[a-z][a-z-]+\s+"
    r"(words|remarks|comments|statements|claims|warnings|threats|promises)\b"
)
# "... was not designed for such conditions", "de telles conditions", "une telle décision": "such"
# before a noun points back at a kind of thing its article described, as "those" does. Not
# "such as" (examples follow), not "such a ..." ("was such a success": emphasis), nor "the first
# such trip" (the sentence itself says which); and "un tel ... que" tells a result.
_SUCH = re.compile(
    r"(?:^|(?<=\s))(?<!first )(?<!only )(?<!ever )"
    r"(?:[Ss]uch\s+|(?:[Dd]e|[Uu]n|[Uu]ne|d['’]un|d['’]une)\s+tel(?:le)?s?\s+)"
    r"([a-zà-ÿ][a-zà-ÿ-]+)\b(?![^,;.]*\b(?:that|que|qu['’]))"
)
_NOT_SUCH = frozenset("as that a an".split())
_TIME_NOUNS = frozenset("days years months weeks times hours decades".split())


def demonstrative_reference(sentence: str, told: Iterable[str] = ()) -> bool:
    """The sentence, outside quotation marks, says "those <noun>", "these <noun>" or "such
    <noun>" ("de telles <noun>") of a noun ``told`` (lower-cased words the reader already has)
    does not hold."""
    known = {stem(w) for w in told}
    for match in _DEMONSTRATIVE.finditer(QUOTED.sub(" ", sentence)):
        noun = match.group(1)
        if noun in STOP_WORDS or noun.endswith(("ed", "ing")) or noun in _TIME_NOUNS:
            continue
        if stem(noun) not in known:
            return True
    for match in _DEMONSTRATIVE_WORDS.finditer(QUOTED.sub(" ", sentence)):
        if stem(match.group(1)) not in known:
            return True
    for match in _SUCH.finditer(QUOTED.sub(" ", sentence)):
        noun = match.group(1)
        if noun not in _NOT_SUCH and stem(noun) not in known:
            return True
    return False


def content_words(sentence: str) -> frozenset[str]:
    """Stems of the words that carry a statement's facts: names, numbers, events."""
    return frozenset(
        stem(w) for w in tokens(sentence) if w.lower() not in STOP_WORDS and len(w) > 1
    )


ANCHOR = "#"  # marks a name or a number among fact_words
NAME = ANCHOR + "@"  # and a name among the anchors
FULL_NAME = ANCHOR + "&"  # and a name of several words ("Karl Otieno", "Kestrel Steel")
RESULT = ANCHOR + "="  # and a result: a score or a vote ("3-2", "112 to 87")
_RESULT = re.compile(
    r"(?<![\w.,-])(\d{1,3})(?:-|–|(?: votes?)? to )(\d{1,3})(?![\w%-]|[.,]\d|\s*(?:percent|per cent))"
)
# A clause telling what came before the statement's own fact, up to a comma: a result there
# ("sacked the manager hours after a 3-0 defeat") is its cause, not what the statement tells.
_EARLIER_CLAUSE = re.compile(r"\b(?:after|following)\b[^,;]*", re.IGNORECASE)
# Verbs that report rather than state: two statements of one speaker share them whatever they say.
REPORTING = frozenset(stem(w) for w in SAY)
FULL_NAME_PATTERN = re.compile(
    r"[A-Z][\w'’&-]*(?:\s+(?:(?:of|de|du|des|van|von)\s+)?[A-Z][\w'’&-]*)+"
)
POSSESSIVE = re.compile(r"['’]s$")


@lru_cache(maxsize=65536)  # every candidate of a story is read again at each refresh
def fact_words(sentence: str) -> frozenset[str]:
    """content_words plus the fact's anchors, marked with ANCHOR: its names (capitalised words
    that are not stop words) and its numbers (digits or words: "two" and "2" meet)."""
    found = tokens(sentence)
    names = {NAME + stem(w) for w in found if w[:1].isupper() and w.lower() not in STOP_WORDS}
    numbers = {ANCHOR + n for n in numbers_in(found)}
    told_as_cause = _EARLIER_CLAUSE.sub(" ", sentence)
    results = {RESULT + "-".join(m.groups()) for m in _RESULT.finditer(told_as_cause)}
    return content_words(sentence) | names | numbers | full_names(sentence) | results


# Honorifics and abbreviated titles are part of a name as written, capitalised mid-sentence too
# ("Mr. Dahl", "Dr. Brenner"): no role description with the sentence's capital. (people.py reads
# "Dr." as a title that says who someone is; here only its place in the name matters.)
_IN_NAME = NAME_TITLES | frozenset("rev sen gov rep".split())


def _role_capital(words: list[str]) -> bool:
    """``words`` (a sentence's tokens) open on a role before a name ("Playwright Edda ...",
    "Striker Joel ..."), whose capital is the sentence's."""
    head = words[0].lower().rstrip(".") if words else ""
    return head in ROLES and head not in _IN_NAME and len(words) > 1 and words[1][:1].isupper()


def full_names(sentence: str) -> frozenset[str]:
    """Names of two words or more, stemmed and marked with FULL_NAME ("Karl Otieno", "Tessaly
    Islands"; a sentence's capitalised first word only when a name follows it). A role opening
    the sentence before a name ("Playwright Edda Thorvald says ...") has the sentence's capital,
    not a name's (mid-sentence it is "playwright Edda Thorvald"): the full name is Edda
    Thorvald's alone, so that a statement naming her without the role meets it
    (same_person_same_deed)."""
    found = set()
    opening = len(sentence) - len(sentence.lstrip("\"'“‘( "))
    for match in FULL_NAME_PATTERN.finditer(sentence):
        words = [POSSESSIVE.sub("", w) for w in match.group(0).split()]
        words = [w for w in words if w.lower() not in STOP_WORDS]
        if match.start() == opening and len(words) > 2 and _role_capital(words):
            words = words[1:]  # "Playwright Edda Thorvald" is Edda Thorvald
        if len(words) >= 2:
            found.add(FULL_NAME + " ".join(stem(w) for w in words))
    return frozenset(found)


def _said(words: frozenset[str]) -> set[str]:
    """What a statement says of its names and numbers: its content words without them and
    without the reporting verbs."""
    plain = {w.lstrip(NAME) for w in words if w.startswith(ANCHOR)}
    return {w for w in words if not w.startswith(ANCHOR)} - plain - REPORTING


def same_person_same_deed(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two statements (fact_words) that share a full name and say at least two things of it
    in common, a third of what the shorter says ("Karl Otieno was sent off" twice, the red card
    in other words), when the shorter brings no full name of its own ("Cyclone Dora killed
    sixty" is another storm than "Cyclone Imre killed nine")."""
    full_a = {w for w in a if w.startswith(FULL_NAME)}
    full_b = {w for w in b if w.startswith(FULL_NAME)}
    if not full_a & full_b:
        return False
    said_a, said_b = _said(a), _said(b)
    shared = len(said_a & said_b)
    shorter = full_a if len(said_a) <= len(said_b) else full_b
    return (
        shared >= 2 and 3 * shared >= min(len(said_a), len(said_b)) and shorter <= full_a & full_b
    )


def same_result(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two statements (fact_words) of one story that give the same result: "won the cup,
    beating Highmoor Rovers 3-2" and "Highmoor Rovers lost 3-2 to ..." tell one fact, whatever
    else either adds."""
    return any(w.startswith(RESULT) for w in a & b)


def figures(words: frozenset[str]) -> set[str]:
    """The numbers among fact_words that identify a fact within one story: not small counts
    (up to twelve) and not years."""
    found = set()
    for word in words:
        if not word.startswith(ANCHOR) or word.startswith((NAME, FULL_NAME, RESULT)):
            continue
        number = word[len(ANCHOR) :]
        if "." in number:
            found.add(number)
            continue
        value = int(number) if number.isdigit() else 0
        if value > 12 and not 1900 <= value <= 2099:
            found.add(number)
    return found


def same_figures(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two statements (fact_words) of one story that give the same decimal figure ("3.75
    percent") or the same two figures ("38 percent to 410 million crowns"): one fact told
    again."""
    shared = figures(a) & figures(b)
    return len(shared) >= 2 or any("." in n for n in shared)


def repeats(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two statements (fact_words) repeat a fact when at least half of the content words of each
    are shared, or when they share a name or a number and something said of it, and half of the
    shorter statement's words, and the shorter names nobody the other does not ("Arkwright
    scored the winner in the 112th minute" once the page has said "Arkwright scored twice,
    including the winner in extra time"; "Veland's president warned it could cut ties with
    Carrow" adds Veland and what it would do)."""
    words_a = {w for w in a if not w.startswith(ANCHOR)}
    words_b = {w for w in b if not w.startswith(ANCHOR)}
    if not words_a or not words_b:
        return False
    shared = words_a & words_b
    if 2 * len(shared) >= max(len(words_a), len(words_b)):
        return True
    anchors = {w for w in a & b if w.startswith(ANCHOR)}
    said = shared - {w.lstrip(NAME) for w in a | b if w.startswith(ANCHOR)}
    shorter, longer = (a, b) if len(words_a) <= len(words_b) else (b, a)
    news = {w for w in shorter - longer if w.startswith(NAME)}  # someone it names of its own
    return (
        (bool(anchors and said) and not news and 2 * len(shared) >= min(len(words_a), len(words_b)))
        or same_person_same_deed(a, b)
        or same_result(a, b)
        or same_figures(a, b)
    )


@lru_cache(maxsize=65536)  # every candidate of a story is read again for each opening
def names_something(sentence: str) -> bool:
    """The sentence names a person, place or organisation (a capitalised word after its first):
    a main event must say who or what."""
    words = [_ELIDED.sub("", w) for w in _words(sentence)]
    return any(w[:1].isupper() and w != "I" for w in words[1:])


# A sentence that only sets up the quotation after it: "At the works, the convenor, Mirjam
# Dahlberg, was cautious." / "Le maire se montre prudent :" then "« ... »". What was said is in
# the quotation; the sentence tells a mood (a linking verb and its adjective, or a colon) with no
# figure, no one's words of its own and no other clause. A participle is a mood only after a word
# of degree ("was less convinced"): alone it tells what was done ("the driver was arrested", "a
# été blessé"), as "-ing" tells what is going on ("bus services are vanishing").
_LINKING = (
    r"\b(?:was|were|is|are|seemed|seems|sounded|sounds|remained|remains|appeared|appears|"
    r"est|était|sont|étaient|reste|restait|semble|semblait|se\s+montre|se\s+montrait)"
)
_DEGREE = r"(?:more|less|far|rather|much|very|plus|moins|très|bien)"
_LEAD_IN = re.compile(
    rf"(?:{_LINKING}(?:\s+(?:not|still|also|pas|aussi))*"
    rf"(?:\s+{_DEGREE}\s+[\w’'-]+|\s+(?![\w’'-]*(?:ed|ing|é|ée|és|ées)\b)[\w’'-]+)\s*[.:]|:)$"
)
# A clause joined to another ("..., but firing missiles over Japan is rare"): the sentence
# states something before its mood.
_JOINED = re.compile(r"[,;]\s*(?:but|yet|and|while|whereas|though|mais|et)\b|;", re.IGNORECASE)
_REPORTED_BY = SAY | REPORT | FRENCH_REPORT
_REPORTED = re.compile(rf"\b(?:{alternation(_REPORTED_BY)})\b", re.IGNORECASE)
_OPENS_QUOTE = re.compile(r"^\s*[\"“«‘]")


def leads_into_quote(sentence: str, following: str) -> bool:
    """The sentence ends on a mood or a colon (_LEAD_IN), holds no figure, no quotation and no
    one's reported words, and the sentence after it in its article opens with a quotation: it
    introduces those words and says nothing a reader can use alone."""
    text = sentence.strip()
    if not _OPENS_QUOTE.match(following) or any(ch.isdigit() for ch in text):
        return False
    if DOUBLE_QUOTES.search(text) or "«" in text or _REPORTED.search(text) or _JOINED.search(text):
        return False
    return bool(_LEAD_IN.search(text))
