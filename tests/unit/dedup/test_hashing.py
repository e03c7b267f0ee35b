from newsloom.dedup import content_hash, hamming, is_near_duplicate, simhash

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
