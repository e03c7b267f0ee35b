"""The end of a body read on past the article's container: a widget after it on the page.

An extractor reading on past an article's last paragraph takes in what the page shows after it
("Latest comments", a features sidebar, the site's blurbs) when that reads like prose too. On
any layout an article's paragraphs stand together in one container: the element holding the
body's opening half (the nearest ancestor of the blocks holding its paragraphs up to half its
tokens) holds its end as well. A paragraph ending the body that shares no nearer ancestor with
that container than OUTSIDE_LEVELS above it stands in another part of the page: a column or box
beside the article, not a section of it. Such paragraphs ending the body go (the opening half
stays, being inside). A paragraph whose block is not known (a heading, a line ending like no
sentence) is passed over; the walk back stops at the first paragraph known to stand inside.

The blocks holding the body's paragraphs are known from the walk ``choose.doubtful`` makes
anyway (the blocks it ``met``): no search of the page is made.
"""

from __future__ import annotations

from collections.abc import Sequence

from lxml import html as lxml_html

from newsloom.extract.choose import Body, paragraphs, size

# How far above the container the nearest ancestor a paragraph's block shares with it stands
# for that paragraph to stand outside the article (1: anywhere outside the container).

OUTSIDE_LEVELS = 2
# The container is told by two blocks at least (one block is a paragraph, not a container).
_OPENING_BLOCKS = 2


def _lineage(element: lxml_html.HtmlElement) -> list[lxml_html.HtmlElement]:
    """``element`` and its ancestors, nearest first."""
    return [element, *element.iterancestors()]


def _container(blocks: list[lxml_html.HtmlElement]) -> list[lxml_html.HtmlElement] | None:
    """The lineage of the nearest common ancestor of ``blocks``, None for fewer than two."""
    if len({id(block) for block in blocks}) < _OPENING_BLOCKS:
        return None
    common = _lineage(blocks[0])
    for block in blocks[1:]:
        around = {id(element) for element in _lineage(block)}
        common = [element for element in common if id(element) in around]
    return common or None


def _levels_out(block: lxml_html.HtmlElement, container: list[lxml_html.HtmlElement]) -> int:
    """How many levels above the container the nearest ancestor it shares with ``block`` is."""
    depth = {id(element): at for at, element in enumerate(container)}
    for element in _lineage(block):
        if id(element) in depth:
            return depth[id(element)]
    return len(container)


def without_outside_tail(body: Body, met: Sequence[tuple[str, lxml_html.HtmlElement]]) -> Body:
    """``body`` without the paragraphs ending it that stand outside the container of its
    opening half (see the module's doc); ``met`` pairs body paragraphs with the blocks holding
    them, in page order (the first block holding a paragraph is the one that counts)."""
    if not met:
        return body
    holders: dict[str, lxml_html.HtmlElement] = {}
    for para, block in met:
        holders.setdefault(para, block)
    paras = paragraphs(body.text)
    flat = [" ".join(para.split()) for para in paras]
    sizes = [size(para) for para in paras]
    half = sum(sizes) / 2
    opening: list[lxml_html.HtmlElement] = []
    reached = 0
    for para, length in zip(flat, sizes, strict=True):
        if para in holders:
            opening.append(holders[para])
        reached += length
        if reached >= half:
            break
    container = _container(opening)
    if container is None:
        return body
    end = len(paras)
    for at in range(len(paras) - 1, 0, -1):
        block = holders.get(flat[at])
        if block is None:
            continue
        if _levels_out(block, container) < OUTSIDE_LEVELS:
            break
        end = at
    if end == len(paras):
        return body
    return Body("\n\n".join(paras[:end]), body.title, body.method)
