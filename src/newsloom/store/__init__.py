"""newsloom store: SQLAlchemy Core schema, Alembic migrations and typed functions.

Open with ``Store.open(settings)``; pass ``store.read()`` / ``store.write()`` connections to the
functions below. Every function returns records from ``newsloom.records`` and raises ``StoreError``.
"""

from newsloom.store.articles import (
    add_article_link,
    article_links,
    copies_of,
    count_articles,
    find_article,
    get_articles,
    insert_article,
    load_vectors,
    recent_articles,
    save_vector,
    simhash_candidates,
    unclustered_articles,
)
from newsloom.store.categories import ensure_categories, get_category, list_categories
from newsloom.store.engine import Store
from newsloom.store.sources import (
    add_source,
    delete_source,
    due_sources,
    get_source,
    list_sources,
    update_source_after_fetch,
)
from newsloom.store.stories import (
    add_to_story,
    count_stories,
    create_story,
    get_story,
    list_stories,
    stories_in_window,
    stories_needing_summary,
    stories_of,
    story_membership,
    story_of,
    update_story,
)
from newsloom.store.summaries import latest_summary, save_summary, summary_versions

__all__ = [
    "Store",
    "add_article_link",
    "add_source",
    "add_to_story",
    "article_links",
    "copies_of",
    "count_articles",
    "count_stories",
    "create_story",
    "delete_source",
    "due_sources",
    "ensure_categories",
    "find_article",
    "get_articles",
    "get_category",
    "get_source",
    "get_story",
    "insert_article",
    "latest_summary",
    "list_categories",
    "list_sources",
    "list_stories",
    "load_vectors",
    "recent_articles",
    "save_summary",
    "save_vector",
    "simhash_candidates",
    "stories_in_window",
    "stories_needing_summary",
    "stories_of",
    "story_membership",
    "story_of",
    "summary_versions",
    "unclustered_articles",
    "update_source_after_fetch",
    "update_story",
]
