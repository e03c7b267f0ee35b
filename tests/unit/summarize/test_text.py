import pytest

from newsloom.summarize.text import (
    clean_sentence,
    clean_title,
    is_boilerplate,
    rejection_reason,
    split_sentences,
    strip_dateline,
)


def test_split_keeps_abbreviations_initials_and_decimals_inside_sentences() -> None:
    text = (
        "Mr. Varga met Dr. Quist on Jan. 5 at the U.S. Embassy in Port Elling. "
        "The surge reached 3.2 metres at 4 p.m. on Tuesday. "
        "J. R. Pell wrote the report! It was published by Elling Press Inc. in Skerra."
    )
    assert split_sentences(text) == [
        "Mr. Varga met Dr. Quist on Jan. 5 at the U.S. Embassy in Port Elling.",
        "The surge reached 3.2 metres at 4 p.m. on Tuesday.",
        "J. R. Pell wrote the report!",
        "It was published by Elling Press Inc. in Skerra.",
    ]


def test_split_ends_sentence_after_acronym_when_a_new_sentence_starts() -> None:
    assert split_sentences("She moved to the U.S. The next day she left.") == [
        "She moved to the U.S.",
        "The next day she left.",
    ]


def test_split_treats_line_breaks_as_boundaries_and_keeps_closing_quotes() -> None:
    text = 'Gates closed.\n\n"We were ready," the engineer said. Then rain came\nA heading'
    assert split_sentences(text) == [
        "Gates closed.",
        '"We were ready," the engineer said.',
        "Then rain came",
        "A heading",
    ]


@pytest.mark.parametrize(
    "raw",
    [
        "BERLIN (Reuters) - The gates closed.",
        "LONDON — The gates closed.",
        "NEW YORK, Jan. 5 (AP) — The gates closed.",
        "Port Elling (Coastal Wire) - The gates closed.",
        "(CNN) — The gates closed.",
        "SKERRA (AP) _ The gates closed.",
        "PORT ELLING, Veland—The gates closed.",  # the dash set close to the text
        "PORT ELLING—The gates closed.",
    ],
)
def test_strip_dateline(raw: str) -> None:
    assert strip_dateline(raw) == "The gates closed."


def test_strip_dateline_leaves_ordinary_sentences_alone() -> None:
    sentence = "Port Elling - a town of 30,000 people - braced for the storm."
    assert strip_dateline(sentence) == sentence


@pytest.mark.parametrize(
    "sentence", ["U.S.—Veland talks resumed on Monday.", "NATO—Ostmark ties warmed this year."]
)
def test_a_pair_of_names_joined_by_a_dash_is_no_dateline(sentence: str) -> None:
    assert strip_dateline(sentence) == sentence


def test_clean_sentence_drops_photo_credit_and_dateline() -> None:
    raw = "SKERRA — Ferries wait in the inner basin (Photo: Jonas Pell/Coastal Wire) on Monday."
    assert clean_sentence(raw) == "Ferries wait in the inner basin on Monday."


@pytest.mark.parametrize(
    "line",
    [
        "By Helga Strand, Harbour Gazette",
        "Read more: our full coverage of the storm season.",
        "Subscribe to the Gazette for 1 crown a week.",
        "Sign up for our newsletter to get storm alerts every morning.",
        "Chat with us in Harbour Messenger.",
        "Message us on Signalbox with your flood pictures.",
        "Photo: Harbour Gazette archive",
        "Reporting by Jonas Pell; Editing by Mara Quist",
        "© 2031 Harbour Gazette. All rights reserved.",
        "This material may not be published, broadcast, rewritten or redistributed.",
        "Without written authorization from Coastal Wire, such content shall not be republished.",
    ],
)
def test_boilerplate_lines_are_recognised(line: str) -> None:
    assert is_boilerplate(line)


def test_news_sentences_are_not_boilerplate() -> None:
    assert not is_boilerplate("By Tuesday evening the gates had closed twice, the engineers said.")
    assert not is_boilerplate("The Gazette reported the vote on Monday.")
    # A rights dispute in the news is news, not a rights notice.
    assert not is_boilerplate("The court ruled the memoir could be published without changes.")
    assert not is_boilerplate("She gave written consent to the surgery on Friday.")


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        ("Is the town finally safe from the next big storm surge?", "question"),
        ('He said the gates were "the best money the council ever spent.', "quote"),
        ('"We were ready for this storm and we held the line," the mayor said.', "quote"),
        ("Gates closed.", "short"),
        ("and then the engineers lowered the remaining steel gates slowly.", "fragment"),
        ("Engineers lowered the twelve steel gates in forty minutes on", "fragment"),
        (" ".join(["word"] * 60) + ".", "long"),
        ("Engineers lowered the twelve steel gates in forty minutes.", ""),
    ],
)
def test_rejection_reason(sentence: str, reason: str) -> None:
    assert rejection_reason(sentence) == reason


@pytest.mark.parametrize(
    ("title", "outlet", "expected"),
    [
        ("Barrier closes as surge hits - Coastal Wire", "", "Barrier closes as surge hits"),
        ("Barrier closes as surge hits | Harbour Gazette", "", "Barrier closes as surge hits"),
        (
            "Barrier closes as surge hits - the gazette",
            "The Gazette",
            "Barrier closes as surge hits",
        ),
        ("LIVE: Barrier closes as surge hits", "", "Barrier closes as surge hits"),
        (
            "Council votes again - and again it says no",
            "",
            "Council votes again - and again it says no",
        ),
        ("Storm - Day 2", "", "Storm - Day 2"),
    ],
)
def test_clean_title(title: str, outlet: str, expected: str) -> None:
    assert clean_title(title, outlet) == expected


@pytest.mark.parametrize(
    ("raw", "compressed"),
    [
        ("However, the gates closed at noon, he said.", "The gates closed at noon."),
        (
            "But the council voted 5-2 on Monday, she told reporters.",
            "The council voted 5-2 on Monday.",
        ),
        ('"We are ready," he said.', '"We are ready," he said.'),
        (
            "The mayor, he said, was absent from the vote.",
            "The mayor, he said, was absent from the vote.",
        ),
        (
            "So far, 12 people have left the lower town.",
            "So far, 12 people have left the lower town.",
        ),
        (
            "Still water filled the inner basin overnight.",
            "Still water filled the inner basin overnight.",
        ),
    ],
)
def test_clean_sentence_drops_connectives_and_pronoun_tails(raw: str, compressed: str) -> None:
    assert clean_sentence(raw) == compressed


def test_clean_sentence_drops_caption_labels_run_in_headings_and_bare_credits() -> None:
    assert clean_sentence("Photo LONDON -- At least seven people died.") == (
        "At least seven people died."
    )
    assert clean_sentence("HARBOUR TO CLOSE OLD PIER Port Alder may close it.") == (
        "Port Alder may close it."
    )
    assert clean_sentence("(CNN) Mara Quist ended up where she started.") == (
        "Mara Quist ended up where she started."
    )
    assert clean_sentence("UK PM Theresa May said the deal was done.") == (
        "UK PM Theresa May said the deal was done."
    )


def test_the_tail_of_a_single_quoted_quotation_is_refused() -> None:
    assert rejection_reason("Nobody keeps their past in the past, one fan wrote.'") == "quote"
    assert rejection_reason("'During the flight the crew saw it,' the airline said.") == ""


def test_a_quotation_of_two_sentences_stays_one_sentence_with_its_speaker() -> None:
    # The half-quotation quirk: « A. B », a dit X split at "A." left "B », a dit X" on the
    # page, a quotation without its opening; the first half without its speaker.
    text = (
        "« Nous fermons la plage. La santé des enfants passe avant tout », a déclaré la maire, "
        "Ilse Varenne. Les analyses sont attendues demain.\n"
        "“The pier is shut. Nobody swims until the tests are back,” harbour master Oskar Lind said. "
        "The tests take a day."
    )
    assert split_sentences(text) == [
        "« Nous fermons la plage. La santé des enfants passe avant tout », a déclaré la maire, "
        "Ilse Varenne.",
        "Les analyses sont attendues demain.",
        "“The pier is shut. Nobody swims until the tests are back,” harbour master Oskar Lind "
        "said.",
        "The tests take a day.",
    ]


def test_a_quotation_left_open_does_not_swallow_the_paragraph() -> None:
    # No closing mark later in the paragraph: the sentences split as they always did.
    text = "He called it “a start. The board meets on Monday. It has not decided."
    assert split_sentences(text) == [
        "He called it “a start.",
        "The board meets on Monday.",
        "It has not decided.",
    ]


@pytest.mark.parametrize("marker", ["-- ", "_ ", "• ", "- "])
def test_a_wire_digest_item_keeps_its_sentence_without_the_list_marker(marker: str) -> None:
    # Wire digests ("Following are major news items in leading newspapers today:") open each
    # item with a marker; the item is a whole sentence and must not be refused as a fragment.
    item = f"{marker}Harbourside council will open two new ferry piers before the summer regatta."
    cleaned = clean_sentence(item)
    assert cleaned == "Harbourside council will open two new ferry piers before the summer regatta."
    assert rejection_reason(cleaned) == ""


def test_a_dash_inside_or_before_lowercase_text_is_not_a_list_marker() -> None:
    assert (
        clean_sentence("-- and then the ferry left the pier.")
        == "-- and then the ferry left the pier."
    )
    assert clean_sentence("The ferry -- late again -- left the pier.") == (
        "The ferry -- late again -- left the pier."
    )


def test_a_reporting_clause_with_nothing_reported_is_a_fragment() -> None:
    # What the paper said stood in the sentence before; alone this says only who said it.
    assert rejection_reason("The weekly Ostvik Courier reported on Monday.") == "fragment"
    assert rejection_reason("The harbour authority in Brandhavn said on Tuesday.") == "fragment"
    assert rejection_reason("The Brandhavn harbour authority said this week.") == "fragment"
    # Something reported, before or after the verb, makes a statement.
    assert rejection_reason("The Ostvik Courier reported the vote on Monday.") == ""
    assert rejection_reason("Police said on Monday that the ferry captain was arrested.") == ""
    assert rejection_reason("The ferry hit the pier at Brandhavn, the coastguard said.") == ""


def test_a_note_opening_on_a_modal_has_no_subject() -> None:
    assert rejection_reason("Will carry twice the load of the old Brandhavn ferry.") == "fragment"
    assert rejection_reason("'Could open to passengers before the end of the summer.") == "fragment"
    # A name that looks like a modal is a subject.
    assert rejection_reason("Will Carter scored twice for the Ostvik side on Sunday.") == ""


def test_a_clause_ending_on_a_verb_of_reporting_is_not_a_bare_report() -> None:
    # The words before the verb hold a verb of their own, or "reports" is a noun.
    for fine in (
        "Fishing off Brandhavn will stay banned until the inquiry reports.",
        "Ostvik officials disputed the news agency reports.",
    ):
        assert rejection_reason(fine) == "", fine


def test_the_tail_of_a_single_quoted_quotation_before_its_speaker_is_refused() -> None:
    # The quotation opened a sentence earlier; only its closing mark and speaker are here.
    assert (
        rejection_reason("Worth every crown of the fare, I'd say,' the Ostvik skipper said.")
        == "quote"
    )
    # A whole single-quoted quotation, or a plural possessive, is not a tail.
    assert rejection_reason("'We will sail at dawn,' the Brandhavn skipper said on Monday.") == ""
    assert rejection_reason("The players' union in Ostvik voted to strike on Monday.") == ""
