"""/search and /api/search through the real app (TestClient) on both backends."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from lxml import html as lxml_html

from newsloom.search import parse_query
from newsloom.settings import Settings
from newsloom.store import Store
from newsloom.web import create_app
from newsloom.web.search import highlight
from tests.integration.search.newsroom import Newsroom


@pytest.fixture
def client(store: Store, settings: Settings) -> Iterator[TestClient]:
    room = Newsroom(store)
    room.source("gazette")
    room.source("avisa", language="nb")
    for n in range(12):
        article = room.article("gazette", f"Regatta heat {n} won", age_hours=n + 1)
        room.story(
            f"Regatta heat {n} won in fog",
            [article],
            bullets=(f"Crew {n} won the regatta heat despite fog <script>alert({n})</script>.",),
            category="sports" if n % 2 else "world",
            age_hours=n + 1,
        )
    fjord = room.article("avisa", "Fjordbrua stengt")
    room.story("Fjord bridge closed", [fjord], category="world")
    with TestClient(create_app(settings, store=store)) as test_client:
        yield test_client


def test_page_lists_highlighted_escaped_results_with_pages_and_a_feed(client: TestClient) -> None:
    response = client.get("/search", params={"q": "regatta"})
    assert response.status_code == 200
    assert "<script>alert" not in response.text  # the snippet's markup is text
    page = lxml_html.fromstring(response.text)
    cards = page.cssselect(".search-results .card")
    assert len(cards) == 10
    assert cards[0].cssselect("mark")[0].text_content().lower() == "regatta"
    assert "<script>alert(0)</script>" in cards[0].cssselect(".card-lead")[0].text_content()
    assert cards[0].cssselect(".card-title a")[0].text_content() == "Regatta heat 0 won in fog"
    (feed,) = page.cssselect("link[rel=alternate][href^='/feeds/search.xml']")
    assert feed.get("href") == "/feeds/search.xml?q=regatta"
    next_href = page.cssselect("a[rel=next]")[0].get("href")
    second = lxml_html.fromstring(client.get(next_href).text)
    assert len(second.cssselect(".search-results .card")) == 2
    assert second.cssselect("a[rel=prev]")[0].get("href") == "/search?q=regatta"
    assert not second.cssselect("a[rel=next]")


def test_page_filters_keep_their_values(client: TestClient) -> None:
    params = {"q": "regatta", "category": "sports", "since": "", "until": "", "source": ""}
    page = lxml_html.fromstring(client.get("/search", params=params).text)
    assert len(page.cssselect(".search-results .card")) == 6
    assert page.cssselect("#search-category option[selected]")[0].get("value") == "sports"
    nb = lxml_html.fromstring(client.get("/search", params={"q": "fjord", "language": "nb"}).text)
    assert [a.text_content() for a in nb.cssselect(".card-title a")] == ["Fjord bridge closed"]
    dated = client.get("/search", params={"q": "regatta", "until": "2020-01-01"})
    assert "No stories match" in dated.text


@pytest.mark.parametrize(
    "params",
    [
        {"q": "x", "since": "yesterday"},
        {"q": "x", "category": "nope"},
        {"q": "x", "source": "1 OR 1=1"},
        {"q": "x", "source": "²"},
        {"q": "x", "language": "en\n"},
        {"q": "x", "language": "en'--"},
        {"q": "x", "page": "0"},
    ],
)
def test_page_rejects_bad_filters_with_400(client: TestClient, params: dict[str, str]) -> None:
    assert client.get("/search", params=params).status_code == 400


def test_empty_query_shows_only_the_form(client: TestClient) -> None:
    page = lxml_html.fromstring(client.get("/search").text)
    assert page.cssselect("form[role=search] input[name=q]")
    assert not page.cssselect(".search-results .card") and not page.cssselect(
        "link[href^='/feeds/search']"
    )


def test_api_returns_the_model_and_pages_by_offset(client: TestClient) -> None:
    first = client.get("/api/search", params={"q": "regatta fog", "limit": 5}).json()
    assert first["limit"] == 5 and first["offset"] == 0 and first["next_offset"] == 5
    assert [r["headline"] for r in first["results"]][:2] == [
        "Regatta heat 0 won in fog",
        "Regatta heat 1 won in fog",
    ]
    result = first["results"][0]
    assert result["url"].startswith("http://") and result["category"] == "world"
    assert "<script>" in result["snippet"]  # JSON carries text; escaping is the page's job
    last = client.get("/api/search", params={"q": "regatta", "offset": 10}).json()
    assert len(last["results"]) == 2 and last["next_offset"] is None
    sports = client.get("/api/search", params={"q": "regatta", "category": "sports"}).json()
    assert {r["category"] for r in sports["results"]} == {"sports"}
    since = client.get("/api/search", params={"q": "regatta", "since": "2026-03-14T08:30:00Z"})
    assert len(since.json()["results"]) == 3  # updated 1, 2 and 3 hours before noon


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"q": ""},
        {"q": "x", "limit": "0"},
        {"q": "x", "limit": "101"},
        {"q": "x", "category": "nope"},
        {"q": "x", "language": "english!"},
        {"q": "x", "since": "9999-12-31T23:59:59-23:59"},
    ],
)
def test_api_rejects_bad_parameters_with_422(client: TestClient, params: dict[str, str]) -> None:
    response = client.get("/api/search", params=params)
    assert response.status_code == 422, response.text


def test_highlight_escapes_everything_and_marks_only_query_words() -> None:
    marked = highlight('Ferries <b onmouseover="x">sail</b> & ferry', parse_query("ferry"))
    assert str(marked) == (
        "<mark>Ferries</mark> &lt;b onmouseover=&#34;x&#34;&gt;sail&lt;/b&gt; &amp; <mark>ferry</mark>"
    )
