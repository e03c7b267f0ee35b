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
anyway (the blocks it ``met``). That walk meets the paragraphs that end like a sentence only: the
lines of a box after an article (its heading, link lines, a source line, sponsored lines) are not
among them. Those after the last paragraph known to stand inside are looked for on the page after
its block (one search each, over what follows it) and go too when they stand outside, unless what
goes is as large as what stays: then the opening half told the container wrong (a short intro
above a long list is no article with a box after it). A prose paragraph the walk did not meet is
passed over: the walk meets every one that stands in a block of its own, so that one is written
inside a run of inline text (a <font> holding the article between <br>s), whose block tells
nothing about where the article ends.
"""

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree
from lxml import html as lxml_html

from newsloom.extract.choose import Body, is_prose, paragraphs, size
from newsloom.extract.edges import block_of

# How far above the container the nearest ancestor a paragraph's block shares with it stands
# for that paragraph to stand outside the article (1: anywhere outside the container).

OUTSIDE_LEVELS = 2
# The container is told by two blocks at least (one block is a paragraph, not a container).
_OPENING_BLOCKS = 2
# A line is looked for on the page by its start, this many characters long (whitespace
# normalised), after the marks trafilatura puts before a list item or a table row.
_KEY_CHARS = 40
_MARKS = ("- ", "| ")
# The first text after an element, in page order, that starts with a given text.
_FOLLOWING = etree.XPath("following::text()[starts-with(normalize-space(.), $key)][1]")


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


def _block_after(line: str, anchor: lxml_html.HtmlElement) -> lxml_html.HtmlElement | None:
    """The block holding ``line`` on the page after ``anchor``, None when it is not found."""
    key = line
    for mark in _MARKS:
        key = key.removeprefix(mark)
    key = key[:_KEY_CHARS].strip()
    found = _FOLLOWING(anchor, key=key) if key else []
    return block_of(found[0]) if found else None


def _lines_end(
    flat: list[str],
    inside: int,
    anchor: lxml_html.HtmlElement,
    container: list[lxml_html.HtmlElement],
) -> int:
    """Where the run of lines standing outside ``container`` that ends ``flat`` starts, among
    the paragraphs after ``inside`` (the last one known to stand inside, in block ``anchor``);
    ``len(flat)`` when there is none. Prose is passed over (see the module's doc), and so is a
    line not found after ``anchor``."""
    end = len(flat)
    for at in range(len(flat) - 1, inside, -1):
        if is_prose(flat[at]):
            continue
        block = _block_after(flat[at], anchor)
        if block is None:
            continue
        if _levels_out(block, container) < OUTSIDE_LEVELS:
            break
        end = at
    return end


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
    inside = None
    for at in range(len(paras) - 1, 0, -1):
        block = holders.get(flat[at])
        if block is None:
            continue
        if _levels_out(block, container) < OUTSIDE_LEVELS:
            inside = at
            break
        end = at
    if inside is not None:
        lines = _lines_end(flat, inside, holders[flat[inside]], container)
        if lines < end and sum(sizes[:lines]) > sum(sizes[lines:]):
            end = lines
    if end == len(paras):
        return body
    return Body("\n\n".join(paras[:end]), body.title, body.method)
