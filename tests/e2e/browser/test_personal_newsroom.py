"""A reader's own newsroom in Chromium: created with ``newsloom users add``, signs in, follows two
categories, mutes an outlet and sees the personal page change, reads a story and sees it marked
read, signs out. Then the attacks: a planted session cookie, a cross-site form, password guessing."""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime
from typing import Any

import pytest

import newsloom.store as db
import newsloom.store.accounts as accounts_db
import newsloom.store.browse as browse
import newsloom.store.personal as personal_db
from newsloom.accounts import ratelimit
from newsloom.accounts.passwords import hash_password
from newsloom.cli import main
from tests.e2e.browser.conftest import Site, Watched

pytestmark = pytest.mark.browser

PASSWORD = "a reader's long password"
COOKIE = "newsloom_session"


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


def _user(site: Site, name: str) -> None:
    with site.store.write() as conn:
        accounts_db.add_user(
            conn, name, hash_password(PASSWORD), is_admin=False, now=datetime.now(UTC)
        )


def _sign_in(tab: Any, site: Site, name: str, password: str = PASSWORD) -> None:
    tab.goto(site.url + "/login")
    tab.fill("#login-name", name)
    tab.fill("#login-password", password)
    tab.click("button:has-text('Sign in')")


def test_a_planted_session_cookie_is_replaced_at_sign_in(site: Site, page: Watched) -> None:
    _user(site, "fixated")
    context = page.page.context
    context.add_cookies([{"name": COOKIE, "value": "planted-by-an-attacker", "url": site.url}])
    _sign_in(page.page, site, "fixated")
    assert page.page.url == site.url + "/my"
    cookies = {c["name"]: c for c in context.cookies(site.url)}
    assert cookies[COOKIE]["value"] != "planted-by-an-attacker"
    assert cookies[COOKIE]["httpOnly"] and cookies[COOKIE]["sameSite"] == "Lax"


def test_a_cross_site_form_cannot_change_a_readers_mutes(site: Site, page: Watched) -> None:
    _user(site, "targeted")
    tab = page.page
    _sign_in(tab, site, "targeted")
    with site.store.read() as conn:
        user = accounts_db.user_by_name(conn, "targeted")
    assert user is not None
    form = (
        f'<form id="evil" method="post" action="{site.url}/my/mute">'
        '<input name="kind" value="keyword"><input name="value" value="everything">'
        '<input name="csrf" value="guessed"></form>'
    )
    # From another origin (about:blank stands in for the attacker's site): SameSite=Lax keeps the
    # cookie off the POST. From our own origin (a same-site attacker): the CSRF token stops it.
    for origin, refused in (("about:blank", 401), (site.url + "/static/style.css", 403)):
        tab.goto(origin)
        tab.set_content(form)
        with tab.expect_navigation() as navigation:
            tab.evaluate("document.getElementById('evil').submit()")
        answer = navigation.value
        assert answer is not None and answer.url == f"{site.url}/my/mute"
        assert answer.status == refused, origin
    with site.store.read() as conn:
        assert personal_db.list_mutes(conn, user.id) == []
    tab.goto(site.url + "/my")
    assert tab.locator(".user-name").first.inner_text() == "targeted"  # still signed in


def test_wrong_passwords_are_rate_limited_in_the_browser(site: Site, page: Watched) -> None:
    _user(site, "guessed")
    tab = page.page
    for _ in range(ratelimit.PER_ACCOUNT):
        _sign_in(tab, site, "guessed", "not the password")
        assert "Wrong user name or password" in tab.content()
    _sign_in(tab, site, "guessed")  # the right one, too late
    assert "Too many failed sign-ins" in tab.content()
    assert tab.url.startswith(site.url + "/login")
