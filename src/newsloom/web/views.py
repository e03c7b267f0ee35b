"""View models: what a page or API response shows, read from the store in a few batched queries.

Only titles, links, outlets, times and the summary leave this module; never an article's text.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import Enum
from urllib.parse import urlsplit

from sqlalchemy import Connection

import newsloom.store as db
import newsloom.store.browse as browse
from newsloom.categorize.taxonomy import GENERAL, TAXONOMY
from newsloom.records import Article, Category, Cited, Source, Story, Summary
from newsloom.store.browse import CardSummary
from newsloom.store.images import LeadImage, lead_images
from newsloom.web.urls import category_path, story_path

RELATED_STORIES = 5
RELATED_CANDIDATES = 30  # same-category stories read on each side of the update time
RELATED_WINDOW = timedelta(days=7)
MIN_SHARED_TERMS = 2
TERMS_CACHED = 20_000
_WORD = re.compile(r"[^\W_]{3,}")
_STOPWORDS = frozenset(
    "the and for with from that this are was were has have had will not but its into after over "
    "new says said than more about what when who how why their they them his her our you all "
    "out off two one can may could would should been being also just".split()
)


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
    source_id: int
    published: datetime
    language: str


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
    outlets: int  # distinct outlets, copies included
    articles: int
    updated: datetime
    first_seen: datetime
    importance: float
    language: str
    image: LeadImage | None = None  # the story's picture (our copy), credited to its article

    @property
    def first_bullet(self) -> str:
        return self.bullets[0] if self.bullets else ""

    @property
    def single_source(self) -> bool:
        return self.outlets <= 1


@dataclass(frozen=True)
class RelatedLink:
    id: int
    headline: str
    path: str


@dataclass(frozen=True)
class VersionStamp:
    version: int
    created: datetime
    headline: str
    whats_new: tuple[str, ...] = ()  # the version's "what's new" statements (the timeline)


@dataclass(frozen=True)
class StoryPage:
    card: StoryCard
    bullets: tuple[Sentence, ...]
    paragraphs: tuple[tuple[Sentence, ...], ...]
    takeaways: tuple[Sentence, ...]
    whats_new: tuple[Sentence, ...]
    sources: tuple[SourceEntry, ...]
    first_reported: ArticleRef | None  # the earliest article, copies included
    related: tuple[RelatedLink, ...]
    versions: tuple[VersionStamp, ...]
    summary: Summary | None


class Lookup(Enum):
    FOUND = "found"
    MISSING = "missing"  # no such story: 404
    REMOVED = "removed"  # the story exists but holds no article any more: 410


def load_catalog(conn: Connection) -> Catalog:
    stored = {c.slug: c for c in db.list_categories(conn)}
    ordered: list[Category] = [stored.pop(c.slug, c) for c in TAXONOMY]
    ordered.extend(stored[slug] for slug in sorted(stored))
    return Catalog(
        tuple(CategoryLink(c.slug, c.name, c.description, category_path(c.slug)) for c in ordered)
    )


def feed_host(url: str) -> str:
    return (urlsplit(url).hostname or "").removeprefix("www.")


def feed_label(source: Source, every: Sequence[Source]) -> str:
    """The outlet's name, told apart from its other feeds (one outlet, several sections) by the
    section, or else the feed's host and path."""
    name = source.title or source.url
    twins = [s for s in every if (s.title or s.url) == name and s.id != source.id]
    if not twins:
        return name
    if source.section and all(s.section != source.section for s in twins):
        return f"{name} ({source.section})"
    parts = urlsplit(source.url)
    return f"{name} ({feed_host(source.url)}{parts.path})"


def source_rows(conn: Connection) -> list[tuple[Source, int, str, str]]:
    """Every source with its article count, label and host, by label: the sources page's rows
    (and the admin's, which add actions to them)."""
    outlets = db.list_sources(conn)
    counts = browse.source_article_counts(conn)
    return sorted(
        ((s, counts.get(s.id or 0, 0), feed_label(s, outlets), feed_host(s.url)) for s in outlets),
        key=lambda r: (r[2].lower(), r[1]),
    )


def outlet_name(article: Article) -> str:
    """The source's display name, or the article's host when the source has none."""
    return article.outlet or urlsplit(article.url).hostname or "unknown outlet"


def majority_language(items: Sequence[Article]) -> str:
    """The most common non-empty language among ``items`` (earliest wins a tie); "" if none."""
    counts = Counter(a.language for a in items if a.language)
    if not counts:
        return ""
    best = max(counts.values())
    return next(a.language for a in items if a.language and counts[a.language] == best)


def _ref(article: Article) -> ArticleRef:
    assert article.id is not None
    return ArticleRef(
        id=article.id,
        title=article.title or article.url,
        url=article.url,
        outlet=outlet_name(article),
        source_id=article.source_id,
        published=article.published,
        language=article.language,
    )


def _groups(
    members: Sequence[Article], stored_copies: dict[int, list[Article]]
) -> list[tuple[Article, list[Article]]]:
    """Originals in story order, each with its copies (members of the story or not)."""
    ids = {a.id for a in members}
    order = [a for a in members if a.copy_of is None or a.copy_of not in ids]
    groups: dict[int, dict[int, Article]] = {a.id: {} for a in order if a.id is not None}
    for article in members:
        if article.copy_of is not None and article.copy_of in groups and article.id is not None:
            groups[article.copy_of][article.id] = article
    for original_id, copies in groups.items():
        for copy in stored_copies.get(original_id, ()):
            if copy.id is not None:
                copies.setdefault(copy.id, copy)
    return [
        (a, sorted(groups[a.id].values(), key=lambda c: (c.published, c.id or 0)))
        for a in order
        if a.id is not None
    ]


def _headline(
    story: Story, summary: Summary | CardSummary | None, members: Sequence[Article]
) -> str:
    if story.headline:
        return story.headline
    if summary is not None and summary.headline:
        return summary.headline
    return members[0].title if members else f"Story {story.id}"


def _card(
    story: Story,
    catalog: Catalog,
    summary: Summary | CardSummary | None,
    groups: Sequence[tuple[Article, Sequence[Article]]],
    image: LeadImage | None = None,
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
        language=majority_language(members),
        image=image,
    )


def story_cards(conn: Connection, stories: Sequence[Story], catalog: Catalog) -> list[StoryCard]:
    """Cards for ``stories`` in their order, in four queries whatever their number."""
    ids = [s.id for s in stories]
    if not ids:
        return []
    summaries = browse.latest_bullets(conn, ids)
    members = browse.story_articles_brief(conn, ids)
    copies = browse.copies_brief(conn, [a.id for m in members.values() for a in m if a.id])
    pictures = lead_images(conn, ids)
    return [
        _card(
            s,
            catalog,
            summaries.get(s.id),
            _groups(members.get(s.id, []), copies),
            pictures.get(s.id),
        )
        for s in stories
    ]


def story_card(conn: Connection, story: Story, catalog: Catalog) -> StoryCard:
    return story_cards(conn, [story], catalog)[0]


def cards_by_ids(conn: Connection, ids: Sequence[int], catalog: Catalog) -> list[StoryCard]:
    return story_cards(conn, browse.stories_by_ids(conn, ids, article_ids=False), catalog)


@dataclass(frozen=True)
class Opened:
    """A story looked up by id: why it is (not) shown, and its member articles (no text)."""

    lookup: Lookup
    story: Story | None
    members: tuple[Article, ...] = ()


def open_story(conn: Connection, story_id: int) -> Opened:
    """The live story ``story_id`` is (or was merged into) with its members: two index reads."""
    story = browse.resolved_story(conn, story_id)
    if story is None:
        return Opened(Lookup.MISSING, None)
    members = tuple(browse.story_articles_brief(conn, [story.id])[story.id])
    story = replace(story, article_ids=tuple(a.id for a in members if a.id is not None))
    return Opened(Lookup.FOUND if members else Lookup.REMOVED, story, members)


def find_story(conn: Connection, story_id: int) -> tuple[Lookup, Story | None]:
    """The live story ``story_id`` is (or was merged into), or why there is none."""
    opened = open_story(conn, story_id)
    return opened.lookup, opened.story


def live_story(conn: Connection, story_id: int) -> Story | None:
    """The story, or the one it was merged into; None when missing or removed."""
    lookup, story = find_story(conn, story_id)
    return story if lookup is Lookup.FOUND else None


def story_page(
    conn: Connection,
    story: Story,
    catalog: Catalog,
    *,
    extras: bool = True,
    members: Sequence[Article] | None = None,
) -> StoryPage:
    """Everything the story page shows; ``extras=False`` skips related stories and versions.

    ``members``: the story's articles when the caller has read them already (``open_story``).
    """
    summary = browse.latest_summary_of(conn, story.id)
    if members is None:
        members = browse.story_articles_brief(conn, [story.id])[story.id]
    held = {a.id for a in members}
    # Articles a summary cites but the story no longer holds are still listed as sources.
    missing = [i for i in _cited_ids(summary) if i not in held]
    if missing:
        members = [*members, *browse.articles_brief(conn, missing)]
    copies = browse.copies_brief(conn, [a.id for a in members if a.id is not None])
    groups = _groups(members, copies)
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

    every = [e.article for e in sources] + [c for e in sources for c in e.copies]
    card = _card(story, catalog, summary, groups, lead_images(conn, [story.id]).get(story.id))
    return StoryPage(
        card=card,
        bullets=sentences(summary.bullets) if summary else (),
        paragraphs=tuple(sentences(p) for p in summary.paragraphs) if summary else (),
        takeaways=sentences(summary.takeaways) if summary else (),
        whats_new=sentences(summary.whats_new) if summary else (),
        sources=sources,
        first_reported=min(every, key=lambda r: (r.published, r.id), default=None),
        related=related_stories(conn, story, card, [a.title for a in members]) if extras else (),
        versions=tuple(
            VersionStamp(s.version, s.created, s.headline, tuple(c.text for c in s.whats_new))
            for s in browse.summary_stamps(conn, story.id)
        )
        if extras
        else (),
        summary=summary,
    )


@functools.lru_cache(maxsize=TERMS_CACHED)
def terms(text: str) -> frozenset[str]:
    """Lower-case content words of three letters or more (memoised: each headline is a related
    candidate of every story near it, so the same ones come back page after page)."""
    return frozenset(w for w in _WORD.findall(text.lower()) if w not in _STOPWORDS)


def related_stories(
    conn: Connection, story: Story, card: StoryCard, titles: Sequence[str]
) -> tuple[RelatedLink, ...]:
    """Live stories of the same category, updated within a week of this one, sharing headline
    terms: the RELATED_CANDIDATES nearest in time on each side, read through the category index.

    Score: shared terms / sqrt(the candidate's terms), at least MIN_SHARED_TERMS shared.
    """
    own = terms(" ".join([card.headline, *titles]))
    if not own:
        return ()
    slug = card.category.slug
    # Uncategorised stories are listed (and so related) as General.
    stored = (slug, "") if slug == GENERAL else (slug,)
    scored: list[tuple[float, int, str]] = []
    for category in stored:
        nearby = browse.category_neighbours(
            conn,
            story.id,
            category,
            story.last_updated,
            window=RELATED_WINDOW,
            limit=RELATED_CANDIDATES,
        )
        for candidate_id, headline in nearby:
            theirs = terms(headline)
            shared = len(own & theirs)
            if shared >= MIN_SHARED_TERMS:
                scored.append((shared / math.sqrt(len(theirs)), candidate_id, headline))
    scored.sort(key=lambda s: (-s[0], -s[1]))
    return tuple(RelatedLink(i, h, story_path(slug, h, i)) for _, i, h in scored[:RELATED_STORIES])


def catalog_slug(category: str) -> str:
    """The category a story is listed under: uncategorised stories count as General."""
    return category or GENERAL


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
