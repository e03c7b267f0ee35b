"""A statement whose counts, names and words the page has all told tells the reader nothing new
(toldagain.py); one that adds a number, a name, a time or any word of its own stays."""

from newsloom.summarize.clauses import told_in_order
from newsloom.summarize.toldagain import Page, checkable


def told_again(text: str, page: list[str]) -> bool:
    """``text`` read after the statements ``page`` (the headline first) tells nothing new."""
    return Page.of(page).tells(text)


RECALL = "Harrow Audio is recalling about 12,500 Lark 2 wireless speakers after reports of fires."
BOARD = "The Veland Product Safety Office said it had warned retailers about the speakers."
AFFECTED = "The Product Safety Office says about 12,500 speakers are affected."
# The same count of another thing, and the same count with a new figure or a place beside it.
OTHER_THING = "The Product Safety Office says about 12,500 customers have complained."
NEW_FIGURE = "The recall of 12,500 speakers could cost Harrow Audio 30 million crowns."
NEW_PLACE = "About 12,500 speakers were sold in shops in Dunmere."


def test_a_count_and_a_name_the_page_told_are_told_again() -> None:
    assert told_again(AFFECTED, [RECALL, BOARD])
    # Each earlier statement alone lacks one of them: the board, or the count.
    assert not told_again(AFFECTED, [RECALL])
    assert not told_again(AFFECTED, [BOARD])


def test_a_statement_adding_anything_checkable_stays() -> None:
    for later in (OTHER_THING, NEW_FIGURE, NEW_PLACE):
        assert not told_again(later, [RECALL, BOARD]), later


def test_a_length_of_time_in_any_of_its_forms() -> None:
    headline = "Tarrow night buses run a year-long trial"
    for later in (
        "The trial runs for twelve months.",
        "The Tarrow trial runs for a year.",
        "The twelve-month Tarrow trial runs.",
    ):
        assert told_again(later, [headline]), later
    assert checkable("It lasts three weeks.").counts == checkable("It lasts 21 days.").counts
    assert not told_again("The Tarrow trial runs for two years.", [headline])
    # A number with no unit of time is no length of time.
    assert not told_again("The Tarrow trial runs twelve buses.", [headline])


def test_french_statements() -> None:
    told = "Les ornithologues de Saint-Brès ont confirmé la présence de trois jeunes faucons."
    again = "Les ornithologues de Saint-Brès ont confirmé la présence de trois jeunes."
    new = "Les ornithologues de Saint-Brès ont confirmé la présence de trois jeunes, nés en mai."
    assert told_again(again, [told])
    assert not told_again(new, [told])  # born in May: a date of its own


def test_a_denial_and_a_statement_without_count_or_name_are_never_told_again() -> None:
    page = [RECALL, BOARD]
    assert not told_again(
        "The Product Safety Office has not said 12,500 speakers are affected.", page
    )
    assert not Page.of(page).tells("The speakers are affected.")  # nothing to check


def test_told_in_order_judges_each_against_what_stays() -> None:
    texts = [AFFECTED, NEW_FIGURE, AFFECTED.replace("says", "said")]
    assert told_in_order([RECALL, BOARD], texts) == [0, 2]
    # Without the board on the page, the first statement brings it, and the third is its repeat.
    assert told_in_order([RECALL], texts) == [2]


def test_a_superlative_ranks_what_the_page_only_named() -> None:
    page = ["A devastating flood hit Dunmere province and the Orran valley on Monday."]
    assert not told_again("Dunmere is the most devastated province after the flood.", page)
    assert told_again("A devastating flood hit Dunmere province.", page)
