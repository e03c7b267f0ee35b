import re
from dataclasses import replace
from datetime import timedelta

import numpy as np
import pytest

from newsloom.errors import SummarizeError
from newsloom.records import Article, Cited, Summary
from newsloom.summarize import ExtractiveSummarizer, needs_resummary
from newsloom.summarize.extractive import WHATS_NEW, _Plan
from newsloom.summarize.roles import (
    is_reaction,
    judged_away,
    looks_ahead,
    ongoing,
    provisional,
    revised_away,
    revised_figures,
    revises,
    tallies,
    wait_over,
    waits,
)
from newsloom.summarize.text import clean_sentence, split_sentences
from newsloom.summarize.watch import what_to_watch

from .fictional_stories import T0, WIRE, article, barrier_followup, barrier_story


def all_cited(summary: Summary) -> list[Cited]:
    return [*summary.bullets, *(c for p in summary.paragraphs for c in p), *summary.takeaways]


def sentences_of(text: str) -> set[str]:
    return {clean_sentence(s) for s in split_sentences(text)}


@pytest.fixture(scope="module")
def summary() -> Summary:
    return ExtractiveSummarizer().summarize(7, barrier_story(), None, words=120, now=T0)


def test_summary_has_the_story_page_shape(summary: Summary) -> None:
    assert summary.story_id == 7 and summary.version == 1 and summary.created == T0
    assert summary.method == "extractive"
    assert len(summary.bullets) == 3
    # Takeaways say what to watch (watch.py); here the paragraphs already tell every next step
    # (the storm weakening by Thursday), and no scene fills the takeaways.
    assert len(summary.takeaways) <= 3
    assert all(what_to_watch(t.text) for t in summary.takeaways)
    assert 2 <= len(summary.paragraphs) <= 4
    assert all(2 <= len(p) <= 4 for p in summary.paragraphs)
    assert summary.article_ids == (11, 12, 13)
    assert summary.whats_new == ()


def test_headline_is_the_central_title_without_outlet_suffix(summary: Summary) -> None:
    assert summary.headline == "Port Elling tidal barrier closes for first time as storm surge hits"


def test_every_sentence_is_quoted_from_the_earliest_article_it_cites(summary: Summary) -> None:
    texts = {a.id: a.text for a in barrier_story()}
    for cited in all_cited(summary):
        assert cited.article_ids, cited
        assert cited.text in sentences_of(texts[cited.article_ids[0]]), cited


def test_shared_wire_fact_appears_once_credited_to_all_outlets(summary: Summary) -> None:
    wire = [c for c in all_cited(summary) if "3.2 metres" in c.text]
    assert len(wire) == 1
    assert wire[0].article_ids == (11, 12, 13)
    homes = [c for c in all_cited(summary) if "18,000 homes" in c.text]
    assert len(homes) == 1 and homes[0].article_ids == (11, 12)


def test_no_sentence_repeats_across_sections(summary: Summary) -> None:
    texts = [c.text for c in all_cited(summary)]
    assert len(texts) == len(set(texts))


def test_page_furniture_questions_and_datelines_are_left_out(summary: Summary) -> None:
    joined = " ".join(c.text for c in all_cited(summary))
    for unwanted in ("Read more", "Subscribe", "newsletter", "By Jonas", "Photo", "?", "LONDON"):
        assert unwanted not in joined
    assert not re.search(r"\(Coastal Wire\)|PORT ELLING", joined)


def test_main_event_is_bullet_one_and_paragraphs_follow_article_time_then_position(
    summary: Summary,
) -> None:
    stories = barrier_story()
    order: dict[str, tuple[int, int]] = {}
    for index, art in enumerate(stories):
        for position, sentence in enumerate(split_sentences(art.text)):
            order.setdefault(clean_sentence(sentence), (index, position))
    keys = []
    for cited in [c for p in summary.paragraphs for c in p][1:]:
        matches = [key for text, key in order.items() if cited.text == text]
        role = 2 if looks_ahead(cited.text) else 1 if is_reaction(cited.text) else 0
        keys.append((role, min(matches)))
    # After the opening sentence: what happened, then reactions, then what comes next, each in
    # reading order.
    assert keys == sorted(keys)
    # The fact all outlets report is the main event: bullet 1, and not repeated in the body.
    assert "3.2 metres" in summary.bullets[0].text


def test_word_budget_bounds_the_paragraphs() -> None:
    for budget in (40, 80, 120):
        result = ExtractiveSummarizer().summarize(1, barrier_story(), None, budget, T0)
        words = sum(len(c.text.split()) for p in result.paragraphs for c in p)
        # The last sentence may overshoot by less than stopping would have fallen short.
        assert words < 2 * budget
        assert abs(words - budget) <= 25


def test_output_is_deterministic_and_independent_of_input_order() -> None:
    summarizer = ExtractiveSummarizer()
    first = summarizer.summarize(1, barrier_story(), None, 100, T0)
    again = summarizer.summarize(1, list(reversed(barrier_story())), None, 100, T0)
    assert first == again


def test_single_article_story_uses_only_its_own_sentences() -> None:
    wire = barrier_story()[0]
    result = ExtractiveSummarizer().summarize(2, [wire], None, 220, T0)
    cited = all_cited(result)
    assert len(result.bullets) == 3
    assert all(c.article_ids == (11,) for c in cited)
    assert len({c.text for c in cited}) == len(cited)
    usable = sentences_of(wire.text)
    assert all(c.text in usable for c in cited)
    assert result.headline == "Port Elling tidal barrier closes for first time as storm surge hits"


def test_tiny_story_produces_what_the_text_supports() -> None:
    tiny = article(
        5, 1, "Coastal Wire", "", "Engineers closed the twelve steel gates on Tuesday.", 0
    )
    result = ExtractiveSummarizer().summarize(3, [tiny], None, 220, T0)
    cited = all_cited(result)
    assert [c.text for c in cited] == ["Engineers closed the twelve steel gates on Tuesday."]
    assert result.headline == "Engineers closed the twelve steel gates on Tuesday"


def test_article_without_usable_text_gives_an_empty_summary_with_its_title() -> None:
    empty = article(6, 1, "Coastal Wire", "Gates close - Coastal Wire", "Read more here.", 0)
    result = ExtractiveSummarizer().summarize(4, [empty], None, 220, T0)
    assert result.headline == "Gates close"
    assert all_cited(result) == [] and result.paragraphs == ()


def test_lead_is_used_when_the_body_is_missing() -> None:
    paywalled = replace(barrier_story()[0], text="", lead=WIRE)
    result = ExtractiveSummarizer().summarize(4, [paywalled], None, 220, T0)
    assert [c.text for c in all_cited(result)] == [WIRE]


def test_whats_new_lists_facts_only_the_new_article_brings() -> None:
    summarizer = ExtractiveSummarizer()
    first = summarizer.summarize(7, barrier_story(), None, 120, T0)
    articles = [*barrier_story(), barrier_followup()]
    assert needs_resummary(first, articles)
    second = summarizer.summarize(7, articles, first, 120, T0)
    assert second.version == 2
    assert second.article_ids == (11, 12, 13, 14)
    assert 1 <= len(second.whats_new) <= WHATS_NEW
    assert sum(len(c.text.split()) for c in second.whats_new) < 2 * 120
    assert all(c.article_ids == (14,) for c in second.whats_new)
    assert any("reopened" in c.text for c in second.whats_new)
    old_texts = {c.text for c in all_cited(first)}
    assert not old_texts & {c.text for c in second.whats_new}


def test_whats_new_is_empty_when_the_new_article_only_repeats_known_facts() -> None:
    summarizer = ExtractiveSummarizer()
    first = summarizer.summarize(7, barrier_story(), None, 120, T0)
    repeat = article(15, 4, "Skerra Post", "Barrier closes", WIRE + "\n" + WIRE, 90)
    second = summarizer.summarize(7, [*barrier_story(), repeat], first, 120, T0)
    assert second.whats_new == ()


def test_needs_resummary() -> None:
    story = barrier_story()
    assert needs_resummary(None, story)
    done = ExtractiveSummarizer().summarize(7, story, None, 120, T0)
    assert not needs_resummary(done, story)
    assert not needs_resummary(done, story[:2])  # a removed article is no reason
    assert needs_resummary(done, [*story, barrier_followup()])


def bag_of_words_embed(texts: list[str]) -> np.ndarray:
    """A small deterministic embedder: hashed word counts in 64 dimensions."""
    rows = np.zeros((len(texts), 64))
    for i, text in enumerate(texts):
        for word in re.findall(r"\w+", text.lower()):
            rows[i, sum(map(ord, word)) % 64] += 1.0
    return rows


def test_embed_callable_drives_salience() -> None:
    calls: list[int] = []

    def embed(texts: list[str]) -> np.ndarray:
        calls.append(len(texts))
        return bag_of_words_embed(texts)

    result = ExtractiveSummarizer(embed=embed).summarize(1, barrier_story(), None, 120, T0)
    assert calls and calls[0] > 10
    assert len(result.bullets) == 3
    wire = [c for c in all_cited(result) if "3.2 metres" in c.text]
    assert len(wire) == 1 and wire[0].article_ids == (11, 12, 13)


def test_embed_with_wrong_shape_is_a_summarize_error() -> None:
    summarizer = ExtractiveSummarizer(embed=lambda texts: np.zeros((1, 4)))
    with pytest.raises(SummarizeError, match=r"^summarize: embed returned shape"):
        summarizer.summarize(1, barrier_story(), None, 120, T0)


def test_bad_input_raises_summarize_errors() -> None:
    with pytest.raises(SummarizeError, match=r"^summarize: story 9 has no articles"):
        ExtractiveSummarizer().summarize(9, [], None, 120, T0)
    unstored = replace(barrier_story()[0], id=None)
    with pytest.raises(SummarizeError, match="without an id"):
        ExtractiveSummarizer().summarize(9, [unstored], None, 120, T0)


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        (
            "At least four people had died and eleven were missing.",
            {("dead", "4"), ("missing", "11")},
        ),
        ("The number of people killed by the flood rose to nine.", {("dead", "9")}),
        ("The storm's toll so far is four dead.", {("dead", "4")}),
        ("The storm killed 12 people on Rask Island.", {("dead", "12")}),
        ("Thirty people were rescued from the ferry.", set()),
    ],
)
def test_tallies_are_counts_of_the_dead_injured_and_missing(
    sentence: str, found: set[tuple[str, str]]
) -> None:
    assert tallies(sentence) == found


def test_a_later_count_of_the_same_kind_revises_an_earlier_one() -> None:
    early = "Officials on Rask Island said four people had died."
    late = "The number of people killed on Rask Island rose to nine."
    assert revises(early, late) and not revises(late, late)
    # Another storm's toll is not a revision: it names what the later count does not.
    assert not revises("Cyclone Dora killed sixty people on Rask Island in 1990.", late)
    assert not revises("Four ferries were cancelled on Rask Island.", late)


def test_provisional_states() -> None:
    assert provisional("The crew is safe for now in the refuge chamber.")
    assert provisional("Drillers hope to break through by morning.")
    assert not provisional("The drillers broke through at dawn.")


def test_a_revised_toll_and_a_provisional_state_leave_the_page_once_overtaken() -> None:
    first = [
        article(
            1,
            1,
            "island-post",
            "Storm floods Rask Island",
            "A storm flooded Rask Island overnight, cutting power to the port of Velm. "
            "Officials on Rask Island said four people had died and the harbour was closed. "
            "The ferry crews sheltering in the harbour master's office are safe for now. "
            "Engineers restored power to the hospital in Velm by noon.",
            0,
        ),
        article(
            2,
            2,
            "coast-news",
            "Rask Island storm: ferries suspended",
            "Ferries to Rask Island were suspended after the storm flooded the port of Velm. "
            "Officials on Rask Island said four people had died. "
            "The island's only bridge was closed for inspection.",
            30,
        ),
    ]
    later = article(
        3,
        1,
        "island-post",
        "Rask Island storm toll rises to nine as ferry crews are brought ashore",
        "The number of people killed by the storm on Rask Island rose to nine, officials said, "
        "as the ferry crews were brought ashore from the harbour. "
        "The harbour of Velm will reopen on Friday.",
        1200,
    )
    summary = ExtractiveSummarizer().summarize(1, [*first, later], None, words=120, now=T0)
    page = " ".join(c.text for c in all_cited(summary))
    assert "rose to nine" in page
    assert "four people had died" not in page
    assert "safe for now" not in page


def test_waits_and_waits_over() -> None:
    assert waits("The new ferry will wait at least a day longer, as gales exceed its limits.")
    assert waits("The vote is on hold until further notice.")
    assert not waits("The ferry sailed at dawn.")
    assert wait_over("The ferry sailed on Wednesday, a day later than planned.")
    assert wait_over("The launch went cleanly after a day's delay.")
    assert not wait_over("The agency warned of delays to the autumn timetable.")


def test_a_wait_announced_before_the_launch_leaves_the_page_once_it_happened() -> None:
    # The satellite story: the delay report's lede "will wait at least a day longer" stayed in
    # the body after the launch was reported "a day later than planned".
    delay = [
        article(
            1,
            1,
            "lab-news",
            "High winds hold the Kite-3 satellite on the pad at Holm Point",
            "The new Kite-3 weather satellite will wait at least a day longer, as high winds "
            "exceed the limits of its Brant rocket. The Holm Point space agency postponed the "
            "launch, citing winds at twelve kilometres altitude. Kite-3 carries a radar built "
            "at the University of Velm.",
            0,
        ),
        article(
            2,
            2,
            "coast-news",
            "Crowds wait out the wind at Holm Point",
            "Campers and schoolchildren pitched up on the headland at Holm Point to see the "
            "Kite-3 satellite fly. The Kite-3 satellite carries a radar built in Velm.",
            30,
        ),
    ]
    launched = article(
        3,
        3,
        "wire",
        "Holm Point launches Kite-3 weather satellite after one-day delay",
        "The Holm Point space agency launched its Kite-3 weather satellite on Wednesday, a day "
        "later than planned, after the high winds eased overnight. The Brant rocket lifted off "
        "at dawn and placed Kite-3 in a polar orbit.",
        1500,
    )
    before = ExtractiveSummarizer().summarize(1, delay, None, words=120, now=T0)
    assert "will wait at least a day longer" in " ".join(c.text for c in all_cited(before))
    summary = ExtractiveSummarizer().summarize(1, [*delay, launched], None, words=120, now=T0)
    page = " ".join(c.text for c in all_cited(summary))
    assert "a day later than planned" in page
    assert "will wait at least a day longer" not in page


def test_revised_figures_and_what_they_overtake() -> None:
    changes = revised_figures(
        "Harlow Group has raised its offer for Brant Mills to 74 crowns a share, valuing the "
        "mill at about 3.1 billion crowns."
    )
    assert changes == {("offer", "74", "crowns")}
    assert revised_figures("The bank cut its growth forecast to 2.1 percent.") >= {
        ("forecast", "2.1", "percent")
    }
    # A price moving is no change someone made; a toll is roles.tallies's.
    assert not revised_figures("Brant shares rose 7 percent to 71.5 crowns.")
    assert not revised_figures("Police raised the death toll to 12.")
    # Whole articles are read: one with no revision verb gives none, one in capitals is read.
    assert revised_figures("Brant Mills reopened on Monday at 74 crowns a share.") == frozenset()
    assert revised_figures("HARLOW RAISED ITS offer TO 80 crowns.") == {("offer", "80", "crowns")}
    assert revised_away("The offer, 66 crowns in cash for each share, beat hopes.", changes)
    assert revised_away("The offer values the mill at 2.8 billion crowns.", changes)
    assert not revised_away("Harlow offered 74 crowns a share.", changes)
    assert not revised_away("Brant shares jumped 20 percent, to 64 crowns.", changes)  # no offer
    assert not revised_away("The offer came on Monday.", changes)


def test_a_verdict_on_terms_a_later_report_changed_is_overtaken() -> None:
    changes = revised_figures("Orrin Foods has raised its bid for Tamsby Dairies to 41 crowns.")
    assert judged_away("Tamsby's directors say the bid undervalues the dairy.", changes)
    assert judged_away("The founders rejected the bid as too low on Tuesday.", changes)
    # A verdict on something else, or no verdict on the bid, is not the old terms' stance.
    assert not judged_away("Tamsby's directors say the price of milk is too low.", changes)
    assert not judged_away("The bid came a week after Tamsby's results.", changes)
    assert not judged_away("Tamsby's directors say the bid undervalues the dairy.", frozenset())


def test_the_boards_verdict_on_the_first_offer_leaves_the_page_once_it_was_raised() -> None:
    # A verdict on the first terms read under "raises offer" tells a stance the board no
    # longer holds: the later report has it engaging.
    first = [
        article(
            1,
            1,
            "wire",
            "Orrin Foods bids for Tamsby Dairies",
            "Orrin Foods has offered 36 crowns a share for Tamsby Dairies, the cheese maker that "
            "employs 700 people in Hallam. In a statement to the Hallam exchange, the directors "
            "of Tamsby said the cash bid undervalues the dairy and its cheese brands. Orrin said "
            "it had lined up financing from three banks.",
            0,
        ),
    ]
    raised = article(
        2,
        2,
        "wire",
        "Orrin raises Tamsby Dairies bid to 41 crowns",
        "Orrin Foods has raised its bid for Tamsby Dairies to 41 crowns a share and promised to "
        "keep the Hallam creamery open. The chairman, Edvin Lark, said the board would now talk "
        "to the bidder. Farmers who supply the creamery welcomed the promise.",
        2000,
    )
    before = ExtractiveSummarizer().summarize(1, first, None, words=120, now=T0)
    assert "undervalues" in " ".join(c.text for c in all_cited(before))
    summary = ExtractiveSummarizer().summarize(1, [*first, raised], None, words=120, now=T0)
    page = " ".join(c.text for c in all_cited(summary))
    assert "41 crowns" in page
    assert "undervalues" not in page


def test_the_first_offer_leaves_the_page_once_a_later_report_says_it_was_raised() -> None:
    # The steel takeover story: "The offer, 62 crowns in cash for each share, ..." from the
    # bid's first day stayed in the body under the headline "raises offer to 68 crowns".
    bid = [
        article(
            1,
            1,
            "wire",
            "Harlow Group bids 2.8 billion crowns for Brant Mills",
            "Harlow Group has offered 2.8 billion crowns for Brant Mills, the paper maker that "
            "employs 900 people in Velm. The offer, 66 crowns in cash for each share, is 30 "
            "percent above the price at which Brant closed on Friday. Brant's board said it "
            "would study the proposal.",
            0,
        ),
        article(
            2,
            2,
            "city-news",
            "Velm paper workers wary of Harlow bid",
            "Workers at Brant Mills in Velm want guarantees from Harlow Group. The offer, 66 "
            "crowns in cash for each share, needs the backing of Brant's board.",
            60,
        ),
    ]
    raised = article(
        3,
        3,
        "wire",
        "Harlow raises Brant Mills offer to 74 crowns",
        "Harlow Group has raised its offer for Brant Mills to 74 crowns a share and promised "
        "to keep the Velm mill open for ten years. Brant's board said it would now engage.",
        2000,
    )
    before = ExtractiveSummarizer().summarize(1, bid, None, words=120, now=T0)
    assert "66 crowns" in " ".join(c.text for c in all_cited(before))
    summary = ExtractiveSummarizer().summarize(1, [*bid, raised], None, words=120, now=T0)
    page = " ".join(c.text for c in all_cited(summary))
    assert "74 crowns" in page
    assert "66 crowns" not in page and "2.8 billion" not in page


def test_ongoing_states() -> None:
    assert ongoing("The miners have been in the chamber since just after midnight.")
    assert ongoing("Ferries has been suspended since the storm struck.")
    # Past perfect or no "since": a finished state, not one that lasted until the report.
    assert not ongoing("The pit had been closed since 1990 before it reopened.")
    assert not ongoing("The crews have been brought ashore.")


def test_a_state_lasting_until_an_early_report_leaves_the_page_once_the_story_moves_on() -> None:
    first = [
        article(
            1,
            1,
            "island-post",
            "Storm floods Rask Island",
            "A storm flooded Rask Island overnight, cutting power to the port of Velm. "
            "The ferry crews have been sheltering in the harbour master's office since midnight. "
            "Engineers restored power to the hospital in Velm by noon.",
            0,
        ),
        article(
            2,
            2,
            "coast-news",
            "Storm floods Rask Island",
            "Ferries to Rask Island were suspended after the storm flooded the port of Velm. "
            "The island's only bridge was closed for inspection.",
            30,
        ),
    ]
    later = article(
        3,
        2,
        "coast-news",
        "Storm floods Rask Island: ferry crews brought ashore",
        "Ferry crews stranded on Rask Island by the storm floods were brought ashore from the "
        "harbour of Velm, officials said. "
        "The harbour of Velm will reopen on Friday.",
        1200,
    )
    summary = ExtractiveSummarizer().summarize(1, [*first, later], None, words=120, now=T0)
    page = " ".join(c.text for c in all_cited(summary))
    assert "brought ashore" in summary.bullets[0].text
    assert "since midnight" not in page
    assert "restored power to the hospital" in page


def _lake_story() -> list[Article]:
    first = (
        "Swimming was banned on Thursday at Serin beach in Holloway after walkers reported a "
        "thick green scum of blue-green algae along the jetty.\n\n"
        "Samples from Serin beach were sent to the regional laboratory in Kastel, and results "
        "are expected within a day.\n\n"
        "Signs have been put up at the entrance to Serin beach, and dog owners are asked to keep "
        "their dogs on a lead by the water.\n\n"
        "Paddle boats and pedalos are suspended on the north shore of Lake Serin."
    )
    second = (
        "Tests confirmed that the water at Serin beach holds microcystin, a toxin made by "
        "blue-green algae, at 14 micrograms per litre, above the limit of 10 for bathing.\n\n"
        "Fishing in that part of Lake Serin is also advised against, and pedalos stay moored on "
        "the north shore.\n\n"
        "The laboratory in Kastel found the toxin above the health limit at Serin beach; tap "
        "water in Holloway is not affected.\n\n"
        "Signs at Serin beach now warn dog owners to keep their dogs out of the water.\n\n"
        "Mayor Ines Kolar of Holloway extended the swimming ban by at least ten days."
    )
    return [
        article(
            61, 1, "Lakeside Post", "Blue-green algae: swimming banned at Serin beach", first, 0
        ),
        article(
            62,
            1,
            "Lakeside Post",
            "Algae toxins confirmed at Serin beach, swimming ban extended by ten days",
            second,
            60 * 24,
        ),
    ]


def test_what_the_reports_title_adds_to_bullet_one_is_the_next_bullet() -> None:
    # The algae quirk: bullet 1 states the confirmed toxins; the title of its report also says
    # the ban was extended, and that fact (the report's last, least central sentence) must not
    # lose the next bullet to better-connected details.
    story = _lake_story()
    summary = ExtractiveSummarizer().summarize(8, story, None, words=120, now=T0)
    assert summary.bullets[0].text.startswith("Tests confirmed")
    assert summary.bullets[1].text.startswith("Mayor Ines Kolar"), summary.bullets


def test_a_story_of_untitled_feed_items_states_its_main_event_once() -> None:
    # Microblog and some JSON Feed items carry no title: the headline falls back to the main
    # event's sentence, and the bullets must not state it a second time.
    untitled = [replace(a, title="") for a in barrier_story()]
    result = ExtractiveSummarizer().summarize(8, untitled, None, words=120, now=T0)
    titled = ExtractiveSummarizer().summarize(8, barrier_story(), None, words=120, now=T0)
    assert result.headline == titled.bullets[0].text.rstrip(".")
    statements = [c.text.rstrip(".") for c in all_cited(result)]
    assert result.headline not in statements
    assert [b.text for b in result.bullets] == [b.text for b in titled.bullets[1:]]


def test_a_two_lede_story_of_untitled_items_does_not_repeat_its_headline_as_bullet_1() -> None:
    # Roundup sets (NeuS, Multi-News) give each outlet's lead paragraph without a title. When
    # the second lede's main statement tells the first again ("A county judge blocked the fare
    # rise on Tuesday") and only its elaboration is news, it cannot be a bullet: the story had
    # one bullet, the main event, and under a headline made of that same sentence the page said
    # it twice.
    first_lede = (
        "A county judge in Varna on Tuesday halted the new ferry fare rise for island residents,"
        " ruling that the operator had not consulted the islands as its licence requires."
    )
    second_lede = (
        "A Varna judge blocked the ferry fare rise on Tuesday, which leaves the winter timetable"
        " of the Skerra Shipping Company, its crew contracts signed last month and two vessels"
        " ordered from Gdansk yards in doubt."
    )
    story = [
        article(81, 1, "Island Post", "", first_lede, 0),
        article(82, 2, "Harbour Daily", "", second_lede, 5),
    ]
    result = ExtractiveSummarizer().summarize(9, story, None, words=70, now=T0)
    page = [result.headline, *(c.text.rstrip(".") for c in all_cited(result))]
    assert len(page) == len(set(page)), page
    assert result.bullets and "winter timetable" in result.bullets[0].text, page


def test_an_untitled_page_of_one_statement_heads_it_with_its_main_statement() -> None:
    # One report, no title, one usable sentence: the headline made of that sentence and bullet 1
    # would show it twice. The headline is the sentence's head that states the event alone; the
    # bullet keeps the whole sentence and its citation.
    lede = (
        "The Elling county board will close the Quay Street toll booth next spring,"
        " a relic of the ferry tolls the islands paid until the bridge opened."
    )
    story = [article(91, 1, "Island Post", "", lede, 0)]
    result = ExtractiveSummarizer().summarize(10, story, None, words=70, now=T0)
    assert result.headline == (
        "The Elling county board will close the Quay Street toll booth next spring"
    )
    assert [(b.text, b.article_ids) for b in result.bullets] == [(lede, (91,))]


def test_an_untitled_page_of_one_fact_told_twice_heads_the_longer_wording_with_the_shorter() -> (
    None
):
    # Two outlets' leads tell one fact in other words (a repeat, so the page has no second
    # statement) and the first has no head that states the event alone: under a headline made
    # of it, bullet 1 showed the same sentence again. The other outlet's wording is the other
    # line: the shorter heads the longer, as a title heads the lede that tells it with more.
    first = (
        "The Elling county board voted on Monday night to give the Quay Street primary school in"
        " the harbour district the name of the late island poet Mara Lind."
    )
    second = (
        "A mostly fishing-family primary school on the harbour front in Elling, named for a"
        " shipping magnate of the 1890s, will be renamed for the late island poet Mara Lind by"
        " the county board in September."
    )
    story = [
        article(91, 1, "Island Post", "", first, 0),
        article(92, 2, "Harbour Daily", "", second, 5),
    ]
    result = ExtractiveSummarizer().summarize(10, story, None, words=70, now=T0)
    assert result.headline == first.rstrip(".")
    assert [(b.text, b.article_ids) for b in result.bullets] == [(second, (92,))]


def test_without_titles_the_lede_stands_in_for_the_title_so_an_angle_does_not_lead() -> None:
    # A roundup's lead paragraphs come without titles. The article whose lede the other
    # articles tell most is the report; an angle's short opening ("Under the storms, Varna
    # moves to ...") can be the most central sentence, yet the others tell little of it.
    texts = [
        "On this harvest weekend, as we give thanks for the year's crops, we might also spare a"
        " thought for the struggles nobody sees. One of them is unfolding across the strait in"
        " the port city called Skerra.",
        "Thousands of islanders filled the streets of downtown Skerra on Sunday, defying storm"
        " warnings to protest the announcement by Varna of a sweeping new ferry law that could"
        " end many of the crossings residents rely on in the island region of Varna. Police used"
        " barriers to hold back the marchers.",
        "Under the storms, Varna moves to end Skerra ferry crossings. Varna has announced it will"
        " take control of the Skerra ferries by imposing a sweeping ferry law, bypassing the"
        " island's elected council.",
    ]
    story = [article(91 + k, 1 + k, f"Outlet {k}", "", text, 5 * k) for k, text in enumerate(texts)]
    result = ExtractiveSummarizer().summarize(10, story, None, words=70, now=T0)
    assert result.headline.startswith("Thousands of islanders filled the streets"), result.headline


# Three outlets' lead paragraphs on one council decision (invented), without titles.
BRIDGE_LEDE = (
    "The Dunmore city council on Monday approved a plan to close the Harbour Street bridge to cars"
    " from June, after engineers found cracks in two of its supports."
)
BRIDGE_RESTATED = (
    "Cars will be barred from the Harbour Street bridge in Dunmore from June, councillors decided"
    " on Monday."
)
BRIDGE_TEXTS = [
    f"{BRIDGE_LEDE} Cyclists and walkers will still be able to cross.",
    f"{BRIDGE_RESTATED} The bridge carries about 9,000 cars a day.",
    "Engineers found cracks in two supports of the Harbour Street bridge in Dunmore last month,"
    " the council's report says. A new bridge would cost 40 million euros.",
]


def bridge_story(minutes: tuple[int, int, int] = (0, 5, 10)) -> list[Article]:
    return [
        article(71 + k, 1 + k, f"Outlet {k}", "", text, at)
        for k, (text, at) in enumerate(zip(BRIDGE_TEXTS, minutes, strict=True))
    ]


def test_without_titles_another_reports_restatement_of_bullet_1_is_the_headline() -> None:
    # A title is another wording of its article's lede. Without titles, the report whose
    # opening bullet 1 restates in a line ("Cars will be barred from the bridge ...") gives the
    # headline, and bullet 1 follows it whole, as on a titled page. The sentence about the
    # cracks shares more of bullet 1's words, but those of its background ("after engineers
    # found cracks ..."): bullet 1's main clause restates it less, and it is not taken.
    result = ExtractiveSummarizer().summarize(7, bridge_story(), None, words=70, now=T0)
    assert result.headline == BRIDGE_RESTATED.rstrip(".")
    assert result.bullets[0].text == BRIDGE_LEDE
    statements = [c.text.rstrip(".") for c in all_cited(result)]
    assert result.headline not in statements
    assert len(statements) == len(set(statements))


LIBRARY_TEXTS = [
    "The Orvale council on Tuesday voted to close the Marrow Lane library, ending a hundred years"
    " of lending in the old mill district where the reading room once doubled as a dance hall and"
    " the town band rehearsed on winter evenings. The building dates from 1921.",
    "Orvale's Marrow Lane library will close in June. The council voted on Tuesday to shut it and"
    " move its books to the town hall.",
    "The Marrow Lane library will close in June, Orvale's council decided. Its books will move to"
    " the town hall.",
]


def test_without_titles_a_long_lede_does_not_make_short_ledes_angles_by_its_length() -> None:
    # Each untitled article's first sentence stands in for its title; counted whole, the long
    # lede's words about the mill district would put the two short plain ledes under the
    # report line (lede.REPORT_SHARE) for its length alone. Its head, which tells what the
    # others share, stands in (lede.stand_in_title): all three read as reports, and another
    # report's opening restating bullet 1 in a line heads the page.
    story = [
        article(81 + k, 1 + k, f"Outlet {k}", "", t, 5 * k) for k, t in enumerate(LIBRARY_TEXTS)
    ]
    plan = _Plan(story, None, None)
    plan.main_event()
    assert plan.reports == [0, 1, 2]
    result = ExtractiveSummarizer().summarize(8, story, None, words=70, now=T0)
    assert result.headline == "Orvale's Marrow Lane library will close in June"
    assert result.bullets[0].text.startswith("The Orvale council on Tuesday voted to close")


def test_without_titles_a_long_restatement_heads_the_page_with_its_headline_statement() -> None:
    # Another report's opening too long for a line restates bullet 1 before a closing
    # appositive (", a relief for ..."): its head is the line, as a title would be
    # (clip.headline_statement), and bullet 1 follows whole.
    restated = (
        "Cars will be barred from the Harbour Street bridge in Dunmore from June, councillors "
        "decided on Monday, a relief for the engineers who had warned for months that its two "
        "cracked supports could fail under heavy traffic."
    )
    texts = [
        BRIDGE_TEXTS[0],
        f"{restated} The bridge carries about 9,000 cars a day.",
        BRIDGE_TEXTS[2],
    ]
    story = [article(71 + k, 1 + k, f"Outlet {k}", "", t, 5 * k) for k, t in enumerate(texts)]
    result = ExtractiveSummarizer().summarize(7, story, None, words=70, now=T0)
    assert result.headline == (
        "Cars will be barred from the Harbour Street bridge in Dunmore from June, councillors "
        "decided on Monday"
    )
    assert result.bullets[0].text == BRIDGE_LEDE


def test_without_titles_a_restatement_with_no_head_heads_the_page_whole() -> None:
    # Another report's opening restating bullet 1, too long for a line and with no head to cut
    # (no appositive, no aside): the page would otherwise be headed by bullet 1's own sentence,
    # so a restatement no longer than that heads it whole, and bullet 1 follows.
    restated = (
        "Cars will be barred from the Harbour Street bridge in Dunmore from June under a plan"
        " that nine of the eleven city councillors backed late on Monday."
    )
    assert len(BRIDGE_LEDE.split()) >= len(restated.split()) > 25
    texts = [
        BRIDGE_TEXTS[0],
        f"{restated} The bridge carries about 9,000 cars a day.",
        BRIDGE_TEXTS[2],
    ]
    story = [article(71 + k, 1 + k, f"Outlet {k}", "", t, 5 * k) for k, t in enumerate(texts)]
    result = ExtractiveSummarizer().summarize(7, story, None, words=70, now=T0)
    assert result.headline == restated.rstrip(".")
    assert result.bullets[0].text == BRIDGE_LEDE
    assert restated not in [c.text for c in all_cited(result)]
    # Longer than bullet 1, it heads no page: a line is no longer than the sentence below it.
    longer = restated.replace("late on Monday", "at a session on Monday")
    texts[1] = f"{longer} The bridge carries about 9,000 cars a day."
    story = [article(71 + k, 1 + k, f"Outlet {k}", "", t, 5 * k) for k, t in enumerate(texts)]
    result = ExtractiveSummarizer().summarize(7, story, None, words=70, now=T0)
    assert result.headline != longer.rstrip(".")


def test_a_restatement_from_another_days_report_is_no_headline() -> None:
    # A report of another day tells another moment: its opening does not stand in for a title
    # of bullet 1's, and the headline falls back to bullet 1's own sentence.
    day = 24 * 60
    result = ExtractiveSummarizer().summarize(
        7, bridge_story((0, day, 2 * day)), None, words=70, now=T0 + timedelta(days=2)
    )
    assert result.headline == BRIDGE_LEDE.rstrip(".")
    assert BRIDGE_LEDE not in [c.text for c in all_cited(result)]


# A feature about a ferry line's cancelled winter sailings (invented): its opening sets a scene in
# a "When ..." frame; its standfirst tells the news.
FERRY_SCENE = (
    "When Osterby Ferries cancelled its winter sailings to Gull Island, families on the island "
    "gathered in the harbour cafe to plan a winter without the boat."
)
FERRY_STANDFIRST = (
    "Osterby Ferries will not sail to Gull Island from December to March, and islanders have "
    "asked the county for a boat of their own."
)


def ferry_feature(lead: str) -> Article:
    feature = article(
        32,
        2,
        "Island Post",
        "Gull Island families face winter alone as Osterby Ferries cancels sailings",
        f"{FERRY_SCENE}\n\nSome of them remember the winter of 1998, when the island was cut off "
        "for three weeks.\n\nThe county said it would consider the request for a boat at its "
        "next meeting.\n\nOsterby Ferries blamed a shortage of crew for the cancelled winter "
        "sailings.",
        60,
    )
    return replace(feature, lead=lead)


def test_a_feature_opening_on_a_scene_gives_bullet_1_to_its_standfirst() -> None:
    summary = ExtractiveSummarizer().summarize(
        8, [ferry_feature(FERRY_STANDFIRST)], None, words=80, now=T0
    )
    assert summary.bullets[0].text == FERRY_STANDFIRST
    # The scene is no bullet either: read alone, a bullet reports.
    assert FERRY_SCENE not in {b.text for b in summary.bullets}


def test_without_a_standfirst_the_scene_opening_still_leads() -> None:
    # Narrow on purpose: a feature opening is not refused, only given way to a standfirst.
    summary = ExtractiveSummarizer().summarize(8, [ferry_feature("")], None, words=80, now=T0)
    assert summary.bullets[0].text == FERRY_SCENE


# A short story (invented): beyond its lede, most sentences lean on the sentence before them.
DEBATE_TEXTS = [
    "Governor Alma Reyes of Norland lost Tuesday's televised debate to her challenger, Tomas"
    " Brandt, according to a snap poll of 900 viewers. The performance sent her party's donors"
    " into a panic. That number was the lowest for a sitting governor since 1994.",
    "Tomas Brandt beat Governor Alma Reyes in the Norland debate on Tuesday, a snap poll found."
    " He now leads in three of the state's four regions. The mood was jubilant by midnight.",
    "Norland's governor, Alma Reyes, trailed Tomas Brandt after Tuesday's debate, a poll showed."
    " Reyes will meet Brandt again in a second debate in Port Amsel on October 9.",
]


def test_a_short_page_shows_no_paragraph_that_points_at_what_it_never_says() -> None:
    # When the self-contained facts run out, the page shows fewer paragraphs rather than a
    # leftover whose opening names no one ("The performance ...", "That number ...", "He ...").
    story = [
        article(81 + k, 1 + k, f"Outlet {k}", "Reyes loses Norland debate", text, 5 * k)
        for k, text in enumerate(DEBATE_TEXTS)
    ]
    result = ExtractiveSummarizer().summarize(11, story, None, words=120, now=T0)
    shown = [c.text for c in all_cited(result)]
    assert any("Alma Reyes" in text for text in shown), shown
    for text in shown:
        assert not text.startswith(("The performance", "That number", "He now", "The mood")), shown


# Three reports of one ferry record (invented); only the second's title speaks of "numbers".
FERRY_STORY = [
    (
        "Dunmore ferry carries record 41,000 passengers in June",
        "The Dunmore ferry carried a record 41,000 passengers in June, the harbour board said on"
        " Friday. The board will add a second boat on the route in August.",
    ),
    (
        "Ferry numbers soar",
        "The Dunmore ferry carried a record 41,000 passengers in June, the harbour board said."
        " The numbers were the highest since the route opened in 1994.",
    ),
    (
        "Record 41,000 passengers take Dunmore ferry in June",
        "A record 41,000 passengers took the Dunmore ferry in June, the harbour board said on"
        " Friday. Fares on the route have not risen since 2029.",
    ),
]


def test_a_word_only_an_unshown_title_gives_does_not_resolve_an_opening() -> None:
    # "The numbers were ..." leans on the second outlet's title; the page shows another
    # headline, so the reader was never told which numbers.
    story = [
        article(61 + k, 1 + k, f"Outlet {k}", title, text, 5 * k)
        for k, (title, text) in enumerate(FERRY_STORY)
    ]
    result = ExtractiveSummarizer().summarize(12, story, None, words=120, now=T0)
    assert "numbers" not in result.headline.lower(), result.headline
    openings = [
        *(b.text for b in result.bullets),
        *(p[0].text for p in result.paragraphs if p),
        *(t.text for t in result.takeaways),
    ]
    assert not any(text.startswith("The numbers") for text in openings), openings


def test_a_later_report_of_a_consequence_is_a_bullet() -> None:
    # A match reported by two outlets, then a later report of what followed it: the coach of
    # the beaten side dismissed. Bullet 1 stays the match (the later lede does not restate its
    # title); the latest key fact is still on the page as a bullet, not left to the paragraphs.
    match = [
        article(
            1,
            1,
            "Valley Sport",
            "Brisa Rovers thrash Oldmoor United to reach cup final",
            "Brisa Rovers beat Oldmoor United 4-0 at the Tarn Road ground on Saturday to reach "
            "the league cup final for the first time. "
            "Winger Pavo Selin scored twice in the first half. "
            "The crowd of 6,200 was the ground's largest this season. "
            "Oldmoor United have now lost six cup and league matches in a row. "
            "Brisa Rovers coach Erik Vant praised his defence.",
            0,
        ),
        article(
            2,
            2,
            "Northern Post",
            "Brisa Rovers beat Oldmoor United 4-0 to reach cup final",
            "Brisa Rovers reached the league cup final for the first time with a 4-0 win over "
            "Oldmoor United at the Tarn Road ground. "
            "Pavo Selin scored twice before half-time for Brisa Rovers. "
            "Travelling Oldmoor United fans booed their team off at the final whistle. "
            "The final will be played in Carrow in May.",
            20,
        ),
    ]
    later = article(
        3,
        1,
        "Valley Sport",
        "Oldmoor United dismiss coach Anika Lund after Brisa Rovers defeat",
        "Oldmoor United have dismissed coach Anika Lund, less than a day after a 4-0 defeat at "
        "Brisa Rovers ended their league cup run and extended their losing streak to six "
        "matches. "
        "Assistant coach Tomas Berg will take charge of the team for Tuesday's league match. "
        "The club thanked Lund for her three seasons in charge.",
        1200,
    )
    summary = ExtractiveSummarizer().summarize(1, [*match, later], None, words=120, now=T0)
    bullets = [b.text for b in summary.bullets]
    assert "beat Oldmoor United 4-0" in bullets[0] or "4-0 win" in bullets[0]
    assert any("dismissed coach Anika Lund" in b for b in bullets[1:])


def comets_story() -> list[Article]:
    """Three outlets on one title win; two open on it again in their own words."""
    return [
        article(
            31,
            1,
            "Harlow Post",
            "Harlow Comets win first league title in 40 years",
            "The Harlow Comets won their first league title in 40 years on Sunday, beating "
            "Dunmore United 2-1 in the final at Fenwick Park.\n\n"
            "Striker Ayo Brenner scored both goals for the Comets in the second half.\n\n"
            "About 18,000 fans watched the final, the largest crowd at Fenwick Park since it "
            "opened.\n\nThe Comets will parade the trophy through Harlow on Tuesday.",
            0,
        ),
        article(
            32,
            2,
            "Northern Sport",
            "Comets end long wait for league crown",
            "A dramatic final saw the Harlow Comets end their league title drought against "
            "Dunmore.\n\nDunmore United had led the table for most of the season before a late "
            "slump.\n\nBrenner's second goal came four minutes from time.\n\n"
            "The Comets' manager, Petra Voss, said the win belonged to the town.",
            20,
        ),
        article(
            33,
            3,
            "Harlow Radio",
            "Harlow celebrates Comets' league title",
            "Thousands of fans filled Harlow's market square on Sunday night to celebrate the "
            "Comets' title.\n\nThe Harlow Comets broke the longest title drought in the league."
            "\n\nPolice said the celebrations passed off peacefully.",
            40,
        ),
    ]


def test_another_reports_opening_retelling_bullet_one_is_no_bullet() -> None:
    articles = comets_story()
    plan = _Plan(sorted(articles, key=lambda a: a.published), None, None)
    main = plan.main_event()
    retelling = {plan.shown[i] for i in plan._retelling(main)}
    assert retelling == {
        "A dramatic final saw the Harlow Comets end their league title drought against Dunmore.",
        "The Harlow Comets broke the longest title drought in the league.",
    }
    summary = ExtractiveSummarizer().summarize(1, articles, None, words=80, now=T0)
    assert summary.bullets[0].text.startswith("The Harlow Comets won their first league title")
    assert not {b.text for b in summary.bullets} & retelling


def test_a_retelling_after_a_feature_opening_is_in_that_reports_opening() -> None:
    # A fourth outlet opens on a feature's colour (a sentence of pronouns and a greeting to its
    # reader, which name no one) under a standfirst: its first statement naming someone is its
    # 4th sentence, past LEDE_WINDOW by position, yet the first of its opening as main_event
    # reads it (_openings), and it tells bullet 1's title win again.
    feature = replace(
        article(
            34,
            4,
            "Town Weekly",
            "Meet the Comets: Harlow's happiest team",
            "It has been a long wait, and it was worth every minute of it. Say hello to the "
            "champions.\n\nThe Harlow Comets, champions at last, won the league title for the "
            "first time in 40 years on Sunday.\n\nThe squad trains on a school pitch twice a "
            "week.",
            60,
        ),
        lead="A small club with a big heart has the town singing.",
    )
    articles = [*comets_story(), feature]
    plan = _Plan(sorted(articles, key=lambda a: a.published), None, None)
    main = plan.main_event()
    assert plan.shown[main].startswith("The Harlow Comets won their first league title")
    retold = next(
        i for i, text in enumerate(plan.shown) if text.startswith("The Harlow Comets, champions")
    )
    assert min(plan.candidates[m].position for m in plan.facts[retold].members) >= 3
    assert retold in plan._retelling(main)
    summary = ExtractiveSummarizer().summarize(1, articles, None, words=80, now=T0)
    assert not any(b.text.startswith("The Harlow Comets, champions") for b in summary.bullets)


# A second outlet's lead paragraph on the bridge (invented), long enough for a bullet to clip it.
BRIDGE_SECOND_LEDE = (
    "Dunmore will spend 40 million euros on a second crossing of the river Lane, which engineers"
    " say could open within four years, once the old Harbour Street bridge closes to cars."
)


def second_lede_story(titles: tuple[str, str, str]) -> list[Article]:
    texts = [
        f"{BRIDGE_LEDE} Cyclists and walkers will still be able to cross.",
        f"{BRIDGE_SECOND_LEDE} Shops on the quay fear losing trade.",
        "Engineers found cracks in two supports of the Harbour Street bridge in Dunmore last"
        " month, the council's report says. The bridge carries about 9,000 cars a day.",
    ]
    return [
        article(71 + k, 1 + k, f"Outlet {k}", title, text, 5 * k)
        for k, (title, text) in enumerate(zip(titles, texts, strict=True))
    ]


def test_without_titles_another_reports_lede_is_a_whole_bullet() -> None:
    # Without titles, another report's opening is the one line in which its outlet summed the
    # story up: it is the next bullet, whole ("which engineers say could open within four
    # years" is that outlet's key fact), as bullet 1 is shown whole.
    untitled = ExtractiveSummarizer().summarize(
        7, second_lede_story(("", "", "")), None, words=70, now=T0
    )
    assert untitled.bullets[0].text == BRIDGE_LEDE
    assert BRIDGE_SECOND_LEDE in [c.text for c in untitled.bullets]
    # With titles, the headline gives the outlets' wordings, and bullets 2-3 stay short: the
    # long lede shows its main statement.
    titled = ExtractiveSummarizer().summarize(
        7,
        second_lede_story(
            (
                "Dunmore bridge to close to cars",
                "Dunmore to build a second bridge",
                "Cracks found in Dunmore bridge",
            )
        ),
        None,
        words=70,
        now=T0,
    )
    shown = [c.text for c in titled.bullets]
    assert BRIDGE_SECOND_LEDE not in shown
    assert "Dunmore will spend 40 million euros on a second crossing of the river Lane." in shown


def test_a_whole_lede_bullet_is_not_told_again_by_the_next_bullet() -> None:
    # The lede shown whole says when the crossing could open; a later bullet saying only that
    # ("A new crossing could open within four years") repeats it, though it does not repeat
    # the lede's main statement alone.
    repeat = "A new crossing could open within four years, engineers say."
    story = second_lede_story(("", "", ""))
    story.append(
        article(
            74,
            4,
            "Outlet 3",
            "",
            "The council in Dunmore voted on Monday to shut the Harbour Street bridge to cars from"
            f" June, citing cracks in two supports. {repeat} Buses will be rerouted over the Mill"
            " Road bridge.",
            15,
        )
    )
    result = ExtractiveSummarizer().summarize(7, story, None, words=70, now=T0)
    shown = [c.text for c in result.bullets]
    assert BRIDGE_SECOND_LEDE in shown
    assert repeat not in [c.text for c in all_cited(result)]


def test_a_deed_done_later_than_planned_is_no_step_ahead() -> None:
    # "Later than planned" and "as planned" compare what happened with the plan: the launch is
    # what happened, told with the page's other facts, not among what comes next.
    assert not looks_ahead("The Brenn-3 satellite lifted off on Tuesday, a day later than planned.")
    assert not looks_ahead("The ferry sailed as planned despite the gale.")
    assert looks_ahead("The council planned a second vote for March.")
    assert looks_ahead("The satellite will reach its final orbit next week.")


AFFECTED = "The Product Safety Office says about 12,500 speakers are affected."


def _speaker_recall() -> list[Article]:
    first = (
        "Harrow Audio is recalling about 12,500 Lark 2 wireless speakers after reports of fires "
        "in three homes.\n\n"
        "The company blamed a faulty charging board made by its supplier, Denby Circuits.\n\n"
        "The Veland Product Safety Office said it had ordered shops to stop selling the Lark 2 "
        "and opened an inquiry into Harrow Audio.\n\n"
        f"{AFFECTED}\n\n"
        "Owners will get a full refund or a new speaker, the company said."
    )
    second = (
        "Harrow Audio has recalled 12,500 Lark 2 speakers, its best-selling model, after three "
        "house fires.\n\n"
        "Chief executive Mira Holt apologised and said a new charging board would be fitted "
        "from March.\n\n"
        "Shops in Tarrow reported long queues of owners returning the speakers on Saturday.\n\n"
        "Analysts at Kell Partners expect the recall to cost Harrow Audio about 4 million crowns."
    )
    return [
        article(
            71,
            1,
            "Harbour Wire",
            "Harrow Audio recalls 12,500 Lark 2 speakers after fires",
            first,
            0,
        ),
        article(72, 2, "Coast Post", "Lark 2 speaker recall: Harrow Audio apologises", second, 30),
    ]


def test_a_statement_whose_facts_the_page_told_leaves_the_page(monkeypatch) -> None:
    # The count is bullet 1's and the office the paragraph before's (toldagain.py): the words
    # go to a fact of its own, the queues in Tarrow.
    page = [
        c.text
        for c in all_cited(
            ExtractiveSummarizer().summarize(9, _speaker_recall(), None, words=120, now=T0)
        )
    ]
    assert AFFECTED not in page
    assert any(t.startswith("Shops in Tarrow") for t in page)
    monkeypatch.setattr(_Plan, "_told_again", lambda self, *args: set())
    without = ExtractiveSummarizer().summarize(9, _speaker_recall(), None, words=120, now=T0)
    assert AFFECTED in [c.text for c in all_cited(without)]


def test_a_description_or_a_view_is_no_bullet_while_facts_are_left() -> None:
    # A toy maker's sales milestone (eventfacts.py): how the toy works is a review's content and
    # the founder's view is a stance; the money, the hiring and the next toy are the news.
    milestone = article(
        41,
        1,
        "Makers Weekly",
        "Brandt & Sons sells its millionth wooden tram",
        "Brandt & Sons, a family workshop in Oldmoor, has sold its millionth wooden tram in the "
        "three years since the toy went on sale, the company announced on Tuesday.\n\n"
        "Children push the little tram along a track of painted valleys and bridges.\n\n"
        "Most of the toy's appeal lies in its wooden wheels, carved on an old lathe.\n\n"
        "Founder Ilse Brandt argues that the value was never in the toy itself.\n\n"
        "The company will use the money to hire six carpenters and to open a shop in Carrow "
        "next spring.\n\n"
        "Sales of the tram rose by 40 percent last year, to 310,000 toys.",
        0,
    )
    summary = ExtractiveSummarizer().summarize(1, [milestone], None, words=120, now=T0)
    bullets = [b.text for b in summary.bullets]
    assert bullets[0].startswith("Brandt & Sons, a family workshop in Oldmoor, has sold")
    assert not any(b.startswith(("Children push", "Most of the toy", "Founder")) for b in bullets)
    shown = {c.text for c in all_cited(summary)}
    assert "Children push the little tram along a track of painted valleys and bridges." in shown
