"""The one rule that picks an article's text: the extracted page, or what the feed (or an earlier
extraction) already gave.

Live ingest (``pipeline/articles.py``) and ``reprocess --stage extract`` both ask it, so a page
is kept or refused the same way whenever it is read. Sizes are ``choose.size`` tokens, in which
each Chinese or Japanese character counts as a word: pages in languages written without spaces
qualify as well as any other.
"""

from __future__ import annotations

from newsloom.extract.choose import size

# Page text shorter than this is no article (a teaser, a cookie wall, a video caption).
MIN_PAGE_TOKENS = 40


def prefer_page(page_text: str, other_text: str, *, teaser: bool = False) -> bool:
    """True when ``page_text`` should replace ``other_text`` as the article's text.

    The page must be an article (MIN_PAGE_TOKENS) and at least half as long as the other text
    (an extractor that kept only a part is no improvement). A page that looks paywalled
    (``teaser``) wins only when it holds more than the other text: a teaser is the feed's summary
    at best.
    """
    page = size(page_text)
    other = size(other_text)
    return page >= max(MIN_PAGE_TOKENS, other // 2) and not (teaser and page <= other)
