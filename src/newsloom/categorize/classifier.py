"""Zero-shot category classifier: embedding prototypes plus keyword counts, refined by ``fit``.

Without any data it scores a text against each category's hand-written prototypes
(``newsloom.categorize.prototypes``): cosine similarity of its MiniLM vector to the category's
centroid and nearest examples, plus a damped count of the category's keywords; a softmax turns
the scores into probabilities. ``fit(texts, labels)`` blends in the user's own labelled
articles (those from feeds that declare a specific section): they join the example pool, and
each centroid becomes the mean of its prototype (worth ``prior_weight`` examples) and the
user's vectors. Deterministic: no sampling, no random initialisation.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache

import numpy as np

from newsloom.categorize.lexical import KeywordCounter
from newsloom.categorize.prototypes import PROTOTYPES, Prototype
from newsloom.categorize.taxonomy import GENERAL, normalise_section
from newsloom.records import Article

EmbedFn = Callable[[list[str]], np.ndarray]

# The text of an article the classifier reads: its title and the start of its lead. A short lead
# keeps embedding cheap (MiniLM cost grows with tokens) and carries the topic well enough.
LEAD_CHARS = 240


def article_text(article: Article, lead_chars: int = LEAD_CHARS) -> str:
    """Title and lead (or, without a lead, the start of the body) of an article."""
    # Imported here: newsloom.cluster pulls in scikit-learn, seconds that a page view must not pay.
    from newsloom.cluster.embed import embedding_text

    return embedding_text(article.title, article.lead or article.text, lead_chars)


def _normalise_rows(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.maximum(norms, 1e-12)


def _embed_prototypes(
    prototypes: Sequence[Prototype], embed: Callable[[list[str]], np.ndarray]
) -> tuple[np.ndarray, np.ndarray]:
    """Vectors of every description and example headline, and the class index of each."""
    texts = [t for p in prototypes for t in (p.description, *p.headlines)]
    index = [k for k, p in enumerate(prototypes) for _ in range(1 + len(p.headlines))]
    return embed(texts), np.array(index, dtype=np.int64)


@lru_cache(maxsize=4)
def _default_prior(prototypes: tuple[Prototype, ...]) -> tuple[np.ndarray, np.ndarray]:
    from newsloom.categorize.prior_cache import cached_vectors
    from newsloom.cluster.embed import get_embedder

    vectors, index = _embed_prototypes(
        prototypes, lambda texts: cached_vectors(texts, get_embedder().embed)
    )
    return _normalise_rows(vectors), index


class CategoryClassifier:
    """``fit(texts, labels)`` / ``predict(texts)`` / ``predict_proba(texts)`` over taxonomy slugs.

    ``classes_`` lists the slugs in column order of ``predict_proba``. ``classify(articles)``
    gives ``(slug, confidence)`` per article for ``categorize_story``.

    A text's score for a category is the mean of two cosine similarities, to the category's
    centroid and to its ``k`` nearest examples (the centroid is robust, the neighbours catch
    sub-topics the centroid averages away), divided by ``temperature``, plus ``lexical_weight``
    times the damped keyword count. "general" starts ``general_penalty`` lower: it is the
    fallback, chosen only when a text is clearly about none of the topics.
    """

    def __init__(
        self,
        embed: EmbedFn | None = None,
        *,
        prototypes: Sequence[Prototype] = PROTOTYPES,
        temperature: float = 0.05,
        lexical_weight: float = 1.0,
        general_penalty: float = 1.0,
        neighbours: int = 5,
        prior_weight: float = 10.0,
        lead_chars: int = LEAD_CHARS,
        cache_size: int = 20_000,
    ) -> None:
        if temperature <= 0 or neighbours < 1 or min(prior_weight, lexical_weight) < 0:
            raise ValueError("categorize: temperature must be > 0, neighbours >= 1, weights >= 0")
        self._embed_fn = embed
        self.prototypes = tuple(prototypes)
        self.classes_ = tuple(p.slug for p in self.prototypes)
        self.temperature = temperature
        self.lexical_weight = lexical_weight
        self.neighbours = neighbours
        self.prior_weight = prior_weight
        self.lead_chars = lead_chars
        self._bias = np.array(
            [-general_penalty if c == GENERAL else 0.0 for c in self.classes_], dtype=np.float32
        )
        self._keywords = KeywordCounter(self.prototypes)
        self._prior: tuple[np.ndarray, np.ndarray] | None = None  # example vectors, class index
        self._examples: tuple[np.ndarray, np.ndarray] | None = None  # prior plus fitted
        self._centroids: np.ndarray | None = None
        self.n_fitted_ = dict.fromkeys(self.classes_, 0)
        self.cache_size = cache_size
        self._cache: dict[str, np.ndarray] = {}

    def _embed(self, texts: list[str]) -> np.ndarray:
        """Normalised vectors; texts seen lately come from a bounded cache, because a story is
        re-categorized at every refresh while its articles stay the same."""
        missing = list(dict.fromkeys(t for t in texts if t not in self._cache))
        if missing:
            embed = self._embed_fn
            if embed is None:
                from newsloom.cluster.embed import get_embedder

                embed = get_embedder().embed
            vectors = np.asarray(embed(missing), dtype=np.float32).reshape(len(missing), -1)
            self._cache.update(zip(missing, _normalise_rows(vectors), strict=True))
        out = np.stack([self._cache[t] for t in texts]) if texts else np.zeros((0, 0))
        for text in list(self._cache)[: max(0, len(self._cache) - self.cache_size)]:
            del self._cache[text]  # oldest first: dicts keep insertion order
        return out.astype(np.float32)

    def _prior_examples(self) -> tuple[np.ndarray, np.ndarray]:
        if self._prior is None:
            if self._embed_fn is None:  # the product's embedder: shared by every instance
                self._prior = _default_prior(self.prototypes)
            else:
                self._prior = _embed_prototypes(self.prototypes, self._embed)
        return self._prior

    def _model(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(example vectors, their class index, class centroids), the prior until fitted."""
        if self._examples is None or self._centroids is None:
            vectors, index = self._prior_examples()
            self._examples = (vectors, index)
            self._centroids = self._blend(vectors, index, np.zeros((0, vectors.shape[1])), [])
        return self._examples[0], self._examples[1], self._centroids

    def _blend(
        self, prior: np.ndarray, prior_index: np.ndarray, user: np.ndarray, user_index: list[int]
    ) -> np.ndarray:
        # Each prototype counts as ``prior_weight`` examples next to the user's own.
        rows = []
        for k in range(len(self.classes_)):
            own = prior[prior_index == k]
            centre = own.mean(axis=0) / max(float(np.linalg.norm(own.mean(axis=0))), 1e-12)
            mine = [user[i] for i, c in enumerate(user_index) if c == k]
            rows.append(centre * self.prior_weight + np.sum(mine, axis=0) if mine else centre)
        return _normalise_rows(np.stack(rows))

    def prepare(self) -> CategoryClassifier:
        """Embed the prototypes now rather than on the first prediction."""
        self._model()
        return self

    def fit(self, texts: Sequence[str], labels: Sequence[str]) -> CategoryClassifier:
        """Blend labelled texts into the prototypes; labels are slugs or declared section names.

        Labels that name no specific category (unknown, "news", "general") are ignored. Fitting
        again starts from the prototypes, not from the previous fit.
        """
        if len(texts) != len(labels):
            raise ValueError("categorize: fit needs one label per text")
        prior, prior_index = self._prior_examples()
        slugs = [normalise_section(label) for label in labels]
        keep = [i for i, s in enumerate(slugs) if s in self.classes_ and s != GENERAL]
        user = self._embed([texts[i] for i in keep]) if keep else np.zeros((0, prior.shape[1]))
        user_index = [self.classes_.index(str(slugs[i])) for i in keep]
        self._examples = (
            np.vstack([prior, user]).astype(np.float32),
            np.concatenate([prior_index, np.array(user_index, dtype=np.int64)]),
        )
        self._centroids = self._blend(prior, prior_index, user, user_index)
        self.n_fitted_ = {c: user_index.count(k) for k, c in enumerate(self.classes_)}
        return self

    def fit_articles(
        self, articles: Sequence[Article], sections: Mapping[int, str]
    ) -> CategoryClassifier:
        """``fit`` on the articles whose source declares a specific section
        (``sections``: source_id -> declared section, as ``categorize_story`` takes it)."""
        labelled = [a for a in articles if sections.get(a.source_id)]
        return self.fit(
            [article_text(a, self.lead_chars) for a in labelled],
            [sections[a.source_id] for a in labelled],
        )

    def decision_function(
        self, texts: Sequence[str], vectors: np.ndarray | None = None
    ) -> np.ndarray:
        """Scores (n_texts, n_classes). ``vectors``: the texts' embeddings when already known
        (the pipeline stores one per article), saving the embedding cost."""
        examples, index, centroids = self._model()
        if not texts:
            return np.zeros((0, len(self.classes_)), dtype=np.float32)
        if vectors is None:
            vectors = self._embed(list(texts))
        else:
            vectors = _normalise_rows(np.asarray(vectors, dtype=np.float32))
        similarity = vectors @ examples.T
        nearest = np.stack(
            [
                np.sort(similarity[:, index == k], axis=1)[:, -self.neighbours :].mean(axis=1)
                for k in range(len(self.classes_))
            ],
            axis=1,
        )
        semantic = 0.5 * (vectors @ centroids.T) + 0.5 * nearest
        lexical = self._keywords.scores(texts)
        return semantic / self.temperature + self.lexical_weight * lexical + self._bias

    def predict_proba(self, texts: Sequence[str], vectors: np.ndarray | None = None) -> np.ndarray:
        scores = self.decision_function(texts, vectors)
        scores = scores - scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        return exp / exp.sum(axis=1, keepdims=True)

    def predict(self, texts: Sequence[str], vectors: np.ndarray | None = None) -> list[str]:
        proba = self.predict_proba(texts, vectors)
        return [self.classes_[int(i)] for i in proba.argmax(axis=1)]

    def classify(
        self, articles: Sequence[Article], vectors: np.ndarray | None = None
    ) -> list[tuple[str, float]]:
        """``(slug, probability)`` of the most likely category of each article."""
        texts = [article_text(a, self.lead_chars) for a in articles]
        proba = self.predict_proba(texts, vectors)
        return [
            (self.classes_[int(i)], float(row[i]))
            for row, i in zip(proba, proba.argmax(axis=1), strict=True)
        ]
