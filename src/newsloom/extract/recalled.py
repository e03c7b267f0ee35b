"""Prose paragraphs precision mode dropped from between two paragraphs of the article it kept.

trafilatura in precision mode drops paragraphs from inside an article along with the boxes
around it: a listicle entry's description under its linked heading, a paragraph right after a
picture or an embed. Run again keeping all it can (recall mode, asked when the page is in doubt),
it reads the same container and keeps them where they stand. On any layout, a paragraph of prose
that the recall reading holds between two paragraphs the precise body holds one right after the
other stands inside the article's span, between two of its paragraphs: it is the article's own.
What interrupts an article without being its text (a "Read more" line, a card of another story,
a caption, a button) is mostly link text on the page or reads as no prose: it stays out.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet

from newsloom.extract.choose import (
    LINK_PARAGRAPH,
    SHARED_PARAGRAPH,
    Body,
    Shingle,
    coverage,
    is_prose,
    paragraphs,
    shingles,
)


def _flat(para: str) -> str:
    return " ".join(para.split())


def with_recalled_paragraphs(body: Body, recall: Body | None, links: AbstractSet[Shingle]) -> Body:
    """``body`` (precision mode's) with the prose paragraphs ``recall`` (recall mode's body of
    the same page) holds between two of its paragraphs that follow each other in ``body``, put
    back where they stand (see the module); ``links`` is the shingles of the page's link texts."""
    if recall is None or not recall.text.strip():
        return body
    paras = paragraphs(body.text)
    at = {_flat(para): index for index, para in enumerate(paras)}
    known = shingles(body.text)
    inserts: dict[int, list[str]] = {}
    last: int | None = None  # where in ``body`` the last recall paragraph it holds stands
    pending: list[str] = []
    for para in map(_flat, paragraphs(recall.text)):
        index = at.get(para)
        if index is not None:
            if pending and last is not None and index == last + 1:
                inserts[index] = pending
            last, pending = index, []
        elif (
            last is not None
            and is_prose(para)
            and coverage(para, links) < LINK_PARAGRAPH
            and coverage(para, known) < SHARED_PARAGRAPH
        ):
            pending.append(para)
    if not inserts:
        return body
    kept = [new for index, para in enumerate(paras) for new in [*inserts.get(index, []), para]]
    return Body("\n\n".join(kept), body.title, body.method)
