"""Full-text search over stories and articles.

- ``query``: the search box's query language, parsed into words and phrases (pure);
- ``snippets``: the part of a hit's text to show and the words to mark (pure);
- ``ranking``: what a search returns, how relevance and recency combine;
- ``backends``: the SQL, one module per dialect (SQLite FTS5, PostgreSQL tsvector) and the
  queries they share. Besides ``store/``, ``search/backends/`` is the only home of SQL.
"""

from newsloom.search.backends.common import search_articles, search_languages, search_stories
from newsloom.search.query import MAX_QUERY_CHARS, ParsedQuery, Term, parse_query
from newsloom.search.ranking import ArticleHit, SearchHit
from newsloom.search.snippets import matches_term, snippet, term_pattern

__all__ = [
    "MAX_QUERY_CHARS",
    "ArticleHit",
    "ParsedQuery",
    "SearchHit",
    "Term",
    "matches_term",
    "parse_query",
    "search_articles",
    "search_languages",
    "search_stories",
    "snippet",
    "term_pattern",
]
