"""A quotation with no speaker on the page is no statement of it (unattributed.py)."""

from newsloom.records import Summary
from newsloom.summarize import ExtractiveSummarizer
from newsloom.summarize.unattributed import unattributed_quotation

from .fictional_stories import T0, article

# The harbour master's words over two sentences: the first opens the quotation, the second
# closes it and names her.
OPEN = "'The ferry was never built for that sea."
CLOSED_BY_SPEAKER = "We told the council so in March,' harbour master Ines Varga said."
WHOLE = "“Nobody warned us about the tide.”"
WHOLE_SINGLE = "'Don't moor a flat-bottomed boat where the swell can't be broken.'"
PRONOUN = "'We told the council so in March,' she added."
FRENCH_WHOLE = "« Nous ne prendrons aucun risque avec les enfants. »"
FRENCH_TAGGED = "« Nous ne prendrons aucun risque », a déclaré la maire, Odile Brun."
TITLE = "“The Tide Line” opens at the Harbour Theatre on Friday."
TAGGED = "“We will inspect every hull,” the port authority said on Tuesday."
INSIDE = "The council called the ferry “unfit for winter” after the inspection."
APOSTROPHES = "'It wasn't the crew's fault, y'know, it was the weather."


def test_a_quotation_with_no_one_credited_is_unattributed() -> None:
    assert unattributed_quotation(OPEN)  # never closed: its speaker comes in a later sentence
    assert unattributed_quotation(WHOLE)  # closed only at the end, nothing outside the marks
    assert unattributed_quotation(WHOLE_SINGLE)
    assert unattributed_quotation(PRONOUN)  # "she" names no one once the sentence leaves
    assert unattributed_quotation(FRENCH_WHOLE)
    # Apostrophes inside words close nothing: the quotation is still open.
    assert unattributed_quotation(APOSTROPHES)


def test_a_tagged_quotation_a_title_or_quoted_words_inside_a_statement_stay() -> None:
    assert not unattributed_quotation(CLOSED_BY_SPEAKER)  # it does not open on a mark
    assert not unattributed_quotation(TAGGED)
    assert not unattributed_quotation(FRENCH_TAGGED)
    assert not unattributed_quotation(TITLE)
    assert not unattributed_quotation(INSIDE)


def _texts(summary: Summary) -> list[str]:
    return [c.text for c in (*summary.bullets, *(c for p in summary.paragraphs for c in p))]


def test_the_page_shows_no_quotation_without_its_speaker() -> None:
    # Without the rule the open quotation reaches the page as the third statement.
    text = "\n".join(
        (
            "The Kestrel ferry was withdrawn from the Harlow crossing on Tuesday after its hull "
            "cracked in a storm, the port authority said.",
            "Inspectors found a crack two metres long below the waterline on the Kestrel's hull.",
            "'The ferry was never built for the winter sea on the Harlow crossing.",
            "Nobody on the council listened to the crews,' harbour master Ines Varga said.",
            "Harbour master Ines Varga said the council had been warned about the ferry in March.",
            "The crossing will be served by a chartered boat from Monday, the port authority said.",
        )
    )
    story = [article(1, 1, "Coastal Wire", "Kestrel ferry withdrawn after hull cracks", text, 0)]
    shown = _texts(ExtractiveSummarizer().summarize(1, story, None, 220, T0))
    assert any("crack two metres long" in s for s in shown)
    assert any(s.startswith("Harbour master Ines Varga said") for s in shown)
    assert not any("never built for the winter sea" in s for s in shown)
