import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from newsloom.dedup import content_hash, hamming, is_near_duplicate, simhash
from newsloom.dedup.hashing import normalize_text

WIRE_STORY = (
    "The harbour authority of Port Elling said on Tuesday that the north pier will reopen next "
    "month after a two-year repair programme costing 14 million crowns. Engineers replaced the "
    "timber piles with concrete columns and raised the deck by forty centimetres to cope with "
    "storm surges, which flooded the old pier three times last winter. Ferry services to the "
    "islands, moved to the southern quay during the works, will return to their old berths in "
    "stages, the authority said, starting with the morning service to Skerra. Local traders "
    "welcomed the news, saying the closure had cut the number of day visitors to the old town "
    "by almost a third, while fishermen asked for the new pier lights to be tested before the "
    "autumn season. The authority promised a public opening day with guided tours of the works, "
    "a brass band and free ferry rides for children under twelve."
)


def test_content_hash_ignores_case_spacing_and_punctuation() -> None:
    assert content_hash("Hello,   World!") == content_hash("hello world")
    assert content_hash("Hello world") != content_hash("Hello there world")
    assert len(content_hash("")) == 64


def test_simhash_is_signed_64_bit_and_deterministic() -> None:
    values = [simhash(WIRE_STORY), simhash(WIRE_STORY.upper()), simhash("short text")]
    assert values[0] == values[1]
    assert all(-(2**63) <= v < 2**63 for v in values)
    assert any(v < 0 for v in (simhash(f"{WIRE_STORY} {i}") for i in range(40)))
    assert simhash("") == 0


def test_simhash_values_stay_those_already_stored() -> None:
    # Stored articles keep their SimHash: a faster computation must give the very same bits
    # (values from the shift-per-shingle version), for long text, under three words, and a
    # text whose one shingle repeats.
    assert simhash(WIRE_STORY) == -6286446868843742421
    assert simhash("Two words") == -5706460026490166836
    assert simhash("Ferry ferry ferry ferry ferry ferry") == -9123157839800296766


def test_near_copy_with_an_edited_word_is_close_but_other_text_is_far() -> None:
    edited = WIRE_STORY.replace("Tuesday", "Wednesday")
    other = (
        "A late goal by the visiting side ended the home team's unbeaten run on Saturday, as "
        "thousands of supporters watched the league leaders slip to second place in the table "
        "after a tense afternoon in which both goalkeepers were kept busy until the final whistle."
    )
    assert hamming(simhash(WIRE_STORY), simhash(edited)) <= 8
    assert hamming(simhash(WIRE_STORY), simhash(other)) > 12


def test_wire_copy_with_a_dateline_or_credit_is_a_near_duplicate() -> None:
    original = simhash(WIRE_STORY)
    assert is_near_duplicate(original, simhash("Port Elling: " + WIRE_STORY))
    assert is_near_duplicate(original, simhash(WIRE_STORY + " (Harbour Wire)"))


def test_hamming_and_near_duplicate() -> None:
    assert hamming(0, 0) == 0
    assert hamming(-1, 0) == 64
    assert hamming(0b1011, 0b0001) == 2
    assert is_near_duplicate(0b1000, 0b1111)  # 3 bits apart
    assert not is_near_duplicate(0b10000, 0b01111)  # 5 bits apart
    assert is_near_duplicate(0b10000, 0b01111, max_distance=5)
    assert not is_near_duplicate(0, 0)  # no text is nobody's copy


# Content hashes already stored (computed when normalising was two substitutions and a strip):
# one-pass normalising must give the same digests. Underscores, NFKC forms (ligature, ½, x²),
# typographic punctuation, non-breaking and ideographic spaces and punctuation-only text.
STORED_CONTENT_HASHES = {
    WIRE_STORY: "f0e411fc48bda3d65aceb9df035cfcf359d86bf993513df1627ebff7212b0d75",
    "  snake_case__names  and__under_scores_ ": (
        "785ea34d08a2d0e3cdf4966afc0453c2669805a7001d00fdd8fd2ad94e452329"
    ),
    "Ünïcode ﬁne “quotes”—dash… ½ x²": (
        "034cfb31c2b662e0aa3d586de53199e3f086ec498c16bee69895b5ea057ac106"
    ),
    "tab\there\u00a0nbsp\u2028line\u3000ideo": (
        "508b2cfbe768cc0b829ecd01d4d7315b8eb1032194465d5bdf6305b879a7ac79"
    ),
    "!!!": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    "___": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
}


def test_content_hash_values_stay_those_already_stored() -> None:
    assert {text: content_hash(text) for text in STORED_CONTENT_HASHES} == STORED_CONTENT_HASHES


def _normalized_by_substitution(text: str) -> str:
    """Normalising as it was first written: punctuation and underscores to spaces, whitespace
    collapsed, ends stripped."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]+|_+", " ", folded)).strip()


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_normalize_text_is_the_substitution_route_on_any_text(text: str) -> None:
    assert normalize_text(text) == _normalized_by_substitution(text)
