"""One fact told twice, judged by what each statement itself tells."""

from newsloom.summarize.retold import repeats_statement

WON = "Ashby Rovers beat Tolleridge Town 2-1 to reach the county cup final."


def test_one_result_told_twice_is_one_fact() -> None:
    assert repeats_statement("Tolleridge Town lost 2-1 to Ashby Rovers on Saturday.", WON)
    assert repeats_statement("After extra time, Ashby Rovers won 2-1.", WON)


def test_a_result_told_as_the_cause_of_a_later_fact_is_not_that_fact() -> None:
    # The sacking is news of its own; the score only says what came before it.
    sacked = (
        "Tolleridge Town sacked coach Ewan Marsh on Sunday, a day after the 2-1 defeat "
        "by Ashby Rovers."
    )
    assert not repeats_statement(sacked, WON)
    assert not repeats_statement("Following the 2-1 defeat, Ewan Marsh lost his job.", WON)


def test_a_role_opening_the_sentence_is_no_name_the_other_lacks() -> None:
    # "Playwright" is capitalised only because it opens the sentence: the statement names no
    # one the longer one does not, and tells the same memory again.
    earlier = (
        'Halvorsen, whose new play "The Boatyard Keeper\'s Sons" opened the restored Brandhavn'
        " theatre this week, told the Harbour Wire that the idea came from a childhood visit to"
        " Gull Yard, where two brothers kept the yard for several years after their father died."
    )
    later = (
        "Playwright Halvorsen says a visit to the island's boatyard as a girl gave her the story"
        " of two brothers."
    )
    assert repeats_statement(earlier, later)
    # A name the later statement gives of its own still makes it another fact.
    other = "Playwright Halvorsen says Ingrid Voss gave her the story of two brothers."
    assert not repeats_statement(earlier, other)
