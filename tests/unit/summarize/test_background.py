"""Statements a bullet may not be: a lead-in to a quotation (openings.leads_into_quote), and
background long before its report (roles.long_past)."""

from datetime import UTC, datetime

from newsloom.records import Article
from newsloom.summarize.facts import candidates_of
from newsloom.summarize.openings import leads_into_quote
from newsloom.summarize.roles import long_past

QUOTE = '"We have heard promises like this before," she said.'


def test_a_mood_before_a_quotation_only_leads_into_it() -> None:
    assert leads_into_quote(
        "At the Brandhavn yard, the welders' steward, Ilse Marr, was wary.", QUOTE
    )
    assert leads_into_quote("Ostvik's fishermen were less convinced.", QUOTE)
    assert leads_into_quote("Le maire de Brévine se montre prudent.", "« Nous verrons », dit-il.")
    assert leads_into_quote("Her answer to the Brandhavn council was short:", QUOTE)
    # A fact, a figure, someone's reported words, or no quotation after it: a statement.
    assert not leads_into_quote("The Brandhavn ferry captain was arrested.", QUOTE)
    assert not leads_into_quote("Turnout in Ostvik was 64 percent.", QUOTE)
    assert not leads_into_quote("Police said the Brandhavn ferry captain was calm.", QUOTE)
    assert not leads_into_quote("Ostvik councils want buses where services are vanishing.", QUOTE)
    assert not leads_into_quote(
        "Ostvik has run ferry trials for years, but a crossing in winter is rare.", QUOTE
    )
    assert not leads_into_quote(
        "Ostvik's fishermen were less convinced.", "The vote is due on Friday."
    )


def test_a_lead_in_is_no_candidate_but_the_quotation_after_it_is() -> None:
    text = (
        "The Brandhavn shipyard will build two ferries for the Ostvik line. "
        "At the yard, the welders' steward, Ilse Marr, was wary. " + QUOTE
    )
    article = Article(
        id=1,
        source_id=1,
        url="https://outlet.example/a",
        canonical_url="https://outlet.example/a",
        title="Brandhavn yard wins ferry order",
        lead="",
        text=text,
        published=datetime(2030, 5, 1, tzinfo=UTC),
        fetched_at=datetime(2030, 5, 1, tzinfo=UTC),
        outlet="Outlet",
        language="en",
    )
    texts = [c.text for c in candidates_of([article])]
    assert not any("was wary" in t for t in texts)
    assert any(t.startswith("The Brandhavn shipyard") for t in texts)


def test_what_happened_years_before_its_report_is_background() -> None:
    assert long_past("Brandhavn and Ostvik were level on points three seasons ago.", 2030)
    assert long_past("The Ostvik co-operative received a grant from the council in 2019.", 2030)
    assert long_past("La cave de Brévine a été fondée en 1962 par trois familles.", 2030)
    # The year of a clause of its own, or of last year (perhaps last month), dates nothing
    # about the statement's own news.
    assert not long_past("Ilse Marr broke the record set by Ada Lunn in 2010.", 2030)
    assert not long_past(
        "The Ostvik bakery, founded in 1962, opened its fortieth shop this week.", 2030
    )
    assert not long_past("In December 2029, the Brandhavn ferry hit the pier.", 2030)
