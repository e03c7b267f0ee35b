"""Frozen records that flow between stages.

Only these cross package boundaries. Every datetime is timezone-aware UTC. Ids are assigned by the
store; a record that has not been stored yet carries ``id=None``.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

SourceKind = Literal["feed", "sitemap", "page"]
FeedFormat = Literal["rss", "atom", "rdf", "json", "sitemap", "opml", "unknown"]
SummaryMethod = Literal["extractive", "llm"]


@dataclass(frozen=True)
class Source:
    """A feed, sitemap or page that newsloom polls."""

    url: str
    id: int | None = None
    kind: SourceKind = "feed"
    title: str = ""  # the outlet's display name ("Harbour Gazette")
    site_url: str = ""
    section: str = ""  # declared section, e.g. "science"; empty when general
    language: str = ""
    etag: str | None = None
    last_modified: str | None = None
    next_check: datetime | None = None
    last_checked: datetime | None = None
    error_count: int = 0
    last_error: str | None = None
    paused_at: datetime | None = None  # not polled while set (by the operator or a failure run)
    paused_reason: str | None = None


@dataclass(frozen=True)
class FetchResult:
    """One HTTP exchange, bounded. ``error`` is set instead of raising for per-source failures."""

    url: str
    final_url: str
    status: int
    fetched_at: datetime
    headers: dict[str, str] = field(default_factory=dict)  # lower-cased names
    body: bytes = b""
    error: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def ok(self) -> bool:
        return self.error is None and 200 <= self.status < 300


@dataclass(frozen=True)
class FeedEntry:
    """One item of a feed, as the feed states it (HTML already sanitised)."""

    url: str
    guid: str = ""
    title: str = ""
    summary_html: str = ""
    content_html: str = ""
    published: datetime | None = None
    updated: datetime | None = None
    authors: tuple[str, ...] = ()
    image: str = ""
    enclosures: tuple[str, ...] = ()
    language: str = ""
    # The item's own category terms (RSS <category>, Atom category, dc:subject, JSON Feed tags):
    # how the outlet filed it, whatever language the item is written in.
    categories: tuple[str, ...] = ()


@dataclass(frozen=True)
class ParsedFeed:
    """The result of parsing one feed body: what could be recovered, plus warnings."""

    format: FeedFormat
    title: str = ""
    link: str = ""
    language: str = ""
    ttl_minutes: int | None = None
    entries: tuple[FeedEntry, ...] = ()
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Extracted:
    """What an extractor found in one HTML page."""

    text: str
    title: str = ""
    author: str = ""
    published: datetime | None = None
    language: str = ""
    image: str = ""
    canonical_url: str = ""
    description: str = ""
    method: str = ""  # "trafilatura", "readability", "feed"
    quality: float = 0.0  # 0..1, the extractor's own confidence


@dataclass(frozen=True)
class Article:
    """One article. Copies (same text via other URLs or outlets) point at their original via copy_of."""

    source_id: int
    url: str
    canonical_url: str
    title: str
    text: str
    published: datetime
    fetched_at: datetime
    id: int | None = None
    guid: str = ""
    lead: str = ""  # first paragraph or feed summary, plain text
    language: str = ""
    author: str = ""
    image: str = ""
    content_hash: str = ""  # sha256 of normalised text; equal hash = same text
    simhash: int = 0  # 64-bit SimHash of word shingles, signed to fit SQL BIGINT
    extraction_method: str = ""
    paywalled: bool = False
    copy_of: int | None = None  # id of the earliest article with the same (or nearly same) text
    outlet: str = ""  # display name of the source, filled on read
    # The taxonomy section its feed item was filed under (its first category naming one), "" if
    # none did: the outlet's own filing of this article, a vote like a section feed's.
    section: str = ""


# A page body kept for re-extraction is cut here (before compression): articles are far smaller.
MAX_RAW_PAGE_BYTES = 2_000_000
# zlib's fastest level: every stored article pays it once, and the kept page is read back only
# to extract it again. Over the 1,002 dev pages (124 KB each) level 1 takes 0.78 ms a page and
# keeps 29.2 KB, where level 6 took 1.89 ms (6% of a page's whole ingest) for 24.6 KB. Rows
# written at any level decompress alike.
RAW_PAGE_COMPRESSION = 1


@dataclass(frozen=True)
class KeptPage:
    """A fetched page as it is kept for re-extraction: cut at ``MAX_RAW_PAGE_BYTES``, then
    compressed. Built where the page is extracted (a worker process, for most pages), so the
    process that stores articles holds a quarter of the bytes and does not compress them."""

    compressed: bytes
    size: int  # bytes kept, before compression
    truncated: bool  # the page was longer than what is kept

    @classmethod
    def of(cls, body: bytes) -> KeptPage:
        kept = body[:MAX_RAW_PAGE_BYTES]
        return cls(zlib.compress(kept, RAW_PAGE_COMPRESSION), len(kept), len(body) > len(kept))


@dataclass(frozen=True)
class Candidate:
    """An article ready to store, with the URL and guid it arrived under."""

    article: Article
    entry_url: str
    guid: str
    page: KeptPage | None = None  # the page as fetched, kept for re-extraction
    page_url: str = ""
    page_type: str = ""


@dataclass(frozen=True)
class Story:
    """A set of articles about one event."""

    id: int
    article_ids: tuple[int, ...]
    first_seen: datetime
    last_updated: datetime
    category: str = ""  # category slug, e.g. "science"
    importance: float = 0.0
    headline: str = ""
    merged_into: int | None = None  # set when a consolidation or a user merged this story away


@dataclass(frozen=True)
class Cited:
    """One statement of a summary with the ids of the articles that support it."""

    text: str
    article_ids: tuple[int, ...]


@dataclass(frozen=True)
class Summary:
    story_id: int
    version: int
    headline: str
    bullets: tuple[Cited, ...]
    paragraphs: tuple[tuple[Cited, ...], ...]  # each paragraph is a sequence of cited sentences
    takeaways: tuple[Cited, ...]
    created: datetime
    whats_new: tuple[Cited, ...] = ()
    method: SummaryMethod = "extractive"
    article_ids: tuple[int, ...] = ()  # the articles the summary was made from


@dataclass(frozen=True)
class Category:
    slug: str
    name: str
    description: str = ""
