from newsloom.summarize import ExtractiveSummarizer
from newsloom.summarize.facts import candidates_of
from newsloom.summarize.offstory import capitalised_inside, names_of, off_story, unshared

from .fictional_stories import T0, article

LEDE = (
    "The ferry Marit Lund ran aground off Halvik harbour on Tuesday night with 212 passengers "
    "on board, the coastguard said."
)
HEADLINE = "Ferry Marit Lund runs aground off Halvik with 212 on board"


def _report() -> str:
    return (
        f"{LEDE}\n\n"
        "Coastguard boats took all 212 passengers ashore by midnight and nobody was hurt.\n\n"
        "A passenger, Greta Holm, said the lights went out a minute before the ship stopped.\n\n"
        "The ferry operator, Nordvik Lines, said divers would inspect the hull on Wednesday."
    )


def _second_report() -> str:
    return (
        "The passenger ferry Marit Lund struck rocks off Halvik harbour late on Tuesday, and the "
        "coastguard brought its 212 passengers ashore.\n\n"
        "Harbour master Pieter Lasse said the channel would stay closed until the ship is "
        "refloated.\n\n"
        "Nordvik Lines has cancelled Wednesday's sailings to Halvik."
    )


# A morning briefing: the ferry first, then items of other stories.
BRIEFING = (
    "The ferry Marit Lund ran aground off Halvik harbour on Tuesday night with 212 passengers on "
    "board.\n\n"
    "Coastguard boats took the passengers ashore by midnight.\n\n"
    "In other news, the director of the Brannock Gallery, Ilse Varga, has resigned after eleven "
    "years.\n\n"
    "Varga said the board had refused to pay for a new east wing.\n\n"
    "The gallery will be run by its deputy, Tomas Okafor, until a successor is found.\n\n"
    "Okafor has worked at Brannock since 2009.\n\n"
    "Finally, the Osland football league will decide on Friday whether to move Saturday's derby "
    "to Sunday."
)


def _story() -> list:
    return [
        article(1, 1, "Coast Wire", HEADLINE, _report(), 0),
        article(2, 2, "Harbour Post", "Ferry strikes rocks off Halvik", _second_report(), 20),
        article(3, 3, "Daily Brief", "Morning briefing: ferry aground at Halvik", BRIEFING, 40),
    ]


def _flagged(articles: list) -> set[str]:
    candidates = candidates_of(articles)
    return {candidates[i].text for i in off_story([LEDE, HEADLINE], articles, candidates)}


def test_a_briefings_items_about_other_stories_are_off_story() -> None:
    flagged = _flagged(_story())
    assert "The gallery will be run by its deputy, Tomas Okafor, until a successor is found." in (
        flagged
    )
    assert "Okafor has worked at Brannock since 2009." in flagged
    assert any("Osland football league" in text for text in flagged)


def test_someone_new_in_a_passage_about_the_event_stays_on_the_story() -> None:
    flagged = _flagged(_story())
    # New people and outlets in the reports: their neighbours tell the grounding.
    assert not any("Greta Holm" in text or "Pieter Lasse" in text for text in flagged)
    # Nothing of the ferry's own passage in the briefing is taken either.
    assert not any("ferry" in text.lower() or "Coastguard" in text for text in flagged)
    # The first item after the ferry is read within the ferry's passage (two sentences).
    assert not any(text.startswith("In other news") for text in flagged)


def test_a_sentence_naming_nothing_is_never_taken() -> None:
    briefing = BRIEFING.replace(
        "Okafor has worked at Brannock since 2009.", "It will reopen after the holidays."
    )
    briefed = article(
        3, 3, "Daily Brief", "Morning briefing: ferry aground at Halvik", briefing, 40
    )
    story = [*_story()[:2], briefed]
    assert "It will reopen after the holidays." not in _flagged(story)


def test_someones_words_are_never_taken() -> None:
    for words in (
        "Okafor said he had worked at Brannock since 2009.",
        "\u201cI have worked at Brannock since 2009,\u201d Okafor said.",
        "We have worked at Brannock since 2009, according to Okafor.",
    ):
        briefing = BRIEFING.replace("Okafor has worked at Brannock since 2009.", words)
        briefed = article(3, 3, "Daily Brief", "Morning briefing: ferry aground", briefing, 40)
        assert words not in _flagged([*_story()[:2], briefed])


def test_a_sentence_alone_in_an_untitled_article_is_not_judged() -> None:
    alone = article(4, 4, "Feed", "", "Okafor has worked at Brannock since 2009.", 50)
    assert "Okafor has worked at Brannock since 2009." not in _flagged([*_story()[:2], alone])
    titled = article(4, 4, "Feed", "Brannock Gallery deputy steps in", alone.text, 50)
    assert "Okafor has worked at Brannock since 2009." in _flagged([*_story()[:2], titled])


def test_one_article_has_nothing_to_compare_with() -> None:
    story = [article(3, 3, "Daily Brief", "Morning briefing", BRIEFING, 0)]
    assert off_story([LEDE, HEADLINE], story, candidates_of(story)) == set()


def test_a_sentences_first_word_names_only_when_the_story_capitalises_it_inside() -> None:
    inside = capitalised_inside(["The crew of the Marit Lund waited.", "He met Okafor."])
    assert names_of("Okafor said nothing.", inside)
    assert not names_of("Turns out the crew waited.", inside)
    assert names_of("Ada Lind will tour.", inside)  # a capitalised word follows it
    assert not names_of("On Tuesday the crew waited.", inside)  # a day names no one


def test_the_summary_leaves_out_the_briefings_other_stories() -> None:
    # Without the rule the league's pending decision is the page's takeaway: what to watch.
    summary = ExtractiveSummarizer().summarize(1, _story(), None, words=200, now=T0)
    body = [p for chunk in summary.paragraphs for p in chunk]
    page = [c.text for c in (*summary.bullets, *body, *summary.takeaways)]
    assert page
    assert not any("Okafor" in text or "derby" in text for text in page), page


# A digest page under the ferry's title: its first item is the ferry, the next another story's,
# within two sentences of the ferry's (off_story's passage), sharing no word with the reports.
DIGEST = (
    "The ferry Marit Lund ran aground off Halvik harbour on Tuesday night with 212 passengers on "
    "board.\n\n"
    "Conductor Anja Wirth will give her farewell concert in Lisbo, which the Velden orchestra "
    "has toured with her since 1990.\n\n"
    "Wirth, 71, took over the orchestra from her teacher.\n\n"
    "Coastguard boats took the passengers ashore by midnight."
)
FAREWELL = "Conductor Anja Wirth will give her farewell concert in Lisbo."


def _digest_story(digest: str = DIGEST) -> list:
    return [
        article(1, 1, "Coast Wire", HEADLINE, _report(), 0),
        article(2, 2, "Harbour Post", "Ferry strikes rocks off Halvik", _second_report(), 20),
        article(3, 3, "Daily Brief", "Ferry aground at Halvik", digest, 40),
    ]


def _alone(text: str, story: list, told_by: frozenset[int] = frozenset({2})) -> bool:
    candidates = candidates_of(story)
    members = [
        i
        for i, c in enumerate(candidates)
        if c.article in told_by and c.text.startswith("Conductor")
    ]
    return unshared([LEDE, HEADLINE], story, candidates)(text, members)


def test_a_passage_no_other_article_shares_a_word_or_a_name_with_is_another_storys() -> None:
    story = _digest_story()
    assert _alone(FAREWELL, story)
    # Not when every article tells it (nothing left to compare with) ...
    everywhere = [article(a.id, a.source_id, "Wire", a.title, DIGEST, 0) for a in story]
    assert not _alone(FAREWELL, everywhere, frozenset({0, 1, 2}))
    # ... nor when it shares a word with another report ("passengers"), names someone another
    # report names (Nordvik Lines), names no one, or gives someone's words.
    for text in (
        "Conductor Anja Wirth will give a concert for the passengers in Lisbo.",
        "Conductor Anja Wirth will give her farewell concert for Nordvik in Lisbo.",
        "The conductor will give her farewell concert next spring.",
        "Conductor Anja Wirth said she would give her farewell concert in Lisbo.",
    ):
        assert not _alone(text, story), text


def test_a_sentence_of_new_words_alone_in_its_passage_is_its_reports_own_detail() -> None:
    # No sentence beside it names Wirth again: a report's detail of its own, not a passage of
    # another story.
    digest = DIGEST.replace("Wirth, 71, took over the orchestra from her teacher.", "")
    assert not _alone(FAREWELL, _digest_story(digest))


def test_a_digests_next_item_is_left_off_the_page_in_its_main_statement() -> None:
    # The item's elaboration ("which the Velden orchestra has toured ...") is not what it tells;
    # its main statement shares nothing with the reports on the ferry.
    story = _digest_story()
    candidates = candidates_of(story)
    assert not any(
        "Wirth" in candidates[i].text for i in off_story([LEDE, HEADLINE], story, candidates)
    )
    summary = ExtractiveSummarizer().summarize(1, story, None, words=200, now=T0)
    body = [p for chunk in summary.paragraphs for p in chunk]
    page = [c.text for c in (*summary.bullets, *body, *summary.takeaways)]
    assert page
    assert not any("Wirth" in text for text in page), page
