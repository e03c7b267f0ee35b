"""summarize/deeds.py: the words said beside a person's name, in any word form."""

from newsloom.summarize.deeds import (
    Deeds,
    deeds_near_names,
    figure_beside_name,
    same_deed_near_name,
)


def test_the_deeds_beside_each_name_and_a_place_left_out() -> None:
    found = deeds_near_names(
        "Striker Joel Arkwright headed the winning goal in Port Alder after Mara Venn crossed."
    )
    # "in Port Alder" is where it happened: its words are no name, only other capitalised words.
    assert found == {
        "joel arkwright": Deeds(
            done=frozenset({"head", "win", "goal", "cross"}),
            near=frozenset({"head", "win", "goal", "cross"}),
            others=frozenset({"port", "alder", "mara venn"}),
        ),
        "mara venn": Deeds(
            done=frozenset({"cross"}),
            near=frozenset({"head", "win", "goal", "cross"}),
            others=frozenset({"port", "alder", "joel arkwright"}),
        ),
    }


def test_one_name_of_several_words_and_a_sentence_naming_nobody() -> None:
    found = deeds_near_names(
        "Harbour master Ines Talvik of Kastrel Bay said the Velmora Water Board closed two piers."
    )
    # The name runs "Ines Talvik of Kastrel Bay": its key is its last two words.
    assert set(found) == {"kastrel bay", "water board"}
    assert found["water board"].done == {"clos", "two", "pier"}
    assert found["kastrel bay"].near == {"mast", "clos", "two", "pier"}
    assert deeds_near_names("the ferry left at noon after a long delay.") == {}


def test_one_deed_in_two_word_forms() -> None:
    assert same_deed_near_name(
        "Striker Joel Arkwright headed the winning goal in the 112th minute.",
        "Joel Arkwright scored twice, including the winner.",
    )


def test_the_figures_said_beside_a_name() -> None:
    # An age after the name (in digits or words), an age just before it; not a year.
    assert figure_beside_name("Leo Haskins, a 19-year-old from Carrow, scored twice.") == {
        "leo haskin": frozenset({"19"})
    }
    assert figure_beside_name("19-year-old forward Leo Haskins scored in 2031.") == {
        "leo haskin": frozenset({"19"})
    }
    assert figure_beside_name("Mara Venn, nineteen, and Leo Haskins, 2031 champion, won.") == {
        "mara venn": frozenset({"19"})
    }
    # The figure must be within four words of the name.
    assert figure_beside_name("Leo Haskins scored after the long wait of 19 minutes.") == {}
