"""One fact told again in other words gives way when an earlier statement told it in its frame:
the same act, object and actor in the same order, and the later one adds no fact (framed.py)."""

from newsloom.summarize.clauses import told_in_order
from newsloom.summarize.framed import adds_fact, frame_told
from newsloom.summarize.toldagain import Page

HEADLINE = "Tarn Rail cancels night trains after signal fault"
REFUND = "Tarn Rail has apologised and says passengers will get a full refund or a new ticket."
# REFUND's fact in other words: the same act (a refund or a new ticket), object and people.
RETOLD = (
    "Passengers can cancel for a full refund of the fare or take a new ticket, the company said."
)
FRENCH_FIRST = "Les gardes ont confirmé la présence de trois jeunes loups dans la vallée."
FRENCH_RETOLD = "Les gardes ont confirmé la présence de trois jeunes loups, selon la mairie."


def _told(text: str, before: list[str]) -> bool:
    return frame_told(text, before, Page.of(before))


def test_a_fact_told_in_its_frame_gives_way() -> None:
    assert _told(RETOLD, [HEADLINE, REFUND])
    assert _told(FRENCH_RETOLD, ["Des loups dans la vallée de l'Orne", FRENCH_FIRST])


def test_a_statement_sharing_words_but_not_the_frame_stays() -> None:
    before = [HEADLINE, REFUND, "Kelso Buses runs the coaches that replace the night trains."]
    # The same words in another order: another act ("get passengers home").
    reordered = "A new ticket or a full refund will get passengers home, Tarn Rail says."
    # The same act by an actor the earlier statement does not name.
    other_actor = "Kelso Buses says passengers will get a full refund or a new ticket."
    for text in (reordered, other_actor):
        assert not adds_fact(text, before, Page.of(before)), text
        assert not _told(text, before), text


def test_a_new_number_name_cause_clause_or_denial_keeps_the_statement() -> None:
    before = [HEADLINE, REFUND]
    assert _told("Passengers can cancel for a full refund or take a new ticket.", before)
    for text in (
        # a number the page has not told
        "Passengers can cancel for a full refund of the fare or take a new ticket within 14 days.",
        # a name the page has not told
        "Passengers of Kelso Buses can cancel for a full refund or take a new ticket.",
        # a cause
        "Passengers can cancel for a full refund or take a new ticket because the fault persists.",
        # a clause of its own with a new fact
        "Passengers can cancel for a full refund or take a new ticket, and the union will strike.",
        # a relative clause with a new fact
        "Passengers, who paid twice, can cancel for a full refund or take a new ticket.",
        # a date in words
        "Last month passengers could cancel for a full refund or take a new ticket.",
        # a denial
        "Passengers cannot cancel for a full refund or take a new ticket.",
    ):
        assert adds_fact(text, before, Page.of(before)), text
        assert not _told(text, before), text


def test_an_opening_circumstance_is_not_the_frame() -> None:
    # The frame is in the opening phrase; the statement's own subject says something new.
    before = [HEADLINE, "The fault was in a batch of relays made by its supplier, Orrin Signals."]
    text = "In the faulty batch of relays made by Orrin Signals, the contacts were too thin."
    assert not _told(text, before)


def test_told_in_order_drops_the_retold_paragraph_only() -> None:
    other = "Engineers expect the signals to be repaired by the weekend."
    assert told_in_order([HEADLINE, REFUND], [other, RETOLD]) == [1]
    assert told_in_order([HEADLINE], [other, RETOLD]) == []
