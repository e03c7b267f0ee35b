"""The demo site in a real browser: story seed elements, citations, search, categories, hostile text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta

import pytest

import newsloom.store as db
from newsloom.categorize.taxonomy import TAXONOMY
from newsloom.records import Article, Cited, Source, Summary
from tests.e2e.browser.conftest import BASE_TIME, Site, Watched

pytestmark = pytest.mark.browser

HOSTILE = '<script>alert("headline")</script><img src=x onerror=alert("img")> Quayside riot'


def _open(watched: Watched, url: str) -> None:
    response = watched.page.goto(url)
    assert response is not None and response.status == 200, url


def _assert_nothing_ran(watched: Watched) -> None:
    assert watched.dialogs == [] and watched.errors == []
    assert not [m for m in watched.console if "alert" in m or "headline" in m]


def test_home_to_story_shows_every_seed_element_and_citations_resolve(
    site: Site, page: Watched
) -> None:
    _open(page, site.url + "/")
    page.shot("home")
    first = page.page.locator("main .card-title a").first
    headline = first.inner_text()
    first.click()
    page.page.wait_for_load_state()
    page.shot("story")
    story = page.page
    crumbs = story.locator("nav.breadcrumb li")
    assert crumbs.count() == 3
    assert crumbs.nth(0).inner_text().strip() == "Home"
    assert crumbs.nth(2).inner_text().strip() == headline
    assert story.locator("h1").inner_text() == headline
    assert story.locator(".summary li").count() == 3
    assert 2 <= story.locator(".story-body p").count() <= 4
    assert "computer program" in story.locator(".disclaimer").inner_text()
    assert story.locator(".takeaways li").count() == 3
    more = story.locator("nav.read-more")
    assert more.locator("h2").inner_text() == "Read more news on"
    assert {a.get_attribute("href") for a in more.locator("a").all()} == {
        f"/{c.slug}" for c in TAXONOMY
    }
    sources = {li.get_attribute("id") for li in story.locator(".sources li[id]").all()}
    citations = story.locator("a.cite").all()
    assert citations and sources
    for cite in citations:
        assert (cite.get_attribute("href") or "").lstrip("#") in sources
    # Following a citation lands on its source entry.
    citations[0].click()
    assert story.url.endswith(citations[0].get_attribute("href") or "")
    _assert_nothing_ran(page)


def test_search_for_a_term_and_open_a_result(site: Site, page: Watched) -> None:
    with site.store.read() as conn:
        target = db.list_stories(conn, limit=1)[0]
    word = max(re.findall(r"[A-Za-z]{5,}", target.headline), key=len)
    _open(page, site.url + "/search")
    page.page.fill("input[name=q]", word)
    page.page.click("form[role=search] button[type=submit]")
    page.page.wait_for_load_state()
    page.shot("search")
    assert f"q={word}" in page.page.url
    results = page.page.locator(".search-results .card-title a")
    assert results.count() >= 1
    marked = page.page.locator(".search-results mark").all_inner_texts()
    assert any(m.lower().startswith(word.lower()[:4]) for m in marked)
    assert page.page.locator(f"link[href='/feeds/search.xml?q={word}']").count() == 1
    title = results.first.inner_text()
    results.first.click()
    page.page.wait_for_load_state()
    assert page.page.locator("h1").inner_text() == title
    _assert_nothing_ran(page)


def test_switching_category_lists_only_that_category(site: Site, page: Watched) -> None:
    _open(page, site.url + "/")
    with site.store.read() as conn:
        used = {s.category for s in db.list_stories(conn, limit=1000)}
    category = next(c for c in TAXONOMY if c.slug in used)
    page.page.click(f"nav.categories a[href='/{category.slug}']")
    page.page.wait_for_load_state()
    page.shot(f"category-{category.slug}")
    assert page.page.url.endswith(f"/{category.slug}")
    assert page.page.locator("h1").inner_text() == category.name
    current = page.page.locator("nav.categories a[aria-current=page]")
    assert current.inner_text() == category.name
    links = page.page.locator("main .card-title a").all()
    assert links
    assert all((a.get_attribute("href") or "").startswith(f"/{category.slug}/") for a in links)


@pytest.fixture(scope="module")
def hostile_story(site: Site) -> Iterator[int]:
    """A story whose every text field carries markup and event handlers, written to the store."""
    with site.store.write() as conn:
        source = db.add_source(
            conn, Source(url="https://hostile.example/feed", title='Evil "><svg onload=alert(1)>')
        )
        assert source.id is not None
        article = db.insert_article(
            conn,
            Article(
                source_id=source.id,
                url="javascript:alert('link')",
                canonical_url="https://hostile.example/riot",
                title=HOSTILE,
                text=HOSTILE,
                lead=HOSTILE,
                published=BASE_TIME - timedelta(hours=1),
                fetched_at=BASE_TIME,
                content_hash="f" * 64,
            ),
        )
        assert article.id is not None
        story_id = db.create_story(conn, first_seen=article.published, category="world")
        db.add_to_story(conn, story_id, article.id, similarity=1.0, reasons="", added=BASE_TIME)
        db.update_story(conn, story_id, headline=HOSTILE, importance=10.0)
        ids = (article.id,)
        db.save_summary(
            conn,
            Summary(
                story_id=story_id,
                version=0,
                headline=HOSTILE,
                bullets=tuple(Cited(f"{HOSTILE} bullet {n}", ids) for n in range(3)),
                paragraphs=((Cited(f"{HOSTILE} paragraph.", ids),),) * 3,
                takeaways=tuple(Cited(f"{HOSTILE} takeaway {n}", ids) for n in range(3)),
                created=BASE_TIME,
                article_ids=ids,
            ),
        )
    yield story_id


def test_hostile_text_is_shown_escaped_and_no_script_runs(
    site: Site, page: Watched, hostile_story: int
) -> None:
    _open(page, f"{site.url}/story/{hostile_story}")
    page.shot("hostile-story")
    story = page.page
    assert story.locator("h1").inner_text() == HOSTILE
    assert HOSTILE in story.locator(".summary li").first.inner_text()
    assert story.locator("main script, main img[onerror], main svg").count() == 0
    # A javascript: link is never made clickable.
    assert story.locator("a[href^='javascript:']").count() == 0
    _open(page, f"{site.url}/search?q=quayside+riot")
    page.shot("hostile-search")
    assert story.locator(".search-results .card-title a").first.inner_text() == HOSTILE
    assert "<script>" in story.locator(".search-results .card-lead").first.inner_text()
    assert story.locator("main script, main img[onerror]").count() == 0
    _open(page, f"{site.url}/world")
    assert story.locator("main script, main img[onerror]").count() == 0
    _assert_nothing_ran(page)
