"""The demo newsroom through the real HTTP path: feeds and pages on 127.0.0.1 -> store -> site."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlsplit

import pytest
from fastapi.testclient import TestClient
from lxml import html as lxml_html

import newsloom.store as db
from newsloom.app.demo import demo_settings, ingest_demo
from newsloom.demo.newsroom import load_newsroom
from newsloom.demo.server import DemoServer
from newsloom.pipeline.refresh import RefreshReport, run_refresh
from newsloom.records import Article
from newsloom.settings import Settings
from newsloom.store import Store
from newsloom.summarize.consequences import tells_consequence
from newsloom.summarize.watch import what_to_watch
from newsloom.web import create_app

# The demo newsroom end to end: the complete suite (make test) only.
pytestmark = pytest.mark.slow

BASE_TIME = datetime(2026, 6, 3, 18, 0, tzinfo=UTC)


@dataclass
class Demo:
    server: DemoServer
    store: Store
    settings: Settings
    report: RefreshReport


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    settings = demo_settings(Settings(data_dir=tmp_path_factory.mktemp("demo")))
    with DemoServer(base_time=BASE_TIME) as server:
        store, report = ingest_demo(settings, server, BASE_TIME)
        yield Demo(server, store, settings, report)
        store.close()


def _path(url: str) -> str:
    """Host-independent article key: /outlet/slug (mobile /m/ pages map to the desktop path)."""
    path = urlsplit(url).path.rstrip("/")
    return re.sub(r"^/([^/]+)/m/", r"/\1/", path)


def _all_articles(store: Store) -> list[Article]:
    with store.read() as conn:
        return db.recent_articles(
            conn, since=datetime(2000, 1, 1, tzinfo=UTC), originals_only=False
        )


def test_refresh_succeeds_for_every_source(demo: Demo) -> None:
    assert demo.report.failed_sources == 0, demo.report.errors
    newsroom = load_newsroom()
    distinct = {_path(a.url) for a in _all_articles(demo.store)}
    assert distinct == set(newsroom.gold_labels())


def test_wire_copies_fold_into_one_article_with_first_reporter(demo: Demo) -> None:
    newsroom = load_newsroom()
    by_path = {_path(a.canonical_url): a for a in _all_articles(demo.store)}
    groups = newsroom.wire_groups()
    assert groups, "the demo must contain a wire story"
    for original_id, copy_ids in groups.items():
        original = by_path["/" + original_id]
        assert original.copy_of is None  # the wire service reported it first
        for copy_id in copy_ids:
            assert by_path["/" + copy_id].copy_of == original.id


def test_article_in_two_feeds_and_tracking_urls_are_one_article(demo: Demo) -> None:
    articles = _all_articles(demo.store)
    by_canonical: dict[str, int] = defaultdict(int)
    for article in articles:
        by_canonical[article.canonical_url] += 1
    assert all(n == 1 for n in by_canonical.values())
    assert not any("utm_" in a.canonical_url or "/m/" in a.canonical_url for a in articles)
    newsroom = load_newsroom()
    with demo.store.read() as conn:
        for article_id in newsroom.multi_feed_articles():
            article = next(a for a in articles if _path(a.canonical_url) == "/" + article_id)
            assert article.id is not None
            sources = {source for _, source in db.article_links(conn, article.id)}
            assert len(sources) >= 2, article_id
        # Metro Evening Star lists every article twice: with utm_ parameters and as a mobile page.
        metro = [a for a in articles if "/metro-star/" in a.canonical_url]
        assert metro
        for article in metro:
            assert article.id is not None
            urls = [u for u, _ in db.article_links(conn, article.id)]
            assert any("utm_source" in u for u in urls) and any("/m/" in u for u in urls)


def test_every_multi_outlet_gold_story_is_one_story(demo: Demo) -> None:
    gold = load_newsroom().gold_labels()
    originals = [a for a in _all_articles(demo.store) if a.copy_of is None]
    predicted: dict[str, set[int]] = defaultdict(set)
    members: dict[int, set[str]] = defaultdict(set)
    with demo.store.read() as conn:
        for article in originals:
            assert article.id is not None
            story_id = db.story_of(conn, article.id)
            assert story_id is not None, article.url
            label = gold[_path(article.canonical_url)]
            predicted[label].add(story_id)
            members[story_id].add(label)
    split = {label: ids for label, ids in predicted.items() if len(ids) > 1}
    assert not split, f"gold stories split over several stories: {split}"
    mixed = {story: labels for story, labels in members.items() if len(labels) > 1}
    assert not mixed, f"stories mixing gold stories: {mixed}"


def test_a_section_feed_votes_for_articles_stored_under_the_general_feed(demo: Demo) -> None:
    # Daily Meridian's world feed lists its Kestrel accord report, which its general feed listed
    # first; the report is stored once, under the general feed, and still votes "world".
    accord = next(s for s in load_newsroom().stories if s.label == "a01-kestrel-water-accord")
    by_path = {_path(a.canonical_url): a for a in _all_articles(demo.store)}
    with demo.store.read() as conn:
        originals = [by_path[a.path] for a in accord.articles if by_path[a.path].copy_of is None]
        story_ids = {db.story_of(conn, a.id or 0) for a in originals}
        assert len(story_ids) == 1
        story = db.get_story(conn, story_ids.pop() or 0)
    assert story is not None and story.category == accord.category == "world"


def test_every_story_page_has_the_seed_elements_and_resolving_citations(demo: Demo) -> None:
    client = TestClient(create_app(demo.settings, store=demo.store))
    with demo.store.read() as conn:
        stories = db.list_stories(conn, limit=1000)
    assert len(stories) >= 20
    for story in stories:
        response = client.get(f"/story/{story.id}", follow_redirects=True)
        assert response.status_code == 200, story.id
        page = lxml_html.fromstring(response.text)
        text = page.text_content()
        assert "Home" in text and story.headline in text
        assert "Summary" in text and "Read more news on" in text
        assert "computer program" in text
        assert len(page.cssselect(".summary li")) == 3, story.id
        # Takeaways say what to watch (issue 16, summarize/watch.py): up to three, each one a
        # next step, a pending decision or an effect on people; a story that tells none (a
        # review, a record set) shows none, and then no empty "Key takeaways" heading. A page
        # short of them may close on a consequence already told (consequences.py). The check
        # reads each takeaway without its citation marks.
        takeaways = [li.text_content() for li in page.cssselect(".takeaways li")]
        assert len(takeaways) <= 3, story.id
        assert ("Key takeaways" in text) == bool(takeaways), story.id
        shown = [re.sub(r"\s*\[[\d,\s]+\]$", "", t.strip()) for t in takeaways]
        assert all(what_to_watch(t) or tells_consequence(t) for t in shown), (story.id, shown)
        paragraphs = page.cssselect(".story-body p")
        assert 1 <= len(paragraphs) <= 4, story.id
        anchors = {el.get("id") for el in page.cssselect("[id^=source-]")}
        citations = page.cssselect("a.cite")
        assert citations, story.id
        for cite in citations:
            assert cite.get("href", "").lstrip("#") in anchors, (story.id, cite.get("href"))


def test_second_refresh_changes_nothing(demo: Demo) -> None:
    before = _snapshot(demo.store)
    report = run_refresh(demo.settings, demo.store, now=BASE_TIME, all_sources=True)
    assert report.new_articles == 0 and report.new_stories == 0 and report.summaries == 0
    assert _snapshot(demo.store) == before


def _snapshot(store: Store) -> tuple[object, ...]:
    with store.read() as conn:
        stories = db.list_stories(conn, limit=10_000)
        versions = {s.id: len(db.summary_versions(conn, s.id)) for s in stories}
        return (
            sorted(a.canonical_url for a in _all_articles(store)),
            sorted((s.id, s.article_ids) for s in stories),
            versions,
        )
