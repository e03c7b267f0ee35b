"""The JSON API: shapes, filters, cursors, versions, and 404/410/422 for bad ids and parameters."""

from __future__ import annotations

from tests.unit.web.conftest import LIVE_STORIES, SPORTS_STORIES, Newsroom

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
    "language",
}


def _all_pages(newsroom: Newsroom, query: str) -> list[dict]:
    stories: list[dict] = []
    cursor = ""
    for _ in range(50):
        body = newsroom.client.get(f"/api/stories?{query}{cursor}").json()
        stories.extend(body["stories"])
        if body["next_cursor"] is None:
            return stories
        cursor = f"&cursor={body['next_cursor']}"
    raise AssertionError("the cursor never ended")


def test_story_list_shape_and_newest_first(newsroom: Newsroom) -> None:
    body = newsroom.client.get("/api/stories?limit=5").json()
    assert set(body) == {"stories", "next_cursor"}
    assert len(body["stories"]) == 5 and body["next_cursor"]
    first = body["stories"][0]
    assert set(first) == STORY_KEYS
    assert first["id"] == newsroom.moon  # updated most recently
    assert first["url"] == f"https://news.example.org/science/moon-race-heats-up-{newsroom.moon}"
    assert first["outlets_count"] == 4 and first["articles_count"] == 3
    assert first["last_updated"] == "2026-06-03T17:00:00Z"
    assert first["language"] == "en"
    updated = [s["last_updated"] for s in body["stories"]]
    assert updated == sorted(updated, reverse=True)


def test_cursor_walks_every_live_story_once(newsroom: Newsroom) -> None:
    stories = _all_pages(newsroom, "limit=7")
    ids = [s["id"] for s in stories]
    assert len(ids) == len(set(ids)) == LIVE_STORIES
    assert newsroom.merged not in ids and newsroom.removed not in ids


def test_filters_category_since_and_language(newsroom: Newsroom) -> None:
    sports = _all_pages(newsroom, "category=sports&limit=10")
    assert len(sports) == SPORTS_STORIES and {s["category"] for s in sports} == {"sports"}
    recent = _all_pages(newsroom, "since=2026-06-03T12:30:00Z")
    assert {s["id"] for s in recent} == {newsroom.moon, newsroom.dam, newsroom.pending}
    by_date = _all_pages(newsroom, "since=2026-06-03")
    assert len(by_date) == 4  # and the related story, updated at 12:00
    assert {s["id"] for s in _all_pages(newsroom, "language=fr")} == {newsroom.moon}
    empty = newsroom.client.get("/api/stories?category=health").json()
    assert empty == {"stories": [], "next_cursor": None}


def test_story_detail_has_summary_articles_sources_and_copies(newsroom: Newsroom) -> None:
    body = newsroom.client.get(f"/api/stories/{newsroom.moon}").json()
    assert set(body) == STORY_KEYS | {"summary", "articles", "sources", "first_reported_by"}
    assert body["category"] == "science"
    summary = body["summary"]
    assert len(summary["bullets"]) == 3 and len(summary["takeaways"]) == 3
    assert summary["bullets"][0] == {
        "text": "Two alliances plan lunar bases.",
        "article_ids": [newsroom.articles["gazette"], newsroom.articles["courier"]],
    }
    assert [len(p) for p in summary["paragraphs"]] == [2, 1, 1]
    assert summary["whats_new"][0]["text"] == "A third partner joined the pact."
    assert summary["version"] == 2 and summary["method"] == "extractive"
    articles = body["articles"]
    assert [a["outlet"] for a in articles][:2] == ["Harbour Gazette", "Valley Courier"]
    assert set(articles[0]) == {"id", "title", "url", "outlet", "source_id", "published", "copies"}
    copy = articles[0]["copies"][0]
    assert copy["id"] == newsroom.articles["wire"] and copy["outlet"] == "Northwind Wire"
    assert all("text" not in a for a in articles)  # never the article's text
    assert len(body["sources"]) == 4 and all(s["articles"] == 1 for s in body["sources"])
    assert body["first_reported_by"]["id"] == newsroom.articles["gazette"]


def test_story_detail_without_summary(newsroom: Newsroom) -> None:
    body = newsroom.client.get(f"/api/stories/{newsroom.pending}").json()
    assert body["summary"] is None
    assert body["articles"][0]["title"] == "A quiet day"


def test_versions_lists_every_summary_with_its_time(newsroom: Newsroom) -> None:
    body = newsroom.client.get(f"/api/stories/{newsroom.moon}/versions").json()
    assert body["story_id"] == newsroom.moon
    assert [v["version"] for v in body["versions"]] == [1, 2]
    assert [v["created"] for v in body["versions"]] == [
        "2026-06-03T12:30:00Z",
        "2026-06-03T17:00:00Z",
    ]
    assert body["versions"][0]["headline"] == "Moon plans unveiled"


def test_merged_story_redirects_and_removed_story_is_gone(newsroom: Newsroom) -> None:
    client = newsroom.client
    moved = client.get(f"/api/stories/{newsroom.merged}", follow_redirects=False)
    assert moved.status_code == 301
    assert moved.headers["location"] == f"/api/stories/{newsroom.moon}"
    gone = client.get(f"/api/stories/{newsroom.removed}")
    assert gone.status_code == 410 and gone.json()["detail"].startswith("api:")
    assert client.get(f"/api/stories/{newsroom.removed}/versions").status_code == 410


def test_categories_and_sources(newsroom: Newsroom) -> None:
    categories = newsroom.client.get("/api/categories").json()["categories"]
    by_slug = {c["slug"]: c for c in categories}
    assert by_slug["sports"]["stories"] == SPORTS_STORIES
    assert by_slug["science"]["stories"] == 2 and by_slug["world"]["stories"] == 0
    assert by_slug["science"]["feeds"]["atom"] == "https://news.example.org/feeds/science.atom"
    assert by_slug["science"]["url"] == "https://news.example.org/science"
    sources = newsroom.client.get("/api/sources").json()["sources"]
    gazette = next(s for s in sources if s["title"] == "Harbour Gazette")
    assert gazette["articles"] == 2 and gazette["url"] == "https://gazette.example/rss"
    assert gazette["page_url"] == f"https://news.example.org/sources/{gazette['id']}"


def test_unknown_ids_are_json_404(newsroom: Newsroom) -> None:
    for path in ("/api/stories/999999", "/api/nothing-here", "/api/stories/999999/versions"):
        response = newsroom.client.get(path)
        assert response.status_code == 404, path
        assert response.headers["content-type"] == "application/json"
        assert "detail" in response.json()


def test_bad_parameters_are_json_422(newsroom: Newsroom) -> None:
    for query, name in (
        ("limit=0", "limit"),
        ("limit=1000", "limit"),
        ("limit=abc", "limit"),
        ("category=astrology", "category"),
        ("cursor=not-a-cursor", "cursor"),
        ("cursor=eyJ1IjoxfQ", "cursor"),  # valid base64 JSON, wrong content
        ("since=yesterday", "since"),
        ("since=2026-13-45", "since"),
        ("language=English!", "language"),
    ):
        response = newsroom.client.get(f"/api/stories?{query}")
        assert response.status_code == 422, query
        detail = response.json()["detail"]
        assert detail and {"loc", "msg"} <= set(detail[0]), query
        assert detail[0]["loc"][-1] == name, query
    assert newsroom.client.get("/api/stories/not-a-number").status_code == 422


def test_etag_and_last_modified_answer_304(newsroom: Newsroom) -> None:
    client = newsroom.client
    path = f"/api/stories/{newsroom.moon}"
    first = client.get(path)
    etag, modified = first.headers["etag"], first.headers["last-modified"]
    assert modified == "Wed, 03 Jun 2026 17:00:00 GMT"
    again = client.get(path, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    assert again.headers["etag"] == etag
    assert client.get(path, headers={"If-None-Match": f'W/{etag}, "x"'}).status_code == 304
    assert client.get(path, headers={"If-None-Match": '"other"'}).status_code == 200
    assert client.get(path, headers={"If-Modified-Since": modified}).status_code == 304
    older = "Wed, 03 Jun 2026 16:59:59 GMT"
    assert client.get(path, headers={"If-Modified-Since": older}).status_code == 200
    assert client.get(path, headers={"If-Modified-Since": "garbage"}).status_code == 200
    listing = client.get("/api/stories")
    assert (
        client.get("/api/stories", headers={"If-None-Match": listing.headers["etag"]}).status_code
        == 304
    )


def test_openapi_describes_every_endpoint_and_docs_work_offline(newsroom: Newsroom) -> None:
    schema = newsroom.client.get("/api/openapi.json").json()
    paths = schema["paths"]
    for path in (
        "/api/stories",
        "/api/stories/{story_id}",
        "/api/stories/{story_id}/versions",
        "/api/categories",
        "/api/sources",
        "/api/stories/{story_id}/merge",
        "/api/stories/{story_id}/split",
    ):
        assert path in paths, path
    listing = paths["/api/stories"]["get"]
    assert {p["name"] for p in listing["parameters"]} >= {"category", "since", "language", "q"}
    ok = listing["responses"]["200"]["content"]["application/json"]["schema"]
    assert ok["$ref"].endswith("/StoryListOut")
    assert paths["/api/sources"]["post"]["security"]
    assert newsroom.client.get("/api/docs").status_code == 404  # the CDN-backed docs are off
    docs = newsroom.client.get("/api")
    assert docs.status_code == 200 and docs.headers["content-type"].startswith("text/html")
    assert "GET /api/stories/{story_id}/versions" in docs.text
    assert "<script" not in docs.text and "cdn" not in docs.text.lower()


def test_q_searches_and_pages_with_a_cursor(newsroom: Newsroom) -> None:
    body = newsroom.client.get("/api/stories?q=moon&limit=1").json()
    assert len(body["stories"]) == 1 and body["next_cursor"]
    second = newsroom.client.get(f"/api/stories?q=moon&limit=1&cursor={body['next_cursor']}")
    found = {body["stories"][0]["id"], second.json()["stories"][0]["id"]}
    assert found == {newsroom.moon, newsroom.related}
    sports = newsroom.client.get("/api/stories?q=moon&category=sports").json()
    assert sports["stories"] == []
    stale = newsroom.client.get(f"/api/stories?cursor={body['next_cursor']}")  # a search cursor
    assert stale.status_code == 422
