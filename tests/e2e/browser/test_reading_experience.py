"""The reading experience in Chromium at 1280 and 390 px, light and dark: one-row header, no
sideways overflow on a phone, every category reachable, pictures with alt text, visible focus, and
axe-core's WCAG 2.1 A/AA rules with no violation on the pages readers use most."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from newsloom.categorize.taxonomy import TAXONOMY
from tests.e2e.browser.conftest import Site

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture(scope="module")
def story_path(site: Site, browser: Any) -> str:
    """The lead top story's page (it has a picture: the demo draws one for most articles)."""
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(site.url + "/")
    path = page.locator(".top-stories .lead-card .card-title a").get_attribute("href")
    context.close()
    assert path
    return path


@pytest.fixture(
    params=[("desktop", "light"), ("desktop", "dark"), ("phone", "light"), ("phone", "dark")],
    ids=lambda p: "-".join(p),
)
def view(request: pytest.FixtureRequest, browser: Any) -> Iterator[tuple[str, Any]]:
    size, scheme = request.param
    context = browser.new_context(
        viewport=DESKTOP if size == "desktop" else PHONE, color_scheme=scheme
    )
    yield size, context.new_page()
    context.close()


def _pages(story_path: str) -> list[str]:
    return ["/", "/world", story_path, "/search?q=harbour", "/sources"]


def test_header_is_one_row_on_desktop(site: Site, browser: Any) -> None:
    for width in (1280, 1440):
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        page.goto(site.url + "/")
        boxes = [
            page.locator(selector).bounding_box()
            for selector in (".brand", "nav.categories", ".search-link")
        ]
        assert all(boxes)
        middles = [b["y"] + b["height"] / 2 for b in boxes if b]
        assert max(middles) - min(middles) < 4, (width, boxes)
        assert page.locator(".site-header").bounding_box()["height"] < 80
        context.close()


def test_phone_has_no_sideways_overflow_and_every_category_is_reachable(
    site: Site, browser: Any, story_path: str
) -> None:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    for path in _pages(story_path):
        page.goto(site.url + path)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, (path, overflow)
    page.goto(site.url + "/")
    nav = page.locator("nav.categories")
    # The row scrolls, and says so: a fade at its right edge over the links still hidden.
    assert nav.evaluate("n => n.scrollWidth > n.clientWidth")
    assert nav.evaluate("n => getComputedStyle(n).maskImage || getComputedStyle(n).webkitMaskImage")
    links = nav.locator("a")
    assert links.count() == len(TAXONOMY)
    shown = nav.bounding_box()
    for i in range(links.count()):
        link = links.nth(i)
        link.focus()  # as Tab would: the scroller brings the focused link into view
        box = link.bounding_box()
        assert box and shown
        assert (
            box["x"] >= shown["x"] - 1
            and box["x"] + box["width"] <= shown["x"] + shown["width"] + 1
        )
        assert link.evaluate("a => getComputedStyle(a).outlineStyle") != "none"
    context.close()


def test_focus_outline_of_nav_links_is_not_clipped(site: Site, view: tuple[str, Any]) -> None:
    _, page = view
    page.goto(site.url + "/")
    page.keyboard.press("Tab")  # the skip link
    page.keyboard.press("Tab")  # the brand
    page.keyboard.press("Tab")  # the first category
    focused = page.evaluate("document.activeElement.closest('nav.categories') !== null")
    assert focused
    # The outline is drawn inside the link, so the scroller's edges cannot cut it.
    style = page.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement);"
        " return [s.outlineStyle, parseFloat(s.outlineWidth), parseFloat(s.outlineOffset)]; })()"
    )
    assert style[0] != "none" and style[1] >= 2 and style[2] <= -style[1]


def test_pictures_are_our_copies_with_alt_text(
    site: Site, view: tuple[str, Any], story_path: str
) -> None:
    _, page = view
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(site.url + "/")
    pictures = page.locator("main img")
    assert pictures.count() >= 5
    for img in pictures.all()[:8]:
        assert (img.get_attribute("alt") or "").startswith("Picture from ")
        assert (img.get_attribute("src") or "").startswith("/images/")
    page.goto(site.url + story_path)
    lead = page.locator("figure.lead-picture img")
    lead.wait_for()
    assert lead.evaluate("i => i.complete && i.naturalWidth > 0")
    assert (lead.get_attribute("alt") or "").startswith("Picture from ")
    credit = page.locator("figure.lead-picture figcaption a")
    assert credit.count() == 1 and (credit.get_attribute("href") or "").startswith("http")
    meta = {
        m.get_attribute("property") or m.get_attribute("name"): m.get_attribute("content")
        for m in page.locator("meta").all()
    }
    assert (meta["og:image"] or "").startswith(site.settings.site_url.rstrip("/") + "/images/")
    assert meta["twitter:card"] == "summary_large_image"
    # Readers' browsers only ever talk to this site, never to a publisher.
    assert requested and all(u.startswith(site.url) for u in requested)


def test_axe_finds_no_wcag_violation(site: Site, view: tuple[str, Any], story_path: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    _, page = view
    axe = Axe()
    for path in _pages(story_path):
        page.goto(site.url + path)
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG}})
        violations = [
            (v["id"], [n["target"] for n in v["nodes"]][:3]) for v in results.response["violations"]
        ]
        assert violations == [], (path, violations)
