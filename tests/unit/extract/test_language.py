"""Language: declared by the page, unless a long text is clearly in another language."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsloom.extract import extract_article
from newsloom.extract.metadata import detected_language, headline, page_language

PAGES = Path(__file__).resolve().parents[2] / "data" / "pages"
GERMAN = (
    "Die fiktive Gemeinde Lindenbrück hat am Montag ihre neue Fähre über den Fluss in Betrieb "
    "genommen. Die alte Fähre war mehr als fünfzig Jahre lang gefahren und musste stillgelegt werden. "
    "Pendler begrüßten die Rückkehr der Verbindung über den Fluss."
)


def test_text_overrules_a_template_language_declaration() -> None:
    result = extract_article(
        (PAGES / "language_template_says_en_text_is_german.html").read_bytes(),
        "https://lindenbrueck.example/faehre",
    )
    assert result.language == "de"
    assert result.title == "Neue Fähre in Lindenbrück"


def test_japanese_article_without_spaces_is_long_enough() -> None:
    result = extract_article(
        (PAGES / "language_japanese_without_spaces.html").read_bytes(),
        "https://minatogawa.example/toudai",
    )
    assert result.language == "ja"
    assert result.text.startswith("架空の町である港川市で")


def test_declared_language_stays_for_short_text() -> None:
    assert page_language(None, "fr-FR", "Le quai.") == "fr"
    assert page_language(None, "en", GERMAN[:150]) == "en"  # too short to overrule


def test_long_clear_text_overrules_the_declaration() -> None:
    assert len(GERMAN) >= 200
    assert page_language(None, "en", GERMAN) == "de"
    assert page_language(None, "de-AT", GERMAN) == "de"


def test_detection_needs_some_text() -> None:
    assert detected_language("Kurz.") == ("", 0.0)
    language, probability = detected_language(GERMAN)
    assert language == "de" and 0.9 < probability <= 1.0
    assert page_language(None, "", GERMAN) == "de"


@pytest.mark.parametrize(
    ("title", "site", "url", "expected"),
    [
        ("Pear jam recipe | The Anti-June Cleaver", "", "https://theantijunecleaver.example/a", "Pear jam recipe"),
        ("Gazette - Quay reopens - Analysis", "Gazette", "https://news.example/a", "Quay reopens - Analysis"),
        ("Quay reopens – Analysis — NJ", "", "https://www.nj.example/a", "Quay reopens – Analysis"),
        ("Florida man - South Dakota: hold my beer", "", "https://www.nj.example/a", "Florida man - South Dakota: hold my beer"),
        ("Harbour Gazette", "Harbour Gazette", "https://gazette.example/", "Harbour Gazette"),
        ("Self-driving  ferries arrive", "", "https://ferries.example/a", "Self-driving ferries arrive"),
    ],
)  # fmt: skip
def test_headline_drops_only_a_part_that_names_the_site(
    title: str, site: str, url: str, expected: str
) -> None:
    assert headline(title, site, url) == expected


# Texts in scripts the model tells apart by their bytes: Latin with diacritics, Cyrillic, Greek,
# CJK without spaces, and a line mixing them (a quote in another language).
_SAMPLES = (
    GERMAN,
    "Городской совет вымышленного города Речное утвердил новый мост через реку в понедельник.",
    "Το δημοτικό συμβούλιο της φανταστικής πόλης ενέκρινε τη νέα γέφυρα τη Δευτέρα το πρωί.",
    "架空の町である港川市で新しい橋が月曜日に開通し、住民が祝った。市長は式典で橋の歴史について話した。",
    "The mayor said «c'est une belle journée» before the ferry left the quay at noon today.",
)


def test_packed_language_tables_give_the_library_s_own_answer() -> None:
    """The identifier reads its automaton from packed arrays (``_language_identifier``): the
    language and probability are py3langid's own, to the last digit."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    library = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    for text in _SAMPLES:
        assert len(text) >= 40  # long enough to be asked
        language, probability = library.classify(text[:800])
        assert detected_language(text) == (str(language), float(probability))
