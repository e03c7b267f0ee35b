"""Pick one article body from what independent extractors found on the same page.

trafilatura in precision mode is the default: it keeps the least boilerplate. Its typical failure
is recall: it stops at a widget in the middle of the article and keeps only the first part. That
failure is visible when another body (trafilatura in recall mode, readability-lxml) contains the
current one and, besides it, a lot of prose (long paragraphs ending like sentences): then that body
replaces it. The other bodies cost as much again, so they are asked only when the page itself holds
that much prose outside the first body (``doubtful``): without such prose they cannot win. Text that
only the larger body keeps and that is not prose (captions, bylines, ticket prices, link lists) is
the usual boilerplate, so it never makes the larger body win. Readers' comments are prose too: the
paragraphs trafilatura recognised as comments are taken out of the other bodies first.

The opposite failure is precision: the chosen body holds another extractor's whole article plus
blocks that extractor left out. Those blocks are kept unless the page marks them as furniture: link
text (navigation, "more stories" lists) or a row of a table (trafilatura writes a table row as
``| cell | cell |``; pages laid out with tables put their menus, tickers and footers in rows). A
paragraph an independent extractor dropped and that the page shows as a link or a table row is
boilerplate on any layout; a row readability keeps too (a data table inside the article) stays.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from lxml import html as lxml_html

# Ideographs and kana count one token each: Chinese and Japanese do not separate words by spaces.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TOKEN = re.compile(rf"[{_CJK}]|[^\W{_CJK}]+")
_SENTENCE_END = re.compile(r"[.!?…。！？\"”’»)]\s*$")
SHINGLE = 4
# trafilatura's body must be this much inside readability's for the two to be the same article.
SAME_ARTICLE_COVERAGE = 0.9
# A paragraph at least half of whose shingles occur in the other text is shared by both.
SHARED_PARAGRAPH = 0.5
# Prose paragraphs: sentence-like and at least this many tokens.
PROSE_MIN_TOKENS = 15
# Readability wins when its extra prose is at least this share of trafilatura's body.
MISSED_PROSE_SHARE = 0.5
# A paragraph at least half of whose shingles occur in the page's link texts is a link.
LINK_PARAGRAPH = 0.5
# How trafilatura writes a table row (include_tables): cells between vertical bars.
_TABLE_ROW = re.compile(r"^\|.*\|$")


@dataclass(frozen=True)
class Body:
    """One extractor's article text (paragraphs separated by blank lines) and headline."""

    text: str
    title: str
    method: str


def tokens(text: str) -> list[str]:
    """Word tokens, case-folded; each CJK character is a token."""
    return _TOKEN.findall(text.casefold())


def size(text: str) -> int:
    """Length of ``text`` in tokens: words, or characters for Chinese and Japanese."""
    return len(tokens(text))


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = tokens(text)
    return {tuple(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))} - {()}


def coverage(text: str, other: set[tuple[str, ...]]) -> float:
    """Share of ``text``'s shingles that occur in ``other`` (1.0 for a text without any)."""
    own = _shingles(text)
    return len(own & other) / len(own) if own else 1.0


def paragraphs(text: str) -> list[str]:
    return [para.strip() for para in text.splitlines() if para.strip()]


def extra_prose(longer: str, shorter: str) -> int:
    """Tokens of the distinct prose paragraphs of ``longer`` that ``shorter`` lacks."""
    known = _shingles(shorter)
    seen: set[str] = set()
    total = 0
    for para in paragraphs(longer):
        if para in seen or coverage(para, known) >= SHARED_PARAGRAPH:
            continue
        seen.add(para)
        length = size(para)
        if length >= PROSE_MIN_TOKENS and _SENTENCE_END.search(para):
            total += length
    return total


def missed_by_first(first: Body, second: Body) -> bool:
    """True when ``second`` holds ``first``'s article and a lot of prose ``first`` missed."""
    first_size = size(first.text)
    if not first_size or coverage(first.text, _shingles(second.text)) < SAME_ARTICLE_COVERAGE:
        return False
    return extra_prose(second.text, first.text) >= MISSED_PROSE_SHARE * first_size


# Blocks whose own text (not their children's) is prose on pages that lay paragraphs out with <br>.
_TEXT_BLOCKS = frozenset(
    {"div", "td", "section", "article", "main", "li", "dd", "blockquote", "pre"}
)


def _own_text(element: lxml_html.HtmlElement) -> str:
    parts = [element.text or "", *(child.tail or "" for child in element)]
    return " ".join(" ".join(parts).split())


def page_prose(document: lxml_html.HtmlElement) -> list[tuple[str, int]]:
    """The page's prose paragraphs (with their size): <p> elements and text written straight
    into other blocks."""
    found = []
    for element in document.iter():
        tag = element.tag
        if tag == "p":
            para = " ".join(element.text_content().split())
        elif isinstance(tag, str) and tag in _TEXT_BLOCKS:
            para = _own_text(element)
        else:
            continue
        if _SENTENCE_END.search(para) and (length := size(para)) >= PROSE_MIN_TOKENS:
            found.append((para, length))
    return found


def doubtful(first: Body, document: lxml_html.HtmlElement | None, min_tokens: int) -> bool:
    """True when a second extractor could beat ``first`` on this page: ``first`` found almost
    nothing, or the page has prose ``first`` left out amounting to MISSED_PROSE_SHARE of it."""
    first_size = size(first.text)
    if first_size < min_tokens or document is None:
        return True
    known = _shingles(first.text)
    missed = 0
    for para, length in page_prose(document):
        if coverage(para, known) < SHARED_PARAGRAPH:
            missed += length
            if missed >= MISSED_PROSE_SHARE * first_size:
                return True
    return False


def without(body: Body, unwanted: str) -> Body:
    """``body`` without the paragraphs that mostly occur in ``unwanted``."""
    if not unwanted.strip():
        return body
    known = _shingles(unwanted)
    kept = [para for para in paragraphs(body.text) if coverage(para, known) < SHARED_PARAGRAPH]
    return Body("\n\n".join(kept), body.title, body.method)


def link_shingles(document: lxml_html.HtmlElement | None) -> set[tuple[str, ...]]:
    """Shingles of the text of every link on the page."""
    if document is None:
        return set()
    found: set[tuple[str, ...]] = set()
    for anchor in document.iter("a"):
        found |= _shingles(anchor.text_content())
    return found


def furniture(para: str, links: set[tuple[str, ...]]) -> bool:
    """True for a paragraph that is a table row or mostly link text on the page."""
    return bool(_TABLE_ROW.match(para)) or (bool(links) and coverage(para, links) >= LINK_PARAGRAPH)


def without_furniture(body: Body, other: Body, links: set[tuple[str, ...]]) -> Body:
    """``body`` without the paragraphs ``other`` lacks that are ``furniture``."""
    known = _shingles(other.text)
    kept = [
        para
        for para in paragraphs(body.text)
        if coverage(para, known) >= SHARED_PARAGRAPH or not furniture(para, links)
    ]
    return Body("\n\n".join(kept), body.title, body.method) if kept else body


def has_furniture(body: Body, links: set[tuple[str, ...]]) -> bool:
    """True when ``body``'s ``furniture`` paragraphs are enough for another body to hold less
    than SAME_ARTICLE_COVERAGE of it (less cannot tell the two apart, see ``holds``)."""
    total = size(body.text)
    found = sum(size(para) for para in paragraphs(body.text) if furniture(para, links))
    return found > 0 and found >= (1 - SAME_ARTICLE_COVERAGE) * total


def choose_body(
    first: Body,
    others: Sequence[Body | None],
    min_tokens: int,
    comments: str = "",
    links: set[tuple[str, ...]] | None = None,
) -> Body:
    """``first`` (trafilatura's precise body) unless another body is clearly the better article;
    each of ``others`` in turn is compared with the best so far.

    ``comments`` is the readers' comments trafilatura found on the page; they are never article.
    ``links`` is the shingles of the page's link texts (``link_shingles``).
    """
    best = first
    for other in others:
        if other is None:
            continue
        other = without(other, comments)
        if size(other.text) < min_tokens:
            continue
        if size(best.text) < min_tokens or missed_by_first(best, other):
            best = other
        elif holds(best, other):
            best = without_furniture(best, other, links or set())
    return best


def holds(larger: Body, smaller: Body) -> bool:
    """True when ``larger`` holds ``smaller``'s article and text besides it."""
    known = _shingles(larger.text)
    if coverage(smaller.text, known) < SAME_ARTICLE_COVERAGE:
        return False
    return coverage(larger.text, _shingles(smaller.text)) < SAME_ARTICLE_COVERAGE
