"""A long sentence's main statement (clip.py): fictional sentences, each named after the quirk."""

from newsloom.summarize.clip import MIN_WORDS, headline_statement, main_statement

LIMIT = 25


def test_a_study_named_after_according_to_is_left_to_the_citation() -> None:
    sentence = (
        "Grey seals on the Skerra sandbanks raised twice as many pups this winter as last, "
        "according to a count by volunteers of the Elling Wildlife Trust published on Monday."
    )
    assert main_statement(sentence, LIMIT) == (
        "Grey seals on the Skerra sandbanks raised twice as many pups this winter as last."
    )


def test_a_background_relative_clause_is_cut_and_the_longest_head_kept() -> None:
    sentence = (
        "The Port Elling council approved the Quay Street bridge on Tuesday; the vote was 21 to "
        "9, which ends a quarrel that had split ferry owners and commuters for six years."
    )
    # Both the semicolon and ", which" end a statement; the longer one within the limit wins.
    assert main_statement(sentence, LIMIT) == (
        "The Port Elling council approved the Quay Street bridge on Tuesday; the vote was 21 to 9."
    )


def test_the_sentences_own_attribution_after_the_cut_keeps_it_whole() -> None:
    # Cut at ", saying", the witness's account would read as the page's own.
    sentence = (
        "Before the vote one councillor shouted at the harbour master for a full minute, saying "
        "'Shame on you', a council clerk has testified at the hearing in Port Elling."
    )
    assert main_statement(sentence, LIMIT) is None


def test_a_dash_pair_sets_an_aside_inside_the_sentence() -> None:
    sentence = (
        "The closure of the Quay Street ferry – ordered by the harbour board last week after "
        "an inspection – has left about 300 commuters without a crossing to the island of Skerra."
    )
    assert main_statement(sentence, LIMIT) is None
    single = (
        "The Skerra ferry returned to service on Friday after eleven days in dry dock at Port "
        "Elling – two days later than the harbour board had promised its 300 commuters."
    )
    assert main_statement(single, LIMIT) == (
        "The Skerra ferry returned to service on Friday after eleven days in dry dock at Port "
        "Elling."
    )


def test_a_head_inside_a_quotation_or_a_parenthesis_is_not_a_statement() -> None:
    quoted = (
        '"We will rebuild the sea wall on Corra, which the storm broke in three places, before '
        'winter," the minister for the islands promised the Tessalian assembly on Thursday.'
    )
    assert main_statement(quoted, LIMIT) is None
    bracketed = (
        "The harbour board bought two electric tugs (the first in Veland, which cost 9 million "
        "crowns each) for the container terminal at Greywater on Thursday afternoon."
    )
    assert main_statement(bracketed, LIMIT) is None


def test_a_head_too_short_to_say_who_did_what_is_not_cut() -> None:
    sentence = (
        "The mayor, who was elected in March on a promise to reopen the Quay Street baths, "
        "opened the new public swimming pool at Port Elling's old gasworks on Saturday morning."
    )
    assert len("The mayor".split()) < MIN_WORDS
    assert main_statement(sentence, LIMIT) is None


def test_a_participle_clause_of_what_the_fact_meant_is_cut() -> None:
    sentence = (
        "Fernlight Studio's puzzle game sold one million copies in its first eleven weeks, "
        "making it the most successful game ever made in the small coastal town of Carrow."
    )
    assert main_statement(sentence, LIMIT) == (
        "Fernlight Studio's puzzle game sold one million copies in its first eleven weeks."
    )


def test_during_after_a_comma_is_a_preposition_not_a_participle() -> None:
    sentence = (
        "Volunteers rebuilt the collapsed Quay Street footbridge in nine days, during the "
        "coldest week of the winter, with timber given by the old sawmill at Port Elling."
    )
    assert main_statement(sentence, LIMIT) is None


def test_no_cut_leaves_a_reporting_verb_without_what_it_reported() -> None:
    sentence = (
        "The weekly Ostvik Courier said this week, citing two harbour officials, that "
        "the Brandhavn ferry had sailed without a licence for a month."
    )
    assert main_statement(sentence, 25) is None


def test_no_cut_leaves_a_that_clause_before_its_verb() -> None:
    sentence = (
        "The Brandhavn yard said on Friday, in a short statement, that the first ferry for the new "
        "route, which is due next spring, will carry 400 passengers."
    )
    # Cut at ", which" the head would end "that the first ferry for the new route" (no verb).
    assert main_statement(sentence, 25) is None
    assert (
        main_statement(
            "The Brandhavn council said that the ferry would stop running in May, which angered "
            "islanders who depend on it for work.",
            25,
        )
        == "The Brandhavn council said that the ferry would stop running in May."
    )


def test_a_headline_leaves_a_closing_appositive_to_the_sentence_below_it() -> None:
    sentence = (
        "The Elling county board will close the Quay Street toll booth next spring, "
        "a relic of the ferry tolls the islands paid until the bridge opened."
    )
    assert main_statement(sentence, LIMIT) is None  # a bullet keeps the appositive
    assert headline_statement(sentence, LIMIT) == (
        "The Elling county board will close the Quay Street toll booth next spring"
    )


def test_a_headline_prefers_the_main_statement_and_drops_its_full_stop() -> None:
    sentence = (
        "Grey seals on the Skerra sandbanks raised twice as many pups this winter as last, "
        "according to a count by volunteers of the Elling Wildlife Trust published on Monday."
    )
    assert headline_statement(sentence, LIMIT) == (
        "Grey seals on the Skerra sandbanks raised twice as many pups this winter as last"
    )


def test_a_headline_is_no_fragment_and_no_attribution_is_cut_off() -> None:
    # The head before ", a" names the subject only: no main clause, no headline.
    no_verb = (
        "The long quarrel over the old Quay Street toll booth in Elling, a relic of the ferries."
    )
    assert headline_statement(no_verb, LIMIT) is None
    # The appositive holds the sentence's attribution: cut, the claim would be the page's own.
    attributed = (
        "The Quay Street toll booth will close after ninety years of tolls, a clerk of the "
        "Elling county board said on Monday."
    )
    assert headline_statement(attributed, LIMIT) is None


def test_a_headline_leaves_the_cause_to_the_sentence_below_it() -> None:
    sentence = (
        "The Elling port authority closed the Skerra ferry terminal on Friday because of a "
        "strike by its crane drivers."
    )
    assert headline_statement(sentence, LIMIT) == (
        "The Elling port authority closed the Skerra ferry terminal on Friday"
    )
    # "named after ...": the head would end on a description of the school, unfinished.
    named = (
        "A primary school in the old harbour village of Elling named after a ferry captain is "
        "being renamed to honour a nurse."
    )
    assert headline_statement(named, LIMIT) is None


def test_a_headline_stops_before_a_dashed_aside_only_after_a_whole_clause() -> None:
    after_clause = (
        "The Varna mayor asked the ferry company to delay the fare rise — or drop it "
        "altogether — until the islands are consulted."
    )
    assert headline_statement(after_clause, LIMIT) == (
        "The Varna mayor asked the ferry company to delay the fare rise"
    )
    # The verb comes after the aside: the words before it are the subject alone.
    inside_subject = (
        "The closure of the Skerra ferry terminal – ordered by the port authority last week "
        "– has left islanders without a link."
    )
    assert headline_statement(inside_subject, LIMIT) is None


def test_a_headline_keeps_a_time_phrase_whole() -> None:
    # "after" right after "a month" or "until" belongs to the time phrase: cut there, the head
    # would end "a month" or "until" ("... set for June 9 until.").
    month = (
        "The Varna court on Tuesday opens the second trial of the ferry company's owner a month "
        "after the fare rise was blocked by the islands' council."
    )
    assert headline_statement(month, LIMIT) is None
    until = (
        "The Varna mayor asked the ferry company on Monday to delay its new timetable set for "
        "June 9 until after the islands' council is elected."
    )
    assert headline_statement(until, LIMIT) is None


def test_a_headline_needs_a_verb_only_verbs_have() -> None:
    # Cut before "after", the words are a fronted phrase and a name: no clause ("deaths" and
    # "islands" end in -s, which mainverb reads as a possible verb).
    fronted = (
        "Fearing more deaths on the islands from the storms, Mayor Ana Weiss of Elling after "
        "a night of talks closed the Skerra ferry terminal."
    )
    assert headline_statement(fronted, LIMIT) is None
