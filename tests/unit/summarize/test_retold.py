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
