"""What a reader can watch for: the sentences a story page may show as its key takeaways.

A takeaway is read on its own after the bullets and paragraphs, as what the news means for
what comes next. Its form says whether it is one, in any outlet's text:

- a next step said as such: a future ("will", "plans to", "is due to meet", "said it would"),
  a time still to come ("next month", "within ninety days", "until the inquiry reports"), or a
  process whose outcome is pending (an inquiry, a review, an appeal, talks, a ballot);
- an effect on people: who faces what ("face higher bills"), what stays closed or suspended,
  what people are asked, advised or invited to do;
- a possibility ("may", "could", "must") only when someone is said to hold it or it is tied to
  something a reader can check (a time, a number, a pending process, a cost, a ban, jobs):
  otherwise it is the writer's speculation ("Getting the transition right may matter more than
  the machines").

Never one: a quotation (somebody's words, in any quotation marks: a takeaway is the page's own
statement), or commentary in the writer's voice: a prediction about an unnamed "some", "many"
or "few" ("Some viewers will find the pace punishing", "Few towns could repeat the trick"),
"the question is ...", "not whether ... but ...", "the carnage underscores ...", "worst case,
...". A sentence of what already happened (the event again, a scene, background, a plan that was
"going to" happen, what someone "once said" they would do, what "could" happen "before" or
"until" in narrative, that day's outlook, a request made "last night") tells nothing to watch,
whatever its centrality, nor does a rule of the world ("depending on the operator ... can"), a
purpose with no time or figure to check it by ("The movement aims to spread its teachings"), or
the writer's scene or promise ("against a backdrop of unease", "subscribers can look forward
to"), nor a
refusal to comment ("declined to comment on pending litigation": the pending matter is the
reason for the silence, not news of it).

Nor is one a sentence that leans on its neighbours: a demonstrative standing for what its
article said before ("that could mean lower prices", "should fill that gap", "want to see that
in next year's numbers"), an opening "Nor" continuing the sentence before, or an approach
nobody is said to make, for nothing named ("will resist any approach"); nor one member of
the public telling of their own life ("Pensioner Ida Lund said she would keep using it",
"X, a mother of two, said her daughters ..."): a vox pop shows how one person feels, not what
the news means for readers.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsloom.summarize.nocomment import REFUSAL
from newsloom.summarize.speech import (
    CLAUSE_VERBS,
    FORECAST,
    REPORT,
    SAY,
    SAY_FINITE,
    VIEW,
    alternation,
)
from newsloom.summarize.voices import FIRST_PERSON
from newsloom.summarize.words import COUNTS, MONTHS, PLURAL_COUNTS, SEASONS, WEEKDAYS

# Quotation marks of any style: double (straight, curly, low), guillemets, and single quotes
# that open a word ("'All travellers must ...,' said ...") and close a later one, open the
# sentence, or open after a colon or a verb of saying ("cracked: 'LAX ...", "said, 'People
# ..."). An apostrophe inside or after a word ("we'll", "Arians' best") is none.
_QUOTING = (SAY - {"according", "told", "tells"}) | REPORT
_QUOTATION = re.compile(
    r"[\"“”«»„]|‘\w|^['’]\w|(?<=[\s(\[—–-])'\w(?:[^']|(?<=\w)'(?=\w))*\w[.,!?]?['’]"
    rf"(?=[\s,.;:!?)—–-]|$)|(?::|\b(?:{alternation(_QUOTING)}|(?:told|tells) \w+)),?\s+['‘]\w"
)

# Month, day and season names as alternatives, in calendar order (words.MONTHS, WEEKDAYS,
# SEASONS).
_MONTH = "|".join(MONTHS)
_SEASON = "|".join(SEASONS)
_WEEKDAY = "|".join(WEEKDAYS)
_FUTURE = re.compile(
    r"\b(?:(?-i:will)|won't|wo n't|plans? to|planning to|planned to|intends? to|aims? to|"
    r"aiming to|hopes? to|expects? to|expected to|"
    # ("is currently set to open in June")
    r"(?:is|are|was|were) (?:\w+ly )?set to|(?:is|are|was|were) (?:\w+ly )?due|"
    r"due to (?:be|begin|start|open|close|meet|vote|rule|decide|report|"
    r"end|resume|return|arrive|take|hold|appear|launch)|about to|"
    # Pledging allegiance declares a side, done when told; no step is promised.
    r"(?-i:promised|pledged)(?! (?:allegiance|loyalty)\b)|"
    # "going to" a place or an event is a journey ("two wins away from going to the Harbour
    # Cup"), not a future.
    r"going to(?! (?:the|a|an|his|her|their|its|our)\b)(?! (?-i:[A-Z]))|"
    r"vowed to|scheduled|predicted to|forecast to)\b|'ll\b|’ll\b",
    re.IGNORECASE,
)
# "would" as the future of reported speech ("said it would seek urgent talks"), not as a
# hypothesis ("would be unlikely"), nor one of the past ("would have cost more", _PERFECT).
_PERFECT = r"(?! have (?!to\b))"
# Of REPORT only an announcement and a confirmation: after "explained" or "recalled", "would" is
# as often a reason's hypothesis or a habit of the past ("explained that a dart would not have
# stopped it", "recalled that she would row to the island") as a step reported.
_REPORTING_AHEAD = (
    (SAY_FINITE | {"added"})
    | (REPORT & {"announced", "confirmed"})
    | {"promised", "agreed", "insist", "insists", "insisted"}
)
_REPORTED_FUTURE = re.compile(
    rf"\b(?:{alternation(_REPORTING_AHEAD)})\b"
    rf"[^.;]*\bwould\b{_PERFECT}",
    re.IGNORECASE,
)
# An expectation someone holds ("investors expect a deal", "expected the recall to hurt sales";
# not one they had, which the event has settled), or people said to be watching what comes next.
_EXPECTATION = re.compile(
    r"(?<!had )\bexpect(?:s|ed|ing)? (?:a|an|the|its|their|his|her|further|more)\b|"
    r"(?<!had )\bexpect(?:s|ed)? (?:the |a |an |its |their )?\w+ to \w+|"
    # what someone expects to do, or a figure they expect ("expects to carry", "expects about 900")
    r"(?<!had )\bexpects? (?:to \w+|(?:about|around|some|up to|at least|more than|over) \d|\d)|"
    r"\b(?:are|is|were|was) watching (?:closely|carefully)\b",
    re.IGNORECASE,
)
# An expectation nobody held is a surprise the event has settled ("Nobody in the hall expected
# the jury to reward the gentlest film, but that is exactly what it did").
_HELD_BY_NOBODY = re.compile(r"^(?:nobody|no one|none|few)\b", re.IGNORECASE)
_NUMBER_WORD = rf"(?:\d+|a|an|{'|'.join(COUNTS)}|ninety|few)"
# ("Later in the" match, race or day is as often past narrative: a future form says when it is
# ahead. "Deadline" with a capital is a name, the trade paper: "told Deadline it was her idea";
# "deadlines" are a habit: "a habit of missing deadlines".)
_TIME_AHEAD = re.compile(
    rf"\b(?:next (?:week|month|year|season|{_SEASON}|"
    rf"{_WEEKDAY}|round|meeting|election|step|edition|term)|"
    r"later (?:this|today)|in the coming|coming (?:days|weeks|months)|tomorrow|"
    r"by the end of|from next|"
    r"until (?:the|it|they|a|an|its|further)|while (?:the|a|an)\b[^.;]*\b(?:decides?|reviews?|"
    r"investigates?|considers?)|pending|(?-i:deadline\b)|"
    r"before (?:any|the) (?:\w+ )?(?:negotiations|"
    r"talks|vote|election|deal))",
    re.IGNORECASE,
)
# Processes whose outcome the story is waiting for, in lower case ("Harvard Business Review"
# is a name).
_PENDING = re.compile(
    r"\b(?:review|inquiry|inquiries|investigations?|probe|appeals? (?:against|the|to)|talks|"
    r"negotiations|(?:a|the) hearing|hearings|"
    # A trial someone "faced", "stood" or "opted for" has been held.
    r"(?<!\bfaced )(?<!\bstood )(?<!\bunderwent )(?<!\bopted for a )trial|"
    r"ballot|referendum|consultation|lawsuit|audit|ruling|approval|approves?)\b|"
    # A decision still to come names what is to be decided ("decides whether", "decide on");
    # "decides you might like" tells one made.
    r"\bdecides?(?= (?:whether|if|on|how|when|what|who|which)\b)|"
    # An inquiry under way said with its verb ("is being investigated by the safety regulator",
    # "police are investigating").
    r"\b(?:is|are|has been|have been) (?:still )?(?:being (?:investigated|reviewed|examined|"
    r"probed)|investigating)\b"
)
# Effects on people: who faces what, what stays shut, what people are asked to do.
_EFFECT = re.compile(
    r"\b(?:face|faces|facing) (?:higher|lower|new|a|an|fines?|charges?|jail|prison|up to|"
    r"losses|cuts|job)|\b(?:stays?|remains?) (?:closed|shut|suspended|banned|off-limits|"
    r"in force|under investigation|missing)\b|\b(?:are|is) (?:advised|urged|asked|invited|"
    r"told|warned|encouraged) (?:to|not to)\b|\b(?:urged?|asks?|asked|asking) (?:people|residents|"
    r"customers|users|passengers|parents|drivers|consumers|travell?ers|visitors|fans|owners|"
    r"shoppers|motorists|households|tenants|patients) (?:to|not to)\b|"
    r"\bwarn(?:ed|s)? (?:to|people|residents|customers|users|consumers)\b|"
    r"\b(?:most|particularly|especially) (?:at risk|exposed|vulnerable)\b|"
    r"\b(?:particulièrement|plus|très) exposée?s?\b",
    re.IGNORECASE,
)
# A request told as made at a moment the sentence dates in the past ("last night ... asked
# residents to keep their windows shut while the fire burned"): it was for that moment.
_ASKED_THEN = re.compile(
    r"\b(?:last night|yesterday(?!['’])|earlier today|at the time)\b[^.;]*"
    r"\b(?:urged|asked|warned|told|advised|encouraged)\b|"
    r"\b(?:urged|asked|warned|told|advised|encouraged)\b[^.;]*"
    r"\b(?:last night|yesterday(?!['’])|earlier today|at the time)\b",
    re.IGNORECASE,
)
# What a consequence is measured in: money, jobs, limits and bans.
_IMPACT = re.compile(
    r"\b(?:jobs?|prices?|bills?|costs?|fees?|fares?|rents?|tolls?|taxe?s?|refunds?|replacements?|"
    r"compensation|"
    r"payments?|fines?|bans?|limits?|restrictions?|shortages?|closures?|delays?|penalty|"
    r"penalties|jail|prison|damages?|losses|loss|profits?|earnings|layoffs|risk)\b",
    re.IGNORECASE,
)
# A possibility; "could not" and "could only" tell what someone was unable to do, in the past,
# and "can't" what someone is unable to say now. "May" with a capital is the month ("In May,
# six people were arrested"). What a thing "can" do in a relative clause is what it is ("a
# glider that can stay aloft for ten hours", "which can sort 40,000 parcels an hour"), and what
# "can be seen" a scene. A modal before "have" and a participle tells what was possible in the
# past ("the anonymity could have facilitated", "may have caused the breakup"), settled by now;
# "may have to" is an obligation still ahead.
_POSSIBLE = re.compile(
    r"\b(?:(?-i:may)|might|could(?! not| only)|"
    r"(?<!\bthat )(?<!\bwhich )(?<!\bwho )can(?!['’]t|not| be (?:seen|heard|spotted|found))|"
    rf"must|should)\b{_PERFECT}",
    re.IGNORECASE,
)
# What a reader can check a possibility against: a span of time ("within a month"), or a
# number that is not a year (a year dates what happened: "a summit in 2020 collapsed").
_SPAN = re.compile(
    rf"\b(?:within|in) {_NUMBER_WORD}(?:[- ]\w+)? (?:hours?|days?|weeks?|fortnight|months?|years?)\b",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"\b(?!(?:1[89]|20)\d\d\b)\d")
# Who holds a possibility: a source who said, warned or forecast it ("argued" and "believes"
# give an opinion, not a consequence). One who "had" said it held it before the event, which has
# settled it ("a ferry that she had been warned might be unsafe"). "told" with its listener only:
# "All told, ..." is an idiom.
_CREDITED_AHEAD = (SAY - {"told", "tells"}) | FORECAST | (VIEW & {"insist", "insists", "insisted"})
_ATTRIBUTED = re.compile(
    r"(?<!\bhad )(?<!\bhad been )"
    rf"\b(?:{alternation(_CREDITED_AHEAD)}|(?:told|tells)(?= \w)|analysts?)\b",
    re.IGNORECASE,
)
# The writer's commentary: a prediction about an unnamed some, many or few; a framed question.
_COMMENTARY = re.compile(
    r"^(?:some|many|few|most|others|not all|not every|plenty of)\b[^,;]*?\b(?:will|would|may|"
    r"might|could|can|think|thinks)\b|\bthe (?:question|real test|test|challenge|irony|lesson|"
    r"answer|point)\b(?: \w+){0,6} (?:is|was|will be)\b|\bnot whether\b[^.;]*\bbut\b|"
    r"\bmatters? (?:more|less) than\b|\bno surprise\b|"
    # The writer's hedged voice, or the reader addressed ("who knows what you'll miss").
    r"\b(?:who knows|you get the feeling|it sounds like|it seems)\b|"
    # The writer reading the event as a sign ("The carnage underscores worsening insecurity",
    # "will be a reminder of what was possible"), or playing out a scenario ("Worst case, ...").
    r"\b(?:underscores?|underscored|underlines?|underlined|highlights?|highlighted|"
    r"illustrates?|illustrated|a reminder (?:of|that))\b|^(?:worst|best)[- ]case\b|"
    # An aside that qualifies what the article said before ("Not that the first settlers will
    # be able to use it").
    r"^not that\b|"
    # The scene the writer sets for what may come ("Any truce will be signed against a backdrop
    # of unease"), and what the writer promises someone ("Subscribers can look forward to ...").
    r"\bagainst (?:a|the) backdrop of\b|\bcan (?:now |also )?look forward to\b",
    re.IGNORECASE,
)
# An open question the story names, said as such: what is not yet known, what the people who
# would know have not said, what they are trying to establish ("It is not yet known whether the
# bridge will reopen", "Investigators have not said what caused the fire", "The cause remains
# unknown", "police have not yet identified any suspects", "a spokeswoman said the line did not
# know how the fault began"; "on ignore encore si ...", "les causes n'ont pas encore été
# établies"). The answer is news still to come. Not what someone is "not known for" (a trait),
# nor an open question inside a clause of time or concession ("While his motive is unknown,
# details of his history ..."): the sentence then tells something else (_OPEN_SUBORDINATE).
_WH = r"(?:whether|why|how|what|who|whom|which|when|where|if)"
_OPEN_QUESTION = re.compile(
    rf"\b(?:is|are|remains?) (?:still |also |as yet )?(?:not (?:yet |immediately |entirely )?"
    rf"(?:known|clear)|unknown|unclear) {_WH}\b|"
    # In the past only as of the report's moment ("It was not immediately clear what set off the
    # alarm"): "it was unclear whether the girls were held together" tells how things stood.
    rf"\b(?:was|were) not (?:yet|immediately) (?:known|clear) {_WH}\b|"
    rf"\b(?:it|this) (?:is|remains) (?:still )?(?:not (?:yet )?(?:known|clear)|unknown|unclear)\b|"
    r"\b(?:cause|causes|motive|identity|identities|origin|whereabouts|condition|fate)\b"
    r"(?: of [\w' ’-]+?)? (?:is|are|remains?) (?:still |as yet )?(?:unknown|unclear|not (?:yet )?"
    r"known|under investigation|being investigated|a mystery)\b|"
    rf"(?<!whose )\b(?:has|have) (?:still )?not (?:yet )?(?:said|disclosed|revealed|explained|"
    rf"determined|established|confirmed|announced|identified|named|released|given)\b"
    rf"(?: \w+ly)? (?:{_WH}|the (?:cause|identity|identities|names?|motive)|any (?:suspects?|"
    rf"details|motive|reason)|a (?:suspect|motive|cause))\b|"
    r"(?<!whose )\b(?:cause|motive|identity|identities|names?) (?:of [\w' ’-]+? )?(?:has|have) "
    r"not (?:yet )?been (?:released|disclosed|determined|established|made public|given)\b|"
    r"\bno (?:suspects?|motive|cause) (?:has|have) (?:yet )?been (?:identified|established|"
    r"named|found|determined|given)\b|"
    rf"\b(?:said|says) (?:it|they|he|she|officials|police) (?:did not|didn['’]t|does not|"
    rf"doesn['’]t|do not|don['’]t) (?:yet )?know {_WH}\b|"
    r"\b(?:are|is|were) (?:still )?trying to (?:determine|establish|find out|identify|"
    r"work out|understand)\b|"
    r"\bon (?:ignore|ne sait) (?:pas )?(?:encore |toujours )?(?:si|pourquoi|comment|qui|quand|"
    r"où|ce qui|ce que)\b|"
    r"\b(?:n['’](?:est|a|ont)|ne sont) (?:pas|toujours pas) (?:encore )?(?:été )?(?:connue?s?|"
    r"établie?s?|déterminée?s?|identifiée?s?|élucidée?s?|précisée?s?|clair)\b|"
    r"\breste(?:nt)? (?:encore )?(?:inconnue?s?|indéterminée?s?|inexpliquée?s?|floue?s?)\b",
    re.IGNORECASE,
)
# A word each branch of _OPEN_QUESTION holds.
_OPEN_WORDS = re.compile(
    r"\b(?:not|unknown|unclear|trying|no|ignore|sait|pas|reste|restent)\b|n['’]t\b", re.IGNORECASE
)
# The clause holding the open question opens on a subordinator: it frames the sentence's news.
_OPEN_SUBORDINATE = re.compile(
    r"(?:^|[,;:—–(]\s*)(?:while|although|though|even though|as|because|since|if|whether|"
    r"alors que|bien que|même si)\b[^,;:—–]*$",
    re.IGNORECASE,
)


@lru_cache(maxsize=65536)  # every candidate of a story is read again at each refresh
def open_question(sentence: str) -> bool:
    """The sentence names a question the story leaves open, in its main clause ("It is not yet
    known whether the bridge will reopen"; _OPEN_QUESTION)."""
    if not _OPEN_WORDS.search(sentence):  # most sentences: one cheap scan
        return False
    found = _OPEN_QUESTION.search(sentence)
    return found is not None and not _OPEN_SUBORDINATE.search(sentence[: found.start()])


# French: futures, plans and invitations ("la cave prévoit", "sont invités à").
_FRENCH_AHEAD = re.compile(
    r"\b(?:prochaine?s?|prévoi[tr]|prévoient|prévue?s?|devrai[te]|devraient|devront|"
    r"vont|sera|seront|jusqu'à|à partir d[eu]|invitée?s? à|déconseillée?s?|interdi\w*|"
    r"enquête|recours)\b",
    re.IGNORECASE,
)


# Somebody's view rather than a consequence: a verb of opinion with a judgement or a "should"
# ("argue that one failure should not damn ...", "said he thought the call was fair"), and a
# judgement of the event (praise, criticism, condemnation), and a reproach: what someone "should
# be doing" and is not ("the mayor should be making use of the grants"). A contracted "is" is one
# ("does not believe it's possible the bill will pass").
_OPINION = re.compile(
    r"\b(?:argue[sd]?|arguing|think|thinks|thought|believes?|believed)\b[^.;]*"
    r"(?:\b(?:should|ought to|was|is|were|are)\b|\b(?:it|that|there|he|she)['’]s\b)|\b(?:praised?|critici[sz]ed?|condemned?|"
    r"welcomed?|applauded?)\b|\b(?:should|ought to) be \w+ing\b",
    re.IGNORECASE,
)


# What is generally so ("nurses regularly work double shifts, and may be tempted", "will not
# always find the perfect weather"): a habit or a rule of the world, true before the news and
# after it. A habit beside a future said as such is the contrast the news makes ("Trains usually
# run every ten minutes but will run hourly until Friday", "will regularly check the dam"): the
# habit refuses only a weaker sentence (a possibility, a pending process); a rule hedged "not
# always" is one whatever its tense.
# What "can" happen "depending on" the case is a rule of the world too ("depending on the
# operator, even a folding bike can keep a standby traveller off the plane"); what someone "may"
# do depending on something is a possibility ahead ("may ask for more time depending on what the
# auditors find").
_HABIT = re.compile(
    r"\b(?:regularly|usually|typically|generally|routinely|tends? to)\b|"
    r"\bdepending on\b[^.;]*\bcan\b|\bcan\b[^.;]*\bdepending on\b",
    re.IGNORECASE,
)
_NOT_ALWAYS = re.compile(r"\bnot always\b", re.IGNORECASE)
# A standing policy: what someone does each time a kind of case arises ("When the firm suspects
# that an employee has misused its funds, it will investigate", "Whenever a customer reports a
# fault, an engineer will call"). The case is any case, "a", "an", "any", "anyone": nothing
# comes of it next. ("When the bridge reopens next month, tolls will rise" names its case.)
_POLICY = re.compile(
    r"^(?:when|whenever|each time|every time)\b(?=[^,;]*\b(?:an?|any|anyone|someone|somebody)\b)"
    r"[^,;]*,",
    re.IGNORECASE,
)
# A sentence dated at its opening by a month, a year or "last year" ("In May, six people were
# arrested as part of another investigation", "In January, the chief executive said ... should
# be regulated") tells background: a process or a possibility that date reported belongs to it.
# (A future said as such, "In May, the court will rule", keeps its level: this applies to the
# weaker ones only, and to those told in the past tense: "In June, the tribunal decides on the
# licence" is ahead.)
_DATED_BACK = re.compile(
    rf"^(?:back |earlier )?in (?:(?:early |late |mid-)?(?:{_MONTH})|(?:19|20)\d\d)\b|"
    rf"^(?:last|earlier this) (?:year|month|week|{_SEASON})\b",
    re.IGNORECASE,
)
_PAST_TENSE = re.compile(r"\b(?:was|were|had|said|told|did|\w+ed)\b", re.IGNORECASE)


# Future-in-the-past: what someone once said they would do ("once said he and his coach
# would retire together"), what a country "has in the past vowed": the story's own moment has
# moved on from it. Nor what was said "initially" or "originally" ("Initially the council said the
# fare would apply from the start of May, but now says ..."): a first word the sentence
# itself tells was replaced.
_ONCE = re.compile(
    r"\b(?:once said|(?:has|have|had) in the past)\b|^(?:initially|originally|at first)\b",
    re.IGNORECASE,
)
# A future seen from the past ("were both going to Carrow", "was about to land", "was scheduled to
# leave at 9:40 pm"): what was ahead then, which the report tells as done. ("Was expected to" is
# left alone: "was expected to be closed until spring" still holds.)
_PAST_FUTURE = re.compile(
    r"\b(?:was|were)\s+(?:\w+ly\s+|both\s+|all\s+|also\s+|still\s+)?(?:going to|about to|"
    r"set to|due to|due|scheduled to|projected to|forecast to|predicted to)\b",
    re.IGNORECASE,
)
# What was expected to happen, told in narrative ("The sun was out and the crowd was expected to
# reach 40,000"), is that day's outlook, which the report has passed. A state expected to last
# ("was expected to be closed for weeks") still holds, and a source's expectation told in
# reported speech ("police said the road was expected to reopen") is theirs now (_ATTRIBUTED).
# So is a plan told in narrative ("The divers planned to map the wreck and came upon a second
# one"): what was ahead then; "said it planned to" is the source's plan now.
_PAST_EXPECTED = re.compile(
    r"\b(?:was|were) (?:\w+ly )?expected to (?!be\b)|\bplanned to\b", re.IGNORECASE
)
# Beside a future seen from the past, a bare participle shares its time ("The balloon was projected
# to drift over the bay, with its payload expected to come down near the lighthouse").
_BARE_FUTURE = re.compile(
    r"(?<!\bis )(?<!\bare )(?<!\bbe )(?<!\bbeen )\b(?:expected|projected|forecast|predicted|"
    r"scheduled|set|due) to\b",
    re.IGNORECASE,
)
# An aim told of a thing a preposition governs, in a clause that describes it ("loaded with the
# rover she hopes to send to the comet"): what the thing is, not what the sentence says comes
# next. (At a clause's opening, "The company says it hopes to" is the company's aim.)
_DESCRIBED_AIM = re.compile(
    r"\b(?:with|of|for|on|in|at|to|from|into|about|like) (?:the|a|an|his|her|their|its) "
    r"(?:\w+ ){1,2}(?:that |which )?(?:he|she|they|it|we) "
    r"(?:hopes?|plans?|intends?|aims?|wants?) to\b",
    re.IGNORECASE,
)
# "Could" and "would" in a clause of time or purpose ("were questioned for an hour before they
# could leave", "so that they could see") are the past of "can" and "will" in narrative: what
# was possible then, not a possibility now.
_NARRATIVE_MODAL = re.compile(
    r"\b((?:before|until|till|so that)\b[^.;,]*?)\b(?:could|would|might)\b", re.IGNORECASE
)
# A process someone held or brought to an end ("last held formal talks in 2011", "concluded
# its review in March") is over: its outcome is known.
_HELD = re.compile(
    r"\b(?:held|concluded|completed|ended|wrapped up|broke off|abandoned) (?:\w+[- ]){0,2}?"
    r"(?:talks|negotiations|hearings?|ballot|referendum|review|inquiry|audit|consultation)\b",
    re.IGNORECASE,
)
# A refusal to comment (nocomment.REFUSAL), to the end of its clause: what it names ("pending
# litigation", "because an investigation was ongoing") is why nothing was said, not news of the
# matter.
_REFUSAL = re.compile(rf"{REFUSAL}[^;]*", re.IGNORECASE)
# A source described by what they know ("a source close to the negotiations said", "people
# familiar with the inquiry"): the process names the source, not news of it.
_SOURCE = re.compile(
    r"\b(?:close to|with (?:direct )?knowledge of|familiar with|briefed on|involved in) "
    r"(?:the|a|an|its|their) \w+",
    re.IGNORECASE,
)
# A demonstrative pronoun standing for something its article said before: as a subject after a
# clause break ("..., that could mean lower prices"; not the aside "that is,"), as an object at
# the end of a clause ("will want to see that in next year's numbers", "dispute that."), or as a
# determiner after a preposition ("at that height", "to that promise") or closing the clause
# ("survived that crash, which ..."). "That" after a noun or a verb of saying opens a clause of
# its own ("a chip that will not disappear", "said that prices would rise") and points at nothing.
_TIME_WORDS = (
    rf"year|week|month|morning|afternoon|evening|night|time|season|{_SEASON}|"
    r"weekend|day|decade|century|point|stage|moment"
)
# Verbs that take a clause after "that" ("will say that ...", "could show that ...":
# speech.CLAUSE_VERBS), and the words that open such a clause (a determiner, a pronoun, a
# quantifier, a verb).
_CLAUSE_VERBS = alternation(CLAUSE_VERBS)
_CLAUSE_OPENERS = (
    r"the|a|an|it|he|she|they|we|you|i|its|their|his|her|our|is|was|will|would|could|can|may|"
    r"might|should|must|has|had|have|are|were|in|on|at|both|all|some|most|many|none|no|every|"
    r"each|any|one|there|this|these|those"
)
_POINTS_BACK = re.compile(
    r"(?:[,;:—–]\s*|\b(?:and|but|so|yet)\s+)(?:that|this)\s+(?!is,)(?:could|would|will|may|"
    r"might|can|should|must|means?|meant|is|was|has|had)\b|"
    r"(?<!\bso )(?<!\bsuch )(?<!\bnow )\b(?:that|this)(?=\s*[.;!?]|\s*,\s+(?!if|when|while|"
    r"after|before|as|once|unless|though|although|despite|in|at|on|for)|\s+(?:too|either|again|"
    r"instead|in mind|not just)\b|\s+in (?!the\b|a\b|an\b|its\b|their\b)\w)|"
    rf"\b(?:at|to|of|for|on|from|with|about|after|under|over)\s+(?:that|this)\s+"
    rf"(?!(?:{_TIME_WORDS})s?\b)([a-z]+)\b|"
    rf"\b(?:that|this)\s+(?!(?:{_TIME_WORDS})s?\b)([a-z]+)(?=\s*[.;!?]$|,\s+which\b)|"
    r"^(?:nor|neither)\b|"
    # A comparison with the sentence before ("Equally, the maker does not promise ...",
    # "Likewise, ...", "By contrast, ...").
    r"^(?:equally|likewise|similarly|conversely|by contrast|in contrast|on the other hand),|"
    # An approach with no one making it and nothing it is for ("are expected to turn down any
    # approach before the window closes"): who approaches whom for what was the sentence
    # before ("Scouts from two top clubs were in the stand"). With its complement ("any
    # approach for the striker", "approaches from rival clubs") it says so itself.
    r"\b(?:any|an|such|further|new)\s+(?:approach(?:es)?|advances|overtures?)\b"
    r"(?!\s+(?:for|from|by|to|of|on|about)\b)|"
    # "That" after a modal's verb that takes no clause ("should fill that gap", "will cut that to
    # under 30 minutes"); verbs of saying, thinking and finding ("may show that prices ...")
    # take one.
    rf"\b(?:will|would|should|could|can|may|might|must|to)\s+(?!{_CLAUSE_VERBS})\w+\s+that\s+"
    rf"(?!(?:{_TIME_WORDS}|{_CLAUSE_OPENERS})s?\b)(?-i:[a-z]+)",
    re.IGNORECASE,
)
# One member of the public on their own life: named after an everyday role ("Pensioner Ida
# Lund", "commuter Sam Berg"), introduced as a parent or a local ("Ana Diaz, a mother of two,"
# "Tom Reed, 34, a resident of ..."), or telling of their own family ("her grandchildren send
# her money that way", "his sister never got to see it", "a native of the town whose cousin was
# abducted").
_PRIVATE_ROLES = (
    r"pensioner|retiree|resident|shopper|commuter|passenger|customer|parent|mum|mom|dad|"
    r"grandmother|grandfather|student|pupil|fan|neighbou?r|user|voter|motorist|tourist|visitor|"
    r"holidaymaker|onlooker|bystander|spectator"
)
# Before a name, a capital opens each of its words ("Pensioner Ida Lund"; not "MP Jane" nor
# "Father John", a priest's title); after one, "a mother of" and "a father of" introduce a parent.
_PRIVATE_VOICE = re.compile(
    rf"\b(?i:{_PRIVATE_ROLES})\s+[A-Z][a-z][\w'’-]*\s+[A-Z][a-z]|"
    rf"[A-Z][\w'’-]+, (?:\d{{1,3}}, )?(?:an? )?(?i:{_PRIVATE_ROLES}|mother|father) "
    r"(?:of|from|in|who)\b|"
    r"\b(?i:his|her|whose) (?i:daughters?|sons?|children|kids|grandchildren|grandsons?|"
    r"granddaughters?|wife|husband|brother|sister|mother|father|parents|family|partner|"
    r"boyfriend|girlfriend|cousins?|nieces?|nephews?|uncle|aunt)\b"
)


# A step due within the day of its report: "tonight", "overnight", "tomorrow", "at the morning
# briefing", "within hours".
_SOON = re.compile(
    r"\b(?:overnight|tonight|tomorrow|later today|this (?:evening|afternoon)|"
    r"(?:in|at) the morning|next morning|within hours|in the coming hours|by morning)\b",
    re.IGNORECASE,
)


def due_soon(sentence: str) -> bool:
    """The sentence dates what it tells within the day of its report ("would release further
    balloons overnight"): a report a day later finds that moment passed."""
    return bool(_SOON.search(sentence))


def says_future(sentence: str) -> bool:
    """The sentence tells a step in a future form ("will", "plans to", "is due to", "pledged"; an
    aim with a time or a figure, _AMBITION), once what tells nothing ahead is taken out
    (_read_ahead): a time word alone ("until", "deadline") may date what is past."""
    return _future_form(_read_ahead(sentence))


def says_effect(sentence: str) -> bool:
    """The sentence tells an effect on people as such: who faces what, what stays closed, what
    people are asked to do ("The council urged drivers to stay off the coast road"); not a
    request made at a past moment ("last night ... asked residents to keep their windows shut")."""
    text = _read_ahead(sentence)
    return bool(_EFFECT.search(text)) and not _ASKED_THEN.search(text)


def points_back(sentence: str) -> bool:
    """A demonstrative standing for what the sentence's article said before it, or an opening
    "Nor" (module docstring): read alone as a takeaway, it names nothing."""
    return bool(_POINTS_BACK.search(sentence))


def private_voice(sentence: str) -> bool:
    """One member of the public telling of their own life or plans (a vox pop)."""
    return bool(_PRIVATE_VOICE.search(sentence))


def quotes_someone(sentence: str) -> bool:
    """Somebody's own words, in any quotation marks (a takeaway is the page's statement)."""
    return bool(_QUOTATION.search(sentence))


def commentary(sentence: str) -> bool:
    """The writer's judgement said as a prediction or a framed question, held by nobody named
    ("Some viewers will find the pace punishing", "The question is not whether ... but ...")."""
    return bool(_COMMENTARY.search(sentence)) and not _ATTRIBUTED.search(sentence)


def what_to_watch(sentence: str) -> int:
    """How plainly the sentence says what to watch: 2 a next step or an effect said as such (a
    future, a time still to come, people facing or asked something), 1 a step only reported
    ("said it would"), a pending process, or a possibility someone holds or a reader can check;
    0 none of these, or a quotation or commentary (module docstring)."""
    level = _level(_read_ahead(sentence))
    if level and (policy := _POLICY.match(sentence)) and not _dates_ahead(policy.group()):
        return 0
    if level == 1 and (
        (_DATED_BACK.match(sentence) and _PAST_TENSE.search(sentence)) or _HABIT.search(sentence)
    ):
        return 0
    # Most sentences of a story tell nothing to watch: the tests for somebody's voice, which
    # cost as much again, run only on those that do (the same answer, a third of the time).
    if level and voiced(sentence):
        return 0
    return level


def _dates_ahead(clause: str) -> bool:
    """The clause names a time still to come ("next month", "in May")."""
    return bool(_TIME_AHEAD.search(clause) or _WHEN.search(clause) or _SPAN.search(clause))


def voiced(sentence: str) -> bool:
    """Somebody's voice rather than the page's statement, or a sentence that cannot be read
    alone (module docstring): a quotation, the writer's commentary, an opinion, what someone
    once said, a demonstrative pointing back, a vox pop, the first person, a rule hedged "not
    always"."""
    return bool(
        quotes_someone(sentence)
        or commentary(sentence)
        or _OPINION.search(sentence)
        or _ONCE.search(sentence)
        or points_back(sentence)
        or private_voice(sentence)
        # Someone's own words without quotation marks: a statement in the first person ("Later
        # this month, we're adding new routes", "I think it will pass") is a press release's or a
        # columnist's voice, not the page's (voices.FIRST_PERSON).
        or FIRST_PERSON.search(sentence)
        or _NOT_ALWAYS.search(sentence)
    )


def dated_back(sentence: str) -> bool:
    """The sentence opens on the past moment it tells of ("In July 2012, a bank error ...",
    "Last year the club ..."): background, whatever it reports."""
    return bool(_DATED_BACK.match(sentence))


# The people an appointment named, described by the role they take ("named six harbour
# engineers who will sit on her review panel", "appointed a judge who will oversee the inquiry"):
# what they are, the appointment done; with a time still to come ("who will take office in
# January") it is a step.
_APPOINTED = re.compile(
    r"\b(?:named|appointed|picked|chose|chosen|selected|tapped|nominated)\b[^.;]*\bwho will "
    r"(?:serve|sit|work|lead|head|oversee|chair|advise|join|run)\b",
    re.IGNORECASE,
)


def _read_ahead(sentence: str) -> str:
    """The sentence without what tells nothing ahead however it is worded: a refusal to comment,
    a source described by what they know, an aim that describes a thing, a process held or
    ended, the role of people an appointment named, and a future seen from the past with the bare
    participles beside it."""
    text = sentence
    if _could(text, _REFUSAL_WORDS):
        text = _REFUSAL.sub("", text)
    if _could(text, _SOURCE_WORDS):
        text = _SOURCE.sub(" ", text)
    if _could(text, _AIM_WORDS):
        text = _DESCRIBED_AIM.sub(" ", text)
    if _could(text, _HELD_WORDS):
        text = _HELD.sub(" ", text)
    if "who will" in text and (named := _APPOINTED.search(text)):
        role = text[text.index("who will", named.start()) :]
        if not _dates_ahead(role):
            text = text[: named.start()] + " " + text[named.end() :]
    if "ould" in text or "might" in text:  # a modal first: the cheap test
        text = _NARRATIVE_MODAL.sub(r"\1did", text)
    if _could(text, _PAST_FUTURE_WORDS) and _PAST_FUTURE.search(text):
        text = _BARE_FUTURE.sub(" ", _PAST_FUTURE.sub(" ", text))
    if (
        _could(text, ("expected to", "planned to"))
        and _PAST_EXPECTED.search(text)
        and not _ATTRIBUTED.search(text)
    ):
        text = _PAST_EXPECTED.sub(" ", text)
    return text


# What something "aims to" do with nothing to check it by, no time and no figure ("The movement
# aims to spread its teachings along the coast", "The astronomer aims to use the dish to listen
# for the first stars", "a plan that aims to make the harbour safer") tells its purpose, what
# drives the actor, not a step to watch; "aims to reach orbit by 2030" and "aims to hire 40
# people" are steps, and so is what someone "hopes to" do ("The crew hope to come down on the
# island").
_AMBITION = re.compile(r"\b(?:aims? to|aiming to)\b", re.IGNORECASE)
# A figure to check an aim by: a number that is not a year, a count from two ("aims to be one of
# the first" has none: words.PLURAL_COUNTS).
_FIGURE = re.compile(
    rf"\b(?!(?:1[89]|20)\d\d\b)\d|\b(?:{'|'.join(PLURAL_COUNTS)}|"
    r"dozens?|hundreds?|thousands?|millions?|billions?)\b",
    re.IGNORECASE,
)
_WHEN = re.compile(
    r"\b(?:by|in|before|from|until|this|next) (?:the )?(?:(?:early|late|mid-?)\s*)?"
    rf"(?:(?:19|20)\d\d|{_SEASON}|{_MONTH})\b|"
    rf"\b(?:{'|'.join(f'{day}s?' for day in WEEKDAYS)}|tomorrow)\b|"
    r"\b(?:days?|weeks?|months?|years?)['’]? time\b",
    re.IGNORECASE,
)


def _future_form(sentence: str) -> bool:
    """A future form, an aim only with a time or a figure to check it by (_AMBITION)."""
    if not (_could(sentence, _FUTURE_WORDS) and _FUTURE.search(sentence)):
        return False
    if _FUTURE.search(_AMBITION.sub(" ", sentence)):
        return True
    # The time or the figure of the aim comes after it ("which was founded in March 1990, aims
    # to spread ..." dates the actor).
    aim = _AMBITION.search(sentence)
    rest = sentence[aim.end() :] if aim else ""
    return bool(_WHEN.search(rest) or _SPAN.search(rest) or _FIGURE.search(rest))


# Words one of which, lower-cased, every match of a pattern holds: a pattern is tried only on a
# text holding one (_could). A test of the text's characters costs a fraction of a pattern's.
_REFUSAL_WORDS = ("comment", "respond", "elaborate")
_SOURCE_WORDS = ("close to", "knowledge of", "familiar with", "briefed on", "involved in")
_AIM_WORDS = ("hope", "plan", "intend", "aim", "want")
_HELD_WORDS = ("held", "concluded", "completed", "ended", "wrapped up", "broke off", "abandoned")
_PAST_FUTURE_WORDS = (
    "going to", "about to", "set to", "due", "scheduled to", "projected to", "forecast to",
    "predicted to",
)  # fmt: skip
_FUTURE_WORDS = (
    "will", "won't", "wo n't", "plan", "intend", "aim", "hope", "expect", "set to", "due",
    "about to", "promised", "pledged", "going to", "vowed to", "scheduled", "predicted to",
    "forecast to", "'ll", "’ll",
)  # fmt: skip
_TIME_AHEAD_WORDS = (
    "next", "later", "coming", "tomorrow", "end of", "until", "while", "pending", "deadline",
    "before",
)  # fmt: skip
_EFFECT_WORDS = (
    "fac", "stay", "remain", "advised", "urge", "ask", "invited", "told", "warn", "encouraged",
    "at risk", "expos", "vulnerable",
)  # fmt: skip
_FRENCH_AHEAD_WORDS = (
    "prochain", "prévoi", "prévu", "devrai", "devront", "vont", "sera", "seront", "jusqu'à",
    "à partir d", "invit", "déconseill", "interdi", "enquête", "recours",
)  # fmt: skip
_PENDING_WORDS = (
    "review", "inquir", "investigat", "probe", "appeal", "talks", "negotiations", "hearing",
    "trial", "ballot", "referendum", "consultation", "lawsuit", "audit", "ruling", "approv",
    "decide", "examined",
)  # fmt: skip
_POSSIBLE_WORDS = ("may", "might", "could", "can", "must", "should")
# Matched case-insensitively, these four meet a Latin letter that str.lower does not give ("ſ"
# an "s", the Kelvin sign a "k"): a text holding one is tried on every pattern, as before.
_FOLDING = frozenset("\u0130\u0131\u017f\u212a")


def _could(text: str, words: tuple[str, ...]) -> bool:
    """A pattern every match of which holds one of ``words`` may match ``text``."""
    lower = _lowered(text)
    if lower is None:
        return True
    for word in words:  # noqa: SIM110 (a loop: no generator for each of many small tests)
        if word in lower:
            return True
    return False


@lru_cache(maxsize=4096)  # a sentence is asked about by several patterns in turn
def _lowered(text: str) -> str | None:
    """The text lower-cased, or None when it holds a letter of _FOLDING."""
    return text.lower() if _FOLDING.isdisjoint(text) else None


def _level(sentence: str) -> int:
    """what_to_watch before the sentence's voice is judged."""
    if (
        _future_form(sentence)
        or (_could(sentence, _TIME_AHEAD_WORDS) and _TIME_AHEAD.search(sentence))
        or (
            _could(sentence, _EFFECT_WORDS)
            and _EFFECT.search(sentence)
            and not _ASKED_THEN.search(sentence)
        )
        or (_could(sentence, _FRENCH_AHEAD_WORDS) and _FRENCH_AHEAD.search(sentence))
    ):
        return 2
    if (
        (_could(sentence, ("would",)) and _REPORTED_FUTURE.search(sentence))
        or (_could(sentence, _PENDING_WORDS) and _PENDING.search(sentence))
        or open_question(sentence)
        or (
            _could(sentence, ("expect", "watching"))
            and _EXPECTATION.search(sentence)
            and not _HELD_BY_NOBODY.match(sentence)
        )
    ):
        return 1
    if (
        _could(sentence, _POSSIBLE_WORDS)
        and _POSSIBLE.search(sentence)
        and (
            _ATTRIBUTED.search(sentence)
            or _IMPACT.search(sentence)
            or _NUMBER.search(sentence)
            or _SPAN.search(sentence)
        )
    ):
        return 1
    return 0
