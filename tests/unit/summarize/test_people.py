"""Each person introduced once on a summary page: full name and role first, the surname after."""

from newsloom.summarize.people import introduce_once, introduction_flaws, people_of

# The demo's rate story: three outlets each introduce the central bank's governor in full.
RATE_ARTICLES = [
    "The Bank of Veland raised its base rate. The central bank's governor, Ilona Maszek, "
    "acknowledged that the decision would hurt borrowers. Maszek said inflation hurt everyone.",
    "Governor Ilona Maszek told a news conference in Carrow that wages were pushing prices up.",
    "Governor Ilona Maszek said the bank could not set rates for individual industries.",
]


def test_the_governor_introduced_three_times_is_introduced_once() -> None:
    people = people_of(RATE_ARTICLES)
    page = [
        "The central bank's governor, Ilona Maszek, acknowledged that the decision would hurt "
        "borrowers.",
        "Governor Ilona Maszek said the bank could not set rates for individual industries.",
        "Governor Ilona Maszek told a news conference in Carrow that wages were pushing prices up.",
    ]
    assert introduce_once(page, people) == [
        page[0],
        "Maszek said the bank could not set rates for individual industries.",
        "Maszek told a news conference in Carrow that wages were pushing prices up.",
    ]
    assert introduction_flaws(page, people) == page[1:]


def test_a_role_given_after_a_bare_first_mention_stays_with_the_surname() -> None:
    # The hat-trick story: the manager is first named without his role, then sacked "manager
    # Paulo Ferraz": the role is news there, the given name is not.
    articles = [
        "Supporters chanted against Paulo Ferraz. Kestrel have sacked manager Paulo Ferraz. "
        "Ferraz said nothing.",
    ]
    people = people_of(articles)
    page = [
        "Travelling supporters chanted against Paulo Ferraz as their side slumped.",
        "Kestrel Athletic have sacked manager Paulo Ferraz after a fifth defeat.",
    ]
    assert introduce_once(page, people)[1] == (
        "Kestrel Athletic have sacked manager Ferraz after a fifth defeat."
    )


def test_the_band_managers_surname_alone_gets_his_given_name_from_the_article() -> None:
    # The reunion-tour story: a statement from deep in a feature says "asked Okereke", and the
    # page never said who Okereke is; the article did.
    article = (
        "The band's first manager, Sal Okereke, then a barman, booked their early gigs. He says "
        "he cried when he heard about the reunion tour. Singer Odile Marsh has asked Okereke to "
        "introduce them on stage."
    )
    people = people_of([article])
    page = ["Singer Odile Marsh has asked Okereke to introduce them on stage."]
    assert introduce_once(page, people) == [
        "Singer Odile Marsh has asked Sal Okereke to introduce them on stage."
    ]


def test_a_name_of_four_words_is_not_cut_to_two() -> None:
    # A name of four words: "Daw Ama Sen Lwin" is one name; "Sen Lwin" is not given + surname.
    articles = [
        "Police held members of Daw Ama Sen Lwin's party. Sen Lwin said the arrests were "
        "unlawful. A colonel accused Daw Ama Sen Lwin of sheltering smugglers. The arrests "
        "were a warning, Lwin said.",
    ]
    people = people_of(articles)
    # The texts quote "Lwin" alone, as they would a person; only the longer name keeps
    # "Sen Lwin" from being read as given name and surname.
    assert "Lwin" not in people
    page = [
        "A colonel accused Daw Ama Sen Lwin of sheltering smugglers.",
        "Police held members of Daw Ama Sen Lwin's party.",
    ]
    assert introduce_once(page, people) == page


def test_an_organisation_described_before_its_name_is_no_person() -> None:
    # "Payment company Lumen Pay": a description before a name of two words, but a company's.
    articles = [
        "Payment company Lumen Pay confirmed the breach. Lumen Pay said it had no evidence of "
        "misuse. Lumen Pay is emailing everyone affected.",
    ]
    assert people_of(articles) == {}


def test_a_place_or_a_title_is_not_expanded_into_a_name() -> None:
    # A shooting story: "IsleNews Veland reports" beside "shot in Veland"; a show in
    # quotation marks ("Marlow") beside its host Ed Marlow.
    articles = [
        "Ed Marlow said the show was over. Marlow said he would retire. IsleNews Veland "
        "reports he was shot. Veland said nothing.",
    ]
    people = people_of(articles)
    page = [
        'The success of "Marlow" made room for other shows.',
        "He died after being shot in Veland.",
    ]
    assert introduce_once(page, people) == page


def test_a_club_named_before_its_manager_is_not_part_of_his_name() -> None:
    # The hat-trick story: one outlet writes "Kestrel's Paulo Ferraz"; the possessive names his
    # club, so "Ferraz" is still the surname of "Paulo Ferraz" and the page names him once.
    articles = [
        "Kestrel's Paulo Ferraz was asked whether he feared for his job.",
        "Kestrel Athletic have sacked manager Paulo Ferraz after a fifth defeat.",
        "Travelling supporters chanted against Paulo Ferraz as their side slumped.",
    ]
    people = people_of(articles)
    assert people["Ferraz"].full == "Paulo Ferraz"
    page = [
        "Travelling supporters chanted against Paulo Ferraz as their side slumped.",
        "The away end had one message for Paulo Ferraz long before the final whistle: go.",
    ]
    assert introduce_once(page, people)[1] == (
        "The away end had one message for Ferraz long before the final whistle: go."
    )


def test_a_possessive_at_the_end_of_a_name_stays_the_persons() -> None:
    # "Beyond Ruusk's national record": the possessive is the runner's own, nothing is cut.
    articles = ["Hanna Ruusk won. Ruusk said she was tired. Beyond Ruusk's record, the race grew."]
    assert people_of(articles)["Ruusk"].full == "Hanna Ruusk"


def test_a_directors_possessive_before_her_films_prize_keeps_her_a_person() -> None:
    # The film-festival story: "Lucia Ferrant's Golden Heron winner" is one run of capitals; the
    # possessive ends the director's name, so "Lucia" is still only ever her given name.
    articles = [
        "Lucia Ferrant's Golden Heron winner asks a lot of its audience.",
        "Minutes later, director Lucia Ferrant walked up barefoot to collect the prize.",
        "Ferrant says her next project is a comedy.",
    ]
    people = people_of(articles)
    assert people["Ferrant"].full == "Lucia Ferrant"
    assert "Heron" not in people
    page = [
        "Lucia Ferrant's drama won the Golden Heron at the close of the festival.",
        "Lucia Ferrant shot her film on the farm over two autumns.",
    ]
    assert introduce_once(page, people)[1] == "Ferrant shot her film on the farm over two autumns."


def test_a_name_followed_by_who_or_an_age_is_a_persons() -> None:
    # The fossil story named its quarry worker in full twice in a row ("Torben Weir almost sent
    # the block to the crusher. Torben Weir has cut shale ..."): only "who" told he is a person.
    articles = [
        "The fossil was spotted by quarry worker Torben Weir, who noticed a row of vertebrae.",
        "Torben Weir almost sent the block to the crusher.",
        "Moberg, 19, came on late. Substitute Elin Moberg, 19, scored twice.",
        "Kestrel Steel, which employs 2,600 people, said no. Port Alder, 40 km away, is quiet.",
    ]
    people = people_of(articles)
    assert people["Weir"].full == "Torben Weir"
    assert people["Moberg"].full == "Elin Moberg"
    assert "Steel" not in people and "Alder" not in people
    page = [
        "Torben Weir almost sent the block to the crusher.",
        "Torben Weir has cut shale at the quarry for sixteen years.",
    ]
    assert introduce_once(page, people)[1] == "Weir has cut shale at the quarry for sixteen years."


def test_a_given_name_alone_inside_a_quotation_is_still_a_persons() -> None:
    # The football story: the coach's "... and then we had Elin," ended a quotation of two
    # sentences; a given name standing alone outside any quotation would be another name.
    articles = [
        'Substitute Elin Moberg, 19, scored twice. "We had it. And then we had Elin," said the '
        "coach.",
        "Elin Moberg scored in the 78th minute.",
    ]
    assert people_of(articles)["Moberg"].full == "Elin Moberg"
    assert "Moberg" not in people_of([*articles, "Elin scored late."])


def test_a_capitalised_function_word_opening_the_name_stays_with_the_sentence() -> None:
    # "When Greta Lindqvist took over, ..." named again: the given name goes, "When" stays (it
    # was cut with the name, leaving a clause without its conjunction).
    articles = ["Mayor Greta Lindqvist, who took office in May, said the ferry would run."]
    people = people_of(articles)
    page = [
        "Mayor Greta Lindqvist said the ferry would run again in spring.",
        "When Greta Lindqvist took over, the harbour had no timetable at all.",
        "After Lindqvist spoke, the council voted to pay for the ferry.",
    ]
    assert introduce_once(page, people)[1:] == [
        "When Lindqvist took over, the harbour had no timetable at all.",
        page[2],
    ]
    # A first mention by the surname after such a word gets the given name.
    assert introduce_once(page[2:], people) == [
        "After Greta Lindqvist spoke, the council voted to pay for the ferry."
    ]
    # A word that qualifies the title is the name's: the role goes with the given name.
    brenning = people_of(["President Hal Brenning, who left office in 2019, said so."])
    assert introduce_once(
        ["President Hal Brenning said so.", "Former President Hal Brenning met the envoy."],
        brenning,
    )[1] == ("Brenning met the envoy.")


def test_a_nickname_made_of_a_common_word_and_a_given_name_hides_no_person() -> None:
    # "Old Piet", the lifeboat crew's name for the boat after its builder Piet Vandam: "old" is
    # a word the texts write in lower case, so "Old Piet" is no given name and surname, and
    # Piet Vandam is still a person to introduce once.
    articles = [
        "The lifeboat was built by carpenter Piet Vandam, who retired last year.",
        "The crew call the boat Old Piet, after its builder. The old hull still floats.",
    ]
    people = people_of(articles)
    assert people["Vandam"].full == "Piet Vandam"
    page = [
        "The lifeboat was built by carpenter Piet Vandam, who retired last year.",
        "Piet Vandam still visits the slipway every morning.",
    ]
    assert introduce_once(page, people)[1] == "Vandam still visits the slipway every morning."


def test_a_title_cut_from_a_later_mention_takes_its_qualifier_along() -> None:
    # "former" qualifies the title, not the person: once the title goes, so does it (and an
    # article before it), never "the former Lind".
    articles = [
        "Former Harbour Minister Petra Lind opened the bridge. Lind said it took ten years.",
    ]
    people = people_of(articles)
    page = [
        "Former Harbour Minister Petra Lind opened the bridge on Monday.",
        "Crowds cheered as former Harbour Minister Petra Lind cut the ribbon.",
        "The mayor thanked the then-Harbour Minister Petra Lind for the funding.",
    ]
    assert introduce_once(page, people) == [
        page[0],
        "Crowds cheered as Lind cut the ribbon.",
        "The mayor thanked Lind for the funding.",
    ]
