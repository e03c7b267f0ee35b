"""A text cut off mid-sentence (cut.py), and a lede too long to quote whole (facts.py): fictional
sentences, each named after the case."""

from datetime import UTC, datetime

from newsloom.records import Article
from newsloom.summarize.cut import finished_head, is_cut
from newsloom.summarize.facts import candidates_of
from newsloom.summarize.text import MAX_WORDS


def _article(text: str) -> Article:
    when = datetime(2030, 5, 1, tzinfo=UTC)
    return Article(
        id=1,
        source_id=1,
        url="https://outlet.example/a",
        canonical_url="https://outlet.example/a",
        title="",
        lead="",
        text=text,
        published=when,
        fetched_at=when,
        outlet="Outlet",
        language="en",
    )


def test_a_sentence_without_its_closing_mark_was_cut() -> None:
    assert is_cut("Elling voters on Sunday approved the new harbour charter, ending a quarrel that")
    assert not is_cut("Elling voters on Sunday approved the new harbour charter.")
    assert not is_cut('The harbour master said the charter "changes everything."')


def test_the_clause_before_a_participle_is_kept_with_a_full_stop() -> None:
    sentence = (
        "Elling voters on Sunday approved the new harbour charter by a wide margin, ending a "
        "quarrel that ferry owners had said"
    )
    assert finished_head(sentence) == (
        "Elling voters on Sunday approved the new harbour charter by a wide margin."
    )


def test_the_longest_finished_clause_wins() -> None:
    sentence = (
        "The Skerra lifeboat crew rescued four anglers from the sandbank on Friday night, while "
        "the coastguard helicopter searched the bay, which it had"
    )
    assert finished_head(sentence) == (
        "The Skerra lifeboat crew rescued four anglers from the sandbank on Friday night, while "
        "the coastguard helicopter searched the bay."
    )


def test_a_cut_after_a_colon_keeps_the_clause_before_it() -> None:
    # What the colon introduced (a list of claims, a quotation) was cut; the clause is whole.
    sentence = (
        "Two Elling councillors made several false claims about the ferry subsidy at Monday's "
        "harbour debate:"
    )
    assert finished_head(sentence) == (
        "Two Elling councillors made several false claims about the ferry subsidy at Monday's "
        "harbour debate."
    )
    assert finished_head("The harbour master said:") is None


def test_a_list_cut_short_is_not_a_statement() -> None:
    # ", trawlers and" goes on with a list's last item: the head would cut the list short.
    sentence = (
        "The new quay at Port Elling will berth ferries for the island routes, fishing boats and "
        "yachts, trawlers and"
    )
    assert finished_head(sentence) is None


def test_a_head_without_a_main_clause_is_refused() -> None:
    # A fronted phrase, a name with its description, a subordinate clause: each waits for the
    # main clause the cut left out.
    for sentence in (
        "In the weeks since the collapse of the old Skerra sea wall in the March storm, which",
        "Ana Weiss, the chair of the Elling ferry board and a former harbour master, who",
        "After the Elling council voted on the new harbour charter on Sunday night, which",
    ):
        assert finished_head(sentence) is None, sentence


def test_a_cut_last_sentence_becomes_its_finished_clause_as_a_candidate() -> None:
    text = (
        "The Elling ferry board has ordered two electric ferries from the Brandhavn yard. "
        "The board's chair, Ana Weiss, signed the order on Monday in Brandhavn, calling the "
        "ferries the start of a cleaner crossing for the"
    )
    texts = [c.text for c in candidates_of([_article(text)])]
    assert texts == [
        "The Elling ferry board has ordered two electric ferries from the Brandhavn yard.",
        "The board's chair, Ana Weiss, signed the order on Monday in Brandhavn.",
    ]


def test_a_lede_too_long_to_quote_whole_is_its_main_statement() -> None:
    lede = (
        "The Elling council voted 31-9 on Monday night to approve the new harbour charter in a "
        "move that makes the port authority and the ferry board one body for the first time since "
        "the islands were joined to the mainland by the causeway, ending a quarrel that had split "
        "the ferry owners, the fishermen and the council for the better part of a decade."
    )
    assert len(lede.split()) > MAX_WORDS
    later = (
        "The councillors who opposed the charter said the ferry owners had written it, and that "
        "the fishermen had been left out of the talks held at the harbour office all through the "
        "winter, when the quays were closed to the public and no minutes were published at all "
        "by the harbour office or by the council, which keeps its own records of such talks."
    )
    texts = [c.text for c in candidates_of([_article(f"{lede} {later}")])]
    # The lede's news is its main statement; a long sentence further down stays out whole.
    assert texts == [
        "The Elling council voted 31-9 on Monday night to approve the new harbour charter in a "
        "move that makes the port authority and the ferry board one body for the first time "
        "since the islands were joined to the mainland by the causeway."
    ]


def test_the_clause_before_an_adjunct_opened_without_a_comma_is_kept() -> None:
    # An adjunct of time, cause or means needs no comma ("after ...", "by arranging ..."): the
    # clause before it is whole, and the longest such head wins.
    assert (
        finished_head(
            "The Elling ferry board on Monday suspended the island crossings after the harbour master "
            "warned that the old quay could"
        )
        == "The Elling ferry board on Monday suspended the island crossings."
    )
    assert finished_head(
        "The Brandhavn yard's former accountant told the court that its owner had asked him to "
        "hide the losses by moving money between the yard's accounts ahead of the"
    ) == (
        "The Brandhavn yard's former accountant told the court that its owner had asked him to "
        "hide the losses by moving money between the yard's accounts."
    )


def test_a_complement_the_verb_takes_is_no_adjunct() -> None:
    # "into" completes "turn": cut there, the head would claim something else; "by" before a noun
    # names a passive's agent, not a means.
    assert (
        finished_head(
            "The Elling council has sought for years to turn the old ferry sheds on the quay into"
        )
        is None
    )
    assert (
        finished_head("The new harbour charter for the islands was approved on Sunday night by the")
        is None
    )
