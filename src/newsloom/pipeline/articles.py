"""From a feed entry (and its page, if fetched) to the article to store (``records.Candidate``).

Pure: extraction, the page-vs-feed choice (``extract/choice.py``) and the fingerprints dedup
compares. Storing it, deduplicated, is ``store/candidates.py``; building many at once on worker
processes is ``pool.py``.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from urllib.parse import urlsplit

from newsloom.categorize.taxonomy import filed_section
from newsloom.dedup import canonical_url, content_hash, simhash, site_host
from newsloom.errors import ExtractError
from newsloom.extract import extract_article, looks_paywalled, text_from_html
from newsloom.extract.choice import prefer_page
from newsloom.ingest.sanitize import safe_url
from newsloom.records import (
    Article,
    Candidate,
    Extracted,
    FeedEntry,
    FetchResult,
    KeptPage,
    ParsedFeed,
    Source,
)

LEAD_CHARS = 400


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
    teaser = extracted is not None and looks_paywalled(extracted)
    use_page = extracted is not None and prefer_page(extracted.text, feed_text, teaser=teaser)
    text = extracted.text if use_page and extracted else feed_text
    if not text.strip() and not entry.title:
        raise ExtractError(
            f"extract: entry has neither text nor title ({entry.url or entry.guid or 'no link, no id'})"
        )
    page_url = page.final_url if page is not None else entry.url
    canonical = canonical_url(
        _trusted_canonical(extracted, page_url) or page_url or entry.url
    ) or _linkless_key(source.id, entry.guid or entry.title + "\n" + text)
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
        paywalled=page is not None
        and (teaser or (not use_page and page.status in (401, 402, 403))),
        section=filed_section(entry.categories),
    )
    return Candidate(
        article=article,
        entry_url=entry.url,
        guid=entry.guid,
        page=KeptPage.of(page.body) if page is not None and page.body else None,
        page_url=page.final_url if page is not None else "",
        page_type=page.headers.get("content-type", "") if page is not None else "",
    )


def _linkless_key(source_id: int, identity: str) -> str:
    """The identity of an entry without a usable link (none given, or one refused as unsafe):
    its guid (else its title and text) within its source. Without it every link-less entry of
    every feed would share the canonical URL "" and all but the first would be lost."""
    digest = hashlib.sha256(identity.encode("utf-8", errors="replace")).hexdigest()[:32]
    return f"urn:newsloom:source:{source_id}:entry:{digest}"


def _trusted_canonical(extracted: Extracted | None, page_url: str) -> str:
    """A page's rel=canonical, only when it stays on the page's own site (no hijacking)."""
    if extracted is None or not safe_url(extracted.canonical_url):
        return ""
    claimed, actual = urlsplit(extracted.canonical_url), urlsplit(page_url)
    if claimed.scheme not in ("http", "https"):
        return ""
    if site_host(claimed.hostname or "") != site_host(actual.hostname or ""):
        return ""
    return extracted.canonical_url


def _lead(text: str) -> str:
    first = next((p.strip() for p in text.split("\n") if p.strip()), "")
    if len(first) <= LEAD_CHARS:
        return first
    cut = first[:LEAD_CHARS].rsplit(" ", 1)[0]
    return cut + "…"
