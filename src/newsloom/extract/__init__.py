"""newsloom extract stage: article text and metadata from HTML pages and feed content."""

from newsloom.extract.article import extract_article
from newsloom.extract.text import text_from_html

__all__ = ["extract_article", "text_from_html"]
