"""A reader's own newsroom in Chromium: created with ``newsloom users add``, signs in, follows two
categories, mutes an outlet and sees the personal page change, reads a story and sees it marked
read, signs out."""

from __future__ import annotations

import io
import re
from typing import Any

import pytest

import newsloom.store as db
import newsloom.store.browse as browse
from newsloom.cli import main
from tests.e2e.browser.conftest import Site, Watched

pytestmark = pytest.mark.browser

PASSWORD = "a reader's long password"


def _shown(page: Any) -> list[int]:
    return [
        int(s)
        for s in page.locator("article.my-card").evaluate_all(
            "cards => cards.map(c => c.dataset.story)"
        )
    ]


def _categories_with_stories(site: Site) -> list[str]:
    with site.store.read() as conn:
        counted: dict[str, int] = {}
        for story in browse.recent_stories(conn, limit=500):
            counted[story.category] = counted.get(story.category, 0) + 1
    return [c for c, _ in sorted(counted.items(), key=lambda kv: -kv[1]) if c]


def _single_outlet_story(site: Site, ids: list[int]) -> tuple[int, int]:
    """(story, its only outlet) among ``ids``."""
    with site.store.read() as conn:
        members = browse.story_articles_brief(conn, ids)
    for story_id in ids:
        outlets = {a.source_id for a in members.get(story_id, [])}
        if len(outlets) == 1:
            return story_id, outlets.pop()
    pytest.fail("the demo has no single-outlet story among the followed ones")


def test_a_reader_personalises_reads_and_signs_out(
    site: Site, page: Watched, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    common = ["--data-dir", str(site.settings.data_dir), "--database-url", site.settings.db_url]
    assert main([*common, "users", "add", "reader", "--password-stdin"]) == 0

    tab = page.page
    tab.goto(site.url + "/my")
    assert tab.url.startswith(site.url + "/login")
    tab.fill("#login-name", "reader")
    tab.fill("#login-password", PASSWORD)
    tab.click("button:has-text('Sign in')")
    assert tab.url == site.url + "/my"
    assert tab.locator(".user-name").first.inner_text() == "reader"
    everything = _shown(tab)
    assert everything
    page.shot("1-everything")

    first, second = _categories_with_stories(site)[:2]
    for slug in (first, second):
        tab.select_option("#follow-category", slug)
        tab.click("button:has-text('Follow category')")
    followed = _shown(tab)
    with site.store.read() as conn:
        wanted = {s.id for s in browse.stories_by_ids(conn, followed)}
        categories = {s.category for s in browse.stories_by_ids(conn, followed)}
    assert followed and set(followed) != set(everything) and wanted == set(followed)
    assert categories <= {first, second}
    page.shot("2-followed")

    story, outlet = _single_outlet_story(site, followed)
    with site.store.read() as conn:
        name = db.get_source(conn, outlet).title  # type: ignore[union-attr]
    tab.select_option("#mute-source", str(outlet))
    tab.click("button:has-text('Mute outlet')")
    muted = _shown(tab)
    assert story not in muted and set(muted) < set(followed)
    assert name in tab.locator(".mute-list").inner_text()
    page.shot("3-muted")

    target = muted[0]
    tab.click(f"article[data-story='{target}'] .card-title a")
    assert re.search(rf"-{target}$", tab.url), tab.url  # the story page itself
    tab.goto(site.url + "/my")
    card = tab.locator(f"article[data-story='{target}']")
    assert "state-read" in (card.get_attribute("class") or "")
    assert (card.locator(".story-state").text_content() or "").strip() == "Read"
    page.shot("4-read")

    tab.click("button:has-text('Sign out')")
    assert tab.url == site.url + "/"
    tab.goto(site.url + "/my")
    assert tab.url.startswith(site.url + "/login")
    assert page.errors == [] and page.dialogs == []
