"""The demo's summaries read like an editor's: checked through the pipeline's summarizer stage."""

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from newsloom.demo.newsroom import DemoStory, load_newsroom
from newsloom.eval.readability import demo_articles, evaluate_readability, event_share
from newsloom.pipeline.summaries import summarize_story
from newsloom.records import Cited, Summary
from newsloom.settings import Settings
from newsloom.summarize import build_summarizer
from newsloom.summarize.acts import acts, same_act
from newsloom.summarize.counted import (
    counts,
    measures,
    same_count,
    same_counted_thing,
    same_measure,
)
from newsloom.summarize.crowds import reactions
from newsloom.summarize.deeds import deed_lemma, figure_beside_name, same_deed_near_name
from newsloom.summarize.furniture import is_furniture
from newsloom.summarize.openings import (
    fact_words,
    opening_reference,
    repeats,
    same_person_same_deed,
)
from newsloom.summarize.retold import repeats_statement
from newsloom.summarize.roles import done_events, pending_events
from newsloom.summarize.vaguer import figure_in_words

STORIES = load_newsroom().stories


def summary_of(story: DemoStory) -> Summary:
    articles = demo_articles(story)
    now = max(a.published for a in articles)
    summary = summarize_story(build_summarizer(Settings()), Settings(), 1, articles, None, now)
    assert summary is not None
    return summary


@pytest.fixture(scope="module")
def demo_figures() -> dict[str, object]:
    return evaluate_readability(Settings(), demo=True)


def test_demo_readability_floors(demo_figures: dict[str, object]) -> None:
    assert demo_figures["stories"] == len(STORIES)
    # Pinned at today's figures (issue 16 asks <= 2% and <= 1): 0% and 0 on the demo.
    assert demo_figures["opening_reference_rate"] <= 0.005  # type: ignore[operator]
    # 0.032 (one pair) until the summarizer read a role opening a sentence as no name of its
    # own (openings.fact_words): s25's "Playwright Edda Thorvald says a visit to the island's
    # lighthouse ..." and her childhood visit told to the Coastline Post are one fact, and the
    # page now shows it once.
    assert demo_figures["repeated_fact_pairs_per_story"] == 0.0
    # Facts once across the page (toldagain.py): s20's "The Consumer Safety Board says about
    # 86,000 phones are affected" and s21's "The trial runs for a year." (0.065) before the
    # summarizer left them out.
    assert demo_figures["facts_told_again_per_story"] == 0.0
    assert demo_figures["furniture_per_sentence"] == 0.0
    # The writer's commentary with no one credited (commentary.py): 5 statements before.
    assert demo_figures["commentary_per_story"] == 0.0
    assert demo_figures["long_statement_rate"] <= 0.05  # type: ignore[operator]
    # A person named in full once, at the first mention (1.0 per story before people.py).
    assert demo_figures["people_introduced_again_per_story"] == 0.0
    # Who a person is, said at the first mention: 4 bare first mentions (a01's Jurek Amsel,
    # a06's Bram Oduya, a09's Brigid Sollis, Maja Rautio's side in the cup semi-final) whose
    # role the page gave later, before the roles moved (0.129 per story).
    assert demo_figures["people_first_unnamed_role_per_story"] == 0.0
    # Who a person is, from the statement's own article when the page never says it: 2 bare
    # first mentions (a12's Sal Okereke, s21's Erland Moss; 0.065 per story) before
    # people.roles_from_articles.
    assert demo_figures["people_unnamed_in_articles_per_story"] == 0.0
    # A thing's short name before the page names it ("families at the hall"): 3 statements of
    # 31 stories (0.097 per story) before shortnames.py.
    assert demo_figures["short_name_refs_per_story"] == 0.0
    # A reference past the opening that nothing on the page resolves ("should fill that gap",
    # "Halvard said they would be offered ..."): 4 statements of 31 stories (0.129 per story)
    # before innerrefs.py.
    assert demo_figures["inner_refs_per_story"] == 0.0


def test_the_rate_story_names_the_governor_in_full_once() -> None:
    story = next(s for s in STORIES if s.label == "a03-bank-of-veland-rate-rise")
    summary = summary_of(story)
    page = [
        *(b.text for b in summary.bullets),
        *(c.text for p in summary.paragraphs for c in p),
        *(t.text for t in summary.takeaways),
    ]
    assert sum("Ilona Maszek" in text for text in page) == 1, page


@pytest.mark.parametrize("story", STORIES, ids=[s.label for s in STORIES])
def test_bullet_one_and_headline_carry_the_main_event_and_latest_development(
    story: DemoStory,
) -> None:
    assert story.main_event, "every demo story is annotated"
    summary = summary_of(story)
    wanted = story.main_event + story.latest
    assert event_share(wanted, summary.bullets[0].text) == 1.0, summary.bullets[0].text
    assert event_share(wanted, summary.headline) == 1.0, summary.headline


def test_the_effort_to_free_the_miners_is_not_told_once_they_are_freed() -> None:
    # The drilling-rig feature, a day before the rescue: the rig "is at the centre of the effort
    # to free the fourteen miners"; the later reports say they were freed.
    assert pending_events("The rig is at the centre of the effort to free the miners.") == {
        deed_lemma("free")
    }
    assert deed_lemma("free") in done_events('"We sang to stay awake": freed miners tell all')
    assert not pending_events("The rig freed the miners after 31 hours.")
    story = next(s for s in STORIES if s.label == "s16-brenna-mine-rescue")
    summary = summary_of(story)
    page = [
        *(b.text for b in summary.bullets),
        *(c.text for p in summary.paragraphs for c in p),
        *(t.text for t in summary.takeaways),
    ]
    assert not any("effort to free" in text for text in page), page


def test_the_miners_story_leads_with_the_rescue_not_the_trapping() -> None:
    story = next(s for s in STORIES if s.label == "s16-brenna-mine-rescue")
    summary = summary_of(story)
    assert "alive" in summary.bullets[0].text
    assert "trapped" not in summary.headline.lower()
    # No part of the page says how things stood before the rescue overtook it.
    page = " ".join(c.text for c in all_statements(summary))
    for overtaken in ("safe for now", "refuge chamber", "break through by morning"):
        assert overtaken not in page


def test_the_cyclone_story_states_the_revised_death_toll_only() -> None:
    story = next(s for s in STORIES if s.label == "a02-cyclone-imre-tessaly")
    page = " ".join(c.text for c in all_statements(summary_of(story)))
    assert "rose to nine" in page
    assert "four people had died" not in page and "four dead" not in page


def all_statements(summary: Summary) -> list[Cited]:
    return [*summary.bullets, *(c for p in summary.paragraphs for c in p), *summary.takeaways]


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        ("He says he cried when he heard about the reunion tour.", "pronoun"),
        ("It has reduced 400g bars to 360g in the UK.", "pronoun"),
        ("On Tuesday she said the accord was good news.", "pronoun"),
        ("The answer agreed this week is 55 percent for Veland.", "definite"),
        ("The 27-year-old won the women's race in 2:21:14.", "definite"),
        ("But the union said it would ballot its members.", "connective"),
        ("Another 250,000 will face higher rates next year.", "connective"),
        ("All were released from hospital the same day.", "pronoun"),
        ("Most of them had queued since dawn.", "pronoun"),
        ("The two were released on bail.", "definite"),
        ("All twelve crew members were rescued by lifeboat.", ""),
        ("The Bank of Veland raised its base rate to 3.75 percent.", ""),
        ("The number of people killed by Cyclone Imre rose to nine.", ""),
        ("Until this week, Lucia Ferrant was best known as an editor.", ""),
        # The theatre story: "The play runs for six weeks." as bullet 2, before any play was
        # named; a verb of duration or schedule ends the bare subject as "is" does.
        ("The play runs for six weeks.", "definite"),
        ("The festival began on a wet Friday.", "definite"),
        # "None of this should dampen the joy ...": a quantity of what came before.
        ("None of this should dampen the joy in the city.", "pronoun"),
        ("Much of that was lost in the fire.", "pronoun"),
        ("Most of the 12,400 runners finished before noon.", ""),
        # The football story: a takeaway "Next week she has an anatomy exam." and a paragraph
        # "By the end of stoppage time she had two": a long time phrase, then the pronoun.
        ("Next week she has an anatomy exam.", "pronoun"),
        ("By the end of stoppage time she had two.", "pronoun"),
        # A name after the phrase may be the one the pronoun points to.
        ("On Tuesday Rautio said she was proud of her side.", ""),
        # Issue 16 on NeuS: openings the eval counted though a reader finds them whole.
        # A leading clause's pronoun names the subject after its comma; its own subject a name.
        ("As she left the court, Mayor Ilse Varga thanked the jurors.", ""),
        ("While the Harbour Board said it had no plans, it hired two pilots.", ""),
        ("As she left the court, the mayor thanked the jurors.", "connective"),
        ("Since the vote was close, they asked for a recount.", "pronoun"),
        ("As he spoke, Varga's daughter left the court.", "connective"),
        ("When they reached the port, Varga joined them.", "connective"),
        ("After the Harbour Board vote, it closed the pier.", "pronoun"),
        ("When Varga resigned and Rask retired, he took the chair.", "pronoun"),
        ("When harbour officials objected, he withdrew the plan.", "pronoun"),
        ("When I asked Varga, she said no.", "pronoun"),
        ("After he left the club, the Rovers lost six games.", "connective"),
        ("When it opens in June, the Dunmore bridge will be the longest in Veland.", ""),
        ("The pilots landed Varga's plane in Dunmore.", "definite"),
        # "before" with its own object names its time; alone it counts from an untold one.
        ("The night before the Dunmore vote, Varga toured the docks.", ""),
        ("The day before, Varga toured the docks.", "connective"),
        ("Hours before he resigned, the minister met the board.", "connective"),
        # A rate a statistics office publishes, and "the administration", name themselves.
        ("The unemployment rate fell to 4.1 percent in March.", ""),
        ("The administration will send 200 engineers to the port.", ""),
        ("The rate was cut to 4 percent in March.", "definite"),
        # "it" that stands for no thing, and "that" opening a clause.
        ("It's no secret that the Dunmore ferry has lost money for years.", ""),
        ("It was unclear when the bridge would reopen.", ""),
        ("After the storm passed, it was uncertain when the ferry would run.", ""),
        ("It was the talk of the harbour for weeks: Varga's pier had sunk overnight.", ""),
        ("It was the first time the pier had closed.", "pronoun"),
        ("It would be easy to blame the harbour master.", "pronoun"),
        ("It is likely he will resign.", "pronoun"),
        ("It is likely to cost the port millions.", "pronoun"),
        ("It is too early to say when the pier will reopen.", ""),
        # A cleft: the name after "be" is the subject; "a decision that" is the thing told.
        ("If the bill passes, it will be Dunmore Harbour Board who runs the pier.", ""),
        ("It was Varga who closed the pier.", ""),
        ("It was a decision that shocked the harbour.", "pronoun"),
        ("It is he who runs the pier.", "pronoun"),
        ("It is possible that the board will resign.", "definite"),
        ("That's a record for the harbour.", "pronoun"),
        ("That the council approved the pier was no surprise.", ""),
        ("That decision was no surprise.", "pronoun"),
        # A preposition, not a connective.
        ("Instead of a new pier, the council will repair the old one.", ""),
        ("Instead, the council will repair the old pier.", "connective"),
        # "The former" is a pronoun only before its verb; an adjective before a name names.
        ("The former harbour master Anton Rask has died.", ""),
        ("The former said the pier was safe.", "connective"),
        ("The former Dunmore harbour master finished his last season.", "connective"),
        ("The former head of Veland's Harbour Board was charged.", "connective"),
        # "The good news is ...": what follows is the news.
        ("The good news is the pier will reopen in June.", ""),
        # A match known by its score alone ("The 3-0 showed ..."); "The 3-0 win" says what.
        ("The 2-1 at Ashby Park showed the gap between the clubs.", "definite"),
        ("The 2-1 was Tolleridge's fourth defeat in a row.", "definite"),
        ("The 2-1 win took Ashby Rovers top.", ""),
    ],
)
def test_opening_references(sentence: str, reason: str) -> None:
    assert opening_reference(sentence) == reason


def test_a_definite_the_page_has_introduced_is_resolved() -> None:
    assert opening_reference("The band is considering extra dates.", {"band"}) == ""
    assert opening_reference("The 2-1 at Ashby Park showed the gap.", {"2-1"}) == ""
    assert opening_reference("The band is considering extra dates.") == "definite"


@pytest.mark.parametrize(
    "line",
    [
        "Image caption The 150g bar features a wider gap between its peaks",
        "Harbour Air ticket kiosks pic.twitter.com/Qw3rTy7uIo — Jo Doe (@jodoe) December 27, 2017",
        "A photo issued by the Veland Marine Safety Board shows the ferry on its side.",
        "Rescuers search the rubble in the town centre (PA)",
        "Enlarge this image toggle caption Jane Roe/Getty Images",
        "Photos: The harbour festival Odell and his drummers entertain the crowd.",
        "Marsh (left) and Odell (right) were asked to leave the ferry.",
        "Scenes from a carnival day in Harbourtown, where crowds lined the quay.",
        "A look inside the restored lighthouse keeper's cottage on the point.",
    ],
)
def test_furniture_is_recognised(line: str) -> None:
    assert is_furniture(line)


def test_news_sentences_are_not_furniture() -> None:
    for line in (
        "At least six people died when a ferry capsized off Port Alder on Wednesday.",
        "The photographer said she had waited three hours for the light.",
        "Scenes at the station were chaotic as trains were cancelled.",
    ):
        assert not is_furniture(line)


def test_a_site_blurb_and_a_menu_path_are_furniture() -> None:
    assert is_furniture("Harbour Wire delivers the latest news and views from across the coast.")
    assert is_furniture("Open (Options) > [Sound] > [Volume], and then set each level.")
    for line in (
        "The Harbour Wire reported the latest news from the pier on Monday.",
        "Turnout among first-time voters (aged 18 to 24) was higher than in 2026.",
    ):
        assert not is_furniture(line), line


def test_a_player_prompt_and_a_signpost_are_furniture() -> None:
    assert is_furniture("Watch the full interview with the harbour master (video).")
    assert is_furniture("Listen to the mayor's statement on the pier below.")
    assert is_furniture("Here's what you need to know.")
    assert is_furniture("Here is what we know so far about the ferry.")
    for line in (
        # What follows the colon is a statement; "Watch out" is advice; a noun is no prompt.
        "Here's what happened: the council voted on Monday to close the old pier.",
        "Watch out for ice on the coast road after dark, the council said.",
        "Watchdog groups said the vote on the ferry contract was rushed.",
        "Here is the harbour master's statement in full, as released on Monday.",
    ):
        assert not is_furniture(line), line


def test_a_lists_teaser_is_furniture() -> None:
    # It announces the facts that follow and states none.
    for line in (
        "Here are 5 things to know.",
        "Here's what you need to know about the Ostvik ferry strike.",
        "Voici ce qu'il faut savoir sur la grève des ferries.",
    ):
        assert is_furniture(line), line
    for line in (
        "Here the ferry crews say they have been waiting to know their rota for weeks.",
        "Ostvik's mayor said residents deserve to know what the strike will cost.",
    ):
        assert not is_furniture(line), line


def test_a_broadcasters_transcript_note_is_furniture() -> None:
    for line in (
        "Harbour Radio transcripts are created on a rush deadline by a contractor.",
        "This text may not be in its final form and may be updated in the future.",
        "The authoritative record of Harbour Radio's programming is the audio record.",
        "This is a rush transcript.",
    ):
        assert is_furniture(line), line
    for line in (
        "The court released a transcript of the hearing on Tuesday.",
        "The minister said the plan may not be in its final form until June.",
    ):
        assert not is_furniture(line), line


def test_a_wire_photo_caption_is_furniture_and_a_dated_sentence_is_not() -> None:
    # Who "is seen" doing what, then place and full date after a comma: a wire caption.
    assert is_furniture("Rescuers are seen at the Brandhavn pier after the ferry hit it.")
    assert is_furniture(
        "Ostvik's mayor greets rescued fishermen in Brandhavn, Veland, March 3, 2030."
    )
    # A view, an event dated "on" a day, or a weekday before the date: prose.
    for line in (
        "The Ostvik mayor is seen as the favourite to win the seat.",
        "The Ostvik ferry sank on March 3, 2030, near Brandhavn.",
        "The Ostvik ferry sank off Brandhavn on Monday, March 3, 2030.",
    ):
        assert not is_furniture(line), line


def test_repeated_facts_share_half_of_each_statements_words() -> None:
    a = fact_words("The 400g bars were reduced to 360g last year.")
    b = fact_words("Bars of 400g have been reduced to 360g.")
    c = fact_words("Shares in the maker fell 4 percent on Tuesday.")
    assert repeats(a, b) and not repeats(a, c)


def test_a_role_opening_a_sentence_is_no_part_of_the_full_name() -> None:
    # Issue 16: "Author" has the sentence's capital and says who Ines Varro is: the full name is
    # hers alone, as in a sentence that names her without it.
    first = fact_words(
        "Author Ines Varro says a walk along the old canal as a boy gave him the plot of the novel."
    )
    again = fact_words(
        'Ines Varro, whose novel "The Lock Keeper" came out in Tamsby this week, told the Harbour '
        "Gazette that the idea came from a boyhood walk along the old canal near his school."
    )
    assert "#&ine varro" in first and "#&author ine varro" not in first
    assert repeats(first, again)
    # Someone else named beside the same walk is news of its own.
    other = fact_words("Author Lena Sabo says Ines Varro took the plot of the novel from her.")
    assert not repeats(other, first)


def test_a_fact_told_again_in_other_words_is_a_repeat() -> None:
    first = fact_words("Ada Brenn scored twice, including the winner in extra time, at Quay Park.")
    again = fact_words("Ada Brenn scored the winner there in the 112th minute.")
    other = fact_words("Ada Brenn was booked for dissent before the break.")
    assert repeats(first, again)
    assert not repeats(first, other)  # the same name, nothing the same said of her


def test_one_act_on_one_thing_in_another_outlets_words_is_a_repeat() -> None:
    # "published the complete firmware" and "released the full firmware": one act, one thing.
    first = (
        "Halden Instruments, a sensor maker in Brackwater, has published the complete firmware "
        "of its Wren-2 weather station under an open licence."
    )
    again = (
        "When Halden Instruments released the full firmware of its Wren-2 this month, it did "
        "more than anger rivals and delight hobbyists."
    )
    assert acts(first) == acts(again) == {"publish firmwar"}  # form-free cores (deed_lemma)
    assert same_act(first, again) and repeats_statement(first, again)
    assert not repeats(fact_words(first), fact_words(again))  # what shared words alone miss
    # The same verb on another thing, or the same act by another actor: other facts.
    kit = "Halden Instruments released a cheaper kit for schools in March."
    rival = "Osprey Devices published the complete firmware of its own station."
    captives = "The Tarn Brigade released two hostages after Halden Instruments paid."
    assert not same_act(first, kit) and not same_act(first, rival)
    assert not same_act(first, captives)
    # The object is the head of its phrase, not the adjective before it.
    album = "The Gull Sisters released a new album, recorded in a lighthouse."
    single = "The Gull Sisters have published a new single on their website."
    assert acts(album) == {"publish album"} and not same_act(album, single)


def test_a_restatement_that_names_someone_new_is_not_a_repeat() -> None:
    first = fact_words("Mayor Ilse Varga warned that closing the Quay Bridge is a red line.")
    more = fact_words("Ostvik's council warned it could sue if the Quay Bridge is closed.")
    assert not repeats(first, more)


def test_one_full_name_and_the_same_deed_is_a_repeat() -> None:
    sent_off = fact_words(
        "Quay Park finished with ten men after defender Tomas Brill was sent off in the 101st minute."
    )
    again = fact_words("Rovers defender Tomas Brill was sent off in extra time.")
    other = fact_words("Defender Tomas Brill signed a new contract in May.")
    assert repeats(sent_off, again)
    assert not repeats(sent_off, other)  # the same full name, another deed
    # The shorter names a full name of its own: another storm, not the same toll.
    imre = fact_words("Cyclone Imre killed nine people on the Tessaly Islands, officials said.")
    dora = fact_words(
        "Thirty years ago Cyclone Dora killed sixty people on the Tessaly Islands, and the "
        "government promised a sea wall that was never finished."
    )
    assert not same_person_same_deed(imre, dora)


def test_the_winner_and_the_winning_goal_are_one_deed_of_one_scorer() -> None:
    # A cup final's winning goal, told by one outlet as "scored the winner" and by another as
    # "headed the winning goal": one person, one deed, in other word forms and with a title
    # ("Striker") before the name.
    scored = "Mira Hollis scored twice, including the winner in extra time, at Fenner Park."
    headed = "Striker Mira Hollis headed the winning goal in the 97th minute from a free kick."
    assert deed_lemma("winner") == deed_lemma("winning") == deed_lemma("won") == "win"
    assert deed_lemma("headed") == deed_lemma("header") == "head"
    assert same_deed_near_name(scored, headed) and repeats_statement(scored, headed)
    assert not repeats(fact_words(scored), fact_words(headed))  # what fact_words alone miss
    # Another deed of the same person, a place named beside other words, or someone else
    # named beside the deed: not a repeat.
    signed = "Striker Mira Hollis signed a new contract until 2030."
    assert not same_deed_near_name(scored, signed)
    assert not same_deed_near_name(
        "Fans in Fenner Park celebrated the winner.", "Rain fell on Fenner Park after the winner."
    )
    assert not same_deed_near_name(
        "Mira Hollis scored the winner against Tova Lind's side.",
        "Mira Hollis scored the winner.",
    )
    # One word said before the name in one and after it in the other is not a deed: the
    # governor's two statements ("the central bank's governor" / "said the bank could not").
    assert not same_deed_near_name(
        "The central bank's governor, Ada Lund, admitted the rise would hurt borrowers.",
        "Governor Ada Lund said the bank could not set rates for each industry.",
    )
    # "passed to Mira Hollis": "to" and "from" lead to people as often as to places.
    assert same_deed_near_name(
        "The ball fell to Mira Hollis, who scored the winner.",
        "Mira Hollis scored the winner in extra time.",
    )
    # "at the Fenner Park": a place, whatever article stands between.
    assert not same_deed_near_name(
        "Norland won the cup at the Fenner Park.", "Fans sang the winner at the Fenner Park."
    )


def test_a_lab_result_told_again_without_its_numbers_is_one_fact() -> None:
    # One report gives the measurement, another outlet (here in French) says it again without
    # the figures and adds a second clause: the first clause restates the fact.
    precise = (
        "Le lac de Brume contient des nitrates à une concentration de 62 milligrammes par "
        "litre, au-dessus du seuil sanitaire de 50 milligrammes fixé pour l'eau potable."
    )
    vaguer = (
        "Le laboratoire de Sorel a mesuré une concentration de nitrates supérieure au seuil "
        "sanitaire ; les puits privés ne sont pas concernés."
    )
    assert figure_in_words(vaguer, precise) and repeats_statement(vaguer, precise)
    assert not repeats(fact_words(vaguer), fact_words(precise))  # French function words, elisions
    assert not figure_in_words(precise, vaguer)  # the figures are the news
    # Two shared words name no fact; a clause with its own number is a figure of its own.
    assert not figure_in_words("Profit fell at Halm.", "Profit fell 38 percent at Orsa.")
    assert not figure_in_words(
        "Nitrates in Lac de Brume reached 70 milligrams at the second well.",
        "Nitrates in Lac de Brume reached 62 milligrams per litre.",
    )


def test_the_algae_story_tells_the_toxin_measurement_once() -> None:
    story = next(s for s in STORIES if s.label == "s26-lac-ombrel-algues-bleues")
    summary = summary_of(story)
    texts = [
        *(b.text for b in summary.bullets),
        *(c.text for p in summary.paragraphs for c in p),
        *(t.text for t in summary.takeaways),
    ]
    assert sum("microcystine" in t for t in texts) == 1, texts


def test_a_person_introduced_again_with_the_same_age_is_the_same_news() -> None:
    # Two reports of one match introduce the scorer the same way, in words and in digits: the
    # second lede is not a next key fact under the first.
    first = "Ana Reyes, seventeen years old, scored twice to send Orla United top."
    again = "The 2-0 win over Brack City belonged to Ana Reyes, a 17-year-old from the academy."
    assert figure_beside_name(first) == {"ana rey": frozenset({"17"})}
    assert figure_beside_name(again)["ana rey"] == frozenset({"17"})
    assert figure_beside_name("Ana Reyes joined Orla United in 2019.") == {}  # a year
    # An age said before the name, as a premodifier, introduces her as well.
    before = "Orla United went top with a 2-0 win, both goals from 17-year-old striker Ana Reyes."
    assert figure_beside_name(before)["ana rey"] == frozenset({"17"})


def test_the_hat_trick_story_does_not_introduce_the_scorer_twice() -> None:
    story = next(s for s in STORIES if s.label == "s24-sallow-wanderers-thrash-kestrel-athletic")
    summary = summary_of(story)
    bullets = [b.text for b in summary.bullets]
    assert "Leo Haskins" in bullets[0]
    rest = [*bullets[1:], *(c.text for p in summary.paragraphs for c in p)]
    assert not any("Leo Haskins" in t and "19-year-old" in t for t in rest), rest


def test_the_demo_pages_leave_no_reference_unresolved_and_tell_the_fans_anger_once() -> None:
    """Issue 16 as a reader saw it: a repaired opening must not leave its "it" behind, a short
    name ("the hall") gets its name where the page has not given it, and one crowd's reaction
    to one person is told once (crowds.py)."""
    pages = {s.label: summary_of(s) for s in STORIES if s.label.startswith(("a02", "s24", "s28"))}

    def page(label: str) -> list[str]:
        summary = next(v for k, v in pages.items() if k.startswith(label))
        bullets = [b.text for b in summary.bullets]
        return [*bullets, *(c.text for p in summary.paragraphs for c in p)]

    assert not any(" got it " in t for t in page("s28")), page("s28")
    # "the hall" only once the page has named it ("The Tessalian Community Hall on Rope Walk").
    cyclone = page("a02")
    named = next((k for k, t in enumerate(cyclone) if "Community Hall" in t), len(cyclone))
    assert not any("at the hall" in t for t in cyclone[: named + 1]), cyclone
    angry = [t for t in page("s24") if reactions(t)]
    assert len(angry) <= 1, angry


def test_the_same_result_is_one_fact_whatever_else_is_added() -> None:
    won = fact_words("Quay Park beat Norland 3-2 after extra time.")
    lost = fact_words("Norland lost 3-2 to a club with a budget three times larger.")
    vote = fact_words("The assembly voted 112 to 87 to lower the voting age.")
    again = fact_words("When the result, 112 votes to 87, was read out, students cheered.")
    assert repeats(won, lost) and repeats(vote, again)
    assert not repeats(won, fact_words("Rates rose by 3-4 percent in the year to May."))


def test_four_hundred_jobs_told_again_by_the_union_is_one_fact() -> None:
    # The port-automation story said "400 jobs" in two bullets, a paragraph and a takeaway:
    # the plan's job cuts, then the union saying the same jobs are at stake.
    plan = "The plan would cut about 400 jobs over five years."
    union = "The Harbour Workers' Union says 400 jobs are at stake and will ballot members."
    strike = "Dockers at the Harbour Workers' Union threaten a strike over the 400 jobs at risk."
    assert counts(plan) == {"400 job"}
    assert same_counted_thing(plan, union) and repeats_statement(plan, union)
    # One actor named in both: the union's ballot and its strike threat over the same jobs.
    assert same_counted_thing(union, strike)
    # Each side names an actor of its own: two places' own cuts of one size are two facts.
    assert not same_counted_thing(
        "Ostmark Freight will cut 400 jobs at its depot.",
        "Across the river, Brannock Shipping also plans to cut 400 jobs.",
    )
    # A year, a count of a dozen or fewer, or a number before a stop word counts no thing.
    assert counts("In 2029 the three cranes of 400 were replaced.") == frozenset()
    # A day of the month is no count: "the Aug. 17 quake" in two statements of an earthquake
    # story (DUC) is a date both give, not one fact told twice.
    assert counts("Thousands remain homeless after the Aug. 17 quake.") == frozenset()
    assert counts("On March 25 the rebels freed 400 hostages.") == {"400 hostag"}


def test_fourteen_dates_sold_out_twice_is_one_fact() -> None:
    # The reunion-tour story: two sentences of one report tell the sell-out, one of "dates",
    # one of "concerts"; the same number and the same deed right after it.
    a = "Fans waited hours in online queues, and many came away empty-handed as all fourteen dates sold out."
    b = "By lunchtime all fourteen concerts had sold out, including the opening night."
    assert same_count(a, b) and repeats_statement(a, b)
    # The same number with another thing said of it is another fact.
    c = "None of the fourteen dates is north of Carrow, and fans have started a petition."
    assert not same_count(a, c)
    # A participle right after the number describes the counted men, it is not the deed: the
    # union's statement "a day after all fourteen trapped men were brought out alive" tells the
    # inquiry, not bullet 1's trapping.
    assert not same_count(
        "All fourteen miners trapped underground were brought to the surface alive.",
        "The inquiry must examine the warnings, a day after all fourteen trapped men were freed.",
    )
    # A rank or a magnitude counts nothing: "1 million" and "two million" pounds.
    assert not same_count(
        "The court ordered him to pay 1 million pounds, he said.",
        "He was also ordered to pay two million pounds, the court said.",
    )


def test_three_weeks_early_told_in_two_bullets_is_one_fact() -> None:
    # The early-harvest story: two reports tell the harvest "avec près de trois semaines
    # d'avance", one number in one phrase; the page says it once.
    a = "Les viticulteurs ont commencé la récolte avec près de trois semaines d'avance."
    b = (
        "Une vingtaine de domaines ont lancé les vendanges, avec près de trois semaines d'avance "
        "sur le calendrier habituel."
    )
    assert measures(a) == {"de 3 semaines d'avance"}
    assert same_measure(a, b) and repeats_statement(a, b)
    # The same number of another thing, or in another phrase, is another fact.
    assert not same_measure(a, "Les vendanges ont duré trois semaines de plus que prévu.")
    assert not same_measure(
        "The plan would cut about 400 jobs over five years.",
        "The union says 400 jobs are at stake.",
    )
    # A year or a rank is no measure; punctuation breaks the phrase.
    assert measures("The band split in 2014 and toured again.") == frozenset()
    assert measures("Cuts of 400, jobs said.") == frozenset()
    # A day of the month in one phrase names one event, told twice: a measure, not a count.
    aide = "An aide who sat in on the March 23 call with the mayor of Corvell has resigned."
    memo = "The memo says she raised doubts after the March 23 call with the Corvell mayor."
    assert same_measure(aide, memo) and not counts(aide)


def test_the_same_figures_are_one_fact() -> None:
    rate = fact_words("The Bank of Norland raised its base rate to 3.75 percent.")
    again = fact_words("Governor Ada Lund spent an hour defending the rise to 3.75 percent.")
    profit = fact_words("Profit fell 38 percent to 410 million crowns, and 40 stores will close.")
    results = fact_words("Results showing profit down 38 percent to 410 million crowns surprised.")
    one = fact_words("Grocer Halm, whose profit fell 38 percent, wants lower prices.")
    assert repeats(rate, again) and repeats(profit, results)
    assert not repeats(profit, one)  # one shared figure, and the rest is news
    # Small counts and years identify nothing on their own.
    assert not repeats(
        fact_words("Seven ferries sailed in 2019 and 3 were late."),
        fact_words("Seven crews struck in 2019 over 3 rotas."),
    )


def test_the_summary_repeats_no_fact_across_bullets_and_paragraphs() -> None:
    story = next(s for s in STORIES if s.label == "a09-kestrel-cup-final")
    summary = summary_of(story)
    texts = [
        *(b.text for b in summary.bullets),
        *(c.text for p in summary.paragraphs for c in p),
        *(t.text for t in summary.takeaways),
    ]
    pairs = [
        (texts[i], texts[j])
        for i in range(len(texts))
        for j in range(i + 1, len(texts))
        if repeats_statement(texts[i], texts[j])
    ]
    assert not pairs
    # The result once, the sending-off once, the scorer's winning goal once ("scored the
    # winner" and "headed the winning goal" are one deed of Joel Arkwright's).
    assert sum("3-2" in t for t in texts) == 1
    assert sum("Otieno" in t for t in texts) <= 1
    assert (
        sum(t.startswith(("Joel Arkwright", "Striker Joel Arkwright headed")) for t in texts) <= 1
    )


def test_demo_event_coverage_is_reported(demo_figures: dict[str, object]) -> None:
    assert 0.0 < demo_figures["main_event_coverage_bullet1"] <= 1.0  # type: ignore[operator]


def test_datetime_is_utc() -> None:
    assert demo_articles(STORIES[0])[0].published.tzinfo == UTC
    assert isinstance(demo_articles(STORIES[0])[0].published, datetime)


def test_reports_of_one_moment_all_offer_bullets(monkeypatch: pytest.MonkeyPatch) -> None:
    # The qualifier's first two reports came 50 minutes apart: one news moment. Bullet 1 is the
    # later report's lede, and the earlier report's facts may still be the next bullets. The
    # earlier report's candidate here is its crowd scene ("A record crowd in Carrow saw ..."),
    # which scenes.py holds back while the goals are left (test_demo_stories): the news cycle
    # is tested on its own, with every statement counted as no scene.
    monkeypatch.setattr("newsloom.summarize.extractive.shows_scene", lambda _: False)
    story = next(s for s in STORIES if s.label == "s23-veland-women-beat-ostmark-qualifier")
    summary = summary_of(story)
    first = min(summary.bullets[0].article_ids)
    assert any(min(b.article_ids) < first for b in summary.bullets[1:]), summary.bullets


def test_the_algae_story_bullets_carry_the_extended_ban() -> None:
    # "En conséquence, la maire ... a prolongé l'interdiction": the connective is dropped
    # (repair.py) and the latest development becomes a bullet.
    story = next(s for s in STORIES if s.label == "s26-lac-ombrel-algues-bleues")
    bullets = [b.text for b in summary_of(story).bullets]
    assert any(b.startswith("La maire de Vernaz") and "prolongé" in b for b in bullets), bullets


def test_every_flagged_statement_can_be_listed(tmp_path: Path) -> None:
    # Seven one-article stories whose every sentence opens on a pronoun: each page's bullet 1
    # is flagged. Five are listed by default; --examples 0 lists all seven, to read them all.
    text = (
        "He resigned on Friday after six years in the post. She said the harbour would close in"
        " May. They left the town of Dunmore at noon on Saturday. It rained all day in the port."
    )
    rows = [
        {"label": f"s{k}", "title": f"Harbour story {k}", "source": "Wire", "text": text}
        for k in range(7)
    ]
    path = tmp_path / "stories.jsonl"
    path.write_text("\n".join(json.dumps(row) for row in rows))
    every = evaluate_readability(Settings(), path=path, examples=0)
    assert len(every["examples"]["opening_pronoun"]) == 7
    some = evaluate_readability(Settings(), path=path)
    assert len(some["examples"]["opening_pronoun"]) == 5


def test_a_transcripts_stage_direction_is_furniture() -> None:
    for line in (
        "HARBOUR MASTER INGRID VOSS: (Speaking Norwegian).",
        "MAYOR: (Through interpreter) We will rebuild the quay.",
        "(Soundbite of ferry horn).",
        "ANA REYES, BYLINE: Good morning, Tom.",
    ):
        assert is_furniture(line), line
    # Speaking a language, said in prose, is news.
    assert not is_furniture("The mayor, speaking in Norwegian, thanked the crews.")
    assert not is_furniture("OSLO: The ferry to Nesodden was cancelled on Friday.")
