"""Bare definites ("The incident ...", "The company ...") that the page did introduce in other
words (openings.told_head), and those it did not."""

from newsloom.summarize.openings import bare_definite, opening_reference, told_head


def _told(sentence: str) -> set[str]:
    """Lower-cased words as the summarizer gathers them: split on spaces, punctuation kept."""
    return {w.lower() for w in sentence.split()}


def test_a_general_event_noun_refers_to_the_event_bullet_one_told() -> None:
    told = _told("Two stallholders were hurt when a gas heater exploded at the Brindlemoor fair.")
    assert opening_reference("The incident will be reviewed by the county council.", told) == ""
    assert opening_reference("The blast shattered windows on Mill Lane.", told) == ""
    quake = _told("A strong earthquake shook the Orrin valley on Sunday, officials said.")
    assert opening_reference("The tremor was felt in three provinces.", quake) == ""
    court = _told("A Dunmere man was charged with the theft of forty bicycles.")
    assert opening_reference("The case was adjourned until March.", court) == ""


def test_an_event_noun_of_another_kind_than_the_event_told_stays_a_riddle() -> None:
    told = _told("The Harwick council voted to close two libraries in the spring.")
    assert opening_reference("The incident will be reviewed by the county council.", told)
    assert opening_reference("The crash closed the road for six hours.", told) == "definite"
    fire = _told("A fire destroyed the Harwick bakery on Friday night.")
    assert opening_reference("The shooting happened near the bakery.", fire) == "definite"


def test_the_company_refers_to_a_business_the_page_named_as_one() -> None:
    chain = _told("Pellow & Daughters, the ironmongery chain, opened its ninth shop in Caddon.")
    assert not bare_definite("The company plans a tenth shop next spring.", chain)
    suffix = _told("Orrin Widgets Ltd. cut 40 jobs at its Caddon plant.")
    assert not bare_definite("The firm blamed the cost of steel.", suffix)
    maker = _told("Kettle maker Brassby recalled 12,000 kettles on Monday.")
    assert opening_reference("The company said no one was hurt.", maker) == ""
    two = _told("Orrin Widgets Ltd. agreed to buy Caddon Springs Inc. for 80 million.")
    assert opening_reference("The two companies will merge their sales teams.", two) == ""


def test_the_company_needs_a_business_on_the_page() -> None:
    people = _told("A group of giant tortoises arrived at the Caddon zoo on Monday.")
    assert bare_definite("The company plans a tenth shop next spring.", people)
    law_firm = _told("The leaked files came from the law firm Harrowgate Quill.")
    # "The bank" is one kind of business: a law firm does not tell which bank.
    assert bare_definite("The bank collected higher fees last year.", law_firm)
    # "The companies" needs two businesses: one named is not them.
    one = _told("Orrin Widgets Ltd. cut 40 jobs at its Caddon plant.")
    assert opening_reference("The companies did not say how many.", one) == "definite"


def test_a_noun_told_as_its_verb_or_with_punctuation_is_told() -> None:
    assert not bare_definite("The vote was 61 to 40.", _told("The council voted 61 to 40."))
    assert not bare_definite("The rescue took nine hours.", _told("Divers rescued two boys."))
    told = _told("The Orrin agency launched its first satellite.")
    assert not bare_definite("The satellite reached orbit an hour later.", told)
    assert told_head("missile", _told("a missiles test")) is True


def test_a_national_institution_says_which_one() -> None:
    assert opening_reference("The national rowing federation will appeal the ruling.") == ""
    assert opening_reference("The federal agency opened an inquiry on Monday.") == ""
    # Not an institution: "national" does not say which man.
    assert opening_reference("The national champion retired on Monday.") == "definite"
    assert opening_reference("The rowing federation will appeal the ruling.") == "definite"


def test_a_lawsuit_is_told_by_its_verb_or_the_compound_noun() -> None:
    # "The suit" after "a defamation lawsuit", "The lawsuit" after "was suing": the same thing.
    filed = _told("Brassby filed a defamation lawsuit against the Caddon Echo on Friday.")
    assert opening_reference("The suit was filed in the Caddon high court.", filed) == ""
    suing = _told("The county attorney said she was suing the Orrin Harbour Trust.")
    assert opening_reference("The lawsuit was filed on Monday.", suing) == ""
    # A page that told no lawsuit has not told which suit.
    vote = _told("The Harwick council voted to close two libraries in the spring.")
    assert opening_reference("The suit was filed in the Caddon high court.", vote) == "definite"


def test_a_relative_clause_after_the_noun_says_which_one() -> None:
    # "whose" opens a relative clause as "who" does: the sentence itself tells which harbour
    # pilot, and the opening points at nothing outside it.
    assert (
        opening_reference("The pilot who reported the cracks was moved to the night shift.") == ""
    )
    assert opening_reference("The pilot whose report warned of cracks in the pier was moved.") == ""
    assert opening_reference("The pilot was moved to the night shift.") == "definite"
