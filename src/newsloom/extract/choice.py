"""The one rule that picks an article's text: the extracted page, or what the feed (or an earlier
extraction) already gave.

Live ingest (``pipeline/articles.py``) and ``reprocess --stage extract`` both ask it, so a page
is kept or refused the same way whenever it is read. Sizes are ``choose.size`` tokens, in which
each Chinese or Japanese character counts as a word: pages in languages written without spaces
qualify as well as any other.
"""

from __future__ import annotations

from newsloom.extract.choose import size, tokens

# Page text shorter than this is no article (a teaser, a cookie wall, a video caption).
MIN_PAGE_TOKENS = 40


def prefer_page(page_text: str, other_text: str, *, teaser: bool = False) -> bool:
    """True when ``page_text`` should replace ``other_text`` as the article's text.

    The page must be an article (MIN_PAGE_TOKENS), or hold the other text and more, and at
    least half as long as the other text
    (an extractor that kept only a part is no improvement). A page that looks paywalled
    (``teaser``) wins only when it holds more than the other text: a teaser is the feed's summary
    at best.
    """
    page = size(page_text)
    other = size(other_text)
    if teaser and page <= other:
        return False
    if page >= max(MIN_PAGE_TOKENS, other // 2):
        return True
    # A short article (a brief, a news flash) is still the article when the page holds what the
    # feed said and more: the feed's text is then a cut of the page's, not a different thing.
    return other > 0 and page > other and holds(page_text, other_text)


def holds(page_text: str, other_text: str) -> bool:
    """Whether the page's words include nearly all of the other text's: all but its last word,
    which a feed's cut summary often breaks ("...the council voted to rep…")."""
    page_words = {t.lower() for t in tokens(page_text)}
    other_words = [t.lower() for t in tokens(other_text)]
    missing = sum(word not in page_words for word in other_words[:-1])
    return missing == 0
