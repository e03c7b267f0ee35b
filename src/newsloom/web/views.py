"""View models: what a page or API response shows, read from the store in one place.

Only titles, links, outlets, times and the summary leave this module; never an article's text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from sqlalchemy import Connection

import newsloom.store as db
from newsloom.categorize.taxonomy import GENERAL, TAXONOMY
from newsloom.records import Article, Category, Cited, Story, Summary
from newsloom.web.urls import category_path, story_path

MAX_MERGE_HOPS = 8


@dataclass(frozen=True)
class CategoryLink:
    slug: str
    name: str
    description: str
    path: str


@dataclass(frozen=True)
class Catalog:
    """Every category in taxonomy order (stored extras after), with lookups by slug."""

    categories: tuple[CategoryLink, ...]

    def get(self, slug: str) -> CategoryLink | None:
        return next((c for c in self.categories if c.slug == slug), None)

    def of_story(self, story: Story) -> CategoryLink:
        """The story's category; uncategorised or unknown slugs fall back to General."""
        found = self.get(story.category) or self.get(GENERAL)
        return found or self.categories[0]


@dataclass(frozen=True)
class Citation:
    number: int
    anchor: str  # id of the source's list item: "source-N"


@dataclass(frozen=True)
class Sentence:
    text: str
    citations: tuple[Citation, ...]
    article_ids: tuple[int, ...]


@dataclass(frozen=True)
class ArticleRef:
    id: int
    title: str
    url: str
    outlet: str
    published: datetime


@dataclass(frozen=True)
class SourceEntry:
    number: int
    anchor: str
    article: ArticleRef
    copies: tuple[ArticleRef, ...]  # the same text "also published by" these


@dataclass(frozen=True)
class StoryCard:
    id: int
    headline: str
    path: str
    category: CategoryLink
    bullets: tuple[str, ...]
    outlets: int
    articles: int
    updated: datetime
    first_seen: datetime
    importance: float

    @property
    def first_bullet(self) -> str:
        return self.bullets[0] if self.bullets else ""


@dataclass(frozen=True)
class StoryPage:
    card: StoryCard
    bullets: tuple[Sentence, ...]
    paragraphs: tuple[tuple[Sentence, ...], ...]
    takeaways: tuple[Sentence, ...]
    whats_new: tuple[Sentence, ...]
    sources: tuple[SourceEntry, ...]
    summary: Summary | None


def load_catalog(conn: Connection) -> Catalog:
    stored = {c.slug: c for c in db.list_categories(conn)}
    ordered: list[Category] = [stored.pop(c.slug, c) for c in TAXONOMY]
    ordered.extend(stored[slug] for slug in sorted(stored))
    return Catalog(
        tuple(CategoryLink(c.slug, c.name, c.description, category_path(c.slug)) for c in ordered)
    )


def outlet_name(article: Article) -> str:
    """The source's display name, or the article's host when the source has none."""
    return article.outlet or urlsplit(article.url).hostname or "unknown outlet"


def _ref(article: Article) -> ArticleRef:
    assert article.id is not None
    return ArticleRef(
        id=article.id,
        title=article.title or article.url,
        url=article.url,
        outlet=outlet_name(article),
        published=article.published,
    )


def _with_copies(
    conn: Connection, members: Sequence[Article]
) -> list[tuple[Article, list[Article]]]:
    """Originals in story order, each with its copies (from the story or from the store)."""
    ids = {a.id for a in members}
    groups: dict[int, list[Article]] = {}
    order: list[Article] = []
    for article in members:
        assert article.id is not None
        if article.copy_of is not None and article.copy_of in ids:
            continue  # listed under its original below
        order.append(article)
        groups[article.id] = []
    for article in members:
        if article.copy_of is not None and article.copy_of in groups:
            groups[article.copy_of].append(article)
    for original in order:
        assert original.id is not None
        known = {c.id for c in groups[original.id]}
        groups[original.id].extend(c for c in db.copies_of(conn, original.id) if c.id not in known)
        groups[original.id].sort(key=lambda c: (c.published, c.id or 0))
    return [(a, groups[a.id]) for a in order if a.id is not None]


def _headline(story: Story, summary: Summary | None, members: Sequence[Article]) -> str:
    if story.headline:
        return story.headline
    if summary is not None and summary.headline:
        return summary.headline
    return members[0].title if members else f"Story {story.id}"


def _card(
    story: Story,
    catalog: Catalog,
    summary: Summary | None,
    groups: Sequence[tuple[Article, Sequence[Article]]],
) -> StoryCard:
    members = [a for a, _ in groups]
    every = [*members, *(c for _, copies in groups for c in copies)]
    category = catalog.of_story(story)
    headline = _headline(story, summary, members)
    return StoryCard(
        id=story.id,
        headline=headline,
        path=story_path(category.slug, headline, story.id),
        category=category,
        bullets=tuple(b.text for b in summary.bullets) if summary else (),
        outlets=len({outlet_name(a) for a in every}),
        articles=len(members),
        updated=story.last_updated,
        first_seen=story.first_seen,
        importance=story.importance,
    )


def story_card(conn: Connection, story: Story, catalog: Catalog) -> StoryCard:
    summary = db.latest_summary(conn, story.id)
    groups = _with_copies(conn, db.get_articles(conn, story.article_ids))
    return _card(story, catalog, summary, groups)


def live_story(conn: Connection, story_id: int) -> Story | None:
    """The story, or the one it was merged into (followed a bounded number of hops)."""
    story = db.get_story(conn, story_id)
    for _ in range(MAX_MERGE_HOPS):
        if story is None or story.merged_into is None:
            return story
        story = db.get_story(conn, story.merged_into)
    return None


def story_page(conn: Connection, story: Story, catalog: Catalog) -> StoryPage:
    summary = db.latest_summary(conn, story.id)
    members = db.get_articles(conn, story.article_ids)
    cited = _cited_ids(summary)
    missing = [i for i in cited if i not in {a.id for a in members}]
    # Articles a summary cites but the story no longer holds are still listed as sources.
    members = [*members, *db.get_articles(conn, missing)]
    groups = _with_copies(conn, members)
    sources = tuple(
        SourceEntry(n, f"source-{n}", _ref(original), tuple(_ref(c) for c in copies))
        for n, (original, copies) in enumerate(groups, start=1)
    )
    numbers: dict[int, int] = {}
    for entry in sources:
        numbers[entry.article.id] = entry.number
        numbers.update({c.id: entry.number for c in entry.copies})

    def sentences(items: Sequence[Cited]) -> tuple[Sentence, ...]:
        return tuple(_sentence(c, numbers) for c in items)

    return StoryPage(
        card=_card(story, catalog, summary, groups),
        bullets=sentences(summary.bullets) if summary else (),
        paragraphs=tuple(sentences(p) for p in summary.paragraphs) if summary else (),
        takeaways=sentences(summary.takeaways) if summary else (),
        whats_new=sentences(summary.whats_new) if summary else (),
        sources=sources,
        summary=summary,
    )


def _cited_ids(summary: Summary | None) -> list[int]:
    if summary is None:
        return []
    statements = [
        *summary.bullets,
        *(c for p in summary.paragraphs for c in p),
        *summary.takeaways,
        *summary.whats_new,
    ]
    return list(dict.fromkeys(i for c in statements for i in c.article_ids))


def _sentence(cited: Cited, numbers: dict[int, int]) -> Sentence:
    resolved = sorted({numbers[i] for i in cited.article_ids if i in numbers})
    return Sentence(
        text=cited.text,
        citations=tuple(Citation(n, f"source-{n}") for n in resolved),
        article_ids=cited.article_ids,
    )
