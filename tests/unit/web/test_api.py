"""The JSON API: shapes, filters, and 404/422 for unknown ids and bad parameters."""

from __future__ import annotations

from tests.unit.web.conftest import SPORTS_STORIES, Newsroom

STORY_KEYS = {
    "id",
    "headline",
    "category",
    "url",
    "importance",
    "first_seen",
    "last_updated",
    "articles_count",
    "outlets_count",
    "first_bullet",
}


def test_story_list_shape_order_and_total(newsroom: Newsroom) -> None:
    body = newsroom.client.get("/api/stories?limit=5").json()
    assert set(body) == {"stories", "total"}
    assert body["total"] == SPORTS_STORIES + 3
    assert len(body["stories"]) == 5
    first = body["stories"][0]
    assert set(first) == STORY_KEYS
    assert first["id"] == newsroom.moon  # most important first
    assert first["url"] == f"https://news.example.org/science/moon-race-heats-up-{newsroom.moon}"
    assert first["outlets_count"] == 4 and first["articles_count"] == 3
    assert first["last_updated"] == "2026-06-03T17:00:00Z"


def test_story_list_filters_by_category_and_pages(newsroom: Newsroom) -> None:
    client = newsroom.client
    page1 = client.get("/api/stories?category=sports&limit=10").json()
    page3 = client.get("/api/stories?category=sports&limit=10&offset=20").json()
    assert page1["total"] == page3["total"] == SPORTS_STORIES
    assert {s["category"] for s in page1["stories"] + page3["stories"]} == {"sports"}
    assert len(page3["stories"]) == SPORTS_STORIES - 20
    ids = [s["id"] for s in page1["stories"]] + [s["id"] for s in page3["stories"]]
    assert len(set(ids)) == len(ids)
    empty = client.get("/api/stories?category=health").json()
    assert empty == {"stories": [], "total": 0}


def test_story_detail_has_summary_articles_and_copies(newsroom: Newsroom) -> None:
    body = newsroom.client.get(f"/api/stories/{newsroom.moon}").json()
    assert set(body) >= STORY_KEYS and {"summary", "articles"} <= set(body)
    assert body["category"] == "science"
    summary = body["summary"]
    assert len(summary["bullets"]) == 3 and len(summary["takeaways"]) == 3
    assert summary["bullets"][0] == {
        "text": "Two alliances plan lunar bases.",
        "article_ids": [newsroom.articles["gazette"], newsroom.articles["courier"]],
    }
    assert [len(p) for p in summary["paragraphs"]] == [2, 1, 1]
    assert summary["whats_new"][0]["text"] == "A third partner joined the pact."
    assert summary["version"] == 1 and summary["method"] == "extractive"
    articles = body["articles"]
    assert [a["outlet"] for a in articles][:2] == ["Harbour Gazette", "Valley Courier"]
    assert set(articles[0]) == {"id", "title", "url", "outlet", "published", "copies"}
    copy = articles[0]["copies"][0]
    assert copy["id"] == newsroom.articles["wire"] and copy["outlet"] == "Northwind Wire"
    assert all("text" not in a for a in articles)  # never the article's text


def test_story_detail_without_summary(newsroom: Newsroom) -> None:
    body = newsroom.client.get(f"/api/stories/{newsroom.pending}").json()
    assert body["summary"] is None
    assert body["articles"][0]["title"] == "A quiet day"


def test_unknown_ids_are_json_404(newsroom: Newsroom) -> None:
    for path in ("/api/stories/999999", "/api/nothing-here", "/api"):
        response = newsroom.client.get(path)
        assert response.status_code == 404, path
        assert response.headers["content-type"] == "application/json"
        assert "detail" in response.json()


def test_bad_parameters_are_json_422(newsroom: Newsroom) -> None:
    for query in (
        "/api/stories?limit=0",
        "/api/stories?limit=1000",
        "/api/stories?limit=abc",
        "/api/stories?offset=-1",
        "/api/stories?category=astrology",
        "/api/stories/not-a-number",
    ):
        response = newsroom.client.get(query)
        assert response.status_code == 422, query
        detail = response.json()["detail"]
        assert detail and {"loc", "msg"} <= set(detail[0]), query
