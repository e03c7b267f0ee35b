"""A person introduced once: full name (and role) at the first mention in reading order, then
the surname alone.

Each statement of a summary comes from some article that introduced its people in its own
words, so a page stitched from several articles introduces the same person again and again
("Governor Ilona Maszek said ...", "Governor Ilona Maszek told ...") or, when the statement
came from deep in an article, not at all ("Singer Odile Marsh has asked Okereke to introduce
them"). An editor names a person in full once, with the role, and by the surname after that.

Who is a person is read from the story's own texts, without a list of names: "Given Surname",
two capitalised words, where the given name never stands anywhere but before that surname and
the texts treat the bearer as a person: they quote the surname alone ("Dahl said"), give the
name a role ("Governor", "manager Paulo Ferraz"), follow it with "who" or an age, or open
the next sentence with "He" or "She". A surname that starts another name too ("Dravik" of
"Katarina Dravik" and of "Dravik Group") is ambiguous alone and left as written; so is a
name of more words ("Daw Ama Sen Lwin"), a place ("in Veland") and a title in quotation
marks. A possessive ends a name: "Kestrel's Paulo Ferraz" is a club and its manager, "Lucia
Ferrant's Golden Heron" a director and her prize. A given name alone inside a quotation ("then
we had Elin") is how people speak of a person, no sign of another name.

A page may meet a person bare ("Jurek Amsel said ...") and say who they are only later
("Ostmark's foreign minister Amsel, who ..."): the role moves to the first mention, in the
page's own words, and the later mention keeps the surname (roles_first). A person the page
never says anything of gets the role the statement's own article gives ("the bill would exceed
4 million crowns, analyst Greta Holm said"), in that article's words, so it stays cited
(roles_from_articles).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from newsloom.summarize.speech import (
    EXCHANGE,
    FORECAST,
    REPORT,
    SAY,
    SAY_FINITE,
    VIEW,
    alternation,
)
from newsloom.textkit import ENGLISH_STOP_WORDS

_WORD = r"[A-Z][^\W\d_]*(?:[-'’][A-Z]?[^\W\d_]+)*"
_TITLE_ABBREVIATION = r"(?:Dr|Mr|Mrs|Ms|Prof|St)\."
# A run of capitalised words: a name with its capitalised titles ("Interior Minister Halvor
# Stenberg", "Dr. Nadia Brenner"). The lookahead lets the engine pass over every other
# position at once (half the time of the bare pattern on the bench story, the same matches).
_RUN = re.compile(rf"(?=[A-Z])(?:(?:{_TITLE_ABBREVIATION}|{_WORD})\s+)*{_WORD}")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’]?\s+(?=[\"“‘]?[A-Z])")
# A sentence's opening role before a name: a few words without a verb or a comma ("Sallow
# manager", "Chief executive", "Youth team coach", "Ostmark's foreign minister").
_ROLE_WORDS = 5
_ROLE_WORD = re.compile(r"^(?:[\w-]+(?:['’]s)?|[A-Z][a-z]*\.)$")
# "The central bank's governor, Ilona Maszek, ...": the role said as an apposition before.
_APPOSITION_BEFORE = re.compile(r"^(?:The|[A-Z][\w-]*['’]s)\s[^,;:\"“”]{1,60},\s$")
# After the name: an apposition that tells who the person is ("Ilona Maszek, the governor,",
# "Mateo Lasko, 24,", "Halvor Stenberg, who steered the bill").
# Lower-case words that qualify a title, and an article before them, up to the title itself.
_TITLE_QUALIFIER = re.compile(
    r"\b(?:[Tt]he\s+)?(?:(?:former|then|ex|outgoing|incoming|acting|interim|late|fellow)(?:-|\s+))*"
    r"(?<=\s|-)$"
)
_DESCRIBED_AFTER = re.compile(r"^,\s+(?:a|an|the|who|whose|\d+|[a-z]+['’]s)\b")


@dataclass(frozen=True)
class Person:
    given: str
    surname: str

    @property
    def full(self) -> str:
        return f"{self.given} {self.surname}"


def people_of(texts: Iterable[str]) -> dict[str, Person]:
    """Surname -> the person the texts name by it (module docstring): the given name only ever
    stands before the surname (never alone, never as a lower-case or function word: "Cyclone
    Imre" is no person), no other name starts with the surname, no article precedes the name
    ("the Lantern Kids", "the Museum"), and the texts treat the bearer as a person: they quote
    the surname alone, open the next sentence with "He" or "She" after a sentence the name
    opened, follow the name with "who" or an age ("Torben Weir, who", "Elin Moberg, 19,"), or
    give the name a role ("Interior Minister Halvor Stenberg")."""
    alone: set[str] = set()  # surnames standing alone beside a verb of speech
    pairs: dict[str, set[str]] = {}  # surname -> given names written before it
    first_words: set[str] = set()  # words that start a run of two capitalised words or more
    elsewhere: set[str] = set()  # capitalised words standing outside "Given Surname"
    lower: set[str] = set()  # every word written in lower case
    things: set[str] = set()  # words written after an article: not a person's name
    personal: set[str] = set()  # surnames the texts say "he" or "she" of
    titled: set[str] = set()  # surnames written after a capitalised title
    compound: set[str] = set()  # last words of names longer than "Given Surname"
    texts = list(texts)
    for text in texts:
        lower.update(w for w in re.findall(r"[^\W\d_]+", text) if w.islower())
    for text in texts:
        sentences = _SENTENCE_END.split(text)
        for k, sentence in enumerate(sentences):
            following = sentences[k + 1] if k + 1 < len(sentences) else ""
            for match, words, at_start in _runs(sentence):
                if any(w.isupper() and len(w) > 1 for w in words):
                    continue  # a dateline or an acronym
                start = match.start()
                if words[0] == "The" or _ARTICLE_BEFORE.search(sentence, max(0, start - 5), start):
                    things.update(words)
                while len(words) > 1 and words[0].lower() in ENGLISH_STOP_WORDS:
                    words = words[1:]  # "When Margit Aasen took charge", "Beyond Ruusk's record"
                # "Kestrel's Paulo Ferraz", "Lucia Ferrant's Golden Heron": a possessive ends one
                # name (the owner: a club, a country, a person) and the next name starts after it.
                segments = _segments(match, words)
                for k, words in enumerate(segments):
                    last = k == len(segments) - 1
                    if len(words) == 1:
                        if last and _speaks(sentence, match):
                            alone.add(words[0])
                        if not _quoted(sentence, match.start()):
                            # In a quotation a person may be called by the given name alone
                            # ("then we had Elin," said the captain): no sign of another name.
                            elsewhere.add(words[0])
                        continue
                    first_words.add(words[0])
                    pairs.setdefault(words[-1], set()).add(words[-2])
                    elsewhere.update(words[:-2])
                    # "Interior Minister Halvor Stenberg", "manager Paulo Ferraz": a person's role
                    # just before the name. Other words before it ("Daw Ama Sen Lwin") make one
                    # longer name, which the surname alone would misquote.
                    extra = words[:-2]
                    before = _word_before(sentence, match) if k == 0 else ""
                    # "Co-founders Ines Vasquez-Hale and ...": a plural role is a role too.
                    ahead = extra[-1] if extra else before
                    role = _role_word(ahead) or bool(_singular_role(ahead))
                    if role:
                        titled.add(words[-1])
                    elif extra:
                        compound.add(words[-1])
                    if at_start and last and _PERSONAL_OPENING.match(following):
                        personal.add(words[-1])
                    if last and _PERSON_AFTER.match(sentence, match.end()):
                        personal.add(words[-1])  # "Torben Weir, who ...", "Elin Moberg, 19,"
    # A pair whose first word the texts write in lower case too ("Big Torben", the staff's
    # nickname for Torben Weir's fossil) is a description before a word, not a given name and a
    # surname: it says nothing about the word standing as a given name elsewhere.
    named_pairs = {s for s, givens in pairs.items() if any(g.lower() not in lower for g in givens)}
    found: dict[str, Person] = {}
    for surname, givens in pairs.items():
        if len(givens) != 1 or surname in first_words or surname in things or surname in compound:
            continue
        if len(surname) < 2 or surname.lower() in lower:
            continue  # "World War I", "the Sherman Antitrust Act" beside "antitrust experts"
        if surname not in alone and surname not in personal and surname not in titled:
            continue
        given = next(iter(givens))
        if given.lower() in lower or given in elsewhere or given in things or given in named_pairs:
            continue
        if len(given) < 2 or given.lower() in ENGLISH_STOP_WORDS:
            continue
        found[surname] = Person(given, surname)
    return found


_PERSONAL_OPENING = re.compile(r"^[\"“‘]?(?:He|She|His|Her)\b")
# Right after the name, what is only said of a person: "Torben Weir, who noticed the bones",
# "Elin Moberg, 19, came on" (a relative "who", an age between commas).
_PERSON_AFTER = re.compile(r",\s+(?:who|whose|\d{1,3},)\s")
_ARTICLE_BEFORE = re.compile(r"\b(?:the|The|a|an)\s+$")


# Verbs of speech and thought: a person is quoted by the surname alone ("Dahl said", "said
# Aasen"); a nationality, a place or a show is not. Not "say" (a plural, never after one surname),
# "according to" or an institution's "announced", "reported", "confirmed", "stated": they credit
# agencies, papers and documents as often as people.
_SPEECH = alternation(
    (SAY - {"say", "according"})
    | (REPORT & {"explained", "noted", "notes", "wrote", "writes", "recalled", "recalls"})
    | (VIEW & {"argued", "argues", "thinks", "believes", "insisted", "insists"})
    | (FORECAST & {"warned", "warns"})
    | EXCHANGE
)
_SPEECH_REACH = 16  # characters before a name that hold "said " or "explained "
_SPEAKS_AFTER = re.compile(rf"['’]?\s*(?:,[^,]{{1,60}},\s*)?(?:{_SPEECH})\b")
_SPEAKS_BEFORE = re.compile(rf"\b(?:{_SPEECH})\s+$")


def _quoted(sentence: str, begin: int) -> bool:
    """The sentence's text at ``begin`` stands inside a quotation: one it opened before, or one
    it closes after (a quotation of several sentences: '... then we had Elin," said Rautio.')."""
    before, after = sentence[:begin], sentence[begin:]
    return (
        before.count('"') % 2 == 1
        or before.count("“") > before.count("”")
        or after.count('"') % 2 == 1
        or after.count("”") > after.count("“")
    )


def _speaks(sentence: str, match: re.Match[str]) -> bool:
    """The lone capitalised word is somebody speaking: "Dahl said", "said Dahl", "Aasen
    insists", "Amsel, the foreign minister, said"."""
    start = match.start()
    return bool(
        _SPEAKS_AFTER.match(sentence, match.end())
        or _SPEAKS_BEFORE.search(sentence, max(0, start - _SPEECH_REACH), start)
    )


# The roles news gives people before their names, as titles ("Governor", "Dr.") or as
# descriptions ("manager Paulo Ferraz", "Singer Odile Marsh"): a closed class, and never an
# organisation's ("company", "maker").
ROLES = frozenset(
    """
    president minister governor mayor senator judge chief director secretary general captain
    coach professor doctor dr prof mr mrs ms sir dame lord lady king queen prince princess pope
    bishop rev chairman chairwoman chair councillor councilor commissioner inspector sheriff
    detective officer sergeant lieutenant colonel manager striker singer spokesman spokeswoman
    spokesperson founder co-founder executive leader teacher playwright analyst economist
    researcher scientist official lawyer attorney actor actress author writer artist player
    goalkeeper midfielder defender forward substitute convenor nurse farmer pensioner student
    astronaut pilot driver drummer guitarist director-general prosecutor rep sen gov
    """.split()
)


def _role_word(word: str) -> bool:
    return word.lower().rstrip(".") in ROLES


# A role by its form (issue 16): right before a name, a description of the "<noun> <doer>" kind,
# "quarry worker Torben Weir", "shop owner ...", "sheep farmer ...", "youth coach ...": a noun for
# what the person works at or with, and a noun for the doer (a role of ROLES, or a word formed as a
# doer is: -er, -or, -ist, -man, -woman), both lower-case, as news writes a description rather than
# a title. Every trade has such a description and no closed list holds them all. Not a verb before
# the doer ("sacked manager", "told reporter": the doer alone is the role there), nor a comparative
# or a word of time ("a day later", "years earlier").
_FORM_ROLE = re.compile(r"(?:^|(?<=[\s,(]))([a-z][a-z-]*[a-z])\s+([a-z]+)\s+$")
_DOER = re.compile(r"(?:er|or|ist|man|woman)$")
_NOT_DOERS = frozenset(
    "later earlier sooner longer faster slower higher lower greater bigger smaller better older "
    "younger closer farther".split()
)
# A verb of saying before a doer ("told reporter Ada Lind") is no noun of the role: speech.SAY
# but the plural "say" and "according", with "asked" and "asks".
_SAYING = (SAY - {"say", "according"}) | {"asked", "asks"}


def _doer(word: str) -> bool:
    """A lower-case word that names a doer: a role of ROLES, or a noun formed as a doer is."""
    if word in ENGLISH_STOP_WORDS or word in _NOT_DOERS:
        return False
    return word in ROLES or bool(_DOER.search(word))


def _role_by_form(before: str) -> str:
    """The "<noun> <doer>" description ending ``before`` (the text up to a name), or ""."""
    found = _FORM_ROLE.search(before[-_WORD_REACH * 2 :])
    if not found:
        return ""
    noun, doer = found.group(1), found.group(2)
    if not _doer(doer):
        return ""
    if noun in ENGLISH_STOP_WORDS or noun in _SAYING or noun.endswith(("ed", "ly")):
        return ""
    return f"{noun} {doer}"


# A role shared by two people named together (issue 16): "Co-founders Ines Vasquez-Hale and Bram
# Oduya said", "the mayors Edda Runn and Otto Brann", "les maires Edda Runn et Otto Brann". The
# plural before the first name says who each of them is; its singular ("co-founder", "mayor",
# "maire") is each one's role. French roles are few here: only the plural test reads them.
_FRENCH_ROLES = frozenset(
    """
    maire ministre président présidente directeur directrice juge sénateur sénatrice député
    députée fondateur fondatrice cofondateur cofondatrice entraîneur entraîneuse chercheur
    chercheuse scientifique avocat avocate porte-parole secrétaire dirigeant dirigeante
    """.split()
)
_PAIR_AND = frozenset(("and", "et"))
_PAIR_NAME_WORDS = 3  # words of the first name of the pair: "Edda Runn", "Ada K. Marsh"
_FIRST_OF_PAIR = re.compile(rf"\s+(?:and|et)\s+{_WORD}")


def _singular_role(word: str) -> str:
    """The singular of a plural role ("Co-founders" -> "co-founder", "maires" -> "maire"), or
    "" when ``word`` is no plural of a role."""
    word = word.lower()
    if not word.endswith(("s", "x")) or len(word) < 4:
        return ""
    forms = [word[:-1]]
    if word.endswith("ies"):
        forms.append(word[:-3] + "y")
    if word.endswith("es"):
        forms.append(word[:-2])  # "coaches", "secretaries" above
    if word.endswith("aux"):
        forms.append(word[:-3] + "al")
    for form in forms:
        if form in ROLES or form in _FRENCH_ROLES:
            return form
    return ""


def shared_role(text: str, name_start: int, end: int) -> str:
    """The singular role a plural gives the name between ``name_start`` (its given name or
    surname, after any title) and ``end`` as one of two people named together after it
    ("Mayors Edda Runn and Otto Brann": "mayor" for either), or ""."""
    words = text[:name_start].split()
    if words and words[-1] in _PAIR_AND:  # the second of the pair: "... Runn and Otto Brann"
        for k in range(1, min(_PAIR_NAME_WORDS, len(words) - 2) + 1):
            if not words[-1 - k][:1].isupper():
                break
            role = _singular_role(words[-2 - k])
            if role:
                return role
        return ""
    if _FIRST_OF_PAIR.match(text, end):
        return _singular_role(words[-1]) if words else ""
    return ""


def _word_before(sentence: str, match: re.Match[str]) -> str:
    start = match.start()
    found = _LAST_WORD.search(sentence, max(0, start - _WORD_REACH), start)
    return found.group(1) if found else ""


# "Mr. Dahl", "Ms. Lund": how news names a person after the first mention, no role.
HONORIFICS = frozenset("mr mrs ms miss mx".split())
# Titles that stand in a person's name, the honorifics and those of rank or degree ("Dr. Brenner",
# "Sir Ada Lind", "Lady Marr"): part of the name, not a word of what the person is.
NAME_TITLES = HONORIFICS | frozenset("dr prof sir dame lord lady".split())


def _titled(word: str) -> bool:
    """``word`` before a surname is a title that says who the person is ("Senator Quell",
    "Dr. Brenner"), not an honorific ("Mr. Quell")."""
    return _role_word(word) and word.lower().rstrip(".") not in HONORIFICS


def _word_at(text: str, begin: int) -> str:
    """The word just before ``begin``."""
    found = _LAST_WORD.search(text, max(0, begin - _WORD_REACH), begin)
    return found.group(1) if found else ""


_WORD_REACH = 30  # characters: longer than any role word


def _initialled(text: str, begin: int, person: Person) -> bool:
    """The surname at ``begin`` ends the full name written with a middle initial: "Tamsin R.
    Hale", "Ada K. Marsh"."""
    return bool(re.search(rf"\b{re.escape(person.given)}\s+[A-Z]\.\s+$", text[:begin]))


_NEXT_WORD = re.compile(r"\S+\s+")  # a word of a run and the space after it
# Function words that belong to the sentence when they open a run of capitals ("When", "After",
# "Because"), unlike those that qualify the title after them ("Former President Ada Marsh").
_SENTENCE_WORDS = ENGLISH_STOP_WORDS - frozenset("former latter first last next".split())
_LAST_WORD = re.compile(r"([\w.-]+)\s+$")


_QUOTE_OR_PLACE = re.compile(r"(?:[`'\"“‘]|\b(?:in|at|from|to|near|of|the))\s*$")


def _as_thing(text: str, begin: int) -> bool:
    """The name at ``begin`` is a title or a place: inside quotation marks ("“Star Trek”",
    "``Marlow''") or after a preposition of place or an article ("in Veland")."""
    return bool(_QUOTE_OR_PLACE.search(text[:begin]))


def _joined(sentence: str, match: re.Match[str]) -> bool:
    """The capitalised word is part of a name joined by "&" or "of" ("Morrow & Sons")."""
    before, after = sentence[: match.start()], sentence[match.end() :]
    return bool(
        re.search(r"(?:&|\bof|\bde)\s*$", before) or re.match(r"\s*(?:&|of\s+[A-Z])", after)
    )


def _segments(match: re.Match[str], words: list[str]) -> list[list[str]]:
    """``words`` (the last words of the run, possessives stripped) cut after each possessive
    but the last word's: "Kestrel's Paulo Ferraz" -> [Kestrel], [Paulo, Ferraz]."""
    raw = match.group(0).split()[-len(words) :]
    segments: list[list[str]] = [[]]
    for k, (word, written) in enumerate(zip(words, raw, strict=True)):
        segments[-1].append(word)
        if k < len(words) - 1 and written.endswith(("'s", "’s")):
            segments.append([])
    return segments


def _runs(sentence: str) -> list[tuple[re.Match[str], list[str], bool]]:
    """The capitalised runs of a sentence: (match, words without a possessive 's, whether the
    run opens the sentence)."""
    found = []
    start = len(sentence) - len(sentence.lstrip("\"'“‘( "))
    for match in _RUN.finditer(sentence):
        words = [w[:-2] if w.endswith(("'s", "’s")) else w for w in match.group(0).split()]
        found.append((match, words, match.start() == start))
    return found


def introduce_once(
    statements: Sequence[str],
    people: dict[str, Person],
    roles: Callable[[int], Mapping[str, Role]] | None = None,
) -> list[str]:
    """The statements (in reading order) with each person of ``people`` named in full at the
    first mention and by the surname after it: a later full name loses its given name, and its
    role too once a mention gave one; a first mention by the surname alone gets the given
    name. A role the page gives later moves to the first mention (roles_first); one it never
    gives comes from the statement's own articles, ``roles(k)`` for statement k
    (roles_from_articles)."""
    named: set[str] = set()  # surnames the page has named in full
    described: set[str] = set()  # and those it has said who they are
    rewritten = []
    texts = roles_first(statements, people)
    if roles is not None:
        texts = roles_from_articles(texts, people, roles)
    for text in texts:
        rewritten.append(_introduce(text, people, named, described))
    return rewritten


def _person_mentions(
    text: str, people: dict[str, Person]
) -> Iterator[tuple[re.Match[str], list[str], int, Person, bool, bool]]:
    """Each person's first mention in ``text``: its run of capitalised words, the run's words
    and start without a function word opening it, the person, and whether it is the full name
    or a title before the surname ("Senator Quell"); the surname alone otherwise. A run that is
    none of these (another name ending in the surname) is no mention."""
    seen: set[str] = set()
    for match, words, _ in _runs(text):
        surname = words[-1]
        person = people.get(surname)
        if person is None or surname in seen:
            continue
        # A capitalised function word opening the run ("When Margit Aasen took charge, ...",
        # "After Dahl said ...") belongs to the sentence, not to the name: the name starts
        # after it, so neither a rewrite nor the role test takes it with the name.
        begin = match.start()
        while len(words) > 1 and words[0].lower() in _SENTENCE_WORDS:
            skipped = _NEXT_WORD.match(text, begin)
            if skipped is None:
                break
            words, begin = words[1:], skipped.end()
        full = len(words) >= 2 and words[-2] == person.given
        titled = not full and len(words) > 1 and _titled(words[-2])  # "Senator Quell"
        if not full and len(words) != 1 and not titled:
            continue
        seen.add(surname)
        yield match, words, begin, person, full, titled


def _introduce(text: str, people: dict[str, Person], named: set[str], described: set[str]) -> str:
    """One statement rewritten (introduce_once); ``named`` and ``described`` are updated."""
    out: list[str] = []
    at = 0
    lead = len(text) - len(text.lstrip("\"'“‘( "))
    for match, _run_words, begin, person, full, titled in _person_mentions(text, people):
        surname = person.surname
        if not full and not titled and _initialled(text, begin, person):
            # "Tamsin R. Hale": the name in full with a middle initial; no given name again.
            named.add(surname)
            if _described_at(text, lead, begin, match.end()):
                described.add(surname)
            continue
        if not full:  # the surname alone: the given name at the first mention
            if titled:
                title_end = match.start() + match.group(0).rfind(surname)
                if surname not in named and not _as_thing(text, begin):
                    # "Senator Quell" -> "Senator Ada Quell": the title says who.
                    out.append(text[at:title_end] + person.given + " ")
                    at = title_end
                    named.add(surname)
                    described.add(surname)
                elif surname in described and at <= begin:
                    # The page said who they are: "Coach Rautio had called" -> "Rautio had".
                    qualifier = _TITLE_QUALIFIER.search(text, at, begin)
                    out.append(text[at : begin if qualifier is None else qualifier.start()])
                    at = title_end
                continue
            if surname not in named and not _joined(text, match) and not _as_thing(text, begin):
                out.append(text[at:begin] + person.given + " ")
                at = begin
                named.add(surname)
                if _described_at(text, lead, begin, match.end()):
                    described.add(surname)  # "Ostmark's foreign minister Amsel said"
            elif surname in described and at <= lead < begin and _role_opening(text[lead:begin]):
                # The role again before the surname ("Ostmark's foreign minister Amsel, who
                # ..."): the page said who they are, the surname alone.
                before = text[lead:begin]
                out.append(text[at:lead])
                at = begin
                if _APPOSITION_BEFORE.match(before) and text.startswith(",", match.end()):
                    out.append(text[at : match.end()])
                    at = match.end() + 1
            continue
        if _as_thing(text, begin):
            continue
        name_start = match.start() + match.group(0).rfind(person.given + " ")
        titles = text[begin:name_start].strip()  # capitalised titles of the run ("Governor")
        before = text[lead:begin]
        after = text[match.end() :]
        opening_role = bool(before) and _role_before(before)
        role = (
            bool(titles)
            or opening_role
            or bool(_DESCRIBED_AFTER.match(after))
            or _role_word(_word_at(text, begin))  # "said foreign minister Jurek Amsel"
            or bool(_role_by_form(before))  # "by quarry worker Torben Weir"
            or bool(shared_role(text, name_start, match.end()))  # "Mayors Edda Runn and"
        )
        if surname not in named:
            named.add(surname)
            if role:
                described.add(surname)
            continue
        # Named before: the surname alone, and the role too once a mention has given one.
        if surname not in described:
            cut = name_start
            if role:
                described.add(surname)
        elif _FIRST_OF_PAIR.match(text, match.end()) and shared_role(text, name_start, match.end()):
            # A plural role before a pair ("Co-founders Ada Marsh and Otto Brann") is the
            # second's role too: it stays, and only the given name goes.
            cut = name_start
        else:
            # Only a role goes with the given name: "The engineers, Ines Varga of
            # Ostmark and ..." keeps its subject.
            cut = lead if opening_role and _role_opening(before) else begin
            if cut == begin and titles:
                # The title goes, and with it what only qualifies the title: "the former Vice
                # President Ada Marsh" is "Marsh", not "the former Marsh".
                qualifier = _TITLE_QUALIFIER.search(text, at, begin)
                if qualifier is not None:
                    cut = qualifier.start()
        out.append(text[at:cut])
        at = name_start + len(person.given) + 1
        if cut == lead and _APPOSITION_BEFORE.match(before) and after.startswith(","):
            out.append(text[at : match.end()])  # "Maszek, acknowledged": the apposition's comma
            at = match.end() + 1
    out.append(text[at:])
    result = "".join(out)
    return result[:1].upper() + result[1:] if result else result


def _described_at(text: str, lead: int, begin: int, end: int) -> bool:
    """The name between ``begin`` and ``end`` comes with a role: the sentence opens with one,
    the word before it is one, or an apposition after it says who the person is."""
    return (
        (begin > lead and _role_opening(text[lead:begin]))
        or _role_word(_word_at(text, begin))
        or bool(_role_by_form(text[lead:begin]))
        or bool(_DESCRIBED_AFTER.match(text[end:]))
    )


def _role_opening(before: str) -> bool:
    """``before`` is an opening role (_role_before) that ends in a role of ROLES, right before
    the name: "Ostmark's foreign minister ", "The central bank's governor, ", never "Police
    said "."""
    words = before.replace(",", " ").split()
    if not words:
        return False
    # A doer by its form ends the role when the sentence's capital opens it ("Quarry worker
    # Torben Weir said"); one capitalised word alone may be a name or a month ("October").
    doer = len(words) >= 2 and words[-1].islower() and _doer(words[-1])
    return (_role_word(words[-1]) or doer) and _role_before(before)


def _role_before(before: str) -> bool:
    """``before`` (the sentence up to a name) is only a role: "Sallow manager ", "Chief
    executive ", "The central bank's governor, "."""
    if _APPOSITION_BEFORE.match(before):
        return True
    words = before.split()
    if not words or len(words) > _ROLE_WORDS or "," in before:
        return False
    return all(
        _ROLE_WORD.match(w) and w.lower() not in ENGLISH_STOP_WORDS and not w.endswith("ed")
        for w in words
    )


def introduction_flaws(statements: Sequence[str], people: dict[str, Person]) -> list[str]:
    """The statements (in reading order) that name a person in full again or by the surname
    before the page named them: those introduce_once rewrites."""
    rewritten = introduce_once(statements, people)
    return [old for old, new in zip(statements, rewritten, strict=True) if old != new]


# A person's role at the first mention (issue 16): a page stitched from several articles may name
# a person bare at the first mention ("Jurek Amsel said the deal ...") and say who they are only
# later ("Ostmark's foreign minister Amsel, who grew up in the valley, promised ..."). An editor
# gives the role where the reader meets the person and the surname alone after it.
#
# After the name, an apposition that says who the person is: an article or a possessive, a few
# words, a role of ROLES among them, and the comma (or the sentence's end) that closes it ("Ilona
# Maszek, the central bank's governor,"). Not a relative clause ("a lawyer who grew up ...").
_APPOSITION_AFTER = re.compile(
    r"^,\s+((?:the|a|an|[A-Za-z]+['’]s)\s[^,;:()\"“”]{1,60}?)(?=,|[.!?]?$|[.!?]\s)"
)
_IN_A_LIST_AFTER = re.compile(r"^(?:,\s+|\s+(?:and|or)\s+)[A-Z]")
_CLAUSE_WORDS = frozenset("who whose which that where when".split()) | SAY_FINITE
_POSSESSIVE_AFTER = re.compile(r"^['’]s?\b")


@dataclass(frozen=True)
class _Mention:
    statement: int
    surname: str
    begin: int  # where the name (its titles included) starts
    name_start: int  # where the given name (or the surname alone) starts
    end: int
    has_role: bool
    role: str  # the role this mention gives, as written: "Governor", "the bank's governor"
    apposition: bool  # the role reads as an apposition after the name
    opens: bool  # the role opens its sentence: its first capital may be the sentence's
    role_end: int  # after an apposition: where it ends, its closing comma included
    free: bool  # the mention may take a role: not quoted, not a title or a place, not in a list
    possessive: bool  # "Maja Rautio's side": no apposition after the name


def _mentions(statements: Sequence[str], people: dict[str, Person]) -> list[_Mention]:
    """Every statement's first mention of each person, in reading order, with its role."""
    found = []
    for k, text in enumerate(statements):
        lead = len(text) - len(text.lstrip("\"'“‘( "))
        for match, words, begin, person, full, _by_title in _person_mentions(text, people):
            surname = person.surname
            name_start = match.start() + match.group(0).rfind(words[-2 if full else -1])
            titles = text[begin:name_start].strip()
            before, after = text[lead:begin], text[match.end() :]
            role, apposition, role_end = "", False, match.end()
            by_form = False  # a "<noun> <doer>" description mid-sentence: lower-case, no capital
            if titles and text[begin - 1 : begin] in ("-", "‑"):
                pass  # "then-Mayor Runn": the title was, not is
            elif titles and _role_word(titles.split()[-1]):
                role = titles  # "Governor Ilona Maszek", "Ostmark's Foreign Minister ..."
            elif before and _role_opening(before):
                role = before.strip().rstrip(",").strip()
                apposition = "," in before  # "The central bank's governor, Ilona Maszek,"
            else:
                described = _APPOSITION_AFTER.match(after)
                if described and _states_role(described.group(1)):
                    role, apposition = described.group(1), True
                    role_end = match.end() + described.end(1)
                    role_end += text.startswith(",", role_end)
                elif not _quoted(text, begin):
                    role = _role_by_form(before)  # "by quarry worker Torben Weir"
                    by_form = bool(role)
            has_role = (
                bool(role)
                or bool(titles)
                or (bool(before) and _role_opening(before))
                or bool(_DESCRIBED_AFTER.match(after))
                or _role_word(_word_at(text, begin))
                or by_form
                or _initialled(text, begin, person)
                or _apposition_role(after, closed=False) is not None  # "Ruth Calloway, leader of"
                or _role_before_comma(text[:begin])  # "Ada Quell's attorney, Tomas Brill"
                or bool(shared_role(text, name_start, match.end()))  # "Mayors Edda Runn and"
            )
            free = not (
                _quoted(text, begin)
                # One of several people named together ("mayors Edda Runn and Otto
                # Brann"): what is said before the list may be said of them all.
                or _word_at(text, begin) in ("and", "or")
                or _IN_A_LIST_AFTER.match(after)
                or _as_thing(text, begin)
                or _joined(text, match)
            )
            # "Maja Rautio's side": a role fits before the name, no apposition after it.
            possessive = bool(_POSSESSIVE_AFTER.match(after)) or match.group(0).endswith(
                ("'s", "’s")
            )
            found.append(
                _Mention(
                    k,
                    surname,
                    begin,
                    name_start,
                    match.end(),
                    has_role,
                    role,
                    apposition,
                    bool(role) and not by_form and (begin == lead or (bool(before) and not titles)),
                    role_end,
                    free,
                    possessive,
                )
            )
    return found


def _states_role(phrase: str) -> bool:
    """An apposition says who the person is: a role among its words and no clause of its own."""
    words = [w.lower() for w in re.findall(r"[\w-]+", phrase)]
    return any(w in ROLES for w in words) and not any(w in _CLAUSE_WORDS for w in words)


def _unnamed_roles(
    statements: Sequence[str], people: dict[str, Person]
) -> list[tuple[_Mention, _Mention]]:
    """(first mention without a role, the later mention that gives one) for each person whose
    first mention on the page says nothing of who they are while a later one does."""
    firsts: dict[str, _Mention] = {}
    found = []
    for mention in _mentions(statements, people):
        first = firsts.setdefault(mention.surname, mention)
        if first is mention or first.has_role or not mention.role:
            continue
        if _quoted(statements[mention.statement], mention.begin):
            continue  # a role said inside a quotation is the speaker's word
        found.append((first, mention))
        firsts[mention.surname] = mention  # counted once: the later role now introduces them
    return found


def unnamed_first_mentions(statements: Sequence[str], people: dict[str, Person]) -> list[str]:
    """The statements (in reading order) that name a person without a role the page gives
    them later: the role belongs at the first mention."""
    return [statements[first.statement] for first, _ in _unnamed_roles(statements, people)]


def roles_first(statements: Sequence[str], people: dict[str, Person]) -> list[str]:
    """The statements with each role the page gives a person after a bare first mention moved
    to that first mention, verbatim: a title-like role before the name ("Ostmark's foreign
    minister Jurek Amsel said ..."), an apposition after it ("Ilona Maszek, the central bank's
    governor, said ..."). introduce_once then drops the later role. A first mention inside a
    quotation, a possessive name or a name as a place takes none."""
    texts = list(statements)
    lower = {w for t in texts for w in re.findall(r"[^\W\d_]+", t) if w.islower()}
    edits: dict[int, list[tuple[int, int, str]]] = {}
    for first, later in _unnamed_roles(texts, people):
        if not first.free:
            continue
        text = texts[first.statement]
        lead = len(text) - len(text.lstrip("\"'“‘( "))
        role = later.role
        if later.apposition:
            if first.possessive:
                continue
            phrase = role[:1].lower() + role[1:] if role.split()[0] in ("The", "A", "An") else role
            after = text[first.end :]
            if after.startswith(","):
                insert = ", " + phrase
            elif re.match(r"^[.!?]", after) or re.match(r"^\s", after):
                insert = ", " + phrase + ("," if re.match(r"^\s", after) else "")
            else:
                continue
            edits.setdefault(first.statement, []).append((first.end, first.end, insert))
            # The later apposition goes ("Reul, the city's chief engineer, inspected" -> "Reul
            # inspected"); its closing comma with it, a sentence's end stays.
            edits.setdefault(later.statement, []).append((later.end, later.role_end, ""))
            continue
        head = role.split()[0]
        if first.begin == lead:
            phrase = role[:1].upper() + role[1:]
        elif not later.opens or head.endswith(("'s", "’s")):
            phrase = role  # "Ostmark's foreign minister", "Interior Minister" as written
        elif head.lower() in ROLES or head.lower() in lower:
            # The capital was the sentence's: "Chief executive" -> "chief executive".
            phrase = head.lower() + role[len(head) :]
        else:
            continue  # "Sallow manager" opening its sentence: a name or a word, unknown
        edits.setdefault(first.statement, []).append((first.begin, first.begin, phrase + " "))
    for k, changes in edits.items():
        text = texts[k]
        for start, stop, insert in sorted(changes, reverse=True):
            text = text[:start] + insert + text[stop:]
        texts[k] = text
    return texts


# A role from the cited article (issue 16, item 2): a person the page meets bare and never says
# who they are ("Erland Moss said he would invite ...", "Marsh has asked Sal Okereke to ...") is
# often one the statement's own article introduced ("Erland Moss, transport chair on the northern
# regional council,", "Sal Okereke, the band's first manager,"). The page gives that role at its
# first mention, in the article's words, still cited to that article. A role said inside a
# quotation, a past one ("former", "then-Mayor"), one of several people named together or one
# belonging to another person of the sentence ("the farmer's daughter") is none.
@dataclass(frozen=True)
class Role:
    """A role an article gives a person, as it writes it: before the name ("analyst",
    "Ostmark's coach") or after it as an apposition ("the central bank's governor")."""

    phrase: str
    before: bool


# What makes a role a past one: "former minister", "ex-chairman", "then-Mayor", "the late".
_PAST = frozenset("former ex then late onetime one-time erstwhile previous".split())
# Where an apposition's head noun ends: a preposition or a clause after it ("transport chair on
# the northern regional council": chair; "a spokeswoman for the ministry": spokeswoman).
_HEAD_END = frozenset(
    "of on at for in with from to by as since until and or who whose which that".split()
)
_RELATIVE = re.compile(r"\s+(?:who|whose|which|that)\b.*$")
# Family words end as doers do ("daughter", "mother"): a relation to another person, no role.
_KIN = frozenset("mother father brother sister daughter".split())
# Titles news keeps capitalised before a name ("Governor Ilona Maszek"); the other roles are
# descriptions written in lower case in the middle of a sentence ("captain Sofie Grahn").
_FORMAL = frozenset(
    """
    president minister governor mayor senator judge secretary general professor dr prof sir dame
    lord lady king queen prince princess pope bishop rev commissioner inspector sheriff detective
    sergeant lieutenant colonel rep sen gov
    """.split()
)
_APPOSITION_WORDS = 10  # an apposition longer than this is a clause of its own


def article_roles(text: str, people: dict[str, Person]) -> dict[str, Role]:
    """Surname -> the first role ``text`` (one article) gives that person at a mention of its
    own: a title or a description before the name ("Governor Ilona Maszek", "said analyst Greta
    Holm", "Veland head coach Maja Rautio praised"), or an apposition after it ("Erland Moss,
    transport chair on the northern regional council,"; "The central bank's governor, Ilona
    Maszek," is one said before)."""
    if not any(surname in text for surname in people):
        return {}
    lower = {w for w in re.findall(r"[^\W\d_]+", text) if w.islower()}
    # Capitalised words in the middle of a sentence: names ("Veland" of "Veland head coach").
    names = set(re.findall(r"(?<=[\w,;:]\s)[A-Z][\w-]*", text))
    found: dict[str, Role] = {}
    for block in text.split("\n"):
        if not any(surname in block for surname in people):
            continue  # most paragraphs name no one: not read (a few ms on a 20-article story)
        at = 0
        for sentence in _SENTENCE_END.split(block):
            at = block.find(sentence, at)
            if not any(surname in sentence for surname in people):
                continue
            for match, words, begin, person, full, _titled in _person_mentions(sentence, people):
                # A quotation may run over several sentences: it is read in the paragraph.
                if person.surname in found or _quoted(block, at + begin):
                    continue
                if re.search(r"\b[A-Z]\.\s+$", block[: at + begin]):
                    continue  # "George W. Bush": the initial may tell another of the name
                role = _role_at(sentence, match, words, begin, full, lower | names)
                if role is not None:
                    found[person.surname] = role
    return found


def _role_at(
    sentence: str,
    match: re.Match[str],
    words: list[str],
    begin: int,
    full: bool,
    known: set[str],
) -> Role | None:
    """The role the sentence gives the name of ``match`` there, or None (article_roles)."""
    after = sentence[match.end() :]
    name_start = match.start() + match.group(0).rfind(words[-2 if full else -1])
    shared = shared_role(sentence, name_start, match.end())
    if shared and not _past(sentence[:begin]):
        return Role(shared, True)  # "Co-founders Ines Vasquez-Hale and Bram Oduya"
    if (
        _word_at(sentence, begin) in ("and", "or")
        or _IN_A_LIST_AFTER.match(after)
        or _as_thing(sentence, begin)
        or _joined(sentence, match)
        or sentence[begin - 1 : begin] in ("-", "‑")  # "then-Mayor Runn"
    ):
        return None
    lead = len(sentence) - len(sentence.lstrip("\"'“‘( "))
    titles = sentence[begin:name_start].strip()
    before = sentence[:begin]
    if titles:
        if not _titled(titles.split()[-1]) or _past(before):
            return None
        shown = _in_sentence(titles, begin == lead, known)
        return Role(shown, True) if shown else None
    if begin > lead and _role_opening(sentence[lead:begin]):
        phrase = sentence[lead:begin].strip().rstrip(",").strip()
        if any(w.lower() in _PAST for w in re.split(r"[\s-]+", phrase)):
            return None
        if phrase.endswith(",") or "," in sentence[lead:begin]:
            # "The central bank's governor, Ilona Maszek, said": an apposition said before.
            head = phrase.split()[0]
            if head in ("The", "A", "An"):
                phrase = head.lower() + phrase[len(head) :]
            return Role(phrase, False)
        shown = _in_sentence(phrase, True, known)
        return Role(shown, True) if shown else None
    by_form = _role_by_form(before)
    if by_form:
        return None if _past(before[: before.rstrip().rfind(by_form)]) else Role(by_form, True)
    word = _word_at(sentence, begin)
    if _titled(word) and word.islower():
        # "said analyst Greta Holm", "Ostmark's coach Dieter Vogl": the owner goes with it.
        rest = before.rstrip()[: -len(word)]
        owner = _word_at(rest + " ", len(rest) + 1)
        if owner.endswith(("'s", "’s")) and owner[:1].isupper():
            return None if _past(rest[: -len(owner)]) else Role(f"{owner} {word}", True)
        # "KBV director Ilse Marrow", "Carrow Aquarium director": the organisation's name
        # before the role, never the sentence's first word (its capital may be the sentence's).
        names = re.search(r"(?:(?<=\s)[A-Z][\w&.-]*\s+){1,3}$", rest + " ")
        if names and names.start() > lead:
            owned = names.group(0).split()
            if not any(w.lower() in ENGLISH_STOP_WORDS for w in owned):
                return None if _past(rest) else Role(f"{' '.join(owned)} {word}", True)
        return None if _past(rest) else Role(word, True)
    return _apposition_role(after)


def _apposition_role(after: str, closed: bool = True) -> Role | None:
    """An apposition right after the name that says who the person is: a noun phrase whose head
    is a role, closed by a comma or the sentence's end ("Erland Moss, transport chair on the
    northern regional council,"; "Elin Moberg, the 19-year-old substitute who scored twice,":
    the noun phrase before the clause). Not ``closed``: the phrase up to any punctuation, as a
    page's own apposition tells who the person is however it goes on ("Mira Holt, space
    analyst and author of ...: ...")."""
    found = (_APPOSITION_CLOSED if closed else _APPOSITION_OPEN).match(after)
    if not found:
        return None
    phrase = _RELATIVE.sub("", found.group(1)).strip()
    words = phrase.split()
    if not words or len(words) > _APPOSITION_WORDS or re.search(r"\band\s+[A-Z]", phrase):
        return None  # a clause of its own; "an early investor in Harbour Lane and Marta Voss"
    if not words[0][:1].islower() and not re.match(r"^[A-Z][\w-]*['’]s$", words[0]):
        return None  # "Ines Varga, Paul Dorn": another name; "Moss, Transport Chair"
    if any(w.lower() in _PAST for w in re.split(r"[\s-]+", phrase)):
        return None
    if words[0] not in ("the", "a", "an") and words[0].lower() in ENGLISH_STOP_WORDS:
        return None  # "Rosa Vint, as the elder,", "Vint, her sister,": no role of her own
    head = ""
    for word in words[1:] if len(words) > 1 else words:
        if word.lower() in _HEAD_END:
            break
        head = word
    if not head and words[0].lower() not in ENGLISH_STOP_WORDS:
        head = words[0]
    head = re.sub(r"['’]s$", "", head)
    if head.lower() != head or head in _KIN or head in ENGLISH_STOP_WORDS:
        return None
    if head not in ROLES and not (_doer(head) and len(words) > 1):
        return None
    return Role(phrase, False)


_APPOSITION_CLOSED = re.compile(r"^,\s+([^,;:()\"“”]+?)(?=,|[.!?]?[\"”’]?$|[.!?]\s)")
_APPOSITION_OPEN = re.compile(r"^,\s+([^,;:()\"“”]+)")


def _role_before_comma(before: str) -> bool:
    """``before`` (the text up to a name) ends in a role and a comma: an apposition said before
    the name ("Ada Quell's attorney, Tomas Brill")."""
    found = re.search(r"\b([a-z][\w-]*),\s+$", before)
    return bool(found) and _doer(found.group(1))  # type: ignore[union-attr]


def _past(before: str) -> bool:
    """A word of the two ending ``before`` makes the role after it a past one ("former
    minister", "ex-chairman", "former pizza chain executive")."""
    return any(w.lower() in _PAST for w in re.findall(r"[\w’']+", before)[-2:])


def _in_sentence(phrase: str, opens: bool, known: set[str]) -> str:
    """A role as it reads in the middle of a sentence: the capital that only opened the
    article's sentence goes ("Head coach" -> "head coach", "Captain" -> "captain"); a formal
    title ("Governor") or a name (``known`` has it capitalised: "Veland head coach") keeps it;
    "" when unknown."""
    if not opens:
        return phrase
    head = phrase.split()[0]
    if head.endswith(("'s", "’s")):
        return phrase
    if head.lower() in ROLES:
        if head.lower() in _FORMAL and len(phrase.split()) == 1:
            return phrase
        return head.lower() + phrase[len(head) :]
    if head in known:
        return phrase  # a name: "Veland head coach"
    if head.lower() in known:
        return head.lower() + phrase[len(head) :]  # "Leading lady" -> "leading lady"
    return ""


def roles_from_articles(
    statements: Sequence[str],
    people: dict[str, Person],
    roles: Callable[[int], Mapping[str, Role]],
) -> list[str]:
    """The statements with each person the page meets without a role, and never gives one,
    given the role ``roles(k)`` (what statement k's own articles say of its people,
    article_roles; asked only for a statement with such a first mention) holds for them, at the first mention: before the name as the article wrote
    it ("analyst Holm said") or as an apposition after it ("Moss, transport chair on
    the northern regional council, said"). A first mention inside a quotation, in a list, as a
    place or (for an apposition) a possessive takes none."""
    texts = list(statements)
    firsts: dict[str, _Mention] = {}
    for mention in _mentions(texts, people):
        firsts.setdefault(mention.surname, mention)
    edits: dict[int, list[tuple[int, str]]] = {}
    for surname, first in firsts.items():
        if first.has_role or not first.free:
            continue
        role = roles(first.statement).get(surname)
        if role is None:
            continue
        text = texts[first.statement]
        lead = len(text) - len(text.lstrip("\"'“‘( "))
        if role.before:
            owner = _word_at(text, first.begin)
            if owner.endswith(("'s", "’s")) and re.search(r"['’]s\b", role.phrase):
                continue  # "Ostmark's Vogl" and "Ostmark's coach": one owner is enough
            if owner.islower() and _doer(owner):
                continue  # "VSA astronaut and biochemist Lena Strand": a role already
            phrase = role.phrase
            if first.begin == lead:
                phrase = phrase[:1].upper() + phrase[1:]
            edits.setdefault(first.statement, []).append((first.begin, phrase + " "))
            continue
        after = text[first.end :]
        if first.possessive or re.match(r"^,\s+(?:the|a|an|[a-z]+['’]s)\s", after):
            continue  # "Maja Rautio's side"; an apposition of its own after the name
        if after.startswith(",") or re.match(r"^[.!?]", after):
            insert = ", " + role.phrase
        elif re.match(r"^\s", after):
            insert = ", " + role.phrase + ","
        else:
            continue
        edits.setdefault(first.statement, []).append((first.end, insert))
    for k, changes in edits.items():
        text = texts[k]
        for at, insert in sorted(changes, reverse=True):
            text = text[:at] + insert + text[at:]
        texts[k] = text
    return texts


def unnamed_in_articles(
    statements: Sequence[str],
    people: dict[str, Person],
    roles: Callable[[int], Mapping[str, Role]],
) -> list[str]:
    """The statements (in reading order) that meet a person first without a role while the
    statement's own articles give one (``roles``, as for roles_from_articles)."""
    firsts: dict[str, _Mention] = {}
    for mention in _mentions(statements, people):
        firsts.setdefault(mention.surname, mention)
    return [
        statements[first.statement]
        for first in sorted(firsts.values(), key=lambda m: (m.statement, m.begin))
        if not first.has_role and first.surname in roles(first.statement)
    ]
