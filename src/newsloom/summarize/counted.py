"""Facts once when one count is told again with the same deed.

"Fans waited hours in online queues as all fourteen dates sold out" and "By lunchtime all
fourteen concerts had sold out" give one fact: the same number, and right after it the same
deed in a past form ("sold"), whatever the counted thing is called. Two statements that merely
give the same number ("sold out all fourteen dates", "none of the fourteen dates is north of
Carrow") say different things of it, and stay. (The same number of the same thing without a
deed is judged when the number stands in one phrase both times: "avec près de trois semaines
d'avance" twice, same_measure; or when a count over a dozen of one thing is said of one actor,
same_counted_thing: "cut about 400 jobs" and "says 400 jobs are at stake". Counting any two
shared words after a number as one fact cost NeuS R2 19.59 -> 19.47.)
"""

from __future__ import annotations

from functools import lru_cache

from newsloom.summarize.deeds import IRREGULAR_PAST, deed_lemma
from newsloom.summarize.numbers import read_numbers
from newsloom.summarize.openings import NAME, content_words, fact_words
from newsloom.textkit import STOP_WORDS, stem

COUNT_REACH = 3  # words after a number that say what it counts and what was done to it
# A measure: the word before a number, the number, and the two words after it ("de trois
# semaines d'avance"), one phrase without punctuation between.
MEASURE_BEFORE, MEASURE_AFTER = 1, 2


@lru_cache(maxsize=8192)
def counted(text: str) -> dict[str, frozenset[str]]:
    """Per number the text gives, the deed_lemma of the past forms within COUNT_REACH words
    after it ("fourteen concerts had sold out" -> {"14": {"sold"}}). Cached: every pair of a
    story's statements that share a number asks it."""
    read = read_numbers(text)
    found: dict[str, frozenset[str]] = {}
    for phrase in read.phrases:
        if phrase.rank_or_magnitude or phrase.written == "french":
            continue
        # The word right after the number describes what is counted ("all fourteen trapped
        # men"); the deed comes after the counted thing ("fourteen dates sold out").
        after = read.lower[phrase.at + 2 : phrase.at + 1 + COUNT_REACH]
        done = frozenset(deed_lemma(w) for w in after if _past(w))
        for number in phrase.numbers:
            found[number] = found.get(number, frozenset()) | done
    return found


def same_count(a: str, b: str) -> bool:
    """The two statements give one number and, right after it, the same deed."""
    one, other = counted(a), counted(b)
    return any(one[number] & other[number] for number in one.keys() & other.keys())


def _past(word: str) -> bool:
    """A past form: "sold", "freed", "injured"; not "need", "red" or "speed"."""
    if word in IRREGULAR_PAST:
        return True
    return len(word) > 4 and word.endswith("ed") and not word.endswith("eed")


@lru_cache(maxsize=8192)
def measures(text: str) -> frozenset[str]:
    """The text's numbers in their phrase: the word before, the number (as digits) and the two
    words after, lower-cased ("de 3 semaines d'avance"), where the words after say what is
    counted (not a stop word) and no punctuation breaks the phrase. A year or a rank is no
    measure. A day of the month is, unlike in counts: a date in one phrase names one event
    ("sat in on the June 12 meeting with" in two reports of one story tell the same call);
    skipping it as counts does let a NeuS page tell that call twice, and moved no figure."""
    read = read_numbers(text)
    found = set()
    for number in read.phrases:
        k = number.at
        if not MEASURE_BEFORE <= k < len(read.words) - MEASURE_AFTER:
            continue
        if len(number.numbers) != 1 or number.rank_or_magnitude or number.year:
            continue
        span = range(k - MEASURE_BEFORE, k + MEASURE_AFTER + 1)
        if not all(read.joined[i] for i in span[:-1]) or read.lower[k + 1] in STOP_WORDS:
            continue
        phrase = [read.lower[i] for i in span]
        phrase[MEASURE_BEFORE] = number.number
        found.add(" ".join(phrase))
    return frozenset(found)


def same_measure(a: str, b: str) -> bool:
    """The two statements give one number in the same phrase (measures): the same quantity of
    the same thing, told twice ("avec près de trois semaines d'avance" in a bullet and again in
    the next)."""
    return bool(measures(a) & measures(b))


_ALONE_FROM = 13  # a count of a dozen or fewer ("two players", "three days") is said of many things


@lru_cache(maxsize=8192)
def counts(text: str) -> frozenset[str]:
    """The text's counts of a thing: a number over a dozen, not a year nor a rank, and the stem
    of the word right after it ("400 jobs" -> "400 job")."""
    read = read_numbers(text)
    found = set()
    for phrase in read.phrases:
        # The thing is the word right after the number, a scale too: "400 million people" and
        # "400 people" are not one count.
        after = phrase.at + 1
        if after >= len(read.words) or phrase.written == "french" or len(phrase.numbers) != 1:
            continue
        if phrase.rank_or_magnitude or read.lower[after] in STOP_WORDS:
            continue
        if phrase.day_of_month:
            continue  # a day of the month ("the Aug. 17 quake"), no count
        number = phrase.number
        if not number.isdigit() or int(number) < _ALONE_FROM or phrase.year:
            continue
        found.add(f"{number} {stem(read.words[after])}")
    return frozenset(found)


def same_counted_thing(a: str, b: str) -> bool:
    """The two statements count one thing with one number (counts: "400 jobs") and say it of one
    actor: they name someone in common, or the shorter names nobody the other does not ("The plan
    would cut about 400 jobs over five years" beside "The union says 400 jobs are at stake"). Two
    actors' own statements of one count stay ("Ostmark cut 400 jobs" is not "Veland cut 400
    jobs"); the count alone, whoever it is said of, cost NeuS R2 19.59 -> 19.57 (19.58 in an
    earlier try), with the actor 19.60."""
    if not counts(a) & counts(b):
        return False
    names_a = {w for w in fact_words(a) if w.startswith(NAME)}
    names_b = {w for w in fact_words(b) if w.startswith(NAME)}
    if names_a & names_b:
        return True
    shorter, longer = (
        (names_a, names_b) if len(content_words(a)) <= len(content_words(b)) else (names_b, names_a)
    )
    return not shorter - longer
