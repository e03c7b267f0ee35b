"""Home page sections, category pages with pagination, error pages, health and static files."""

from __future__ import annotations

from lxml import html

from newsloom.categorize.taxonomy import TAXONOMY
from tests.unit.web.conftest import HOSTILE_HEADLINE, SPORTS_STORIES, Newsroom


def test_home_ranks_top_stories_then_sections_in_taxonomy_order(newsroom: Newsroom) -> None:
    page = html.fromstring(newsroom.client.get("/").text)
    top = [a.text_content() for a in page.cssselect(".top-stories .card-title a")]
    # Importance decayed to now: 0.9 an hour ago beats 0.5 two hours ago beats 0.3 six hours
    # ago beats 0.1 a day ago; the uncategorised story has no importance yet.
    assert top == [
        "Moon race heats up",
        HOSTILE_HEADLINE,
        "Moon race gains a third partner",
        "Match 0 ends level",
        "Match 1 ends level",
    ]
    sections = [s.cssselect("h2")[0].text_content() for s in page.cssselect(".section")]
    # Stories of the top block are not repeated; categories with nothing left are left out, and
    # the uncategorised story (no category yet) is in no section.
    assert sections == ["Sports"]
    taxonomy = [c.name for c in TAXONOMY]
    assert [taxonomy.index(s) for s in sections] == sorted(taxonomy.index(s) for s in sections)
    sports = page.cssselect(".section")[0]
    titles = [a.text_content() for a in sports.cssselect(".card-title a")]
    assert titles == [f"Match {n} ends level" for n in range(2, 8)]  # at most six, ranked
    nav = [a.text_content() for a in page.cssselect(".categories a")]
    assert nav == taxonomy
    assert page.cssselect("a.search-link")[0].get("href") == "/search"


def test_home_card_shows_headline_first_bullet_outlets_and_time(newsroom: Newsroom) -> None:
    page = html.fromstring(newsroom.client.get("/").text)
    card = page.cssselect(".top-stories .card")[0]
    assert card.cssselect(".kicker a")[0].get("href") == "/science"
    link = card.cssselect(".card-title a")[0]
    assert link.text_content() == "Moon race heats up"
    assert link.get("href") == f"/science/moon-race-heats-up-{newsroom.moon}"
    assert card.cssselect(".card-lead")[0].text_content() == "Two alliances plan lunar bases."
    meta = card.cssselect(".meta")[0].text_content()
    assert "Covered by 4 outlets" in meta and "3 Jun 2026, 17:00 UTC" in meta
    dam = page.cssselect(".top-stories .card")[1]
    assert "Single source" in dam.cssselect(".meta")[0].text_content()


def test_pages_offer_feed_autodiscovery(newsroom: Newsroom) -> None:
    home = html.fromstring(newsroom.client.get("/").text)
    types = {link.get("type"): link.get("href") for link in home.cssselect("link[rel=alternate]")}
    assert types == {
        "application/rss+xml": "/feeds/top.xml",
        "application/atom+xml": "/feeds/top.atom",
        "application/feed+json": "/feeds/top.json",
    }
    science = html.fromstring(newsroom.client.get("/science").text)
    hrefs = [link.get("href") for link in science.cssselect("link[rel=alternate]")]
    assert {"/feeds/science.xml", "/feeds/science.atom", "/feeds/science.json"} <= set(hrefs)


def test_category_pages_paginate(newsroom: Newsroom) -> None:
    first = html.fromstring(newsroom.client.get("/sports").text)
    assert first.cssselect("h1")[0].text_content() == "Sports"
    assert len(first.cssselect(".card")) == 20
    assert first.cssselect("a[rel=next]")[0].get("href") == "/sports?page=2"
    second_response = newsroom.client.get("/sports?page=2")
    second = html.fromstring(second_response.text)
    assert len(second.cssselect(".card")) == SPORTS_STORIES - 20
    assert second.cssselect("a[rel=prev]")[0].get("href") == "/sports"
    assert not second.cssselect("a[rel=next]")
    canonical = second.cssselect("link[rel=canonical]")[0].get("href")
    assert canonical == "https://news.example.org/sports?page=2"


def test_empty_category_page_exists(newsroom: Newsroom) -> None:
    response = newsroom.client.get("/health")
    assert response.status_code == 200
    assert "No Health stories yet." in response.text


def test_unknown_category_and_page_beyond_the_last_are_404(newsroom: Newsroom) -> None:
    for path in ("/astrology", "/sports?page=3", "/sports/match/extra"):
        response = newsroom.client.get(path)
        assert response.status_code == 404, path
        page = html.fromstring(response.text)
        assert page.cssselect("h1")[0].text_content() == "Page not found"
        assert page.cssselect(".categories a")  # the 404 page still offers navigation


def test_bad_page_parameter_is_an_html_400(newsroom: Newsroom) -> None:
    for query in ("page=abc", "page=0", "page=-1"):
        response = newsroom.client.get(f"/sports?{query}")
        assert response.status_code == 400, query
        assert response.headers["content-type"].startswith("text/html")


def test_healthz_and_stylesheet(newsroom: Newsroom) -> None:
    assert newsroom.client.get("/healthz").json() == {"status": "ok"}
    css = newsroom.client.get("/static/style.css")
    assert css.status_code == 200
    assert css.headers["content-type"].startswith("text/css")
    assert "system-ui" in css.text and "@media" in css.text
