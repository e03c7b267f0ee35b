"""A story as a Google Reader item: headline, the cited summary as HTML, the story page as its
link, and its sources listed in the body. Never an article's text."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from markupsafe import Markup, escape
from sqlalchemy import Connection

import newsloom.store as db
import newsloom.store.browse as browse
from newsloom.accounts.greader_ids import long_item_id, usec
from newsloom.records import Article, Cited, Summary
from newsloom.web.html import safe_href
from newsloom.web.urls import absolute, story_path

READING_LIST = "user/-/state/com.google/reading-list"
READ = "user/-/state/com.google/read"
STARRED = "user/-/state/com.google/starred"


@dataclass(frozen=True)
class ItemState:
    read: bool
    starred: bool
    origin: str  # the subscription's stream id, "feed/<follow id>"
    origin_title: str


def _numbers(articles: Sequence[Article]) -> dict[int, int]:
    return {a.id: n for n, a in enumerate(articles, start=1) if a.id is not None}


def _sentence(cited: Cited, numbers: dict[int, int]) -> Markup:
    marks = "".join(
        f"<sup>[{numbers[a]}]</sup>" for a in dict.fromkeys(cited.article_ids) if a in numbers
    )
    return escape(cited.text) + Markup(marks)


def summary_html(
    summary: Summary | None, articles: Sequence[Article], outlets: dict[int, str], link: str
) -> str:
    """The summary with numbered citations, then the numbered sources (title, outlet, link)."""
    numbers = _numbers(articles)
    parts: list[Markup] = []
    if summary is not None:
        if summary.whats_new:
            news = "".join(f"<li>{_sentence(c, numbers)}</li>" for c in summary.whats_new)
            parts.append(Markup(f"<p><strong>What's new</strong></p><ul>{news}</ul>"))
        bullets = "".join(f"<li>{_sentence(c, numbers)}</li>" for c in summary.bullets)
        parts.append(Markup(f"<ul>{bullets}</ul>"))
        for paragraph in summary.paragraphs:
            parts.append(
                Markup("<p>" + " ".join(_sentence(c, numbers) for c in paragraph) + "</p>")
            )
    sources = "".join(
        f'<li>[{numbers[a.id]}] <a href="{escape(safe_href(a.url))}">{escape(a.title)}</a>'
        f" ({escape(outlets.get(a.source_id, ''))})</li>"
        for a in articles
        if a.id is not None
    )
    parts.append(Markup(f"<p><strong>Sources</strong></p><ol>{sources}</ol>"))
    parts.append(Markup(f'<p><a href="{escape(link)}">The whole story</a></p>'))
    return str(Markup("").join(parts))


def items(
    conn: Connection, ids: Sequence[int], states: dict[int, ItemState], site_url: str
) -> list[dict[str, Any]]:
    """The protocol's item objects for ``ids``, in order (unknown ids left out)."""
    stories = {s.id: s for s in browse.stories_by_ids(conn, ids, article_ids=False)}
    summaries = browse.latest_summaries(conn, ids)
    members = browse.story_articles_brief(conn, ids)
    outlets = {s.id: (s.title or s.url) for s in db.list_sources(conn) if s.id is not None}
    found: list[dict[str, Any]] = []
    for story_id in ids:
        story = stories.get(story_id)
        if story is None:
            continue
        summary = summaries.get(story_id)
        headline = (summary.headline if summary else "") or story.headline or "Untitled story"
        link = absolute(site_url, story_path(story.category or "general", headline, story_id))
        state = states.get(story_id, ItemState(False, False, "feed/0", "All stories"))
        categories = [
            READING_LIST,
            *([READ] if state.read else []),
            *([STARRED] if state.starred else []),
        ]
        found.append(
            {
                "id": long_item_id(story_id),
                "crawlTimeMsec": str(int(story.last_updated.timestamp() * 1000)),
                "timestampUsec": usec(story.last_updated),
                "published": int(story.first_seen.timestamp()),
                "updated": int(story.last_updated.timestamp()),
                "title": headline,
                "categories": categories,
                "alternate": [{"href": link, "type": "text/html"}],
                "canonical": [{"href": link}],
                "summary": {
                    "direction": "ltr",
                    "content": summary_html(summary, members.get(story_id, []), outlets, link),
                },
                "author": "",
                "origin": {
                    "streamId": state.origin,
                    "title": state.origin_title,
                    "htmlUrl": absolute(site_url, "/"),
                },
            }
        )
    return found


def stream_updated(now: datetime) -> int:
    return int(now.timestamp())
