"""Re-summarise only on material change: a new fact, not a retelling or a wire copy."""

from newsloom.summarize import ExtractiveSummarizer, needs_resummary
from newsloom.summarize.updates import new_fact_count, summary_texts

from .fictional_stories import BARRIER_RADIO, T0, article, barrier_followup, barrier_story


def first_summary():
    return ExtractiveSummarizer().summarize(7, barrier_story(), None, 120, T0)


def test_wire_copy_from_another_outlet_is_not_material() -> None:
    copy = article(20, 9, "Skerra Post", "Barrier closes", BARRIER_RADIO, 70)
    assert not needs_resummary(first_summary(), [*barrier_story(), copy])


def test_retelling_in_near_identical_words_is_not_material() -> None:
    retold = "\n".join(line.replace("The ", "A ", 1) for line in BARRIER_RADIO.splitlines()[:3])
    late = article(21, 9, "Skerra Post", "Barrier closes", retold, 80)
    assert not needs_resummary(first_summary(), [*barrier_story(), late])


def test_article_with_a_new_fact_is_material() -> None:
    assert needs_resummary(first_summary(), [*barrier_story(), barrier_followup()])


def test_new_fact_count_counts_only_unstated_sentences() -> None:
    known, new = barrier_story(), [barrier_followup()]
    assert new_fact_count(known, new, []) == 4
    assert new_fact_count(known, known[:1], []) == 0
    assert new_fact_count([], new, []) == 4


def test_summary_texts_lists_every_section() -> None:
    summary = first_summary()
    texts = summary_texts(summary)
    sections = [*summary.bullets, *(c for p in summary.paragraphs for c in p), *summary.takeaways]
    assert summary.bullets[0].text in texts and all(c.text in texts for c in sections)
    assert summary_texts(None) == []
