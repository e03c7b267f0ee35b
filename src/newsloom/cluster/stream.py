"""The one "embed, then assign and add in order" loop, shared by evaluation and batch callers."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

import numpy as np

from newsloom.cluster.clusterer import Assignment, ClusterDoc, StoryClusterer
from newsloom.cluster.embed import embedding_text

NewStoryId = Callable[[ClusterDoc], int]
OnAssign = Callable[[ClusterDoc, Assignment], None]


def embed_docs(
    docs: Sequence[ClusterDoc],
    embed: Callable[[list[str]], np.ndarray],
) -> list[ClusterDoc]:
    """Give every doc without a vector its embedding of title + lead (one batched call)."""
    missing = [i for i, d in enumerate(docs) if d.vector is None]
    out = list(docs)
    if missing:
        vectors = embed([embedding_text(docs[i].title, docs[i].text) for i in missing])
        for i, vector in zip(missing, vectors, strict=True):
            out[i] = replace(docs[i], vector=vector)
    return out


def cluster_stream(
    docs: Sequence[ClusterDoc],
    clusterer: StoryClusterer,
    new_story_id: NewStoryId | None = None,
    on_assign: OnAssign | None = None,
) -> list[int]:
    """Assign ``docs`` in (published, article_id) order; returns the story id of each input doc.

    ``new_story_id`` makes the id of a new story (the pipeline creates a row); by default ids count
    up from one past the largest the clusterer has seen. ``on_assign`` sees each decision (the
    pipeline stores its reasons; evaluation shows them for the worst merges).
    """
    counter = iter(range(clusterer.largest_story_id + 1, 1 << 62))

    def next_id(_: ClusterDoc) -> int:
        return next(counter)

    make_id = new_story_id or next_id
    order = sorted(range(len(docs)), key=lambda i: (docs[i].published, docs[i].article_id))
    story_of = [0] * len(docs)
    for i in order:
        doc = docs[i]
        assignment = clusterer.assign(doc)
        if on_assign is not None:
            on_assign(doc, assignment)
        story_id = assignment.story_id if assignment.story_id is not None else make_id(doc)
        clusterer.add(doc, story_id)
        story_of[i] = story_id
    return story_of
