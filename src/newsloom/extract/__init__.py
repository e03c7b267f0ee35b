"""newsloom extract stage: article text and metadata from HTML pages and feed content."""

from newsloom.extract.article import extract_article
from newsloom.extract.paywall import looks_paywalled
from newsloom.extract.text import text_from_html

__all__ = ["extract_article", "looks_paywalled", "text_from_html"]
