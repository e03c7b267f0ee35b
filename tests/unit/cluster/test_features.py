from newsloom.cluster.features import doc_terms
from newsloom.textkit import plural_stem as stem


def test_possessive_is_stripped_before_stemming() -> None:
    assert stem("veland's") == "veland"
    assert stem("harbour’s") == "harbour"


def test_numbers_with_thousands_separators_are_one_entity() -> None:
    terms = doc_terms("Crowd record", "A crowd of 21,560 watched; 3.500 tickets were free.")
    assert "21560" in terms.entities and "3500" in terms.entities
    assert "000" not in terms.entities and "560" not in terms.entities


def test_adjacent_capitalised_words_form_one_name_and_keep_their_parts() -> None:
    terms = doc_terms(
        "Fossil found",
        "Experts at the Oskdal Natural History Museum said the bones were complete.",
    )
    assert "oskdal natural history museum" in terms.entities
    assert {"oskdal", "museum"} <= terms.entities


def test_a_capitalised_word_opening_a_sentence_is_not_a_name_on_its_own() -> None:
    terms = doc_terms("Storm", "Rain fell all night. Officials in Carrow closed two roads.")
    assert "rain" not in terms.entities and "official" not in terms.entities
    assert "carrow" in terms.entities


def test_name_mentions_count_title_twice_and_whole_names_as_phrases() -> None:
    terms = doc_terms(
        "Tara Vell checks into rehab",
        "Tara Vell entered the Harbourside centre on Friday. Vell's publicist confirmed it.",
    )
    assert terms.name_mentions["vell"] == 2 + 2  # title twice, lead "Vell" and "Vell's"
    assert terms.name_mentions["tara vell"] == 2 + 1
    assert terms.name_mentions["harbourside"] == 1
    assert "friday" not in terms.name_mentions  # a stop word is no name
