"""The bundled demo data: counts the walking-skeleton issue asks for, and the validator itself."""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest

from newsloom.demo.newsroom import (
    CATEGORIES,
    DATA_DIR,
    MAX_OFFSET_MINUTES,
    DemoDataError,
    Newsroom,
    load_newsroom,
)


@pytest.fixture(scope="module")
def newsroom() -> Newsroom:
    return load_newsroom()


@pytest.fixture(scope="module")
def part_a_labels() -> set[str]:
    return {s["story"] for s in json.loads((DATA_DIR / "stories_a.json").read_text())}


def test_outlets_cover_the_issue(newsroom: Newsroom) -> None:
    assert len(newsroom.outlets) >= 10
    assert any(o.language != "en" for o in newsroom.outlets.values())
    formats = {f.format for o in newsroom.outlets.values() for f in o.feeds}
    assert formats == {"rss", "atom", "rdf", "json"}


def test_counts_of_what_exists(newsroom: Newsroom, part_a_labels: set[str]) -> None:
    part_a = [s for s in newsroom.stories if s.label in part_a_labels]
    assert len(part_a) == 15 and sum(len(s.articles) for s in part_a) >= 78
    multi = [s for s in part_a if len({a.outlet for a in s.articles}) >= 3]
    assert len(multi) >= 12
    assert {s.category for s in multi} == set(CATEGORIES)
    assert all(len({a.outlet for a in s.articles}) <= 8 for s in multi)
    assert sum(len({a.outlet for a in s.articles}) == 1 for s in part_a) == 3
    days = {a.offset_minutes // 1440 for a in newsroom.articles}
    assert days >= {0, 1, 2}
    if len(list(DATA_DIR.glob("stories_*.json"))) > 1:  # once part B exists: the issue's totals
        assert len(newsroom.stories) >= 30 and len(newsroom.articles) >= 150


def test_gold_covers_every_article_once(newsroom: Newsroom) -> None:
    gold = newsroom.gold_labels()
    assert len(gold) == len(newsroom.articles)
    for article in newsroom.articles:
        assert gold[f"/{article.outlet}/{article.slug}"] == article.story


def test_wire_story_republished_verbatim(newsroom: Newsroom) -> None:
    groups = newsroom.wire_groups()
    original_id = "civic-wire/veland-ostmark-sign-kestrel-water-accord"
    copies = groups[original_id]
    assert {c.split("/")[0] for c in copies} == {"harbour-gazette", "coastline-post", "metro-star"}
    original = newsroom.article(original_id)
    assert original is not None
    for copy_id in copies:
        copy = newsroom.article(copy_id)
        assert copy is not None and copy.paragraphs == original.paragraphs
        assert copy.offset_minutes < original.offset_minutes  # published later
        assert copy.story == original.story


def test_quirky_listings(newsroom: Newsroom) -> None:
    assert "daily-meridian/how-the-kestrel-quarrel-finally-ended" in newsroom.multi_feed_articles()
    metro = [a for a in newsroom.articles if a.outlet == "metro-star"]
    assert metro and all(newsroom.feeds_of(a) == ("main", "mobile") for a in metro)


def test_original_articles_are_real_prose(newsroom: Newsroom, part_a_labels: set[str]) -> None:
    for article in newsroom.articles:
        if article.copy_of or article.story not in part_a_labels:
            continue
        words = sum(len(p.split()) for p in article.paragraphs)
        assert 150 <= words <= 350 and 4 <= len(article.paragraphs) <= 7, article.id


def test_no_sentence_is_shared_between_outlets_except_wire_copies(newsroom: Newsroom) -> None:
    seen: dict[str, set[str]] = defaultdict(set)
    for article in newsroom.articles:
        if article.copy_of:
            continue
        for paragraph in article.paragraphs:
            for sentence in re.split(r"(?<=[.!?])\s+", paragraph):
                if len(sentence.split()) >= 6:
                    seen[sentence].add(article.outlet)
    shared = {s: outlets for s, outlets in seen.items() if len(outlets) > 1}
    assert not shared


def test_offsets_in_range_and_ids_unique(newsroom: Newsroom) -> None:
    ids = Counter(a.id for a in newsroom.articles)
    assert max(ids.values()) == 1
    assert all(0 <= a.offset_minutes <= MAX_OFFSET_MINUTES for a in newsroom.articles)


def _write_data(tmp_path: Path, stories: Sequence[Mapping[str, Any]]) -> Path:
    (tmp_path / "outlets.json").write_text((DATA_DIR / "outlets.json").read_text())
    (tmp_path / "stories_x.json").write_text(json.dumps(stories))
    return tmp_path


def _article(**changes: object) -> dict[str, object]:
    article: dict[str, object] = {
        "id": "pitchside/rowing-club-wins",
        "outlet": "pitchside",
        "feeds": ["main"],
        "offset_minutes": 100,
        "title": "Rowing club wins",
        "author": "A. Writer",
        "lead": "The club won.",
        "paragraphs": ["First.", "Second."],
    }
    article.update(changes)
    return article


def test_valid_minimal_story_loads(tmp_path: Path) -> None:
    data = _write_data(tmp_path, [{"story": "x1", "category": "sports", "articles": [_article()]}])
    loaded = load_newsroom(data)
    assert loaded.gold_labels() == {"/pitchside/rowing-club-wins": "x1"}
    assert loaded.articles[0].lang == "en"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"outlet": "harbour-gazette"}, "known outlet"),
        ({"feeds": ["world"]}, "unknown or missing feeds"),
        ({"offset_minutes": MAX_OFFSET_MINUTES + 1}, "offset_minutes"),
        ({"offset_minutes": -5}, "offset_minutes"),
        ({"copy_of": "civic-wire/does-not-exist"}, "not an original"),
        ({"id": "pitchside/m", "outlet": "pitchside"}, "reserved"),
        ({"paragraphs": []}, "paragraphs"),
    ],
)
def test_invalid_article_is_rejected(
    tmp_path: Path, changes: dict[str, object], message: str
) -> None:
    data = _write_data(
        tmp_path, [{"story": "x1", "category": "sports", "articles": [_article(**changes)]}]
    )
    with pytest.raises(DemoDataError, match=message) as caught:
        load_newsroom(data)
    assert str(caught.value).startswith("demo: ")


def test_repeated_ids_and_labels_and_categories_are_rejected(tmp_path: Path) -> None:
    twice = [{"story": "x1", "category": "sports", "articles": [_article(), _article()]}]
    with pytest.raises(DemoDataError, match="repeated article id"):
        load_newsroom(_write_data(tmp_path, twice))
    story = {"story": "x1", "category": "sports", "articles": [_article()]}
    other = {"story": "x1", "category": "sports", "articles": [_article(id="pitchside/b")]}
    with pytest.raises(DemoDataError, match="repeated story label"):
        load_newsroom(_write_data(tmp_path, [story, other]))
    with pytest.raises(DemoDataError, match="unknown category"):
        load_newsroom(_write_data(tmp_path, [{**story, "category": "gossip"}]))


def test_copy_published_before_its_original_is_rejected(tmp_path: Path) -> None:
    original = _article(offset_minutes=100)
    early_copy = {
        "id": "pitchside/copy",
        "outlet": "pitchside",
        "feeds": ["main"],
        "offset_minutes": 200,
        "title": "Copy",
        "copy_of": "pitchside/rowing-club-wins",
    }
    stories = [{"story": "x1", "category": "sports", "articles": [original, early_copy]}]
    with pytest.raises(DemoDataError, match="after its original"):
        load_newsroom(_write_data(tmp_path, stories))


def test_copy_takes_text_of_original(tmp_path: Path) -> None:
    copy = {
        "id": "pitchside/copy",
        "outlet": "pitchside",
        "feeds": ["main"],
        "offset_minutes": 50,
        "title": "Copy",
        "copy_of": "pitchside/rowing-club-wins",
    }
    stories = [{"story": "x1", "category": "sports", "articles": [_article(), copy]}]
    loaded = load_newsroom(_write_data(tmp_path, stories))
    article = loaded.article("pitchside/copy")
    assert article is not None
    assert article.paragraphs == ("First.", "Second.") and article.author == "A. Writer"
    assert loaded.wire_groups() == {"pitchside/rowing-club-wins": ["pitchside/copy"]}


def test_broken_json_is_a_demo_error(tmp_path: Path) -> None:
    (tmp_path / "outlets.json").write_text("[{")
    with pytest.raises(DemoDataError, match="not valid JSON"):
        load_newsroom(tmp_path)
