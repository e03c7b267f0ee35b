from newsloom.summarize import ExtractiveSummarizer
from newsloom.summarize.voices import in_statement, instructs, speaker_turn
from newsloom.summarize.watch import voiced, what_to_watch

from .fictional_stories import T0, article

# Sentences written for these tests; none comes from an evaluation set.

STATEMENT = [
    "Brightwell Foods said on Monday that it had dismissed two managers at its Ostra depot.",
    "The conduct of a handful of our 9,000 staff does not reflect our values.",
    "Every ferry line faces risks of that kind.",
    "When it happens, we investigate and act quickly.",
    "The depot reopened on Tuesday.",
]


def test_a_sentence_between_two_of_a_statements_first_person_sentences_is_the_statements() -> None:
    assert in_statement(STATEMENT, 2)


def test_the_writers_own_sentences_around_a_statement_are_not() -> None:
    # The report's opening credits the company; the first-person sentences speak for themselves;
    # the one after the statement has the writer's voice on one side only.
    assert not in_statement(STATEMENT, 0)
    assert not in_statement(STATEMENT, 1)
    assert not in_statement(STATEMENT, 3)
    assert not in_statement(STATEMENT, 4)


def test_a_sentence_that_names_its_speaker_or_quotes_is_attributed() -> None:
    named = [*STATEMENT]
    named[2] = "Every ferry line faces risks of that kind, the firm said."
    assert not in_statement(named, 2)
    quoted = [*STATEMENT]
    quoted[2] = "“Every ferry line faces risks of that kind.”"
    assert not in_statement(quoted, 2)


def test_a_sentence_between_reports_in_the_first_person_plural_of_a_place_is_not() -> None:
    # "US" is the country, not the first person.
    sentences = [
        "Exports to the US fell by a third in March.",
        "The port handled 40 fewer ships than a year before.",
        "Imports from the US rose slightly.",
    ]
    assert not in_statement(sentences, 1)


STATEMENT_RUN = """The conduct of a handful of our 9,000 staff does not reflect our values.
Every ferry line faces risks of that kind.
When it happens, we investigate and act quickly."""

BRIGHTWELL = [
    f"""Brightwell Foods has dismissed two managers at its Ostra depot, the company said on Monday.
An inquiry found that fridge temperatures had been logged without being measured for six weeks.
{STATEMENT_RUN}
The depot, which supplies 40 shops in the Ostra valley, was closed for two days.""",
    f"""Two managers at the Brightwell Foods depot in Ostra have lost their jobs over falsified checks.
Staff had logged fridge readings they never took, the company's inquiry found.
{STATEMENT_RUN}
The food standards office said it would inspect the depot again in March.""",
    f"""Brightwell Foods sacked two Ostra depot managers after fake fridge checks came to light.
{STATEMENT_RUN}
The company supplies 40 shops from the depot.""",
]


def test_a_companys_general_claim_is_nowhere_on_the_page() -> None:
    # Every outlet carries the company's statement: its one sentence without "we" would be a
    # short, widely carried bullet.
    story = [
        article(k + 1, k + 1, outlet, "Brightwell sacks two depot managers", text, 10 * k)
        for k, (outlet, text) in enumerate(
            zip(("Ostra Courier", "Valley News", "Food Trade"), BRIGHTWELL, strict=True)
        )
    ]
    summary = ExtractiveSummarizer().summarize(3, story, None, words=120, now=T0)
    claim = "Every ferry line faces risks of that kind."
    page = [*summary.bullets, *(c for p in summary.paragraphs for c in p), *summary.takeaways]
    assert summary.bullets
    assert all(c.text != claim for c in page)


HARBOUR_APP = """The Tollon harbour authority released a new version of its ferry app on Thursday.
The update adds live departure times for all eleven routes.
Season-ticket holders can now renew in the app instead of at the kiosk.
The authority said the old version would stop working at the end of the month.
The new version will let you book a car space up to a week ahead.
The app has been downloaded 60,000 times since 2019."""


def test_a_sentence_speaking_to_its_reader_is_no_takeaway() -> None:
    story = [article(1, 1, "Tollon Times", "Tollon ferry app adds live times", HARBOUR_APP, 0)]
    summary = ExtractiveSummarizer().summarize(4, story, None, words=80, now=T0)
    # The next step said as such, but to the reader: read alone, nobody's statement.
    step = "The new version will let you book a car space up to a week ahead."
    assert all(t.text != step for t in summary.takeaways)


def test_a_sentence_beside_a_quotation_or_a_name_with_je_is_not_in_a_statement() -> None:
    # The quotation closes before the writer's sentence; "Jerusalem" and "Jewish" are no "je".
    assert not in_statement(
        [
            '"We feel so lucky," said Mara Lind.',
            "Lind and her husband already have two sons.",
            "We will share a photo soon.",
        ],
        1,
    )
    assert not in_statement(
        [
            "Jewish groups in Jerusalem marked the day.",
            "Several ministers attended.",
            "Jerusalem's mayor spoke first.",
        ],
        1,
    )


def test_our_own_sun_is_everyones() -> None:
    assert not in_statement(
        [
            "Astronomers have long studied stars like our own sun.",
            "The new survey counted 400 of them.",
            "Each lies within our galaxy.",
        ],
        1,
    )


def test_a_how_tos_step_in_the_imperative_instructs_the_reader() -> None:
    assert instructs("Select (Share) on the map screen, and the route will be sent to a friend.")
    assert instructs("Go to Settings to switch the alerts on.")
    assert instructs("Make sure the app is updated before the ferry leaves.")
    # A noun or an adjective opening a news sentence.
    assert not instructs("Press secretary Ana Lind said the pier would reopen.")
    assert not instructs("Select committee members voted against the plan.")
    assert not instructs("Turn out was low in the harbour ward.")
    assert not instructs("Check-in desks at the ferry port closed at noon.")


def test_a_transcripts_turn_inside_an_article_is_a_speakers_but_an_opening_label_a_dateline() -> (
    None
):
    assert speaker_turn("VOSS: That is certainly what the crews are saying.", 7)
    assert speaker_turn("INGRID VOSS: The quay will reopen.", 3)
    assert not speaker_turn("OSLO: The ferry to Nesodden was cancelled on Friday.", 0)
    assert not speaker_turn("Voss: the crews are tired.", 4)


def test_the_first_person_is_one_list_for_statements_and_takeaways() -> None:
    # voices.FIRST_PERSON is watch's too: "I could", "I never" speak in the first person here,
    # and a takeaway reads "our own galaxy" as everyone's and "nous" as someone's voice.
    assert in_statement(
        [
            "I could see the smoke from the quay.",
            "Every ferry line faces such risks.",
            "I never expected it to happen here.",
        ],
        1,
    )
    assert what_to_watch("The new telescope will map our own galaxy within five years.") == 2
    assert voiced("Nous ouvrirons la nouvelle ligne en juin.")
