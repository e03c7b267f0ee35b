"""The story page: every element of the seed layout, in order, with citations that resolve."""

from __future__ import annotations

from lxml import html

from tests.unit.web.conftest import Newsroom


def _page(newsroom: Newsroom, story_id: int) -> html.HtmlElement:
    response = newsroom.client.get(f"/story/{story_id}", follow_redirects=True)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    return html.fromstring(response.text)


def test_seed_elements_are_present_in_the_example_order(newsroom: Newsroom) -> None:
    page = _page(newsroom, newsroom.moon)
    crumbs = page.cssselect(".breadcrumb a")
    assert [a.text_content() for a in crumbs] == ["Home", "Science", "Moon race heats up"]
    assert [a.get("href") for a in crumbs[:2]] == ["/", "/science"]
    assert page.cssselect("h1")[0].text_content() == "Moon race heats up"
    assert len(page.cssselect(".summary li")) == 3
    assert len(page.cssselect(".story-body p")) == 3
    assert len(page.cssselect(".takeaways li")) == 3
    disclaimer = page.cssselect(".disclaimer")[0].text_content()
    assert disclaimer == (
        "This story has been auto-aggregated and auto-summarised by a computer program. "
        "It has not been edited or written by a person."
    )
    read_more = page.cssselect(".read-more")[0]
    assert read_more.cssselect("h2")[0].text_content() == "Read more news on"
    nav_links = [a.get("href") for a in page.cssselect(".categories a")]
    assert [a.get("href") for a in read_more.cssselect("a")] == nav_links
    assert "/sports" in nav_links and "/general" in nav_links
    text = page.text_content()
    order = [
        "Moon race heats up",
        "Summary",
        "Two alliances plan lunar bases.",
        "The station retires in 2030.",
        "auto-aggregated",
        "Key takeaways",
        "Sources",
        "Read more news on",
    ]
    positions = [text.index(marker, text.index("Skip to content")) for marker in order]
    assert positions == sorted(positions)


def test_every_sentence_cites_sources_numbered_in_list_order(newsroom: Newsroom) -> None:
    page = _page(newsroom, newsroom.moon)
    sources = page.cssselect(".sources > ol > li")
    anchors = [li.get("id") for li in sources]
    assert anchors == ["source-1", "source-2", "source-3"]
    # The list is in publication order: Gazette, Courier, then the hostile outlet.
    assert [li.cssselect(".outlet")[0].text_content() for li in sources][:2] == [
        "Harbour Gazette",
        "Valley Courier",
    ]
    statements = page.cssselect(".summary li, .takeaways li, .whats-new li")
    assert len(statements) == 7
    for statement in statements:
        cites = statement.cssselect("a.cite")
        assert cites, statement.text_content()
        for cite in cites:
            number = cite.text_content().strip("[]")
            assert cite.get("href") == f"#source-{number}"
            assert cite.get("href").lstrip("#") in anchors
    first_paragraph = page.cssselect(".story-body p")[0]
    assert [a.text_content() for a in first_paragraph.cssselect("a.cite")] == ["[1]", "[2]"]


def test_citation_of_a_wire_copy_points_at_its_original(newsroom: Newsroom) -> None:
    page = _page(newsroom, newsroom.moon)
    third_bullet = page.cssselect(".summary li")[2]
    # Cited: the hostile outlet's article (source 3) and the wire copy of the Gazette (source 1).
    assert [a.get("href") for a in third_bullet.cssselect("a.cite")] == ["#source-1", "#source-3"]
    gazette = page.cssselect("#source-1")[0]
    copies = gazette.cssselect(".copies")[0]
    assert "Also published by" in copies.text_content()
    assert copies.cssselect("a")[0].get("href") == "https://wire.example/wire/moon-base-copy"
    assert copies.cssselect("a")[0].text_content() == "Northwind Wire"


def test_sources_link_titles_to_articles_with_outlet_and_time(newsroom: Newsroom) -> None:
    page = _page(newsroom, newsroom.moon)
    courier = page.cssselect("#source-2")[0]
    link = courier.cssselect("a")[0]
    assert link.get("href") == "https://courier.example/courier/lunar-pact"
    assert link.text_content() == "Two blocs race to the Moon"
    assert courier.cssselect("time")[0].get("datetime") == "2026-06-03T13:00:00Z"


def test_coverage_line_and_whats_new(newsroom: Newsroom) -> None:
    moon = _page(newsroom, newsroom.moon)
    assert "Covered by 4 outlets" in moon.cssselect(".coverage")[0].text_content()
    assert moon.cssselect(".whats-new li")[0].text_content().startswith("A third partner")
    dam = _page(newsroom, newsroom.dam)
    assert "Single source" in dam.cssselect(".coverage")[0].text_content()
    assert not dam.cssselect(".whats-new")


def test_never_shows_article_full_text(newsroom: Newsroom) -> None:
    for story_id in (newsroom.moon, newsroom.dam, newsroom.pending):
        response = newsroom.client.get(f"/story/{story_id}", follow_redirects=True)
        assert "must never appear" not in response.text


def test_story_without_summary_still_lists_its_sources(newsroom: Newsroom) -> None:
    response = newsroom.client.get(f"/story/{newsroom.pending}", follow_redirects=True)
    assert response.url.path == f"/general/a-quiet-day-{newsroom.pending}"
    page = html.fromstring(response.text)
    assert page.cssselect("h1")[0].text_content() == "A quiet day"
    assert len(page.cssselect("[id^=source-]")) == 1
    assert "computer program" in page.text_content()


def test_head_has_lang_title_canonical_and_open_graph(newsroom: Newsroom) -> None:
    page = _page(newsroom, newsroom.moon)
    canonical = f"https://news.example.org/science/moon-race-heats-up-{newsroom.moon}"
    assert page.get("lang") == "en"
    assert page.cssselect("title")[0].text_content() == "Moon race heats up – Loom"
    assert page.cssselect("link[rel=canonical]")[0].get("href") == canonical
    og = {m.get("property"): m.get("content") for m in page.cssselect("meta[property]")}
    assert og["og:title"] == "Moon race heats up"
    assert og["og:url"] == canonical
    assert og["og:type"] == "article"
    assert og["og:description"].startswith("Two alliances plan lunar bases.")
    assert og["article:published_time"] == "2026-06-03T12:00:00Z"


def test_wrong_slug_category_and_bare_id_redirect_to_canonical(newsroom: Newsroom) -> None:
    canonical = f"/science/moon-race-heats-up-{newsroom.moon}"
    client = newsroom.client
    assert client.get(canonical).status_code == 200
    for path in (
        f"/story/{newsroom.moon}",
        f"/science/old-headline-{newsroom.moon}",
        f"/sports/moon-race-heats-up-{newsroom.moon}",
        f"/science/{newsroom.moon}",
    ):
        response = client.get(path, follow_redirects=False)
        assert response.status_code == 301, path
        assert response.headers["location"] == canonical


def test_unknown_story_is_an_html_404(newsroom: Newsroom) -> None:
    for path in ("/story/999999", "/science/no-such-story-999999", "/science/no-id-here"):
        response = newsroom.client.get(path)
        assert response.status_code == 404, path
        assert response.headers["content-type"].startswith("text/html")
        assert "Page not found" in response.text
