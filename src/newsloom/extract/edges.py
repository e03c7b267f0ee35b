"""The edges of an article body: its first paragraph left out, teaser cards read past its end.

An extractor may start a body at its second paragraph: the first, written straight into the
article's container before the <br>s or <p>s that set the others apart (a container's own text,
or the tail of the dateline before it), is text outside any paragraph element, which its
scoring passes over. On any layout the paragraph right before the body's first, in the same
container or the one around it, that reads as prose and that the body lacks, is the article's
opening: it goes back. When the body opens with lines before the article's prose (the section's
name, the headline), the paragraph looked for is the one before its first prose paragraph, and
it goes back there.

A box of other stories after an article ("Related", "Latest news", "Must read") is a run of
cards, each a headline linking to another page followed by its summary. An extractor drops the
headlines (link text) but may keep the summaries, which read like the article's own prose (a
summary is a sentence of the news at least PROSE_MIN_TOKENS long: shorter lines under links are
a hub page's labels, and fool no extractor into taking them for the article's prose). On any
layout such a summary is told by what stands right before it on the page: the text of a link
to another page, of a few words, that the body does not hold (the article's own paragraphs
follow its own text or a heading, not a link it leaves out). A run of such paragraphs ending the
body, each after a link to a different page, goes; unless it is as large as the rest of the
body: then the cards are the page's content (a round-up, a list of picks), not a box beside it.

Paragraphs are tested from the body's end backwards, stopping at the first that is no card. The
page's markup settles most of them at the cost of a string search: a card's text stands right
after a closing ``</a>`` (tags and blanks between); only such a paragraph is looked for in the
tree (one XPath search) for its link's address and text.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml import html as lxml_html

from newsloom.extract.choose import (
    BLOCKS,
    PROSE_MIN_TOKENS,
    SHARED_PARAGRAPH,
    Body,
    block_sentences,
    coverage,
    ends_sentence,
    is_prose,
    paragraphs,
    shingles,
    size,
)

# A card's link is a headline: two words at least ("Read", "More", a bare name are buttons).
HEADLINE_MIN_TOKENS = 2
# One card after an article may be a "next story" link; a box of them is a run.
CARDS_MIN = 2
# How far back from the body's start the markup is read for the text before it.
_MARKUP_OPENING = 3000
# Markup tags, to tell the text between them.
_TAG = re.compile(r"<[^>]*>")
# A paragraph is found in the tree by its start, this many characters long; in the markup by
# fewer (a line break in the markup stands between its words more often the further it goes).
_KEY_CHARS = 40
_MARKUP_KEY_CHARS = 20
# The first words of a paragraph, looked for in the markup one by one when its text is not
# found as written (entities, line breaks or tags inside it), and what may stand between them.
_LOOSE_WORDS = 4
_WORD = re.compile(r"\w+")
_BETWEEN_WORDS = r"(?:[^\w<&]|&#?\w+;|<[^>]*>)+"
# How trafilatura starts a list item and a table row: not the page's text.
_LIST_ITEM = "- "
_TABLE_ROW = "| "
# Where a page's head ends: its meta description often repeats the article's first sentence.
_HEAD_ENDS = ("</head>", "</HEAD>")
# The markup of a link's end followed by tags and blanks only, up to where a text starts.
_LINK_THEN_TEXT = re.compile(r"</a\s*>(?:\s|&nbsp;|<[^>]*>)*$", re.IGNORECASE)
# How far back from a text's start the markup is read for that link's end.
_MARKUP_BEFORE = 400
# The text node holding a given text at its start (whitespace normalised as in the body).
_HOLDING = etree.XPath("//text()[starts-with(normalize-space(.), $key)]")
# The nearest text before an element in page order, blank text aside.
_BEFORE = etree.XPath("preceding::text()[normalize-space()][1]")
# The last text inside an element, blank text aside.
_LAST_INSIDE = etree.XPath("(descendant::text()[normalize-space()])[last()]")


def _key(para: str) -> str:
    flat = " ".join(para.split())
    return flat.removeprefix(_LIST_ITEM).removeprefix(_TABLE_ROW)[:_KEY_CHARS]


def _text_before(node: etree._ElementUnicodeResult) -> etree._ElementUnicodeResult | None:
    """The nearest non-blank text before ``node`` (a text node) on the page."""
    owner = node.getparent()
    if owner is None:
        return None
    found: list[etree._ElementUnicodeResult] = []
    if node.is_tail:  # text after ``owner``: what ``owner`` holds comes right before it
        found = _LAST_INSIDE(owner)
    return found[0] if found else next(iter(_BEFORE(owner)), None)


def _link_of(node: etree._ElementUnicodeResult) -> lxml_html.HtmlElement | None:
    """The link (an <a> with an address) whose text ``node`` is part of, if any."""
    owner = node.getparent()
    if owner is None:
        return None
    start = owner if node.is_text else owner.getparent()
    while start is not None:
        if start.tag == "a":
            href = (start.get("href") or "").strip()
            return start if href and not href.startswith(("#", "javascript:")) else None
        start = start.getparent()
    return None


def _after_link(key: str, source: str, since: int) -> bool:
    """True when ``key`` stands in the page's markup, from ``since`` on, right after the end of a
    link (a text written with entities is not found: its paragraph counts as no card)."""
    key = key[:_MARKUP_KEY_CHARS]
    at = source.find(key, since)
    while at > 0:
        if _LINK_THEN_TEXT.search(source, max(0, at - _MARKUP_BEFORE), at):
            return True
        at = source.find(key, at + len(key))
    return False


def _card_link(
    para: str, document: lxml_html.HtmlElement, source: str, since: int
) -> tuple[str, str] | None:
    """The address and text of the link a teaser card shows right before ``para``, None when
    ``para`` does not follow such a link on the page (or is not found on it)."""
    key = _key(para)
    if size(para) < PROSE_MIN_TOKENS or not _after_link(key, source, since):
        return None
    for node in _HOLDING(document, key=key):
        before = _text_before(node)
        link = _link_of(before) if before is not None else None
        if link is None or not _opens(link):
            continue
        headline = " ".join(link.text_content().split())
        if size(headline) >= HEADLINE_MIN_TOKENS:
            return link.get("href") or "", headline
    return None


def _opens(link: lxml_html.HtmlElement) -> bool:
    """True when no text stands before ``link`` on its line (in the block holding it, since the
    last <br>): a headline, not a link ending a sentence (the paragraph after that is the
    article's own)."""
    element = link
    while (parent := element.getparent()) is not None:
        previous = element.getprevious()
        while previous is not None:
            if (previous.tail or "").strip():
                return False
            if previous.tag == "br" or previous.tag in BLOCKS:
                return True
            if previous.text_content().strip():
                return False
            previous = previous.getprevious()
        if (parent.text or "").strip():
            return False
        if parent.tag in BLOCKS:
            return True
        element = parent
    return True


def without_teaser_cards(
    body: Body, document: lxml_html.HtmlElement | None, source: str, since: int = 0
) -> Body:
    """``body`` without the run of teaser cards that ends it (see the module); ``source`` is the
    page's markup, ``document`` its tree. The cards are looked for in the markup from ``since``
    on (where the body starts: they come after it)."""
    paras = paragraphs(body.text)
    if document is None or len(paras) <= CARDS_MIN:
        return body
    flat = " ".join(" ".join(para.split()) for para in paras)
    start = len(paras)
    addresses: set[str] = set()
    cards = 0
    while start > 0:
        found = _card_link(paras[start - 1], document, source, since)
        if found is None:
            break
        address, headline = found
        start -= 1
        if start > 0 and " ".join(paras[start - 1].split()) == headline:
            start -= 1  # the card's headline, kept as a line of its own
        elif headline in flat:
            start += 1  # a link the body holds within its text: no card's headline
            break
        addresses.add(address)
        cards += 1
    if cards < CARDS_MIN or len(addresses) < CARDS_MIN:
        return body
    if sum(map(size, paras[:start])) < sum(map(size, paras[start:])):
        return body  # the cards are the page's content
    return Body("\n\n".join(paras[:start]), body.title, body.method)


def block_of(node: etree._ElementUnicodeResult) -> lxml_html.HtmlElement | None:
    """The block element whose own text ``node`` is part of."""
    owner = node.getparent()
    start = owner if owner is None or node.is_text else owner.getparent()
    while start is not None and start.tag not in BLOCKS:
        start = start.getparent()
    return start


def _near(block: lxml_html.HtmlElement, other: lxml_html.HtmlElement) -> bool:
    """True when ``block`` and ``other`` are one container, or one holds the other directly, or
    they stand side by side in one."""
    up, other_up = block.getparent(), other.getparent()
    return block is other or block is other_up or up is other or up is other_up


def _sentence_before_in_markup(at: int, source: str) -> bool:
    """True when the text before ``key`` in the page's markup, up to the tag before it, is a
    sentence of prose: the cheap test that spares most pages the search in the tree (an
    opening with markup inside it is passed over). ``at`` is where the body starts in it."""
    if at <= 0:
        return False
    texts = _TAG.split(source[max(0, at - _MARKUP_OPENING) : at])
    last = next((text for text in reversed(texts) if text.strip()), "")
    return ends_sentence(last) and size(last) >= PROSE_MIN_TOKENS


def _opening(paras: list[str], document: lxml_html.HtmlElement, source: str, at: int) -> str | None:
    """The prose paragraph the page shows right before ``paras[0]`` (at ``at`` in the markup),
    near it, when the body lacks it."""
    key = _key(paras[0])
    if not key or not _sentence_before_in_markup(at, source):
        return None
    node = next(iter(_HOLDING(document, key=key)), None)
    before = _text_before(node) if node is not None else None
    if before is None or _link_of(before) is not None:
        return None
    first, block = block_of(node), block_of(before)
    if first is None or block is None or not _near(block, first):
        return None
    end = " ".join(before.split())
    opening = next((para for para in block_sentences(block) if para.endswith(end)), None)
    if opening is None or size(opening) < PROSE_MIN_TOKENS:
        return None
    known = shingles("\n\n".join(paras))
    return opening if coverage(opening, known) < SHARED_PARAGRAPH else None


def _loose(para: str) -> re.Pattern[str] | None:
    """The first words of ``para`` as the markup may write them: an entity for a quote or an
    apostrophe, a line break, a tag between two of them."""
    words = _WORD.findall(para)[:_LOOSE_WORDS]
    if len(words) < _LOOSE_WORDS:
        return None
    return re.compile(_BETWEEN_WORDS.join(map(re.escape, words)))


def _start(paras: list[str], source: str) -> int:
    """Where the first of ``paras`` stands in the page's markup after its head (-1 when it is
    not found). Written as in the body first (the cheap search); failing that, word by word
    with anything but a letter or digit between them."""
    if not paras:
        return -1
    head = next((at for end in _HEAD_ENDS if (at := source.find(end)) >= 0), 0)
    at = source.find(_key(paras[0])[:_MARKUP_KEY_CHARS], head)
    if at >= 0:
        return at
    pattern = _loose(paras[0])
    found = pattern.search(source, head) if pattern is not None else None
    return found.start() if found is not None else -1


def with_opening(
    body: Body, document: lxml_html.HtmlElement | None, source: str, at: int | None = None
) -> Body:
    """``body`` with its opening paragraph put back when the extractor left it out (see the
    module); ``source`` is the page's markup, ``document`` its tree, ``at`` where the body
    starts in the markup when already found (``_start``)."""
    paras = paragraphs(body.text)
    if document is None or not paras:
        return body
    opening = _opening(paras, document, source, _start(paras, source) if at is None else at)
    if opening is not None:
        return Body("\n\n".join([opening, *paras]), body.title, body.method)
    # Lines before the article's prose (a section's name, the headline) may open the body: the
    # opening is the prose before its first prose paragraph then.
    first = next((index for index, para in enumerate(paras) if is_prose(para)), 0)
    if not first:
        return body
    rest = paras[first:]
    opening = _opening(rest, document, source, _start(rest, source))
    if opening is None or coverage(opening, shingles(body.text)) >= SHARED_PARAGRAPH:
        return body
    return Body("\n\n".join([*paras[:first], opening, *rest]), body.title, body.method)


def with_edges(body: Body, document: lxml_html.HtmlElement | None, source: str) -> Body:
    """``body`` with its opening put back and without the teaser cards ending it; the body's
    start is found in the markup once for both."""
    if document is None:
        return body
    at = _start(paragraphs(body.text), source)
    opened = with_opening(body, document, source, at)
    return without_teaser_cards(opened, document, source, max(at, 0))
