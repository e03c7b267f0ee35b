"""summarize/numbers.py: the one reader of number phrases that counted.py and roles.py share."""

from newsloom.summarize.numbers import read_numbers


def test_a_figure_with_its_scale_and_unit() -> None:
    read = read_numbers("Harbour Group raised its bid to 4.2 billion crowns on Friday.")
    figure, scale = read.phrases
    assert (figure.number, figure.written, figure.scale) == ("4.2", "digits", "billion")
    assert read.lower[figure.unit_at] == "crowns"
    # The scale is a number word too, a magnitude that counts nothing on its own.
    assert read.lower[scale.at] == "billion" and scale.rank_or_magnitude
    assert read.at(figure.at) is figure and read.at(0) is None


def test_number_words_ranks_years_and_french() -> None:
    read = read_numbers("In 2031 the first of fourteen ferries left, trois semaines plus tard.")
    by_word = {read.lower[p.at]: p for p in read.phrases}
    assert by_word["2031"].year and not by_word["fourteen"].year
    assert by_word["first"].rank_or_magnitude and not by_word["fourteen"].rank_or_magnitude
    assert (by_word["fourteen"].number, by_word["fourteen"].written) == ("14", "words")
    assert (by_word["trois"].number, by_word["trois"].written) == ("3", "french")
    # A scale after a number in words stays its own word ("fourteen" is no "14million").
    assert read_numbers("fourteen million ferries").phrases[0].scale == ""


def test_a_day_of_the_month_is_marked() -> None:
    read = read_numbers("Since the Oct. 3 storm, 212 homes have stood empty.")
    day, homes = read.phrases
    assert day.day_of_month and not homes.day_of_month
    assert not read.joined[homes.at - 1]  # the comma parts the storm's date from the count


def test_every_token_holding_a_number_is_read_and_no_other() -> None:
    # Plain words are skipped cheaply (no letter is a digit); what is read is each token that
    # holds digits, an English number word or a French one.
    read = read_numbers(
        "Forty-two crews, 18,000 sandbags and deux barges: the 3rd convoy left at 7.30 on "
        "Tuesday's tide, a Twenty-year record, with ² marks and Million-crown bills."
    )
    found = {read.lower[p.at]: (p.numbers, p.written) for p in read.phrases}
    assert found == {
        "forty": (frozenset({"40"}), "words"),
        "two": (frozenset({"2"}), "words"),
        "18,000": (frozenset({"18000"}), "digits"),
        "deux": (frozenset({"2"}), "french"),
        "3rd": (frozenset({"3"}), "digits"),
        "7.30": (frozenset({"7.30"}), "digits"),
        "twenty": (frozenset({"20"}), "words"),
        "million": (frozenset({"1000000"}), "words"),
    }
