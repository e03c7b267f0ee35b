import numpy as np
import pytest

from newsloom.summarize.overlap import bigram_support, content_bigrams, word_support
from newsloom.textkit import stem

from .fictional_stories import article

GAZETTE = "The harbour master closed the inner basin. Ferries stayed in port all day."
RADIO = "Officials said the harbour master closed the inner basin on Monday."
POST = "A bakery on Quay Street gave free bread to the crews."


def test_content_bigrams_stem_and_skip_pairs_of_stop_words() -> None:
    pairs = content_bigrams("The gates were closed at the harbours.")
    assert (stem("gates"), "were") in pairs and ("harbour", "harbour") not in pairs
    assert ("at", "the") not in pairs  # two stop words say nothing about the story
    assert ("closed", "at") not in pairs and (stem("closed"), "at") in pairs
    # Tense does not matter: both reports' pairs meet.
    assert content_bigrams("The ferry closed at dawn") == content_bigrams(
        "The ferry closing at dawn"
    )


def test_sentence_other_outlets_word_for_word_outranks_an_unshared_one() -> None:
    articles = [
        article(1, 1, "Harbour Gazette", "Basin closed", GAZETTE, 0),
        article(2, 2, "Coast Radio", "Basin shut", RADIO, 5),
        article(3, 3, "Quay Post", "Free bread", POST, 9),
    ]
    sentences = ["The harbour master closed the inner basin.", POST]
    support = bigram_support(sentences, [0, 2], articles)
    assert support[0] > 0.3  # the radio repeats its pairs; the post does not
    assert support[1] == 0.0


def test_articles_of_the_same_outlet_do_not_support_each_other() -> None:
    articles = [
        article(1, 1, "Harbour Gazette", "Basin closed", GAZETTE, 0),
        article(2, 1, "Harbour Gazette", "Basin shut", RADIO, 5),
    ]
    support = bigram_support(["The harbour master closed the inner basin."], [0], articles)
    assert np.array_equal(support, np.zeros(1))


def test_supporters_limit_which_articles_count() -> None:
    articles = [
        article(1, 1, "Harbour Gazette", "Basin closed", GAZETTE, 0),
        article(2, 2, "Coast Radio", "Basin shut", RADIO, 5),
        article(3, 3, "Quay Post", "Free bread", POST, 9),
    ]
    sentence = ["The harbour master closed the inner basin."]
    assert bigram_support(sentence, [0], articles)[0] > 0
    assert bigram_support(sentence, [0], articles, [True, False, True])[0] == 0.0


def test_a_scene_no_other_outlet_carries_has_less_word_support_than_a_shared_count() -> None:
    # A feature's scene ("The chapel on Quay Street was full by breakfast") shares few of its
    # words with the reports; a count they all give ("3,000 people in shelters") shares most.
    reports = [
        article(1, 1, "Harbour Gazette", "Flood", "About 3,000 people fled to shelters.", 0),
        article(2, 2, "Coast Radio", "Flood", "Shelters took in 3,000 people overnight.", 5),
        article(3, 3, "Quay Post", "Chapel", "The chapel on Quay Street was full by breakfast.", 9),
    ]
    sentences = ["Some 3,000 people remain in shelters.", "The chapel was full by breakfast."]
    support = word_support(sentences, [0, 2], reports)
    # The radio carries four of its five content words, the post none: (4/5 + 0) / 2.
    assert support[0] == pytest.approx(0.4)
    assert support[1] == 0.0
    # Its own outlet does not count: written by the radio, the gazette carries it.
    assert word_support([sentences[0]], [1], reports)[0] == pytest.approx(0.4)


def test_support_is_the_mean_share_over_the_other_outlets_articles() -> None:
    # The gazette has two articles: written by the radio, the sentence's six pairs are all in
    # the gazette's first article and none in its second, (6 + 0) / (6 x 2); written by the
    # gazette, only the radio's article counts, and it has them all.
    articles = [
        article(1, 1, "Harbour Gazette", "Basin closed", GAZETTE, 0),
        article(2, 1, "Harbour Gazette", "Free bread", POST, 5),
        article(3, 2, "Coast Radio", "Basin shut", RADIO, 9),
    ]
    sentence = "The harbour master closed the inner basin."
    assert len(set(content_bigrams(sentence))) == 6
    assert bigram_support([sentence, sentence], [2, 0], articles).tolist() == [0.5, 1.0]
    limited = bigram_support([sentence, sentence], [2, 0], articles, [False, True, True])
    assert limited.tolist() == [0.0, 1.0]
