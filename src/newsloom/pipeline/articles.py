"""From a feed entry (and its page, if fetched) to a stored article, deduplicated.

Identity precedence (see ``newsloom.dedup``): same canonical URL, else same guid from the same source,
else the same text (content hash or near-identical SimHash) makes it a copy of the earliest article.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Literal
from urllib.parse import urlsplit

from sqlalchemy import Connection

import newsloom.store as db
from newsloom.dedup import canonical_url, content_hash, hamming, simhash
from newsloom.errors import ExtractError
from newsloom.extract import extract_article, text_from_html
from newsloom.records import Article, Extracted, FeedEntry, FetchResult, ParsedFeed, Source

# A copy must have enough text for its SimHash to mean anything.
MIN_WORDS_FOR_NEAR_COPY = 50
NEAR_COPY_DISTANCE = 3
COPY_LOOKBACK = timedelta(days=7)
LEAD_CHARS = 400

StoredAs = Literal["new", "copy", "known"]


@dataclass(frozen=True)
class Candidate:
    """An article ready to store, with the URL and guid it arrived under."""

    article: Article
    entry_url: str
    guid: str


def candidate_from_entry(
    source: Source,
    entry: FeedEntry,
    parsed: ParsedFeed,
    page: FetchResult | None,
    now: datetime,
) -> Candidate:
    """Build the article for ``entry``: page text when extraction works, else the feed's own text."""
    assert source.id is not None
    feed_text = text_from_html(entry.content_html or entry.summary_html)
    extracted: Extracted | None = None
    if page is not None:
        try:
            extracted = extract_article(
                page.body, page.final_url, content_type=page.headers.get("content-type")
            )
        except ExtractError:
            extracted = None
    use_page = extracted is not None and len(extracted.text.split()) >= max(
        40, len(feed_text.split()) // 2
    )
    text = extracted.text if use_page and extracted else feed_text
    if not text.strip() and not entry.title:
        raise ExtractError(f"extract: entry has neither text nor title ({entry.url})")
    page_url = page.final_url if page is not None else entry.url
    canonical = canonical_url(_trusted_canonical(extracted, page_url) or page_url or entry.url)
    summary_text = text_from_html(entry.summary_html) if entry.summary_html else ""
    lead = _lead(summary_text or (extracted.description if extracted else "") or text)
    published = (
        entry.published or (extracted.published if extracted else None) or entry.updated or now
    )
    article = Article(
        source_id=source.id,
        url=entry.url or page_url,
        canonical_url=canonical,
        title=(entry.title or (extracted.title if extracted else "")).strip()[:500],
        text=text,
        published=min(published, now),  # a date in the future is a feed error, not news
        fetched_at=now,
        guid=entry.guid,
        lead=lead,
        language=(
            (extracted.language if extracted else "")
            or entry.language
            or parsed.language
            or source.language
        )[:12],
        author=((extracted.author if extracted else "") or ", ".join(entry.authors))[:300],
        image=entry.image or (extracted.image if extracted else ""),
        content_hash=content_hash(text) if text.strip() else "",
        simhash=simhash(text) if text.strip() else 0,
        extraction_method=(extracted.method if use_page and extracted else "feed"),
        paywalled=page is not None and not use_page and page.status in (401, 402, 403),
    )
    return Candidate(article=article, entry_url=entry.url, guid=entry.guid)


def store_candidate(conn: Connection, candidate: Candidate) -> StoredAs:
    """Insert ``candidate`` unless it is already known; mark copies. Idempotent."""
    article = candidate.article
    known = db.find_article(conn, canonical_url=article.canonical_url)
    if known is None and candidate.guid:
        known = db.find_article(conn, guid=candidate.guid, source_id=article.source_id)
    if known is not None and known.id is not None:
        db.add_article_link(
            conn,
            known.id,
            url=candidate.entry_url or article.url,
            source_id=article.source_id,
            guid=candidate.guid,
        )
        return "known"
    original = find_original(conn, article)
    if original is not None:
        article = replace(article, copy_of=original)
    stored = db.insert_article(conn, article)
    assert stored.id is not None
    db.add_article_link(
        conn,
        stored.id,
        url=candidate.entry_url or article.url,
        source_id=article.source_id,
        guid=candidate.guid,
    )
    return "copy" if original is not None else "new"


def find_original(conn: Connection, article: Article) -> int | None:
    """The id of the earliest stored article with the same or nearly the same text, if any."""
    if not article.content_hash:
        return None
    same = db.find_article(conn, content_hash=article.content_hash)
    if same is not None and same.id is not None:
        return same.copy_of or same.id
    if len(article.text.split()) < MIN_WORDS_FOR_NEAR_COPY:
        return None
    since = article.published - COPY_LOOKBACK
    best: tuple[int, int] | None = None
    for other_id, other_hash in db.simhash_candidates(conn, since=since):
        distance = hamming(article.simhash, other_hash)
        if distance <= NEAR_COPY_DISTANCE and (best is None or distance < best[0]):
            best = (distance, other_id)
    return best[1] if best else None


def _trusted_canonical(extracted: Extracted | None, page_url: str) -> str:
    """A page's rel=canonical, only when it stays on the page's own site (no hijacking)."""
    if extracted is None or not extracted.canonical_url:
        return ""
    claimed, actual = urlsplit(extracted.canonical_url), urlsplit(page_url)
    if claimed.scheme not in ("http", "https"):
        return ""
    if _site(claimed.hostname or "") != _site(actual.hostname or ""):
        return ""
    return extracted.canonical_url


def _site(host: str) -> str:
    host = host.lower()
    for prefix in ("www.", "m.", "mobile.", "amp."):
        if host.startswith(prefix):
            host = host[len(prefix) :]
    return host


def _lead(text: str) -> str:
    first = next((p.strip() for p in text.split("\n") if p.strip()), "")
    if len(first) <= LEAD_CHARS:
        return first
    cut = first[:LEAD_CHARS].rsplit(" ", 1)[0]
    return cut + "…"
