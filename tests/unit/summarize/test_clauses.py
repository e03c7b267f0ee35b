"""A paragraph of two clauses whose one clause the page told shows its new clause alone, or
gives way when that clause repeats an earlier statement too (clauses.py)."""

from newsloom.summarize.clauses import new_clauses, retold_clause, told_in_order
from newsloom.summarize.toldagain import Page

HEADLINE = "Harrow Audio recalls Lark 2 speakers"
REFUND = "Harrow Audio has apologised and says buyers will get a full refund."
# Its second clause tells REFUND's fact again in another verb: the maker "is offering" refunds.
TWO_CLAUSES = (
    "Some speakers from the Dunmere plant can catch fire when charging; Harrow is offering refunds."
)
FRENCH_REFUND = "Le fabricant Orvane a promis un remboursement aux clients."
FRENCH_TWO = (
    "Des cellules du fournisseur Talbec peuvent gonfler près de la charnière, "
    "et Orvane a proposé un remboursement aux clients."
)


def test_the_new_clause_is_shown_alone_when_the_page_told_the_other() -> None:
    assert (
        retold_clause(TWO_CLAUSES, Page.of([HEADLINE, REFUND]))
        == "Some speakers from the Dunmere plant can catch fire when charging."
    )
    assert (
        retold_clause(FRENCH_TWO, Page.of(["Orvane rappelle ses téléphones", FRENCH_REFUND]))
        == "Des cellules du fournisseur Talbec peuvent gonfler près de la charnière."
    )


def test_a_clause_the_page_did_not_tell_keeps_the_statement_whole() -> None:
    assert retold_clause(TWO_CLAUSES, Page.of([HEADLINE])) is None
    # The told clause says two new words beside its name ("refunds ... in cash"): no act alone.
    cash = "Some speakers from the Dunmere plant can catch fire; Harrow is paying refunds in cash."
    assert retold_clause(cash, Page.of([HEADLINE, REFUND])) is None


def test_no_clause_of_its_own_is_no_split() -> None:
    page = Page.of([HEADLINE, "Ben Ode is Irish.", "The boat will be sent to Leith in May."])
    # A list's last item with its relative clause, a shared subject's second verb.
    listed = "The boat was piloted by Dr. Ana Lund, who is Swedish, and Ben Ode, who is Irish."
    shared = "The boat was built in Dunmere, and will be sent to Leith in May."
    assert retold_clause(listed, page) is None
    assert retold_clause(shared, page) is None


def test_a_pronoun_the_dropped_clause_resolved_keeps_the_statement_whole() -> None:
    told = Page.of([HEADLINE, REFUND])
    leaning = "Harrow is offering refunds, and their speakers can catch fire when charging."
    assert retold_clause(leaning, told) is None


def test_each_clause_told_again_gives_way_and_a_new_one_is_shown_alone() -> None:
    plant = "Harrow Audio blamed speakers from the Dunmere plant that catch fire."
    # The new clause repeats PLANT: the statement adds nothing and leaves the page; so does one
    # whose both clauses the page told.
    assert told_in_order([HEADLINE, REFUND, plant], [TWO_CLAUSES]) == [0]
    fire = "Some speakers from the Dunmere plant can catch fire when charging."
    assert retold_clause(TWO_CLAUSES, Page.of([HEADLINE, REFUND, fire])) == ""
    assert told_in_order([HEADLINE, REFUND, fire], [TWO_CLAUSES]) == [0]
    assert new_clauses([HEADLINE, REFUND], [TWO_CLAUSES]) == [
        "Some speakers from the Dunmere plant can catch fire when charging."
    ]
    assert told_in_order([HEADLINE, REFUND], [TWO_CLAUSES]) == []
