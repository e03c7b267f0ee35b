"""Each person introduced once on a summary page: full name and role first, the surname after."""

from newsloom.summarize.people import (
    Role,
    article_roles,
    introduce_once,
    introduction_flaws,
    people_of,
    unnamed_first_mentions,
    unnamed_in_articles,
)

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


# Issue 16: a page meets a person bare and says who they are only later; the role moves to the
# first mention, verbatim, and the later mention keeps the surname alone.
BRIDGE_ARTICLES = [
    "Petra Vask said the bridge would open in spring. Tolland's transport minister Petra Vask, "
    "who once drove the ferry, promised a toll-free first month. Vask said so again.",
    "The city's chief engineer, Anton Reul, signed off the cables. Anton Reul, the city's chief "
    "engineer, inspected the deck. Reul said the steel had passed every test.",
]


def test_an_opening_role_said_later_moves_to_the_first_mention() -> None:
    people = people_of(BRIDGE_ARTICLES)
    page = [
        "Petra Vask said the bridge would open in spring.",
        "Tolland's transport minister Vask, who once drove the ferry, promised a toll-free month.",
    ]
    assert unnamed_first_mentions(page, people) == page[:1]
    assert introduce_once(page, people) == [
        "Tolland's transport minister Petra Vask said the bridge would open in spring.",
        "Vask, who once drove the ferry, promised a toll-free month.",
    ]


def test_an_apposition_said_later_moves_to_the_first_mention() -> None:
    people = people_of(BRIDGE_ARTICLES)
    page = [
        "The cables were signed off, Anton Reul said.",
        "Anton Reul, the city's chief engineer, inspected the deck.",
    ]
    assert introduce_once(page, people) == [
        "The cables were signed off, Anton Reul, the city's chief engineer, said.",
        "Reul inspected the deck.",
    ]


def test_a_role_opening_its_sentence_is_lower_cased_in_the_middle_of_one() -> None:
    articles = ["Chief executive Mirela Tosk left. Mirela Tosk said nothing. Tosk said no more."]
    people = people_of(articles)
    page = ["When Mirela Tosk left, shares fell.", "Chief executive Tosk said nothing."]
    assert introduce_once(page, people) == [
        "When chief executive Mirela Tosk left, shares fell.",
        "Tosk said nothing.",
    ]
    # "Brask manager" opening its sentence: a club's name or a word, the case is unknown.
    articles = ["Brask manager Oskar Lind quit. Oskar Lind said nothing. Lind said no more."]
    people = people_of(articles)
    page = ["When Oskar Lind quit, fans cheered.", "Brask manager Lind said nothing."]
    assert introduce_once(page, people)[0] == page[0]


def test_no_role_goes_into_a_quotation_or_beside_a_role_already_given() -> None:
    people = people_of(BRIDGE_ARTICLES)
    quoted = [
        '"Ask Petra Vask when it opens," a driver said.',
        "Tolland's transport minister Vask promised a toll-free month.",
    ]
    assert introduce_once(quoted, people)[0] == quoted[0]
    described = [
        "The bridge will open in spring, said minister Petra Vask.",
        "Tolland's transport minister Vask promised a toll-free month.",
    ]
    assert unnamed_first_mentions(described, people) == []
    assert introduce_once(described, people)[0] == described[0]


def test_what_the_police_said_of_a_person_is_no_role() -> None:
    articles = [
        "Police said Ruben Kast was arrested on Friday. Ruben Kast, who is 40, denies it. "
        "Detective Ruben Kast is no relation. Kast said nothing."
    ]
    people = people_of(articles)
    page = ["Ruben Kast, a baker, was arrested.", "Police said Kast was arrested on Friday."]
    assert introduce_once(page, people) == page


def test_a_title_before_the_surname_alone_gets_the_given_name_after_it() -> None:
    articles = [
        "Senator Ada Quell voted no. Quell said the bill was rushed. Mr. Quell left early.",
    ]
    people = people_of(articles)
    page = ["Senator Quell voted no.", "Senator Quell said the bill was rushed."]
    assert introduce_once(page, people) == [
        "Senator Ada Quell voted no.",
        "Quell said the bill was rushed.",
    ]
    # "Mr." is how a page names a person after the first mention, no role to move or drop.
    honorific = ["Mr. Quell left early.", "Ada Quell voted no."]
    assert introduce_once(honorific, people) == honorific


def test_a_middle_initial_is_a_full_name() -> None:
    articles = ["Judge Tamsin R. Hale ruled on Monday. Hale said the law was void."]
    people = people_of(articles)
    page = ["Judge Tamsin R. Hale ruled on Monday.", "Hale said the law was void."]
    assert introduce_once(page, people) == page


def test_a_title_moves_before_a_possessive_and_a_listed_name_takes_none() -> None:
    articles = [
        "Coach Maren Ilves praised the defence. Maren Ilves and Otto Brann shook hands. "
        "Ilves said the final would be hard. Brann said nothing.",
    ]
    people = people_of(articles)
    page = ["Fans cheered Maren Ilves's side.", "Coach Ilves praised the defence."]
    assert introduce_once(page, people) == [
        "Fans cheered coach Maren Ilves's side.",
        "Ilves praised the defence.",
    ]
    listed = ["Maren Ilves and Otto Brann shook hands.", "Coach Ilves praised the defence."]
    assert introduce_once(listed, people) == [listed[0], "Coach Ilves praised the defence."]


def test_a_past_title_is_not_moved() -> None:
    articles = [
        "Edda Runn spoke first. Then-Mayor Edda Runn, who lost in May, spoke. Runn said so."
    ]
    people = people_of(articles)
    page = ["Edda Runn spoke first.", "The crowd booed then-Mayor Runn."]
    assert introduce_once(page, people)[0] == page[0]


def test_a_description_of_several_people_before_a_name_stays() -> None:
    articles = [
        "Commissioner Ines Varga opened the dam. The engineers, Ines Varga of Ostmark and Paul "
        "Dorn of Veland, inspected the gates. Varga said the gates held.",
    ]
    people = people_of(articles)
    page = [
        "Commissioner Ines Varga opened the dam.",
        "The engineers, Ines Varga of Ostmark and Paul Dorn of Veland, inspected the gates.",
    ]
    assert introduce_once(page, people)[1] == (
        "The engineers, Varga of Ostmark and Paul Dorn of Veland, inspected the gates."
    )


def test_a_noun_and_doer_description_is_a_role_by_its_form() -> None:
    # Issue 16: "ferry mechanic", "kiln worker" are in no list of roles, yet say who the person is.
    articles = [
        "The wreck was found by kiln worker Saskia Brull. Saskia Brull said she kept digging. "
        "Brull said she was proud."
    ]
    people = people_of(articles)
    page = [
        "Saskia Brull will attend the opening of the gallery.",
        "The wreck was found by kiln worker Brull two years ago.",
    ]
    assert unnamed_first_mentions(page, people) == page[:1]
    assert introduce_once(page, people) == [
        "Kiln worker Saskia Brull will attend the opening of the gallery.",
        "The wreck was found by kiln worker Brull two years ago.",
    ]
    # The page as written then holds nothing to rewrite: the role opening the sentence counts.
    written = introduce_once(page, people)
    assert unnamed_first_mentions(written, people) == []
    assert introduction_flaws(written, people) == []


def test_a_verb_or_a_word_of_time_before_a_name_is_no_role() -> None:
    articles = [
        "Saskia Brull found the wreck. Saskia Brull said she kept digging. Brull was proud."
    ]
    people = people_of(articles)
    for later in (
        "A week later Brull called the museum.",
        "October Brull will open the gallery.",
        "The museum thanked Brull for the find.",
        "Police told reporter Brull to wait.",
    ):
        page = ["Saskia Brull will attend the opening.", later]
        assert unnamed_first_mentions(page, people) == [], later
        assert introduce_once(page, people)[0] == page[0], later


# Issue 16 item 2: a role the page never gives comes from the statement's own article.
HARBOUR_ARTICLE = (
    'The harbour board voted to close the north pier. "We cannot wait for it to fall," said '
    "Tomas Kjeld, harbour master at Selby Cove. Kjeld said repairs would take a year.\n"
    "Ferry skipper Annika Roos said the ferry would add twenty minutes. Roos said so again.\n"
    "Former mayor Bodil Strand, who opened the pier, called the vote a shame. Strand said so.\n"
    "The skippers' spokesman, Ivo Lehtinen, said the crews would be paid. Lehtinen said so.\n"
    "Asked about the cost, analyst Greta Holm said it would exceed 4 million crowns. Holm said "
    "that too."
)


def test_the_articles_roles_are_read_as_written_before_or_after_the_name() -> None:
    people = people_of([HARBOUR_ARTICLE])
    roles = article_roles(HARBOUR_ARTICLE, people)
    assert roles["Kjeld"] == Role("harbour master at Selby Cove", before=False)
    # A role opening the article's sentence loses the capital only the sentence gave it.
    assert roles["Roos"] == Role("ferry skipper", before=True)
    assert roles["Lehtinen"] == Role("the skippers' spokesman", before=False)
    assert roles["Holm"] == Role("analyst", before=True)
    assert "Strand" not in roles  # a past role says who she was, not who she is


def test_a_person_met_bare_gets_the_role_their_statements_article_gives() -> None:
    people = people_of([HARBOUR_ARTICLE])
    roles = article_roles(HARBOUR_ARTICLE, people)
    page = [
        "Kjeld said repairs would take a year.",
        "The bill would exceed 4 million crowns, Holm said.",
        "Annika Roos said the ferry would add twenty minutes.",
        "Lehtinen said the crews would be paid.",
    ]
    assert unnamed_in_articles(page, people, lambda k: roles) == page
    written = introduce_once(page, people, lambda k: roles)
    assert written == [
        "Tomas Kjeld, harbour master at Selby Cove, said repairs would take a year.",
        "The bill would exceed 4 million crowns, analyst Greta Holm said.",
        "Ferry skipper Annika Roos said the ferry would add twenty minutes.",
        "Ivo Lehtinen, the skippers' spokesman, said the crews would be paid.",
    ]
    assert unnamed_in_articles(written, people, lambda k: roles) == []
    # Only the statement's own articles count: another article's role is not cited there.
    assert introduce_once(page[:1], people, lambda k: {}) == [
        "Tomas Kjeld said repairs would take a year."
    ]


def test_no_role_from_the_articles_goes_into_a_quotation_a_list_or_beside_a_role() -> None:
    people = people_of([HARBOUR_ARTICLE])
    roles = article_roles(HARBOUR_ARTICLE, people)
    for page in (
        ['"Ask Tomas Kjeld," a skipper said.'],
        ["Tomas Kjeld and Annika Roos met the board."],
        ["Tomas Kjeld, who grew up on the pier, said repairs would take a year."],
        ["Tomas Kjeld, a harbour master, said repairs would take a year."],
        ["The board heard from pilot and skipper Annika Roos."],
    ):
        assert introduce_once(page, people, lambda k: roles) == page, page


def test_a_role_said_inside_a_quotation_or_of_another_person_is_not_the_persons() -> None:
    article = (
        '"Nobody asked the harbour master. Nobody asked Tomas Kjeld," said a skipper. Kjeld '
        "said nothing. Lotta Vinter, the ferry captain's daughter, waved. Vinter said hello. "
        "Paul Arne, as the elder, spoke. Arne said so."
    )
    people = people_of([article])
    roles = article_roles(article, people)
    assert "Kjeld" not in roles
    assert "Vinter" not in roles  # her father's role, not hers
    assert "Arne" not in roles


def test_an_organisation_before_the_role_goes_with_it_and_an_initial_tells_another_person() -> None:
    article = (
        "The rate stays, Norvik Bank director Halle Sund said on Monday. Sund said so again. "
        "Halle Sund met Halle K. Sund, the bank's chairman, in May."
    )
    people = people_of([article])
    roles = article_roles(article, people)
    assert roles["Sund"] == Role("Norvik Bank director", before=True)
    # Only the middle initial's bearer is the chairman: no role of his for Halle Sund.
    later = "Halle Sund met Halle K. Sund, the bank's chairman, in May. Sund said so."
    assert "Sund" not in article_roles(later, people_of([later, article]))


def test_a_role_said_before_the_name_in_the_middle_of_a_sentence_is_the_pages() -> None:
    people = people_of([HARBOUR_ARTICLE])
    roles = article_roles(HARBOUR_ARTICLE, people)
    page = ["The board's own surveyor, Tomas Kjeld, said repairs would take a year."]
    assert unnamed_in_articles(page, people, lambda k: roles) == []
    assert introduce_once(page, people, lambda k: roles) == page


# A role shared by two people named together (issue 16): the plural before the first name is each
# one's role, in the singular.
PAIR_ARTICLES = [
    "Co-founders Ines Vasquez-Hale and Bram Oduya said the bakery would stay open. Oduya said "
    "the ovens were new. Vasquez-Hale said the rent had doubled.",
    "Co-founder Bram Oduya said the bakery would hire two apprentices.",
]


def test_a_plural_role_before_two_names_is_each_ones_role() -> None:
    from newsloom.summarize.people import shared_role

    sentence = "Co-founders Ines Vasquez-Hale and Bram Oduya said the bakery would stay open."
    for name in ("Ines Vasquez-Hale", "Bram Oduya"):
        at = sentence.index(name)
        assert shared_role(sentence, at, at + len(name)) == "co-founder"
    french = "Les maires Edda Runn et Otto Brann ont signé l'accord sur le pont."
    for name in ("Edda Runn", "Otto Brann"):
        at = french.index(name)
        assert shared_role(french, at, at + len(name)) == "maire"
    # A plural that is no role, or a singular role before the first name only, is no shared role.
    plain = "Neighbours Edda Runn and Otto Brann said the bridge was safe."
    single = "Mayor Edda Runn and Otto Brann said the bridge was safe."
    for text in (plain, single):
        at = text.index("Otto Brann")
        assert shared_role(text, at, at + len("Otto Brann")) == ""


def test_the_second_of_two_people_sharing_a_role_is_not_met_without_one() -> None:
    people = people_of(PAIR_ARTICLES)
    page = [
        "Co-founders Ines Vasquez-Hale and Bram Oduya said the bakery would stay open.",
        "Co-founder Bram Oduya said the bakery would hire two apprentices.",
    ]
    assert unnamed_first_mentions(page, people) == []


def test_a_plural_role_stays_before_a_pair_whose_first_the_page_has_met() -> None:
    # The first of the pair was named and described before: its given name goes, and the
    # plural role stays, as it is the second's role too.
    people = people_of(PAIR_ARTICLES)
    page = [
        "Co-founder Ines Vasquez-Hale said the rent had doubled.",
        "Co-founders Ines Vasquez-Hale and Bram Oduya said the bakery would stay open.",
    ]
    assert introduce_once(page, people)[1] == (
        "Co-founders Vasquez-Hale and Bram Oduya said the bakery would stay open."
    )
    assert unnamed_first_mentions(introduce_once(page, people), people) == []


def test_an_article_gives_both_people_the_shared_role() -> None:
    people = people_of(PAIR_ARTICLES)
    roles = article_roles(PAIR_ARTICLES[0], people)
    assert roles["Oduya"] == Role("co-founder", True)
    assert roles["Vasquez-Hale"] == Role("co-founder", True)
