from newsloom.cluster.evidence import EventFacts, conflict, event_facts


def test_a_final_score_is_read_next_to_the_result_it_settles() -> None:
    facts = event_facts("Harbour City beat Veln Rovers 3 - 1 to reach the final", "")
    assert facts.scores == {"1-3"}
    facts = event_facts("Cup semi-final", "Ostra sealed a 27-20 victory over the Marsk side.")
    assert facts.scores == {"20-27"}


def test_records_ranges_and_tallies_are_not_scores() -> None:
    facts = event_facts(
        "Ostra improve to 11-2",
        "Prices rose 40-70% this year. Ostra beat the Tessel Hawks, 5-4-1 on the season.",
    )
    assert not facts.scores


def test_age_at_death_and_magnitude_are_read() -> None:
    facts = event_facts(
        "Veteran harbour pilot Ansel Brandt dies at 88",
        "A 5.9 -magnitude quake shook the coast the same day.",
    )
    assert facts.ages == {"88"}
    assert facts.magnitudes == {"5.9"}
    assert event_facts("Quake of magnitude 6.2 hits Veloria", "").magnitudes == {"6.2"}


def test_only_the_opening_states_the_event() -> None:
    later = "First line. Second line. Third line. Fourth line recalls the 31-24 win of last year."
    assert not event_facts("Ostra coach resigns", later)
    opening = "Ostra went down to a 31-24 defeat at home. The coach resigned."
    assert event_facts("Ostra coach resigns", opening).scores == {"24-31"}


def test_facts_disagree_only_when_both_state_one_of_a_kind() -> None:
    quake = EventFacts(magnitudes=frozenset({"6.2"}))
    other = EventFacts(magnitudes=frozenset({"5.1"}))
    assert conflict(quake, other) == "magnitudes differ (6.2 vs 5.1)"
    assert conflict(quake, EventFacts()) == ""
    assert conflict(quake, EventFacts(ages=frozenset({"88"}))) == ""
    assert conflict(quake, quake | other) == ""
