"""Statements that lean on a sentence the page does not show, in forms past the plain opening
pronoun or connective (openings.py): a subject pointed at after a leading phrase ("Somehow, both
brothers ..."), a time counted from an untold event ("Earlier, ..."), a relative opening
("Which means ..."), a comparison with what came before ("A similar complaint ..."), and their
French forms. Refused by the summarizer and counted by the readability evaluation through
openings.opening_reference."""

import pytest

from newsloom.summarize.openings import opening_reference


def _told(sentence: str) -> set[str]:
    """Lower-cased words as the summarizer gathers them."""
    return {w.lower() for w in sentence.split()}


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        # A leading phrase, then "both", "that" or "this" before a noun the page may not have told.
        ("Somehow, both sisters were let onto the Dunmore ferry.", "definite"),
        ("Unfortunately, that design has left the harbour exposed.", "definite"),
        ("In both cases, the magistrates dismissed the charges.", "definite"),
        ("Between that reef and the pier lies the wreck.", "definite"),
        ("Each volunteer received two doses of the Orrin vaccine.", "definite"),
        ("Oddly, both of them boarded the Dunmore ferry.", "definite"),
        # ... but a "both" before names, in an apposition or coordinating two words names its own.
        ("On Tuesday, both Varga and Rask voted against the pier.", ""),
        ("Varga and Rask, both councillors, voted against the pier.", ""),
        ("Varga wants more ferries, both large and small, on the Dunmore route.", ""),
        ("Feeling behind Carrow and Ostmark, both of which have ports, Veland built one.", ""),
        ("If Rask, that tireless campaigner, had won, the pier would stand.", ""),
        ("Each year, thousands of visitors walk the Dunmore pier.", ""),
        ("Each of the 21 schools in Dunmore will get a nurse.", ""),
        ("On Tuesday, that night's ferry was cancelled.", ""),
        # A time counted from an event the page may not show.
        ("Earlier, harbour master Ilse Varga also closed the slipway.", "connective"),
        ("Earlier Mayor Rask made a rare statement on the pier.", "connective"),
        ("Later that day, the Dunmore board resigned.", "connective"),
        ("Afterwards the two councillors left by the back door.", "connective"),
        ("Back then the Dunmore pier was worth a few thousand crowns.", "connective"),
        # ... but not one that names its time, nor "earlier" as an adjective.
        ("Earlier this week, Varga visited the Dunmore pier.", ""),
        ("Earlier Sunday, gales closed the Dunmore pier.", ""),
        ("Later on Tuesday, the board met again.", ""),
        ("Earlier reports put the cost of the pier at 4 million crowns.", ""),
        # A relative opening whose antecedent is the sentence before; a question asks.
        ("Which means, for the first time, the Dunmore pier will close in summer.", "connective"),
        ("Which is why the board met again.", "connective"),
        ("Which ferry will the board keep?", ""),
        # A comparison with what came before.
        ("A similar plan was put to the Carrow council.", "definite"),
        ("Similar cracks were found in the Ostmark pier.", "definite"),
        ("A similar sum to last year's was set aside for the pier.", ""),
        ("Similar to the Carrow pier, the Dunmore one will be rebuilt.", ""),
        # A subject left out: an auxiliary right before its verb, or "Says he ...".
        ("Will have twice the range of the old Dunmore ferry.", "pronoun"),
        ("Was arrested at the Carrow border on Friday.", "pronoun"),
        ("Has been running the Dunmore pier since 2009.", "pronoun"),
        ("Says he will stand again for the Dunmore council.", "pronoun"),
        # ... but a question asks, and a speaker after "said" is named.
        ("Is sailing the Dunmore strait a thing of the past?", ""),
        ("Said harbour master Ilse Varga: the pier is safe.", ""),
        # French: the same forms, and a demonstrative or possessive before a noun.
        ("Ensuite, le maire a fermé la jetée.", "connective"),
        ("Puis le maire a fermé la jetée.", "connective"),
        ("À l'époque, la jetée valait peu.", "connective"),
        ("À l'époque des faits, la jetée valait peu.", ""),
        ("Plus tard dans la soirée, le maire a fermé la jetée.", ""),
        ("Ce dernier a démissionné mardi.", "connective"),
        ("Celle-ci a été fermée en juin.", "connective"),
        ("Tous deux ont quitté la mairie.", "pronoun"),
        ("L'autre a été relâché.", "pronoun"),
        ("Un autre incendie a éclaté près du port.", "pronoun"),
        ("Ses avocats ont fait appel.", "pronoun"),
        ("Cette décision a surpris la mairie de Vernaz.", "pronoun"),
        ("Ce projet coûtera quatre millions.", "pronoun"),
        ("Cette semaine, la mairie de Vernaz a voté.", ""),
        ("Ce matin, la mairie de Vernaz a voté.", ""),
        ("Ce n'est pas la première fois que la jetée ferme.", ""),
        ("Ce qui inquiète la mairie, c'est le coût.", ""),
        ("Son Tae-ho scored twice for Dunmore.", ""),
    ],
)
def test_leaning_openings(sentence: str, reason: str) -> None:
    assert opening_reference(sentence) == reason


def test_a_pointed_noun_the_page_told_is_resolved() -> None:
    told = _told("Two sisters from Carrow boarded the ferry with one ticket.")
    assert opening_reference("Somehow, both sisters were let onto the ferry.", told) == ""
    plan = _told("The Dunmore council approved a plan to rebuild the pier.")
    assert opening_reference("A similar plan was put to the Carrow council.", plan) == ""
    volunteers = _told("The Orrin trial enrolled 400 volunteers.")
    assert opening_reference("Each volunteer received two doses.", volunteers) == ""
    assert opening_reference("Each volunteer received two doses.") == "definite"


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        # The end of somebody's words that began in a sentence the page does not show, with no
        # speaker named after the close: wire copy's ``...'', curly, straight and French marks.
        ("The Dunmore pier will never be safe again.''", "quotation"),
        ("There is room for two ferries, and a need for both,'' she said.", "quotation"),
        ("The pier is finished,” he said on Friday.", "quotation"),
        ('Nobody told us about the tide."', "quotation"),
        ("La jetée ne rouvrira pas », a-t-il dit.", "quotation"),
        # ... but a named speaker credits the words, and marks that pair up opened them.
        ("People in Dunmore have waited ten years,'' said harbour master Ilse Varga.", ""),
        ("La jetée ne rouvrira pas », affirme Ilse Varga.", ""),
        ("Varga and the ferry firm had an ''unusual arrangement'' for years.", ""),
        ('Varga took the post of “acting harbour master" in June.', ""),
        ('Varga said "the pier is safe” on Friday.', ""),
    ],
)
def test_a_quotation_opened_in_a_sentence_not_shown(sentence: str, reason: str) -> None:
    assert opening_reference(sentence) == reason
