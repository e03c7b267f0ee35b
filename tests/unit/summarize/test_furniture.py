"""summarize/furniture.py: page furniture refused whole, whichever branch of its pattern tells."""

from newsloom.summarize.furniture import is_furniture


def test_a_wire_captions_date_is_furniture_and_a_months_name_alone_is_not() -> None:
    # The dated caption's branch is read on a month's name; "Mayor" holds "may" and no date.
    assert is_furniture("Volunteers stack sandbags in Port Alder, Veland, March 4, 2031.")
    assert is_furniture("Crews rest in Tamsford, Velmora, May 12, 2031")
    assert not is_furniture("Mayor Ines Talvik inspected the north dam in Velmora.")
    assert not is_furniture("The dam was closed on Monday, May 12, after a week of rain.")
    # After a weekday the full date is prose's: "on Monday, March 4, 2031."
    assert not is_furniture("The ferry terminal reopened on Monday, March 4, 2031.")


def test_the_other_branches_still_tell_beside_a_month() -> None:
    assert is_furniture("Read more: the May floods in Velmora.")
    assert is_furniture("Mayor Ines Talvik (left) and Dr. Oren Baske (right) at the dam.")
    assert is_furniture("Water rises — Pell Varro (@pvarro) March 4, 2031")


def test_a_letter_that_folds_to_latin_reads_the_whole_pattern() -> None:
    # Matched case-insensitively the long s is an "s": once a trigger sends the sentence to the
    # pattern (here the bracket), the dated caption's branch reads "Auguſt" as a month.
    assert is_furniture("Sandbags on the quay (pictured) in Auguſt.")
    assert is_furniture("Crews reſt in Tamsford (Velmora), Auguſt 12, 2031.")
    assert not is_furniture("Crews reſt in Tamsford after the rain.")
