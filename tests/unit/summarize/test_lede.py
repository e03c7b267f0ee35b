"""Which report states a story's main event (lede.py): titles the story tells, ledes that state
them, later reports that move the event on."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from newsloom.records import Article
from newsloom.summarize.headline import complete_title
from newsloom.summarize.lede import (
    article_words,
    develops,
    follows,
    follows_event,
    lede_of,
    main_clause,
    plain_title,
    report_scores,
    retells,
    sets_scene,
    stand_in_title,
    title_support,
    title_words,
)
from newsloom.summarize.openings import (
    demonstrative_reference,
    names_something,
    opening_reference,
    speaks_to_reader,
    unnamed_speaker,
)

T0 = datetime(2030, 5, 1, 8, tzinfo=UTC)


def article(number: int, title: str, text: str) -> Article:
    return Article(
        id=number,
        source_id=number,
        url=f"https://outlet{number}.example/a",
        canonical_url=f"https://outlet{number}.example/a",
        title=title,
        text=text,
        published=T0 + timedelta(hours=number),
        fetched_at=T0,
        outlet=f"outlet{number}",
    )


STORY = [
    article(
        1,
        "Harbour council approves new ferry to Gull Island",
        "The harbour council approved a new ferry to Gull Island on Monday, at a cost of 40 "
        "million crowns.\n\nThe ferry to Gull Island will carry 300 passengers.",
    ),
    article(
        2,
        "Gull Island shopkeepers hope for more visitors",
        "Shopkeepers on Gull Island hope for more visitors after the council approved a new "
        "ferry.\n\nThe new ferry will sail twice a day from the harbour.",
    ),
    article(
        3,
        "Council backs Gull Island ferry despite cost",
        "Councillors approved the Gull Island ferry despite its cost of 40 million crowns.",
    ),
]


def test_the_story_supports_the_report_title_more_than_the_angle() -> None:
    support = title_support(STORY)
    assert support[0] > support[1]


def test_report_scores_favour_the_title_the_lede_states() -> None:
    scores = report_scores(STORY, {0: (0, 6), 1: (0, 2), 2: (0, 4)})
    assert scores[0] == 1.0
    assert scores[1] < 2 / 3


def test_a_question_or_quotation_title_does_not_report() -> None:
    assert not plain_title("Can the ferry pay for itself?")
    assert not plain_title('"We have waited years": islanders cheer the ferry')
    assert plain_title('"The Salt Orchard" takes the top prize')


def test_the_lede_is_the_opening_sentence_that_states_the_title() -> None:
    opening = [
        "Nobody on the quay expected it to happen so soon.",
        "The harbour council approved a new ferry to Gull Island on Monday.",
    ]
    index, carried = lede_of("Harbour council approves new ferry to Gull Island", opening)
    assert index == 1 and carried >= 4


def test_word_forms_meet() -> None:
    assert title_words("automate") == title_words("automation")
    assert title_words("l'interdiction prolongée") >= title_words("interdiction")


def test_background_after_a_lede_does_not_count() -> None:
    lede = (
        "Shopkeepers hope for more visitors after the council approved a new ferry to Gull Island."
    )
    assert main_clause(lede) == "Shopkeepers hope for more visitors"
    assert not develops(lede, "Council approves new ferry to Gull Island")


def test_a_development_restates_the_title_as_something_that_happened() -> None:
    title = "Fourteen miners trapped after tunnel collapse at copper mine"
    rescued = (
        "All fourteen miners trapped at the copper mine were brought to the surface alive, "
        "31 hours after the collapse."
    )
    vowed = "The fourteen trapped miners' union said it would strike at the copper mine."
    assert develops(rescued, title)
    assert not develops(vowed, title)


def test_a_later_title_follows_the_report_when_it_reports_on_the_same_subject() -> None:
    report = "Ferry line bids for Kestrel harbour"
    assert follows("Ferry line raises Kestrel harbour bid", report)
    assert not follows("Could the Kestrel bid fail?", report)
    assert not follows("New ferry could cut island prices", report)
    assert not follows("Rain expected at the weekend", report)
    # What can be is a capability or a lesson, as what could be is: nothing happened.
    assert not follows("What the Kestrel harbour bid can, and cannot, do for ferry fares", report)
    assert not follows("Kestrel harbour bid can't save the ferry line", report)


def test_a_pronoun_after_a_leading_phrase_is_an_opening_reference() -> None:
    assert opening_reference("Named after the island, it carries 300 passengers.") == "pronoun"
    assert opening_reference("En montant au clocher, il a découvert deux hiboux.") == "pronoun"
    assert opening_reference("C'est le sacristain qui a donné l'alerte.") == "pronoun"
    assert opening_reference("On Monday, the council approved the ferry.") == ""
    # A feature's "Yesterday, those same supporters ...": the supporters of its last paragraph.
    assert opening_reference("Yesterday, those same fans saw their club go top.") == "pronoun"
    assert opening_reference("Yesterday, fans of both clubs saw the final.") == ""
    # "that" or "this" as the subject after a sentence adverb: the thing told before it.
    assert opening_reference("Sadly for the ferry crews, that is not the case.") == "pronoun"
    assert opening_reference("In the end, this was enough for the Malby side.") == "pronoun"
    assert opening_reference("For a small town, that’s a lot of money.") == "pronoun"
    # "that" after a verb of the main clause opens a clause, and a name after the comma names.
    assert opening_reference("On Monday, the mayor said that the pier would reopen.") == ""


def test_one_word_then_a_personal_pronoun_is_an_opening_reference() -> None:
    # "Backstage she told ...": who? An adverb, no phrase, then the pronoun.
    assert opening_reference("Backstage she said the ferry scene took nine takes.") == "pronoun"
    assert opening_reference("Afterwards they walked to the harbour together.") == "pronoun"
    assert opening_reference("Ensuite il a remercié les bénévoles du port.") == "pronoun"
    # A question word asks rather than points back; "it" is as often an object or "it matters".
    assert opening_reference("Why it matters: the ferry is the island's only link.") == ""
    assert opening_reference("Leave it to the harbour board to find the money.") == ""
    assert opening_reference("Captain Ruth Tamm said the ferry would sail at noon.") == ""


def test_a_french_elided_name_names_something() -> None:
    assert names_something("Un couple de grands-ducs d'Europe a fait son nid.")
    assert not names_something("Un couple de hiboux a fait son nid.")


def test_the_outlets_own_voice_and_place_are_not_attributed() -> None:
    assert unnamed_speaker("The closures will still be felt here.")
    assert unnamed_speaker("The play has its roots on our own coast.")
    assert unnamed_speaker("Ada Brenn scored the winner there in the 112th minute.")
    assert not unnamed_speaker("There is no plan for the bridge yet.")
    assert not unnamed_speaker("The US said it would review the bridge plan.")


def test_an_organisation_speaking_of_its_own_people_is_not_attributed() -> None:
    assert unnamed_speaker("The conduct of a few of our 4,000 employees does not reflect us.")
    assert unnamed_speaker("Nothing matters more to the ferry line than our passengers.")
    assert unnamed_speaker("Our harbour office webcam caught the flash just after 6pm.")
    assert unnamed_speaker("One of our newsroom interns saw the fireball from the car park.")
    assert not unnamed_speaker("In our battery test the reader lasted 33 days.")
    assert not unnamed_speaker('"Our customers come first," the chief executive said.')


def test_an_initial_a_party_or_a_numeral_is_no_first_person() -> None:
    assert unnamed_speaker("Then I walked the length of the pier.")
    assert unnamed_speaker("I'm staying until the ferry sails.")
    assert not unnamed_speaker("Judge I. Marta Voss adjourned the hearing to Monday.")
    assert not unnamed_speaker("Senator Ada Quell (I-Vt.) voted against the harbour bill.")
    assert not unnamed_speaker("The last World War I veteran of Tansey Bay died at 104.")
    assert not unnamed_speaker("Phase I trials of the vaccine begin in March.")


def test_french_connectives_open_on_what_the_page_did_not_say() -> None:
    assert opening_reference("En conséquence, la maire a prolongé l'interdiction.") == "connective"
    assert opening_reference("Selon elle, aucun nid n'avait été signalé.") == "connective"


def test_a_follow_up_title_leaning_on_the_report_is_completed_from_its_article() -> None:
    report = article(1, "Swimming banned at Gull Bay beach", "Swimming was banned at Gull Bay.")
    follow_up = article(
        2,
        "Toxins confirmed, the ban extended by ten days",
        "Tests found toxins in the water. The council extended the ban on swimming for ten days.",
    )
    title = "Toxins confirmed, the ban extended by ten days"
    assert complete_title(title, [report, follow_up]) == (
        "Toxins confirmed, the ban on swimming extended by ten days"
    )
    # The first report's own title leans on nothing; a complement no earlier title names, or
    # one the headline already has, is not added.
    assert complete_title(report.title, [report, follow_up]) == report.title
    assert complete_title(title, [follow_up]) == title
    named = "Swimming ban: the ban extended by ten days"
    assert complete_title(named, [report, replace(follow_up, title=named)]) == named


def test_a_french_follow_up_title_is_completed_the_same_way() -> None:
    report = article(1, "Algues : la baignade interdite au lac Vert", "La baignade est interdite.")
    title = "Algues : l'interdiction prolongée"
    follow_up = article(2, title, "La maire a prolongé l'interdiction de baignade d'une semaine.")
    assert complete_title(title, [report, follow_up]) == (
        "Algues : l'interdiction de baignade prolongée"
    )


def test_those_or_these_before_a_noun_the_page_has_not_told_points_outside() -> None:
    # A festival feature's "... now want to see those windmills": which windmills?
    sentence = "Visitors who came for the festival now want to see those windmills up close."
    assert demonstrative_reference(sentence)
    assert not demonstrative_reference(sentence, told={"windmills", "festival"})
    # People, not a noun ("those who", "those arrested", "those seeking help"), and the time
    # of the report ("these days") need nothing before them; nor does a quotation's.
    # Words said, with a word qualifying them: which words?
    assert demonstrative_reference("With those stinging words, the mayor left the hall.")
    assert demonstrative_reference("The board met again after these unexpected remarks.")
    for fine in (
        "The charity helps those who lost their homes in the flood.",
        "Police released those arrested at the port after questioning.",
        "The fund will pay those seeking shelter a daily allowance.",
        "Few ferries run to the island these days.",
        '"Nobody wants those boats here," the harbour master said.',
    ):
        assert not demonstrative_reference(fine), fine


def test_a_when_frame_with_a_moment_in_its_main_clause_sets_a_scene() -> None:
    assert sets_scene(
        "When the Brandhavn choir lost its rehearsal hall, its singers carried the piano "
        "across the square to the library."
    )
    # The main clause reports: a figure, or someone quoted or cited.
    assert not sets_scene("When the polls closed in Ostvik, turnout stood at 64 percent.")
    assert not sets_scene(
        "When firefighters reached the Ostvik mill, the manager said nobody was inside."
    )
    # What will come, or a speaker's own voice, is no scene.
    assert not sets_scene("When the Brandhavn library reopens, it will lend bicycles to members.")
    assert not sets_scene("When a choir asks for help, we find it a hall within a week.")
    # No frame: a lede that states its event.
    assert not sets_scene("The Brandhavn choir lost its rehearsal hall on Monday.")
    # "When" without a frame before the main clause is no opening scene.
    assert not sets_scene("When will the Brandhavn choir sing again?")


def test_a_frame_of_the_people_a_feature_follows_sets_a_scene() -> None:
    # "For <the people> who ...," frames a moment of theirs, as "When ..." does.
    assert sets_scene(
        "For anglers who fish the Ostvik weir at dawn, the new footbridge is less a landmark "
        "than a shortcut."
    )
    # The main clause reports a figure, or cites someone: news, not a scene.
    assert not sets_scene(
        "For pensioners who rent their homes, the allowance rises by 40 crowns a month."
    )
    assert not sets_scene(
        "For families who lost their homes, the council said, emergency housing is ready."
    )
    # "For" without the people it follows opens a statement, not a frame.
    assert not sets_scene("For the first time in a decade, the Ostvik weir has burst its banks.")


def test_such_before_a_noun_the_page_has_not_told_points_outside() -> None:
    # "... not designed for such conditions": which conditions?
    sentence = "The Brandhavn shuttle maker said its robots were not built for such conditions."
    assert demonstrative_reference(sentence)
    assert not demonstrative_reference(sentence, told={"conditions"})
    assert demonstrative_reference("Le préfet n'avait jamais vu de telles crues sur la Vire.")
    assert demonstrative_reference("Une telle fermeture reste rare, selon la mairie d'Ostvik.")
    # Examples, a result clause or emphasis follow "such", or the sentence itself says which:
    # nothing before it is needed.
    for fine in (
        "The Ostvik market sells goods such as grain, timber and salt fish.",
        "It was such a large crowd at the Brandhavn pier that police closed the road.",
        "The Brandhavn regatta was such a success that Ostvik wants one.",
        "Brandhavn will send a boat to the pole in May, the first such trip by a ferry.",
    ):
        assert not demonstrative_reference(fine), fine


def test_a_leading_phrase_with_a_demonstrative_points_outside() -> None:
    for sentence in (
        "With this update, the Brandhavn ferry app can now book cabins.",
        "To do this, the Ostvik engineers lowered the gates by hand.",
        "In that recording, a Brandhavn skipper says the radio failed.",
        "Dans ce dossier, le préfet de Brévine a tranché.",
    ):
        assert opening_reference(sentence) == "pronoun", sentence
    # The report's own time, people ("those seeking ..."), a relative clause ("the fields that
    # drink ...") or a name in capitals ("At CES") need nothing before them.
    for sentence in (
        "Until this week, Ilse Marr was best known in Ostvik as an editor.",
        "For those seeking shelter, the Ostvik hall opened at noon.",
        "In the fields that drink from the Vire, the accord was greeted with relief.",
        "At CES, Brandhavn Labs showed a folding e-reader.",
    ):
        assert opening_reference(sentence) == "", sentence


def test_a_lede_after_the_main_event_tells_its_consequence() -> None:
    event = (
        "Brisa Rovers beat Oldmoor United 4-0 at the Tarn Road ground to reach the league "
        "cup final for the first time."
    )
    # Something done, and the "after" clause tells the page's main event again.
    assert follows_event(
        "Oldmoor United have dismissed coach Anika Lund, two days after a 4-0 defeat at "
        "Brisa Rovers ended their cup run.",
        event,
    )
    assert follows_event(
        "Oldmoor United's chairman resigned following the cup defeat by Brisa Rovers.", event
    )
    # What someone will do is a reaction, not a consequence that happened.
    assert not follows_event(
        "Oldmoor United will review the coach's position after the 4-0 defeat at Brisa Rovers.",
        event,
    )
    # An "after" clause of another event is background of its own.
    assert not follows_event(
        "Oldmoor United have dismissed coach Anika Lund after a row over training budgets.",
        event,
    )
    assert not follows_event("Oldmoor United have dismissed coach Anika Lund.", event)
    # The "after" of a relative clause dates what that clause tells.
    assert not follows_event(
        "Anika Lund has answered a newspaper profile, in which a player said she was dropped "
        "after the 4-0 defeat at Brisa Rovers.",
        event,
    )


def test_another_reports_opening_telling_bullet_one_again_retells_it() -> None:
    told = [
        "The Harlow Comets won their first league title in 40 years on Sunday, beating Dunmore "
        "United 2-1 in the final.",
        "Harlow Comets end 40-year wait for league title",
    ]
    # The same event in another outlet's words: nothing a reader lacks.
    assert retells("The Harlow Comets ended a 40-year wait for a league title.", told)
    # Its own figure, its own actor (by role or by full name), or another event: news of its own.
    assert not retells("The Harlow Comets won the league title on their 40th try in 3 years.", told)
    assert not retells(
        "Harlow's mayor wants the Comets' league title celebrated by the town.", told
    )
    stanek = "The Harlow Comets league title was their first, Mirela Stanek said."
    assert not retells(stanek, told)
    # A place the page has not named is news of its own too.
    assert not retells("The Harlow Comets ended a league title drought at Fenwick Park.", told)
    assert not retells("Ticket prices at the Comets' ground will rise next season.", told)


def test_a_sentence_speaking_to_its_reader_is_nobodys_statement() -> None:
    assert speaks_to_reader("As a coach, you learn to lose before you learn to win.")
    assert speaks_to_reader("Velda's new scooter looks like something you'd ride to work.")
    # Quoted and credited, or no second person at all: a statement someone made.
    assert not speaks_to_reader('"You learn to lose," coach Mirela Stanek said.')
    assert not speaks_to_reader("As a coach, you learn to lose, Mirela Stanek told reporters.")
    assert not speaks_to_reader("In our battery test, the Velda scooter ran for 41 kilometres.")
    assert not speaks_to_reader("Youth teams in Harlow will train at the new ground.")


def test_a_pronoun_after_said_and_before_a_verb_is_what_was_said_not_the_speaker() -> None:
    # "Nina Holm says she wants ...": the pronoun is the subject of what was said, and the
    # speaker, named, stands before "says". The inverted tag credits the pronoun only where it
    # closes the clause ("..., said he.").
    assert not unnamed_speaker('Harbour chief Nina Holm says she wants to "move fast" on the pier.')
    assert not unnamed_speaker('Mayor Ola Brandt said he would "never" sell the ferry line.')
    assert not unnamed_speaker('Ola Brandt said she’d "fight on" for the pier.')
    assert unnamed_speaker('"We will fight on for the pier," said he.')
    assert unnamed_speaker('"It is over," said she, "for the ferry and for us."')
    assert unnamed_speaker('"We will fight on for the pier," he said on Monday.')


LIBRARY_OTHERS = [
    "Orvale councillors voted on Tuesday to shut the Marrow Lane library.",
    "The Marrow Lane library will close after the Orvale council vote, its staff said.",
]


def test_a_long_ledes_head_telling_what_the_others_share_stands_in_for_its_title() -> None:
    # Without a title, the first sentence stands in for one; the words a long lede adds after
    # its head (the district's history) are words no title carries, and the others tell few of
    # them: the head is the line, so the lede does not read as the report for its length alone.
    whole = (
        "The Orvale council on Tuesday voted to close the Marrow Lane library, ending a hundred"
        " years of lending in the old mill district where the reading room once doubled as a"
        " dance hall."
    )
    head = "The Orvale council on Tuesday voted to close the Marrow Lane library"
    others = [article_words(article(k, "", text)) for k, text in enumerate(LIBRARY_OTHERS, 2)]
    assert stand_in_title(whole, head, others) == head


def test_a_head_leaving_out_the_event_the_others_tell_is_no_stand_in_title() -> None:
    # The head keeps the scene ("Hundreds of readers packed the library") and drops the vote
    # the other articles report: the whole sentence stands in, as it tells what they share.
    whole = (
        "Hundreds of readers packed the Marrow Lane library on Tuesday, protesting the Orvale"
        " council vote to close it."
    )
    head = "Hundreds of readers packed the Marrow Lane library on Tuesday"
    others = [article_words(article(k, "", text)) for k, text in enumerate(LIBRARY_OTHERS, 2)]
    assert stand_in_title(whole, head, others) == whole


def test_without_a_head_or_other_articles_the_first_sentence_stands_in_whole() -> None:
    whole = "The Orvale council on Tuesday voted to close the Marrow Lane library."
    others = [article_words(article(2, "", LIBRARY_OTHERS[0]))]
    assert stand_in_title(whole, None, others) == whole
    assert stand_in_title(whole, "The Orvale council on Tuesday voted", []) == whole
