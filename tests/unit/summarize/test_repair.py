"""An opening pronoun is replaced by the name it continues, and only when that is safe; an
outlet's short name for itself by its full name."""

import pytest

from newsloom.summarize.repair import leading_name, name_own_outlet, repair_opening

ARTICLE = "The chip was designed in Port Alder. Engineers at Corvid Labs built it."


@pytest.mark.parametrize(
    ("sentence", "previous", "repaired"),
    [
        (
            "She won the final in straight sets and dedicated it to her coach.",
            "Lena Okafor reached her first final last week.",
            "Lena Okafor won the final in straight sets and dedicated it to her coach.",
        ),
        (
            # Its other pronoun names the one thing the previous sentence's subject acted on.
            "She clinched it with a lob in the last game.",
            "Lena Okafor needed only a break of serve.",
            "Lena Okafor clinched a break of serve with a lob in the last game.",
        ),
        (
            "He said it would take a decade.",
            "The planner, Tomas Vire, mapped the new tram line.",
            "Tomas Vire said it would take a decade.",
        ),
        (
            "Its seven-inch screen is sharp.",
            "The Pallas 7 is the first e-reader we liked.",
            "The Pallas 7's seven-inch screen is sharp.",
        ),
        (
            "He was among the first to congratulate her.",
            "The previous record holder, Anton Rask, earned the title at 15.",
            "Anton Rask was among the first to congratulate her.",
        ),
    ],
)
def test_pronoun_continues_the_previous_subject(
    sentence: str, previous: str, repaired: str
) -> None:
    assert repair_opening(sentence, previous, ARTICLE) == repaired


@pytest.mark.parametrize(
    ("sentence", "previous"),
    [
        # The previous sentence names someone else too: "he" may be either.
        ("He is now out of the hospital.", "Dr. Ilse Lind noted that Brandt was in a coma."),
        # "It" after a person's name is not that person.
        ("It was the club's first trophy in 22 years.", "Joel Arkwright scored the winner."),
        # "he" needs a person's full name, not a thing.
        ("He said the gates held.", "The barrier closed at noon."),
        # Capitalised words that only modify a noun are not a subject.
        ("She secured her final norm.", "The Carrow schoolgirl played calmly."),
        # "they" has too many possible referents.
        ("They have a short, quiet click.", "Two page-turn buttons sit on the bezel."),
        # Another pronoun in the sentence points back as the opening one does, and nothing in
        # the sentence can take it: naming the subject would leave "it" pointing at nothing.
        ("She clinched it with a lob in the last game.", "Lena Okafor needed one more set."),
        ("She won it twice.", "Lena Okafor entered a doubles event and a mixed event."),
        ("He beat them twice last season.", "Tomas Vire has coached against the Rovers."),
        # A subordinate clause is not the subject.
        (
            "It did more than start an argument.",
            "When Corvid Labs released the design, investors split.",
        ),
    ],
)
def test_unsafe_repairs_are_not_made(sentence: str, previous: str) -> None:
    assert repair_opening(sentence, previous, ARTICLE) == sentence


def test_a_single_word_counts_as_a_name_only_when_written_so_inside_a_sentence() -> None:
    assert leading_name("Corvid released the design.", "Engineers at Corvid built it.") == "Corvid"
    assert leading_name("Police said the road was shut.", "The road was shut.") == ""


@pytest.mark.parametrize(
    ("sentence", "repaired"),
    [
        (
            "As a result, Gull Bay council closed the beach on Monday.",
            "Gull Bay council closed the beach on Monday.",
        ),
        (
            "En conséquence, la maire de Vernaz a prolongé l'interdiction de baignade.",
            "La maire de Vernaz a prolongé l'interdiction de baignade.",
        ),
        # What follows names nothing, or leans on the page itself: left alone (and refused).
        ("As a result, prices rose.", "As a result, prices rose."),
        ("As a result, it fell sharply in May.", "As a result, it fell sharply in May."),
        (
            "However, Gull Bay council kept the beach open.",
            "However, Gull Bay council kept the beach open.",
        ),
    ],
)
def test_a_leading_connective_of_consequence_is_dropped(sentence: str, repaired: str) -> None:
    assert repair_opening(sentence, "", ARTICLE) == repaired


def test_the_paper_calling_itself_the_star_is_named_in_full() -> None:
    # The miners story: a Metro Evening Star interview says the survivor "told the Star"; on a
    # page of several outlets that names no paper.
    sentence = "Mateo Lasko, 24, told the Star from a hospital bed that the silence was hardest."
    assert name_own_outlet(sentence, "Metro Evening Star") == (
        "Mateo Lasko, 24, told the Metro Evening Star from a hospital bed that the silence was "
        "hardest."
    )
    # The Harbour Gazette's "the Gazette" too; a name that goes on ("the Star Wars fans") and
    # an outlet of one word are left alone.
    assert name_own_outlet("He told the Gazette.", "The Harbour Gazette") == (
        "He told the Harbour Gazette."
    )
    assert name_own_outlet("She met the Star Wars fans.", "Metro Evening Star") == (
        "She met the Star Wars fans."
    )
    assert name_own_outlet("He told the Post.", "Post") == "He told the Post."
