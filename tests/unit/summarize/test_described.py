"""A description the articles attach to one person counts as that person's name when two
statements are compared (described.py): facts once across "Quist" and "the Harrow pensioner"."""

from newsloom.summarize.described import as_named, descriptions
from newsloom.summarize.people import people_of
from newsloom.summarize.retold import repeats_statement
from tests.unit.summarize.fictional_stories import article


def _bound(*texts: tuple[str, str]) -> dict[str, str]:
    articles = [
        article(k, k, f"Outlet {k}", title, text, k) for k, (title, text) in enumerate(texts, 1)
    ]
    return descriptions(articles, people_of(a.text for a in articles))


def test_a_description_opening_a_sentence_after_one_named_person_is_that_person() -> None:
    bound = _bound(
        (
            "Tomas Quist, 71, lands the biggest halibut in forty years",
            "Tomas Quist has fished the bay for sixty years. He said it was the biggest he had "
            "seen. The Harrow pensioner needed three hours to bring the halibut aboard.",
        )
    )
    assert bound == {"harrow pensioner": "Quist"}
    one = (
        "The Harrow pensioner landed the record halibut with a borrowed rod on the last morning "
        "of a contest in Skerra."
    )
    other = "Quist needed only a borrowed rod on the final morning."
    assert not repeats_statement(one, other)  # a description and a name: two actors
    assert repeats_statement(as_named(one, bound), as_named(other, bound))


def test_an_apposition_or_an_age_before_the_name_binds_the_description() -> None:
    bound = _bound(
        (
            "Cup final",
            "Nadia Okafor, a Brindle striker, scored twice. "
            "The 22-year-old Okafor said she would sleep. Okafor said it was the best day.",
        )
    )
    assert bound["brindle striker"] == "Okafor"
    assert bound["22-year-old"] == "Okafor"
    assert (
        as_named("The 22-year-old striker scored twice.", bound)
        == "The 22-year-old striker scored twice."  # a longer description than any bound
    )
    assert as_named("The 22-year-old scored twice.", bound) == "Okafor scored twice."


def test_a_description_two_people_are_given_is_nobodys() -> None:
    bound = _bound(
        ("One", "Striker Nadia Okafor said the team was tired. Okafor scored."),
        ("Two", "Striker Pavel Lindgren said the pitch was heavy. Lindgren said he slept."),
    )
    assert "striker" not in bound


def test_a_description_mid_sentence_or_after_two_people_is_left_as_written() -> None:
    bound = _bound(
        (
            "Talks",
            "Minister Halla Brekk met Ruben Sorvik, who leads the union. "
            "The minister said the talks would go on. Sorvik said he would wait. Brekk said no.",
        ),
        (
            "Talks again",
            "Ruben Sorvik said the talks had failed, and the pensioner was furious. Sorvik said so.",
        ),
    )
    assert bound.get("minister") == "Brekk"  # the role written before her name
    assert "pensioner" not in bound  # mid-sentence: it may be anybody


def test_a_description_before_a_name_between_commas_is_that_name() -> None:
    bound = _bound(
        (
            "Rates",
            "The port authority's director, Signe Halvorsen, said fees would rise. "
            "Halvorsen said ships were bigger.",
        ),
        ("Asked", "Asked about the treasurer, Halvorsen said she had not met him."),
    )
    assert bound["port authority's director"] == "Halvorsen"
    assert "treasurer" not in bound  # ", Halvorsen said": the speaker, not the one described


def test_a_description_whose_noun_the_article_used_before_points_back_at_that() -> None:
    bound = _bound(
        (
            "Window broken",
            "Petra Lund said two boys, aged 12 and 14, broke her window. "
            "The 12-year-old boy lives next door. Lund said she was not angry.",
        )
    )
    assert "12-year-old boy" not in bound


def test_a_description_of_two_modifiers_after_its_article_is_read_whole() -> None:
    # Its article stands three words before the head: the farthest a description starts from it.
    bound = _bound(
        (
            "Harbour regatta",
            "The crews rowed at dawn. Leo Haskins, a gifted young forward, steered the winning "
            "boat. Haskins said the water was calm.",
        )
    )
    assert bound == {"gifted young forward": "Haskins"}
