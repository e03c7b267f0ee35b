"""Stories from articles: MiniLM embeddings plus an incremental, windowed single-pass clusterer.

``cluster_stream`` is the loop every caller shares (embed first with ``embed_docs``); the
pipeline warms a ``StoryClusterer`` with the stored articles of the last ``clusterer.memory_hours``
via ``add``, then calls ``assign``/``add`` per new article, exactly as the loop does.
"""

from newsloom.cluster.clusterer import Assignment, ClusterDoc, ScoreWeights, StoryClusterer
from newsloom.cluster.embed import Embedder, embedding_text, get_embedder
from newsloom.cluster.stream import cluster_stream, embed_docs

__all__ = [
    "Assignment",
    "ClusterDoc",
    "Embedder",
    "ScoreWeights",
    "StoryClusterer",
    "cluster_stream",
    "embed_docs",
    "embedding_text",
    "get_embedder",
]
