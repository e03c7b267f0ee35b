"""Story extras (first reported, related, versions, languages), outlets, archive, 301/404/410."""

from __future__ import annotations

import itertools

import pytest
from lxml import html

from tests.unit.web.conftest import SPORTS_STORIES, Newsroom


def _page(newsroom: Newsroom, path: str, status: int = 200) -> html.HtmlElement:
    response = newsroom.client.get(path, follow_redirects=True)
    assert response.status_code == status, path
    assert response.headers["content-type"].startswith("text/html")
    assert "must never appear" not in response.text  # never an article's full text
    return html.fromstring(response.text)


def _source_id(newsroom: Newsroom, title: str) -> int:
    sources = newsroom.client.get("/api/sources").json()["sources"]
    return int(next(s["id"] for s in sources if s["title"] == title))


def test_story_names_who_reported_first(newsroom: Newsroom) -> None:
    page = _page(newsroom, f"/story/{newsroom.moon}")
    first = page.cssselect(".first-reported")[0]
    assert "First reported by Harbour Gazette" in first.text_content()
    gazette = _source_id(newsroom, "Harbour Gazette")
    assert first.cssselect("a")[0].get("href") == f"/sources/{gazette}"
    assert first.cssselect("time")[0].get("datetime") == "2026-06-03T12:00:00Z"


def test_story_lists_related_stories_of_its_category(newsroom: Newsroom) -> None:
    page = _page(newsroom, f"/story/{newsroom.moon}")
    links = page.cssselect(".related a")
    assert [a.text_content() for a in links] == ["Moon race gains a third partner"]
    assert links[0].get("href") == f"/science/moon-race-gains-a-third-partner-{newsroom.related}"
    back = _page(newsroom, f"/story/{newsroom.related}")
    assert [a.text_content() for a in back.cssselect(".related a")] == ["Moon race heats up"]
    assert not _page(newsroom, f"/story/{newsroom.dam}").cssselect(".related")


def test_story_lists_its_summary_versions(newsroom: Newsroom) -> None:
    page = _page(newsroom, f"/story/{newsroom.moon}")
    items = [li.text_content() for li in page.cssselect(".versions li")]
    assert len(items) == 2
    assert items[0].startswith("Version 2") and "(this version)" in items[0]
    assert items[1].startswith("Version 1") and "Moon plans unveiled" in items[1]
    assert not _page(newsroom, f"/story/{newsroom.dam}").cssselect(".versions")


def test_language_attributes(newsroom: Newsroom) -> None:
    page = _page(newsroom, f"/story/{newsroom.moon}")
    assert page.get("lang") == "en"
    french = page.cssselect("#source-3 [lang]")
    assert french and french[0].get("lang") == "fr"
    assert not page.cssselect("#source-1 [lang]")  # same language as the page
    og = {m.get("property"): m.get("content") for m in page.cssselect("meta[property]")}
    assert og["og:locale"] == "en"


def test_merged_story_redirects_to_the_survivor(newsroom: Newsroom) -> None:
    canonical = f"/science/moon-race-heats-up-{newsroom.moon}"
    for path in (f"/story/{newsroom.merged}", f"/science/old-moon-{newsroom.merged}"):
        response = newsroom.client.get(path, follow_redirects=False)
        assert response.status_code == 301, path
        assert response.headers["location"] == canonical


def test_removed_story_is_410_gone(newsroom: Newsroom) -> None:
    for path in (f"/story/{newsroom.removed}", f"/world/gone-{newsroom.removed}"):
        page = _page(newsroom, path, status=410)
        assert page.cssselect("h1")[0].text_content() == "Story removed"
        assert page.cssselect(".categories a")  # still offers navigation
        assert page.cssselect('meta[name="robots"]')[0].get("content") == "noindex"


def test_source_page_lists_what_the_outlet_covered(newsroom: Newsroom) -> None:
    gazette = _source_id(newsroom, "Harbour Gazette")
    page = _page(newsroom, f"/sources/{gazette}")
    assert page.cssselect("h1")[0].text_content() == "Harbour Gazette"
    titles = [a.text_content() for a in page.cssselect(".card-title a")]
    assert "Moon race heats up" in titles and len(titles) == 2
    wire = _source_id(newsroom, "Northwind Wire")  # covered the moon story with a copy only
    copies = _page(newsroom, f"/sources/{wire}")
    assert [a.text_content() for a in copies.cssselect(".card-title a")] == ["Moon race heats up"]
    courier = _source_id(newsroom, "Valley Courier")
    second = _page(newsroom, f"/sources/{courier}?page=2")
    assert second.cssselect("a[rel=prev]")[0].get("href") == f"/sources/{courier}"
    assert newsroom.client.get("/sources/999999").status_code == 404
    assert newsroom.client.get(f"/sources/{gazette}?page=9").status_code == 404


def test_outlets_index(newsroom: Newsroom) -> None:
    page = _page(newsroom, "/sources")
    names = [a.text_content() for a in page.cssselect(".outlets a")]
    assert names[:3] == [
        "Evil <b onmouseover=alert(2)>Times</b>",
        "Harbour Gazette",
        "Northwind Wire",
    ]
    assert not page.cssselect(".outlets b")


def test_archive_by_day(newsroom: Newsroom) -> None:
    day = _page(newsroom, "/archive/2026-06-03")
    titles = [a.text_content() for a in day.cssselect(".card-title a")]
    assert len(titles) == 4 and titles[0] == "Moon race heats up"
    assert day.cssselect("a[rel=prev]")[0].get("href") == "/archive/2026-06-02"
    assert not day.cssselect("a[rel=next]")  # the clock says this is today
    before = _page(newsroom, "/archive/2026-06-02")
    assert len(before.cssselect(".card")) == SPORTS_STORIES
    assert before.cssselect("a[rel=next]")[0].get("href") == "/archive/2026-06-03"
    empty = _page(newsroom, "/archive/2020-01-01")
    assert "No stories" in empty.text_content()
    today = newsroom.client.get("/archive", follow_redirects=False)
    assert today.status_code == 302 and today.headers["location"] == "/archive/2026-06-03"


@pytest.mark.parametrize("path", ["/archive/2026-06-04", "/archive/yesterday", "/archive/2026-6-3"])
def test_archive_rejects_future_and_malformed_days(newsroom: Newsroom, path: str) -> None:
    assert newsroom.client.get(path).status_code == 404


@pytest.mark.parametrize(
    "path", ["/", "/science", "/story/1", "/sources", "/archive/2026-06-03", "/api", "/nowhere"]
)
def test_pages_are_accessible(newsroom: Newsroom, path: str) -> None:
    response = newsroom.client.get(path, follow_redirects=True)
    page = html.fromstring(response.text)
    assert page.get("lang")
    assert page.cssselect("a.skip-link")[0].get("href") == "#main"
    assert len(page.cssselect("main#main")) == 1
    assert len(page.cssselect("h1")) == 1
    assert page.cssselect("header nav[aria-label]") and page.cssselect("footer")
    assert all(img.get("alt") is not None for img in page.cssselect("img"))
    levels = [int(h.tag[1]) for h in page.cssselect("h1, h2, h3, h4")]
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels)), levels
    assert page.cssselect('meta[name="viewport"]')


def test_category_in_other_case_redirects_to_the_clean_url(newsroom: Newsroom) -> None:
    response = newsroom.client.get("/Science", follow_redirects=False)
    assert response.status_code == 301 and response.headers["location"] == "/science"
    paged = newsroom.client.get("/SPORTS?page=2", follow_redirects=False)
    assert paged.headers["location"] == "/sports?page=2"


def test_every_page_has_open_graph_and_canonical(newsroom: Newsroom) -> None:
    page = _page(newsroom, "/sports?page=2")
    og = {m.get("property"): m.get("content") for m in page.cssselect("meta[property]")}
    assert og["og:type"] == "website" and og["og:site_name"] == "Loom"
    assert og["og:url"] == "https://news.example.org/sports?page=2"
    assert og["og:title"] == "Sports (page 2) – Loom"
    story = _page(newsroom, f"/story/{newsroom.dam}")
    types = [m.get("content") for m in story.cssselect('meta[property="og:type"]')]
    assert types == ["article"]  # the story's own tags replace the defaults
