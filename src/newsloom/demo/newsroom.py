"""The demo newsroom's data: fictional outlets, their feeds and the stories they tell.

``data/outlets.json`` declares the outlets; every ``data/stories_*.json`` holds stories whose
articles carry the gold story label. Loading validates everything, so a broken data file fails
loudly here rather than as a puzzling clustering score.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, cast

from newsloom.errors import ConfigError

DATA_DIR = Path(__file__).parent / "data"
CATEGORIES = ("world", "business", "technology", "science", "sports", "entertainment")
MAX_OFFSET_MINUTES = 3 * 24 * 60  # the demo spans three days before its base time
FEED_FORMATS = ("rss", "atom", "rdf", "json")
LINK_STYLES = ("plain", "tracking", "mobile")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

DemoFeedFormat = Literal["rss", "atom", "rdf", "json"]
LinkStyle = Literal["plain", "tracking", "mobile"]


class DemoDataError(ConfigError):
    """The bundled demo data is inconsistent."""

    stage = "demo"


@dataclass(frozen=True)
class DemoFeed:
    id: str
    format: DemoFeedFormat
    section: str
    full_text: bool = False  # RSS: add content:encoded with the whole article
    links: LinkStyle = "plain"  # how item links point at the article page

    @property
    def extension(self) -> str:
        return {"rss": "xml", "atom": "atom", "rdf": "rdf", "json": "json"}[self.format]


@dataclass(frozen=True)
class Outlet:
    id: str
    name: str
    language: str
    section: str
    tagline: str
    feeds: tuple[DemoFeed, ...]
    every_feed_lists_every_article: bool = False

    def feed(self, feed_id: str) -> DemoFeed | None:
        return next((f for f in self.feeds if f.id == feed_id), None)


@dataclass(frozen=True)
class DemoArticle:
    """One article as its outlet publishes it; copies already carry their original's text."""

    id: str  # "<outlet>/<slug>"
    outlet: str
    slug: str
    story: str
    category: str
    feeds: tuple[str, ...]
    offset_minutes: int
    title: str
    author: str
    lead: str
    paragraphs: tuple[str, ...]
    image: str = ""
    lang: str = ""
    copy_of: str | None = None

    @property
    def path(self) -> str:
        return f"/{self.outlet}/{self.slug}"


@dataclass(frozen=True)
class DemoStory:
    label: str
    category: str
    articles: tuple[DemoArticle, ...]
    # Words a reader must find in bullet 1 and the headline: the main event, and the latest
    # development when the story moved on after its first report ("rescued" for trapped miners).
    main_event: tuple[str, ...] = ()
    latest: tuple[str, ...] = ()


@dataclass(frozen=True)
class Newsroom:
    outlets: dict[str, Outlet]
    stories: tuple[DemoStory, ...]

    @property
    def articles(self) -> tuple[DemoArticle, ...]:
        return tuple(a for story in self.stories for a in story.articles)

    def article(self, article_id: str) -> DemoArticle | None:
        return next((a for a in self.articles if a.id == article_id), None)

    def feeds_of(self, article: DemoArticle) -> tuple[str, ...]:
        """The feeds that list the article, after the outlet's own listing rule."""
        outlet = self.outlets[article.outlet]
        if outlet.every_feed_lists_every_article:
            return tuple(f.id for f in outlet.feeds)
        return article.feeds

    def articles_in_feed(self, outlet_id: str, feed_id: str) -> list[DemoArticle]:
        """Newest first, as feeds list them; ties broken by id for stable output."""
        found = [a for a in self.articles if a.outlet == outlet_id and feed_id in self.feeds_of(a)]
        return sorted(found, key=lambda a: (a.offset_minutes, a.id))

    def articles_of(self, outlet_id: str) -> list[DemoArticle]:
        found = [a for a in self.articles if a.outlet == outlet_id]
        return sorted(found, key=lambda a: (a.offset_minutes, a.id))

    def gold_labels(self) -> dict[str, str]:
        """Canonical URL path ("/<outlet>/<slug>") of every article -> its story label."""
        return {a.path: a.story for a in self.articles}

    def wire_groups(self) -> dict[str, list[str]]:
        """Original article id -> ids of its verbatim republications, oldest copy first."""
        groups: dict[str, list[DemoArticle]] = {}
        for article in self.articles:
            if article.copy_of:
                groups.setdefault(article.copy_of, []).append(article)
        return {
            original: [c.id for c in sorted(copies, key=lambda c: (-c.offset_minutes, c.id))]
            for original, copies in sorted(groups.items())
        }

    def multi_feed_articles(self) -> list[str]:
        """Ids of the articles the data lists in two or more feeds of their outlet."""
        return sorted(a.id for a in self.articles if len(a.feeds) >= 2)


def load_newsroom(data_dir: Path | None = None) -> Newsroom:
    """Read outlets.json and every stories_*.json under ``data_dir``; raise DemoDataError."""
    folder = data_dir or DATA_DIR
    outlets = _parse_outlets(_read_json(folder / "outlets.json"))
    raw_stories: list[Any] = []
    for path in sorted(folder.glob("stories_*.json")):
        content = _read_json(path)
        if not isinstance(content, list):
            raise DemoDataError(f"{path.name}: expected a list of stories")
        raw_stories.extend(content)
    stories = _parse_stories(raw_stories, outlets)
    return Newsroom(outlets=outlets, stories=stories)


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise DemoDataError(f"missing data file {path.name}") from exc
    except json.JSONDecodeError as exc:
        raise DemoDataError(f"{path.name} is not valid JSON: {exc}") from exc


def _parse_outlets(raw: Any) -> dict[str, Outlet]:
    if not isinstance(raw, list):
        raise DemoDataError("outlets.json: expected a list of outlets")
    outlets: dict[str, Outlet] = {}
    for item in raw:
        outlet_id = str(item.get("id", ""))
        if not _SLUG.match(outlet_id) or outlet_id in outlets:
            raise DemoDataError(f"outlets.json: bad or repeated outlet id {outlet_id!r}")
        feeds = tuple(_parse_feed(outlet_id, f) for f in item.get("feeds", []))
        if not feeds or len({f.id for f in feeds}) != len(feeds):
            raise DemoDataError(f"outlets.json: {outlet_id} needs feeds with distinct ids")
        outlets[outlet_id] = Outlet(
            id=outlet_id,
            name=str(item["name"]),
            language=str(item["language"]),
            section=str(item.get("section", "general")),
            tagline=str(item.get("tagline", "")),
            feeds=feeds,
            every_feed_lists_every_article=bool(item.get("every_feed_lists_every_article")),
        )
    return outlets


def _parse_feed(outlet_id: str, raw: dict[str, Any]) -> DemoFeed:
    feed_format = raw.get("format")
    links = raw.get("links", "plain")
    if feed_format not in FEED_FORMATS or links not in LINK_STYLES:
        raise DemoDataError(f"outlets.json: {outlet_id} feed {raw.get('id')!r} is malformed")
    return DemoFeed(
        id=str(raw["id"]),
        format=cast(DemoFeedFormat, feed_format),
        section=str(raw.get("section", "general")),
        full_text=bool(raw.get("full_text")),
        links=cast(LinkStyle, links),
    )


def _parse_stories(raw: Iterable[Any], outlets: dict[str, Outlet]) -> tuple[DemoStory, ...]:
    labels: set[str] = set()
    by_id: dict[str, dict[str, Any]] = {}
    story_items: list[tuple[str, str, list[dict[str, Any]], dict[str, Any]]] = []
    for story in raw:
        label, category = str(story.get("story", "")), str(story.get("category", ""))
        if not label or label in labels:
            raise DemoDataError(f"bad or repeated story label {label!r}")
        if category not in CATEGORIES:
            raise DemoDataError(f"story {label}: unknown category {category!r}")
        articles = story.get("articles") or []
        if not articles:
            raise DemoDataError(f"story {label}: no articles")
        labels.add(label)
        for item in articles:
            article_id = str(item.get("id", ""))
            if article_id in by_id:
                raise DemoDataError(f"repeated article id {article_id!r}")
            by_id[article_id] = item
        story_items.append((label, category, articles, story))
    return tuple(
        DemoStory(
            label,
            category,
            tuple(_article(i, label, category, by_id, outlets) for i in items),
            main_event=_words_of(raw_story, "main_event"),
            latest=_words_of(raw_story, "latest"),
        )
        for label, category, items, raw_story in story_items
    )


def _words_of(story: dict[str, Any], key: str) -> tuple[str, ...]:
    value = story.get(key, [])
    if not isinstance(value, list) or not all(isinstance(w, str) and w for w in value):
        raise DemoDataError(f"story {story.get('story')}: {key} must be a list of words")
    return tuple(value)


def _article(
    item: dict[str, Any],
    label: str,
    category: str,
    by_id: dict[str, dict[str, Any]],
    outlets: dict[str, Outlet],
) -> DemoArticle:
    article_id = str(item["id"])
    outlet_id, _, slug = article_id.partition("/")
    outlet = outlets.get(outlet_id)
    if outlet is None or item.get("outlet") != outlet_id or not _SLUG.match(slug):
        raise DemoDataError(f"{article_id}: id must be <known outlet>/<slug> matching 'outlet'")
    if slug in ("m", "feeds", "img"):
        raise DemoDataError(f"{article_id}: slug {slug!r} is reserved for site paths")
    feeds = tuple(str(f) for f in item.get("feeds", []))
    if not feeds or any(outlet.feed(f) is None for f in feeds):
        raise DemoDataError(f"{article_id}: unknown or missing feeds {list(feeds)}")
    offset = item.get("offset_minutes")
    if not isinstance(offset, int) or not 0 <= offset <= MAX_OFFSET_MINUTES:
        raise DemoDataError(f"{article_id}: offset_minutes must be 0..{MAX_OFFSET_MINUTES}")
    source = item
    copy_of = item.get("copy_of")
    if copy_of is not None:
        source = by_id.get(str(copy_of), {})
        if not source or source.get("copy_of") or copy_of == article_id:
            raise DemoDataError(f"{article_id}: copy_of {copy_of!r} is not an original article")
        if source.get("offset_minutes", -1) <= offset:
            raise DemoDataError(f"{article_id}: a copy must be published after its original")
    paragraphs = tuple(str(p) for p in source.get("paragraphs", []))
    title = str(item.get("title", ""))
    if not paragraphs or not title:
        raise DemoDataError(f"{article_id}: needs a title and paragraphs")
    return DemoArticle(
        id=article_id,
        outlet=outlet_id,
        slug=slug,
        story=label,
        category=category,
        feeds=feeds,
        offset_minutes=offset,
        title=title,
        author=str(item.get("author") or source.get("author") or outlet.name),
        lead=str(item.get("lead") or source.get("lead") or paragraphs[0]),
        paragraphs=paragraphs,
        image=str(item.get("image") or source.get("image") or ""),
        lang=str(item.get("lang") or outlet.language),
        copy_of=str(copy_of) if copy_of is not None else None,
    )
