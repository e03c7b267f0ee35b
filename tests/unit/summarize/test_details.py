"""A bare figure of the setting is a detail: no bullet, and told once."""

from newsloom.summarize.details import bare_figure, same_bare_figure
from newsloom.summarize.retold import repeats_statement
from newsloom.summarize.vectors import repeated_facts


def test_a_figure_told_bare_is_a_detail() -> None:
    assert bare_figure("The attendance at Brook Lane was 4,312.")
    assert bare_figure("Turnout was about 58 percent.")
    assert bare_figure("The crowd at the Tarn Bowl was 12,050.")


def test_a_figure_with_a_deed_an_actor_or_a_comparison_is_news() -> None:
    for sentence in (
        "The attendance was 4,312, a record for the ground.",  # a comparison
        "Harrow Mills employs 4,312 people.",  # an actor and a deed
        "Shares in Harrow Mills rose 4 percent to 31.5 crowns.",  # a change
        "Lena Voss was 27.",  # a person's age: a name, not a measure
        "The vote was 61 to 40.",  # a result
        "The mill said output was 4,312 tonnes.",  # someone cited
    ):
        assert not bare_figure(sentence), sentence


def test_a_bare_figure_another_statement_gives_is_told_once() -> None:
    bare = "The attendance at Brook Lane was 4,312."
    crowd = "A crowd of 4,312, the club's largest this year, sang until the lights went out."
    other = "The club sold 1,250 season tickets."
    assert same_bare_figure(crowd, bare) and same_bare_figure(bare, crowd)
    assert not same_bare_figure(bare, other)
    assert repeats_statement(crowd, bare)
    _, repeated = repeated_facts([crowd, bare, other])
    assert repeated[0, 1] and repeated[1, 0] and not repeated[1, 2]
