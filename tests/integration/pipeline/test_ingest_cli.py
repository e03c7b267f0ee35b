"""``newsloom parse`` and ``newsloom discover``: JSON out, or one line starting with the stage."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsloom.cli import main

from .loopback import LoopbackSite, Reply

FEEDS = Path(__file__).resolve().parents[2] / "data" / "feeds"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def site() -> Iterator[LoopbackSite]:
    routes = {
        "/feed.xml": Reply(
            body=(FEEDS / "rss_missing_pubdate.xml").read_bytes(), content_type="application/xml"
        ),
        "/home": Reply(
            body=b"<html><head><link rel='alternate' type='application/rss+xml' "
            b"href='/feed.xml'></head><body>home</body></html>"
        ),
    }
    with LoopbackSite(routes) as loopback:
        yield loopback


def test_parse_a_feed_file(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "parse", str(FEEDS / "rss20_media_enclosures.xml"))
    assert code == 0
    feed = json.loads(out)
    assert feed["kind"] == "feed" and feed["format"] == "rss"
    assert feed["entries"][0]["published"] == "2025-03-04T08:30:00+00:00"
    assert feed["entries"][1]["enclosures"][0].endswith("lighthouse.mp3")


def test_parse_a_sitemap_file(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "parse", str(FEEDS / "sitemap_google_news.xml"))
    assert code == 0
    sitemap = json.loads(out)
    assert sitemap["kind"] == "sitemap"
    assert sitemap["urls"][0]["url"] == "https://gazette.example/news/lighthouse-keepers"


def test_parse_an_html_page_extracts_the_article(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    words = "The harbour board approved the new dredging schedule after a long debate. " * 12
    page = tmp_path / "page.html"
    page.write_text(
        f"<html lang='en'><head><title>Dredging approved</title></head><body><article>"
        f"<h1>Dredging approved</h1><p>{words}</p><p>{words}</p></article></body></html>"
    )
    code, out, _ = run(capsys, "parse", str(page))
    assert code == 0
    article = json.loads(out)
    assert article["kind"] == "article" and "dredging schedule" in article["text"]


@pytest.mark.parametrize(
    ("make_target", "stage"),
    [
        (lambda tmp: str(tmp / "missing.xml"), "parse: "),
        (lambda tmp: str(FEEDS / "xxe_billion_laughs.xml"), "parse: "),
        (lambda tmp: "http://127.0.0.1:9/feed.xml", "fetch: "),  # private: refused by the guard
        (lambda tmp: "http://169.254.169.254/latest/meta-data/", "fetch: "),
    ],
)
def test_parse_failures_are_one_line_starting_with_the_stage(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, make_target, stage: str
) -> None:
    code, out, err = run(capsys, "--data-dir", str(tmp_path), "parse", make_target(tmp_path))
    if stage == "parse: " and "laughs" in make_target(tmp_path):
        # The bomb is never expanded: either refused or parsed without the entities.
        assert code in (0, 1) and "lol" * 10 not in out
        return
    assert code == 1 and out == ""
    assert err.startswith(stage) and err.count("\n") == 1


def test_parse_a_url_goes_through_the_guards(
    capsys: pytest.CaptureFixture[str], site: LoopbackSite
) -> None:
    code, _, err = run(capsys, "parse", f"{site.base_url}/feed.xml")
    assert code == 1 and "loopback" in err and err.startswith("fetch: ")
    assert site.hits == {}  # refused before any request


def test_discover_and_add_the_feed_of_a_site(
    capsys: pytest.CaptureFixture[str], site: LoopbackSite, tmp_path: Path
) -> None:
    config = tmp_path / "newsloom.toml"
    config.write_text('[newsloom]\nallowed_hosts = ["127.0.0.1"]\nobey_robots = false\n')
    common = ["--config", str(config), "--data-dir", str(tmp_path / "data")]
    code, out, _ = run(capsys, *common, "discover", f"{site.base_url}/home", "--add")
    assert code == 0
    found = json.loads(out)
    assert found["url"] == f"{site.base_url}/feed.xml" and found["kind"] == "feed"
    code, out, _ = run(capsys, *common, "sources", "list")
    assert code == 0 and f"{site.base_url}/feed.xml" in out and "errors=0" in out
