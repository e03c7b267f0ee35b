"""Pick one article body from what independent extractors found on the same page.

trafilatura in precision mode is the default: it keeps the least boilerplate. Its typical failure
is recall: it stops at a widget in the middle of the article and keeps only the first part. That
failure is visible when another body (trafilatura in recall mode, readability-lxml) contains the
current one and, besides it, a lot of prose (long paragraphs ending like sentences): then that body
replaces it. The other bodies cost as much again, so they are asked only when the page itself holds
that much prose outside the first body (``doubtful``): without such prose they cannot win. Text that
only the larger body keeps and that is not prose (captions, bylines, ticket prices, link lists) is
the usual boilerplate, so it never makes the larger body win. Readers' comments are prose too:
comments a caller knows of (``choose_body``'s ``comments``) are taken out of the other bodies first;
``extract_article`` has trafilatura leave the page's comment sections out of its runs instead.

The opposite failure is precision: the chosen body holds another extractor's whole article plus
blocks that extractor left out. Those blocks are kept unless the page marks them as furniture: link
text (navigation, "more stories" lists) or a row of a table (trafilatura writes a table row as
``| cell | cell |``; pages laid out with tables put their menus, tickers and footers in rows). A
paragraph an independent extractor dropped and that the page shows as a link or a table row is
boilerplate on any layout; a row readability keeps too (a data table inside the article) stays.
Two readings of one article that each hold text of their own (a headline, a byline, a footer;
``overlaps``) lose the same way the link text and the one-cell layout rows only one of them keeps.

Three more grounds hold on any layout (``outweighs``, ``padded``, ``precise``): another body with
more than twice the first's size in prose the first lacks is the article the first missed (it read
a teaser or a caption instead); a first body without the shape of an article (no paragraph, more
tables than paragraphs, or mostly one row of a layout table, ``flattened``) gives way to
readability's; and a body holding another one plus at least as much again of short lines (form
options, menus, listings), or one that only trafilatura's balanced retry kept after its precision
mode kept almost nothing, gives way to the body inside it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence, Set
from dataclasses import dataclass
from functools import lru_cache, wraps
from itertools import chain
from typing import TypeVar

from lxml import html as lxml_html

# Ideographs and kana count one token each: Chinese and Japanese do not separate words by spaces.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TOKEN = re.compile(rf"[{_CJK}]|[^\W{_CJK}]+")
# Without an ideograph or kana in the text (most pages), ``_TOKEN`` finds the runs of word
# characters: the plain pattern finds the same tokens in four fifths of the time.
_WORDS = re.compile(r"\w+")
_HAS_CJK = re.compile(rf"[{_CJK}]")
# What the last character of a sentence is (before any closing whitespace).
SENTENCE_ENDS = frozenset('.!?…。！？"”’»)')
SHINGLE = 4
# trafilatura's body must be this much inside readability's for the two to be the same article.
SAME_ARTICLE_COVERAGE = 0.9
# A paragraph at least half of whose shingles occur in the other text is shared by both.
SHARED_PARAGRAPH = 0.5
# Prose paragraphs: sentence-like and at least this many tokens.
PROSE_MIN_TOKENS = 15
# Readability wins when its extra prose is at least this share of trafilatura's body.
MISSED_PROSE_SHARE = 0.5
# Text another body adds to an article is padding when less than this share of it is prose.
PADDING_PROSE_SHARE = 0.2
# A body this much of which is prose reads like an article.
ARTICLE_PROSE_SHARE = 0.5
# A run of paragraphs repeated in a body is a second copy of the article (or of a large part of
# it) when it makes up this share of the body: a repeated line or two is not.
REPEATED_BLOCK_SHARE = 0.25
# A body this long (a few paragraphs) can replace one that lacks the shape of an article.
DEFICIENT_MIN_TOKENS = 100
# A line recurring this often is a listing's (see ``listing``); twice may be chance.
LISTING_MIN_REPEATS = 3
# A paragraph at least half of whose shingles occur in the page's link texts is a link.
LINK_PARAGRAPH = 0.5
# A sentence announcing a list has a subject and a verb at least; the labels heading a box of
# links ("Read more:", "Related stories:", "More from the author:") are shorter.
LEAD_IN_MIN_TOKENS = 5
# How trafilatura writes a list item: a dash and a space before its text.
_LIST_ITEM = "- "
# How trafilatura writes a table row (include_tables): cells between vertical bars.
_TABLE_ROW = re.compile(r"^\|.*\|$")
# The bars between a row's cells; a bar inside a cell's text is escaped (``\|``).
_CELL_BREAK = re.compile(r"(?<!\\)\|")


@dataclass(frozen=True)
class Body:
    """One extractor's article text (paragraphs separated by blank lines) and headline."""

    text: str
    title: str
    method: str


# One page's bodies are measured and compared many times over (sizes, coverages, extra prose):
# the last few texts' tokens and shingles are kept rather than found again. Bodies and
# paragraphs are kept apart: the hundreds of paragraphs measured between two looks at a body
# (its furniture, its repeated blocks) would push the body out of one shared list, and tokenizing
# it again cost a quarter of all tokenizing.
_RECENT_BODIES = 16
_RECENT_PARAGRAPHS = 256
# A text this long (characters) is kept among the bodies; a paragraph rarely is.
_BODY_CHARS = 2000
# What stands between two paragraphs of a body.
_PARAGRAPH_BREAK = "\n\n"

_Kept = TypeVar("_Kept")


def _recent(function: Callable[[str], _Kept]) -> Callable[[str], _Kept]:
    """``function`` keeping its results for the last texts, bodies and paragraphs apart."""
    bodies = lru_cache(maxsize=_RECENT_BODIES)(function)
    short = lru_cache(maxsize=_RECENT_PARAGRAPHS)(function)

    @wraps(function)
    def kept(text: str) -> _Kept:
        return (bodies if len(text) >= _BODY_CHARS else short)(text)

    return kept


@_recent
def _token_tuple(text: str) -> tuple[str, ...]:
    if _PARAGRAPH_BREAK in text:
        # A body: its paragraphs' tokens, one after another (no token spans a line break, and
        # case folding maps each character on its own), each paragraph's kept for the looks at
        # the body's paragraphs that follow (its furniture, its tail): they are not tokenized
        # again.
        return tuple(chain.from_iterable(_token_tuple(para) for para in paragraphs(text)))
    folded = text.casefold()
    # ``isascii`` reads a flag CPython keeps: no scan of an ASCII text.
    plain = folded.isascii() or _HAS_CJK.search(folded) is None
    return tuple((_WORDS if plain else _TOKEN).findall(folded))


def tokens(text: str) -> list[str]:
    """Word tokens, case-folded; each CJK character is a token."""
    return list(_token_tuple(text))


def size(text: str) -> int:
    """Length of ``text`` in tokens: words, or characters for Chinese and Japanese."""
    return len(_token_tuple(text))


# A shingle: a run of SHINGLE tokens (fewer for a shorter text), written with a space between them.
# No token holds a space, so two runs are the same run exactly when they are written the same.
# A string rather than a tuple of the tokens: the garbage collector tracks every tuple made (a
# long body makes thousands, and collecting them cost a twentieth of extract_article's time),
# never a string; and a string's hash is kept, where a tuple's is worked out at each lookup.
Shingle = str


@_recent
def shingles(text: str) -> frozenset[Shingle]:
    words = _token_tuple(text)
    if len(words) < SHINGLE:  # a short text is one short shingle (none when it has no token)
        return frozenset([" ".join(words)] if words else [])
    # Four shifted views zipped (the longer ones stop with the shortest): no slice per position.
    return frozenset(map(" ".join, zip(*(words[i:] for i in range(SHINGLE)), strict=False)))


def coverage(text: str, other: Set[Shingle]) -> float:
    """Share of ``text``'s shingles that occur in ``other`` (1.0 for a text without any)."""
    own = shingles(text)
    return len(own & other) / len(own) if own else 1.0


def paragraphs(text: str) -> list[str]:
    return [para.strip() for para in text.splitlines() if para.strip()]


def ends_sentence(text: str) -> bool:
    """True when ``text`` ends like a sentence (a stop, a question or exclamation mark, a closing
    quote or parenthesis), whitespace aside."""
    return text.rstrip()[-1:] in SENTENCE_ENDS


def extra_text(longer: str, shorter: str) -> tuple[int, int]:
    """Tokens of the distinct paragraphs of ``longer`` that ``shorter`` lacks: all of them, and
    those of prose paragraphs."""
    known = shingles(shorter)
    seen: set[str] = set()
    total = prose = 0
    for para in paragraphs(longer):
        if para in seen or coverage(para, known) >= SHARED_PARAGRAPH:
            continue
        seen.add(para)
        length = size(para)
        total += length
        if length >= PROSE_MIN_TOKENS and ends_sentence(para):
            prose += length
    return total, prose


def extra_prose(longer: str, shorter: str) -> int:
    """Tokens of the distinct prose paragraphs of ``longer`` that ``shorter`` lacks."""
    return extra_text(longer, shorter)[1]


def padded(larger: Body, smaller: Body) -> bool:
    """True when ``larger`` is ``smaller``'s article padded with at least as much again that is
    not prose (form options, menus, listings, captions): an extractor that read a whole column.

    ``smaller`` must read like an article itself (ARTICLE_PROSE_SHARE of it prose): a body of
    short lines inside a larger one is no sign that the rest is padding (a code listing, a
    sidebar of teasers)."""
    total, prose = extra_text(larger.text, smaller.text)
    if total < size(smaller.text) or prose >= PADDING_PROSE_SHARE * total:
        return False
    return extra_prose(smaller.text, "") >= ARTICLE_PROSE_SHARE * size(smaller.text)


def missed_by_first(first: Body, second: Body) -> bool:
    """True when ``second`` holds ``first``'s article and a lot of prose ``first`` missed."""
    first_size = size(first.text)
    if not first_size or coverage(first.text, shingles(second.text)) < SAME_ARTICLE_COVERAGE:
        return False
    return extra_prose(second.text, first.text) >= MISSED_PROSE_SHARE * first_size


# Elements that start a paragraph of their own; any other element is inline: its text belongs to
# the paragraph of the block around it, whatever wraps it (<font>, <span>, <b>, <a>).
# The subheadings among BLOCKS, handed over by the walk of ``doubtful``.
_SUBHEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
BLOCKS = frozenset(
    {
        "p", "div", "td", "th", "section", "article", "main", "li", "dd", "dt", "blockquote",
        "pre", "body", "table", "tr", "tbody", "ul", "ol", "dl", "form", "center", "header",
        "footer", "aside", "nav", "figure", "figcaption", "h1", "h2", "h3", "h4", "h5", "h6",
    }
)  # fmt: skip
_NO_TEXT = frozenset({"script", "style", "noscript", "template", "head", "title", "select"})
# Elements that show a picture or a clip: a list holding one is a gallery, its text captions.
PICTURES = ("img", "picture", "video")


def block_sentences(
    block: lxml_html.HtmlElement, ends: frozenset[str] | None = SENTENCE_ENDS
) -> Iterator[str]:
    """The paragraphs of ``block`` outside its nested blocks (its own text and its inline
    children's, broken where a nested block or a <br> stands between them) that end like a
    sentence (in one of ``ends``; any ending when None), with their whitespace normalised. Only those are normalised: most runs of text
    between blocks (menus, labels, blank runs) do not end like one."""
    # Empty runs are left out of ``parts``: they only add whitespace, which the normalising
    # drops, and a paragraph without any text ends like no sentence. An inline child without
    # children of its own holds its text only (``text_content`` would ask XPath for it).
    text = block.text
    parts = [text] if text else []
    for child in block:
        tag = child.tag
        if tag in BLOCKS or tag == "br":
            if parts:
                joined = " ".join(parts)
                if ends is None or joined.rstrip()[-1:] in ends:
                    yield " ".join(joined.split())
                parts = []
        elif isinstance(tag, str) and tag not in _NO_TEXT:
            inline = child.text_content() if len(child) else child.text
            if inline:
                parts.append(inline)
        tail = child.tail
        if tail:
            parts.append(tail)
    if parts:
        joined = " ".join(parts)
        if ends is None or joined.rstrip()[-1:] in ends:
            yield " ".join(joined.split())


def _sentences(document: lxml_html.HtmlElement) -> Iterator[str]:
    """The page's paragraphs (text outside nested blocks) that end like a sentence."""
    for element in document.iter(*BLOCKS):
        yield from block_sentences(element)


def page_prose(document: lxml_html.HtmlElement) -> list[tuple[str, int]]:
    """The page's prose paragraphs (with their size): text outside nested blocks that reads like a
    sentence. Whether a page wraps its paragraphs in <p>, writes them straight into a <div> or a
    table cell between <br>s or empty <p>s, or in <font> inside a cell, they count."""
    return [
        (para, length)
        for para in _sentences(document)
        if (length := size(para)) >= PROSE_MIN_TOKENS
    ]


def doubtful(
    first: Body,
    document: lxml_html.HtmlElement | None,
    min_tokens: int,
    met: list[tuple[str, lxml_html.HtmlElement]] | None = None,
    headings: list[lxml_html.HtmlElement] | None = None,
) -> bool:
    """True when a second extractor could beat ``first`` on this page: ``first`` found almost
    nothing, or the page has prose ``first`` left out amounting to MISSED_PROSE_SHARE of it.

    ``met``, when given, receives each paragraph (whitespace normalised) met on the way that
    ``first`` holds word for word, with the block holding it, in page order: where the body
    stands on the page (see ``between`` and ``outside``), found by this walk rather than
    another. ``headings``, when given, receives the page's h2-h6 elements met on the way (all
    of them when the answer is False), for ``headings.with_dropped_headings``."""
    first_size = size(first.text)
    if first_size < min_tokens or document is None:
        return True
    # Most of the page's prose is in ``first`` word for word: a substring test settles those
    # paragraphs without tokenizing them; only the others are compared shingle by shingle, and
    # only once they could reach the share all together (``pending``): on most pages they never
    # do, and neither their shingles nor ``first``'s are needed.
    flat = " ".join(first.text.split())
    enough = MISSED_PROSE_SHARE * first_size
    # The prose paragraphs not compared yet (each with its size), and their total size. Before
    # they could reach ``enough`` with what was missed already, no paragraph among them can
    # be where a walk comparing each as it meets it finds enough missed; when they could, the
    # last one is the only one that can, and they are compared in order.
    pending: list[tuple[str, int]] = []
    missed = unsettled = 0
    for element in document.iter(*BLOCKS):
        if headings is not None and element.tag in _SUBHEADINGS:
            headings.append(element)
        for para in block_sentences(element):
            if para in flat:
                if met is not None:
                    met.append((para, element))
                continue
            if (length := size(para)) < PROSE_MIN_TOKENS:
                continue
            pending.append((para, length))
            unsettled += length
            if missed + unsettled < enough:
                continue
            known = shingles(first.text)
            missed += sum(n for text, n in pending if coverage(text, known) < SHARED_PARAGRAPH)
            if missed >= enough:
                return True
            pending, unsettled = [], 0
    return False


def without(body: Body, unwanted: str) -> Body:
    """``body`` without the paragraphs that mostly occur in ``unwanted``."""
    if not unwanted.strip():
        return body
    known = shingles(unwanted)
    kept = [para for para in paragraphs(body.text) if coverage(para, known) < SHARED_PARAGRAPH]
    return Body("\n\n".join(kept), body.title, body.method)


# Stands between the page's link texts, joined to be tokenized at once (one regex call per page
# instead of one per link).
_LINK_BREAK = "linkbreakzq"


class LinkShingles(set[Shingle]):
    """The shingles of a page's link texts (``link_shingles``), with ``words``, every token of
    those texts: a shingle is among them only when each of its tokens is among ``words``."""

    def __init__(self, words: frozenset[str]) -> None:
        super().__init__()
        self.words = words


def link_shingles(document: lxml_html.HtmlElement | None) -> set[Shingle]:
    """Shingles of the text of every link on the page, as ``shingles`` gives them link by link."""
    if document is None:
        return set()
    # A link without child elements holds its text only (``text_content`` would ask XPath).
    joined = f" {_LINK_BREAK} ".join(
        (anchor.text_content() if len(anchor) else anchor.text or "")
        for anchor in document.iter("a")
    )
    every = tokens(joined)
    found = LinkShingles(frozenset(every))
    words: list[str] = []
    for word in [*every, _LINK_BREAK]:
        if word != _LINK_BREAK:
            words.append(word)
            continue
        if len(words) < SHINGLE:
            found.update([" ".join(words)] if words else [])
        else:
            found.update(map(" ".join, zip(*(words[i:] for i in range(SHINGLE)), strict=False)))
        words = []
    return found


# A run of SHINGLE tokens each of which is a link's token (see ``_unlinked``).
_LINK_RUN = b"\x01" * SHINGLE


def _unlinked(text: str, links: set[Shingle]) -> bool:
    """True when no shingle of ``text`` can be among ``links`` (its coverage there is 0): a
    shingle of link text is made of link tokens only, and ``text`` has no run of SHINGLE link
    tokens (nor, shorter than that, only link tokens). Most of an article's paragraphs have
    none, and this tells so without making their shingles. False when it cannot tell."""
    if not isinstance(links, LinkShingles):
        return False
    own = _token_tuple(text)
    if not own:  # no shingle at all: its coverage is 1.0
        return False
    marks = bytes(map(links.words.__contains__, own))  # 1 for each link token
    return _LINK_RUN not in marks if len(own) >= SHINGLE else 0 in marks


def furniture(para: str, links: set[Shingle]) -> bool:
    """True for a paragraph that is a table row or mostly link text on the page."""
    if _TABLE_ROW.match(para):
        return True
    return bool(links) and not _unlinked(para, links) and coverage(para, links) >= LINK_PARAGRAPH


def layout(para: str, links: set[Shingle]) -> bool:
    """True for a paragraph that is mostly link text on the page or a row of a layout table: a
    row with text in one cell at most (a menu, a ticker, a footer line placed in a cell). A data
    table's rows hold several values, some of them blank at times."""
    if _TABLE_ROW.match(para):
        return sum(1 for cell in _CELL_BREAK.split(para.strip()[1:-1]) if cell.strip()) <= 1
    return bool(links) and coverage(para, links) >= LINK_PARAGRAPH


def flattened(text: str) -> bool:
    """True when one row of a layout table (text in one cell at most, see ``layout``) holds at
    least half of ``text``'s tokens: the extractor read a page laid out in a table cell as that
    cell's text run together, its paragraphs, lists and headings one paragraph, with the cell's
    own furniture (a blog's name, "Email to a friend") inside it where no cut of paragraphs
    reaches. Such a body lacks the shape of an article as much as one without paragraphs."""
    rows = [para for para in paragraphs(text) if _TABLE_ROW.match(para) and layout(para, set())]
    return bool(rows) and 2 * max(map(size, rows)) >= size(text)


def without_furniture(
    body: Body,
    other: Body,
    links: set[Shingle],
    unwanted: Callable[[str, set[Shingle]], bool] = furniture,
) -> Body:
    """``body`` without the paragraphs ``other`` lacks that are ``unwanted`` (``furniture``
    unless told), except the items of a list the article announces: a sentence of its own ending
    with a colon ("Many patches were sent for review:") introduces the list of links after it as
    part of the article, where a box of links is headed by a label ("Read more:", "Related")."""
    known = shingles(other.text)
    kept = []
    announced = False
    for para in paragraphs(body.text):
        item = para.startswith(_LIST_ITEM)
        announced_item = announced and item
        if announced_item or coverage(para, known) >= SHARED_PARAGRAPH or not unwanted(para, links):
            kept.append(para)
        if not item:  # the list ends at the first paragraph that is no item of it
            announced = para.endswith(":") and size(para) >= LEAD_IN_MIN_TOKENS
    return Body("\n\n".join(kept), body.title, body.method) if kept else body


def overlaps(larger: Body, smaller: Body) -> bool:
    """True when ``smaller``, from another extractor, shares at least SHARED_PARAGRAPH of its
    text with ``larger`` without either holding the other (see ``holds``): two readings of the
    same article, each with text of its own (a headline, a byline, a footer)."""
    if smaller.method == larger.method:
        return False
    if coverage(smaller.text, shingles(larger.text)) < SHARED_PARAGRAPH:
        return False
    return coverage(larger.text, shingles(smaller.text)) < SAME_ARTICLE_COVERAGE


def has_furniture(body: Body, links: set[Shingle]) -> bool:
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
    links: set[Shingle] | None = None,
    deficient: bool = False,
    precise: bool = True,
) -> Body:
    """``first`` (trafilatura's precise body) unless another body is clearly the better article;
    each of ``others`` in turn is compared with the best so far.

    ``comments`` is the readers' comments trafilatura found on the page; they are never article.
    ``links`` is the shingles of the page's link texts (``link_shingles``). ``deficient`` says
    that ``first`` has no paragraph or more tables than paragraphs (see ``outweighs``).
    ``precise`` is False when ``first`` is what trafilatura kept beyond its precision mode (which
    kept almost nothing): an independent body inside it, of at least half its size, then wins, as
    the part both extractors call article.
    """
    best = first
    for other in others:
        if other is None:
            continue
        other = without(other, comments)
        if size(other.text) < min_tokens:
            continue
        if (
            size(best.text) < min_tokens
            or missed_by_first(best, other)
            or (best is first and outweighs(other, first, deficient))
        ):
            best = other
        elif holds(best, other):
            # (Half the size at least: less is a part of the article, or another block.)
            unconfirmed = best is first and not precise and 2 * size(other.text) >= size(best.text)
            if unconfirmed or padded(best, other):
                best = other
            else:
                best = without_furniture(best, other, links or set())
        elif overlaps(best, other):
            # Not the same text, but the same article: the links and layout rows only ``best``
            # keeps are still the page's furniture (data tables aside: extractors differ on
            # those, and they cannot be told from the article's own by the other's view).
            best = without_furniture(best, other, links or set(), layout)
    return best


def outweighs(other: Body, first: Body, deficient: bool) -> bool:
    """True when ``other`` is the article and ``first`` is not, whether or not they overlap.

    Either ``other`` holds more than twice ``first``'s size in prose ``first`` lacks (``first``
    then found some other block of the page: a teaser, a caption, a sidebar); or ``first`` lacks
    the shape of an article (``deficient``: a layout of tables, or lines without paragraphs)
    while ``other``, from another extractor (the same one in another mode reads the layout the same
    way), is at least half its size and a few paragraphs long. These are trafilatura's own grounds
    for preferring readability's body to its own. A ``listing`` (cards of other texts) is no
    article however much prose its cards hold.
    """
    first_size, other_size = size(first.text), size(other.text)
    if (
        other_size > 2 * first_size
        and extra_prose(other.text, first.text) >= first_size
        and not listing(other.text)
    ):
        return True
    return (
        deficient
        and other.method != first.method
        and other_size >= DEFICIENT_MIN_TOKENS
        and 2 * other_size >= first_size
    )


def listing(text: str) -> bool:
    """True when ``text`` is a listing of cards: one line that is not prose (share buttons, a
    "read more") recurs, at least LISTING_MIN_REPEATS times, between every other text of it, as
    each card of a list of quotes, posts or products ends with the same buttons. An article's
    recurring lines (a "Pros" heading per product reviewed) stand between several paragraphs."""
    paras = paragraphs(text)
    lines = Counter(" ".join(para.split()).casefold() for para in paras if not is_prose(para))
    repeats = max(lines.values(), default=0)
    return repeats >= LISTING_MIN_REPEATS and 2 * repeats >= len(paras) - 1


def is_prose(para: str) -> bool:
    """True for a paragraph of prose: PROSE_MIN_TOKENS long at least and ending like a sentence."""
    return size(para) >= PROSE_MIN_TOKENS and ends_sentence(para)


def without_tail(body: Body, other: Body | None) -> Body:
    """``body`` without the paragraphs after the last one it shares with ``other``, an
    independent extractor's reading of the page, when they are fewer tokens than ``body`` keeps
    up to there: what only one reader runs on with, past the article both agree on, and less of
    it than that article, is the box or footer after it (related stories, a sidebar, readers'
    comments, a site's blurb). More of it than the shared article is the article the other
    reader cut short."""
    if other is None or other.method == body.method or not other.text.strip():
        return body
    paras = paragraphs(body.text)
    known = shingles(other.text)
    last = next(
        (
            at
            for at in range(len(paras) - 1, -1, -1)
            if coverage(paras[at], known) >= SHARED_PARAGRAPH
        ),
        None,
    )
    if last is None or last == len(paras) - 1:
        return body
    kept, tail = paras[: last + 1], paras[last + 1 :]
    if sum(map(size, kept)) < sum(map(size, tail)):
        return body
    return Body("\n\n".join(kept), body.title, body.method)


def without_link_tail(body: Body, links: set[Shingle]) -> Body:
    """``body`` without the paragraphs ending it that are link text on the page (see
    ``LINK_PARAGRAPH``): after the article's own last paragraph, a paragraph that is a link
    leads elsewhere (a promotion, a "more stories" line, the site's footer links) on any layout.
    A linked sentence of prose stops the cut: that is the article's own text, linked. The first
    paragraph always stays."""
    paras = paragraphs(body.text)
    end = len(paras)
    while end > 1 and links and not is_prose(paras[end - 1]):
        if coverage(paras[end - 1], links) < LINK_PARAGRAPH:
            break
        end -= 1
    if end == len(paras):
        return body
    return Body("\n\n".join(paras[:end]), body.title, body.method)


def holds(larger: Body, smaller: Body) -> bool:
    """True when ``larger`` holds ``smaller``'s article and text besides it."""
    known = shingles(larger.text)
    if coverage(smaller.text, known) < SAME_ARTICLE_COVERAGE:
        return False
    return coverage(larger.text, shingles(smaller.text)) < SAME_ARTICLE_COVERAGE


def without_repeated_block(text: str) -> str:
    """``text`` without later copies of a run of paragraphs that makes up REPEATED_BLOCK_SHARE of
    it or more. Pages that print their article twice (a screen and a print version, a copy for
    small screens, an endless-scroll repeat) give an extractor reading both the article twice;
    a line that only recurs (a refrain, an ingredient on each day of a menu) stays."""
    paras = text.split("\n\n")
    keys = [" ".join(para.split()).casefold() for para in paras]
    if len(set(keys)) == len(keys):
        return text
    sizes = [size(para) for para in paras]
    least = REPEATED_BLOCK_SHARE * sum(sizes)
    first_at: dict[str, int] = {}
    repeated: set[int] = set()
    at = 0
    while at < len(keys):
        earlier = first_at.get(keys[at])
        if earlier is not None:
            # The run that repeats, paragraph by paragraph, what stands from ``earlier`` on.
            run = 0
            while at + run < len(keys) and earlier + run < at:
                if keys[earlier + run] != keys[at + run]:
                    break
                run += 1
            if sum(sizes[at : at + run]) >= least:
                repeated.update(range(at, at + run))
                at += run
                continue
        first_at.setdefault(keys[at], at)
        at += 1
    return "\n\n".join(para for index, para in enumerate(paras) if index not in repeated)
