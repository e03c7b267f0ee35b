"""Every demo story gets the story page's shape from the default summarizer."""

from datetime import UTC, datetime

import pytest

from newsloom.demo.newsroom import DemoStory, load_newsroom
from newsloom.eval.readability import demo_articles
from newsloom.pipeline.summaries import paragraph_budget
from newsloom.records import Article, Summary
from newsloom.settings import Settings
from newsloom.summarize import build_summarizer
from newsloom.summarize.consequences import tells_consequence
from newsloom.summarize.watch import what_to_watch

NOW = datetime(2031, 1, 10, tzinfo=UTC)
STORIES = load_newsroom().stories


def articles_of(story: DemoStory) -> list[Article]:
    # The articles the summarizer gets after a refresh, as `eval readability` builds them.
    return demo_articles(story, NOW)


def summarized(story: DemoStory) -> tuple[list[Article], Summary]:
    """The story's articles and their summary at the word budget the pipeline gives."""
    articles = articles_of(story)
    settings = Settings()
    words = paragraph_budget(settings, articles)
    return articles, build_summarizer(settings).summarize(1, articles, None, words, NOW)


def story_labelled(label: str) -> DemoStory:
    return next(s for s in STORIES if s.label == label)


@pytest.mark.parametrize("story", STORIES, ids=[s.label for s in STORIES])
def test_demo_story_summary_has_the_page_shape(story: DemoStory) -> None:
    articles, summary = summarized(story)
    sentences = [
        *summary.bullets,
        *(c for paragraph in summary.paragraphs for c in paragraph),
        *summary.takeaways,
    ]
    assert summary.headline
    assert len(summary.bullets) == 3
    # Takeaways say what to watch (watch.py): a story with fewer next steps, pending decisions
    # or effects on people that stand alone shows fewer, rather than a scene or an opinion. A
    # page short of them may close on a consequence already told (consequences.py: people
    # harmed, a service stopped, money paid or lost with its amount).
    assert len(summary.takeaways) <= 3
    assert all(what_to_watch(t.text) or tells_consequence(t.text) for t in summary.takeaways)
    assert 2 <= len(summary.paragraphs) <= 4
    texts = [c.text for c in sentences]
    assert len(texts) == len(set(texts)), "a sentence repeats across sections"
    ids = {a.id for a in articles}
    assert all(c.article_ids and set(c.article_ids) <= ids for c in sentences)


def test_a_features_scene_after_the_cyclone_toll_rose_is_not_a_next_bullet() -> None:
    # The cyclone story moved on (the toll rose to nine); the later articles include a feature
    # on the hall collecting donations, whose scene-setting lede weighs as a lede does. The next
    # bullets tell how things stand, which the other outlets carry too.
    _, summary = summarized(story_labelled("a02-cyclone-imre-tessaly"))
    bullets = [b.text for b in summary.bullets]
    assert "rose to nine" in bullets[0]
    assert not any("full by breakfast time" in b for b in bullets)
    assert any("22,000 people remain in evacuation shelters" in b for b in bullets[1:])
    # Nor is the families' moment at the hall a bullet while the aid is left (scenes.py): it
    # stays in the body.
    assert not any("Several families at the" in b for b in bullets)
    body = [c.text for p in summary.paragraphs for c in p]
    assert any(t.startswith("Several families at the hall") for t in body)


def test_the_away_ends_message_is_no_bullet_while_the_table_is_left() -> None:
    # "The away end ... had one message for Ferraz ...: go" is the crowd's reaction (crowds.py),
    # a scene of the match; bullet 2 tells the sacking, and the next fact is Kestrel's place.
    _, summary = summarized(story_labelled("s24-sallow-wanderers-thrash-kestrel-athletic"))
    bullets = [b.text for b in summary.bullets]
    assert not any(b.startswith("The away end") for b in bullets)
    assert any("third from bottom" in b for b in bullets[1:])


def test_the_crowd_watching_the_qualifier_is_no_bullet_while_the_goals_are_left() -> None:
    # "A record crowd in Carrow saw ..." is a scene and retells bullet 1's record crowd; the
    # goals are the match's next facts (scenes.py).
    _, summary = summarized(story_labelled("s23-veland-women-beat-ostmark-qualifier"))
    bullets = [b.text for b in summary.bullets]
    assert "21,560 spectators" in bullets[0]
    assert not any(b.startswith("A record crowd") for b in bullets)
    assert any("scored a penalty" in b for b in bullets[1:])


def test_a_bullet_leaves_the_fossil_studys_source_to_its_citation() -> None:
    # "The bird, named Oskdalornis magnus, was about 2.1 metres tall and lived around 48 million
    # years ago, according to a study published in ..." is 34 words: too long for a bullet
    # whole, its main statement is one (clip.py), cited to the article that says it.
    articles, summary = summarized(story_labelled("s22-oskdal-giant-bird-fossil"))
    main = (
        "The bird, named Oskdalornis magnus, was about 2.1 metres tall and lived around "
        "48 million years ago."
    )
    shown = next(b for b in summary.bullets[1:] if b.text == main)
    cited = [a for a in articles if a.id in shown.article_ids]
    assert any(main.rstrip(".") in a.text for a in cited)
    # Bullet 1 keeps its whole sentence.
    assert any(summary.bullets[0].text in f"{a.lead}\n{a.text}" for a in articles)
