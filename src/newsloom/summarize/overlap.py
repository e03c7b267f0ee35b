"""Word-for-word support across outlets: how many of a sentence's word pairs other articles use.

Two outlets that report the same fact tend to share its word pairs ("hydrogen bomb", "Supreme
Court ruled"), even when the sentences differ as a whole; a story's human summary reuses them too.
Unigram cosine (``vectors.cross_support``) also rewards sentences that merely share the topic's
words, so the two signals complement each other.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from itertools import pairwise

import numpy as np

from newsloom.records import Article
from newsloom.textkit import ENGLISH_STOP_WORDS, stem

_WORD = re.compile(r"[a-z0-9]+")
Bigram = tuple[str, str]


def content_bigrams(text: str) -> list[Bigram]:
    """Stemmed, lower-cased word pairs of ``text``, except pairs of two stop words."""
    words = _WORD.findall(text.lower())
    stems = list(map(stem, words))
    return [
        pair
        for pair, (word, after) in zip(pairwise(stems), pairwise(words), strict=True)
        if not (word in ENGLISH_STOP_WORDS and after in ENGLISH_STOP_WORDS)
    ]


def _content_unigrams(text: str) -> set[str]:
    """Stemmed, lower-cased words of ``text`` other than stop words, tokenized as
    ``content_bigrams`` does (unlike ``openings.content_words``, which reads any script and the
    summaries' own stop list), so word and pair support read the same words."""
    return {stem(w) for w in _WORD.findall(text.lower()) if w not in ENGLISH_STOP_WORDS}


def word_support(
    sentences: Sequence[str], owners: Sequence[int], articles: Sequence[Article]
) -> np.ndarray:
    """Per sentence (written by ``articles[owners[i]]``), the mean over the articles of other
    outlets of the share of its content words that the article's title or text also contains:
    how far the other outlets carry its names, numbers and event words, whatever its place in
    its own article. Zero when no article comes from another outlet."""
    vocab = [_content_unigrams(f"{a.title}\n{a.lead}\n{a.text}") for a in articles]
    sources = [a.source_id for a in articles]
    support = np.zeros(len(sentences))
    for i, (sentence, owner) in enumerate(zip(sentences, owners, strict=True)):
        found = _content_unigrams(sentence)
        others = [k for k, source in enumerate(sources) if source != sources[owner]]
        if not found or not others:
            continue
        support[i] = sum(len(found & vocab[k]) for k in others) / (len(found) * len(others))
    return support


def bigram_support(
    sentences: Sequence[str],
    owners: Sequence[int],
    articles: Sequence[Article],
    supporters: Sequence[bool] | None = None,
) -> np.ndarray:
    """Per sentence (written by ``articles[owners[i]]``), the mean over the articles of other
    outlets of the share of its word pairs that the article's title or text also contains.

    ``supporters`` limits the articles that count as support (default: all). Zero for every
    sentence when no supporting article comes from another outlet.
    """
    counted = list(supporters) if supporters is not None else [True] * len(articles)
    # Per word pair, how many supporting articles use it, and each outlet's own article sets: a
    # sentence's support is what its pairs count in all of them less in its own outlet's, the
    # same sum as over the other outlets' articles one by one, in one pass over its pairs.
    used: Counter[Bigram] = Counter()
    by_source: dict[int, list[set[Bigram]]] = {}
    for k, article in enumerate(articles):
        if counted[k]:
            pairs_of = set(content_bigrams(f"{article.title}\n{article.lead}\n{article.text}"))
            used.update(pairs_of)
            by_source.setdefault(article.source_id, []).append(pairs_of)
    supporting = sum(1 for k in counted if k)
    sources = [a.source_id for a in articles]
    support = np.zeros(len(sentences))
    for i, (sentence, owner) in enumerate(zip(sentences, owners, strict=True)):
        pairs = set(content_bigrams(sentence))
        own = by_source.get(sources[owner], [])
        others = supporting - len(own)
        if not pairs or not others:
            continue
        shared = sum(used[p] for p in pairs) - sum(len(pairs & found) for found in own)
        support[i] = shared / (len(pairs) * others)
    return support
