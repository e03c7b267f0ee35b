from dataclasses import replace

from newsloom.summarize import ExtractiveSummarizer
from newsloom.summarize.extractive import _Plan
from newsloom.summarize.standfirst import retells_lede

from .fictional_stories import T0, article

LEDE = (
    'Brackwater Games\' "Kite Lines" has sold 400,000 copies in the six weeks since its '
    "release, the studio said, making it the best-selling game ever made in Osland."
)
STANDFIRST = (
    "Brackwater Games' little puzzle about steering a kite over rooftops has become a surprise "
    "worldwide success."
)


def test_a_standfirst_telling_its_ledes_news_without_its_figures_retells_it() -> None:
    assert retells_lede(STANDFIRST, LEDE)


def test_a_standfirst_that_names_someone_new_or_gives_a_new_figure_adds_a_fact() -> None:
    # Someone the lede does not name: a second fact (a verdict, a reaction).
    assert not retells_lede(
        "Critic Oda Renner calls Brackwater Games' kite puzzle the finest of the decade.", LEDE
    )
    # A figure of its own: news the lede lacks.
    assert not retells_lede(
        "Brackwater Games' kite puzzle has earned the studio 9 million crowns.", LEDE
    )


def test_a_standfirst_telling_what_someone_says_or_a_result_adds_a_fact() -> None:
    # A verdict or a cause in someone's words is a second fact, whoever is named.
    assert not retells_lede("Brackwater Games says its kite puzzle saved the studio.", LEDE)
    assert not retells_lede("Brackwater Games' kite puzzle was praised by players.", LEDE)
    # A result the lede does not give.
    assert not retells_lede(
        "Brackwater Games' kite puzzle won the Osland vote 7-5.", "Osland " + LEDE
    )


def test_a_place_where_the_ledes_deed_happened_names_no_one_new() -> None:
    """A standfirst telling its lede's result again, adding only where it happened ("in
    Dunholm"), retells it; a new actor beside the place still adds a fact."""
    lede = (
        "Tova Lindqvist drew her last game in 40 moves and became, at 14, the youngest "
        "draughts master in Osland's history."
    )
    assert retells_lede(
        "Lindqvist secured her master title with a quiet draw at a tournament in Dunholm.", lede
    )
    assert retells_lede(
        "Lindqvist secured her master title with a quiet draw at a tournament in New Dunholm.",
        lede,
    )
    assert not retells_lede(
        "Lindqvist secured her master title with a quiet draw against Pavel Orm in Dunholm.",
        lede,
    )


def test_a_standfirst_about_no_one_the_lede_names_is_not_its_retelling() -> None:
    assert not retells_lede("A team of three built a puzzle about steering a kite.", LEDE)
    # A French sentence's capitalised article names no one: the two share no name.
    assert not retells_lede(
        "Les pêcheurs sont rentrés au port avec deux jours d'avance.",
        "Les bateaux de Vessonne sont restés à quai toute la semaine.",
    )


_BODY = (
    f"{LEDE}\n\n"
    "Players steer a paper kite across the rooftops of a windy harbour town.\n\n"
    "Much of the game's charm comes from its music, recorded on a borrowed accordion.\n\n"
    "There are no enemies, no clock and almost no words.\n\n"
    "Brackwater Games says it will use the money to hire two more people and to bring the game "
    "to phones next year."
)


def test_the_standfirst_of_bullet_ones_article_is_not_shown_again() -> None:
    # One article: its body's lede is bullet 1, and its standfirst says the same in other words.
    title = '"Kite Lines", a puzzle made by three people in Velmar, sells 400,000 copies'
    story = [replace(article(71, 1, "Osland Play", title, _BODY, 0), lead=STANDFIRST)]
    summary = ExtractiveSummarizer().summarize(9, story, None, words=120, now=T0)
    shown = [
        c.text
        for c in (*summary.bullets, *(c for p in summary.paragraphs for c in p), *summary.takeaways)
    ]
    assert summary.bullets[0].text == LEDE
    assert STANDFIRST not in shown, shown


def test_the_standfirst_of_an_article_telling_bullet_one_further_down_is_not_its_retelling() -> (
    None
):
    # The second article opens on its own angle and tells the sales only in its last paragraph:
    # its standfirst sums up that angle, not bullet 1's news, though it names no one new.
    angle = (
        "Teachers at Velmar Grammar say pupils learn perspective by drawing rooftops.\n\n"
        "Headteacher Ines Dahl asked the studio for copies last spring.\n\n"
        "The Osland education ministry has not said whether other schools will follow.\n\n"
        f"{LEDE}"
    )
    lead = "Brackwater Games' kite puzzle has found its way onto the timetable of art classes."
    assert retells_lede(lead, LEDE)  # were the sales that article's lede, it would tell them
    title = '"Kite Lines", a puzzle made by three people in Velmar, sells 400,000 copies'
    story = [
        replace(article(71, 1, "Osland Play", title, _BODY, 0), lead=STANDFIRST),
        replace(
            article(72, 2, "Osland Teacher", "Osland pupils draw with a kite", angle, 60),
            lead=lead,
        ),
    ]
    plan = _Plan(story, None, None)
    main = plan.main_event()
    assert plan.shown[main] == LEDE
    retold = {plan.shown[i] for i in plan._retold_by_standfirst(main)}
    assert retold == {STANDFIRST}


def test_a_standfirst_describing_bullet_ones_person_retells_the_lede() -> None:
    # "The Dunholm schoolgirl" is how the story describes Tova Lindqvist (described.py), and
    # "in Velmar" tells where: the standfirst tells bullet 1's draw again.
    lede = (
        "Tova Lindqvist drew her last game in 40 moves and became, at 14, the youngest "
        "draughts master in Osland's history."
    )
    lead = "The Dunholm schoolgirl clinched her title with a quiet draw at a tournament in Velmar."
    body = (
        f"{lede}\n\n"
        "She learned the game from her aunt and trains three hours a day.\n\n"
        "The previous record holder, Jon Aske, earned the title at 16 in 1987.\n\n"
        "The national federation will ask the world body to confirm the title next month."
    )
    title = "Tova Lindqvist, 14, becomes Osland's youngest draughts master"
    story = [replace(article(81, 1, "Osland Sport", title, body, 0), lead=lead)]
    plan = _Plan(story, None, None)
    main = plan.main_event()
    assert plan.shown[main] == lede
    assert {plan.shown[i] for i in plan._retold_by_standfirst(main)} == {lead}
