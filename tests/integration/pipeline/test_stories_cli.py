"""``newsloom stories show|merge|split`` on a stored newsroom."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

import newsloom.store as db
from newsloom.cli import main
from newsloom.pipeline.stories import cluster_new_articles
from newsloom.settings import Settings
from newsloom.store import Store
from tests.integration.pipeline.test_stories_pipeline import (
    FERRY,
    NOW,
    add_article,
    fill_newsroom,
    quiet,
)


@pytest.fixture
def data_dir(tmp_path: Path) -> tuple[Path, dict[str, list[int]]]:
    """A clustered newsroom whose first ferry article was republished by another outlet."""
    store = Store.open(Settings(data_dir=tmp_path))
    try:
        ids = fill_newsroom(store)
        with store.read() as conn:
            original = db.get_articles(conn, [ids["ferry"][0]])[0]
        copy = add_article(
            store,
            3,
            FERRY,
            0,
            original.published + timedelta(minutes=45),
            copy_of=original.id,
            slug="wire-copy",
        )
        cluster_new_articles(Settings(), store, now=NOW, progress=quiet)
        ids["copy"] = [copy]
    finally:
        store.close()
    return tmp_path, ids


def story_id(data: Path, article_id: int) -> int:
    store = Store.open(Settings(data_dir=data))
    try:
        with store.read() as conn:
            found = db.story_of(conn, article_id)
    finally:
        store.close()
    assert found is not None
    return found


def test_show_explains_every_article(
    data_dir: tuple[Path, dict[str, list[int]]], capsys: pytest.CaptureFixture[str]
) -> None:
    data, ids = data_dir
    ferry = story_id(data, ids["ferry"][0])
    assert main(["--data-dir", str(data), "stories", "show", str(ferry)]) == 0
    out = capsys.readouterr().out
    assert f"story {ferry}:" in out
    assert "4 articles + 1 copies from 3 outlets" in out
    assert f"first reporter: Harbour Gazette at {NOW - timedelta(hours=10):%Y-%m-%d %H:%M}" in out
    for article_id in ids["ferry"]:
        assert f"[{article_id}] " in out
    assert "joined with similarity 0.00: new story" in out
    assert out.count("cos=") >= 3 and "title-terms:" in out
    assert f"copy [{ids['copy'][0]}] Island Wire" in out
    assert "published before the original" not in out


def test_merge_and_split_from_the_command_line(
    data_dir: tuple[Path, dict[str, list[int]]], capsys: pytest.CaptureFixture[str]
) -> None:
    data, ids = data_dir
    args = ["--data-dir", str(data), "stories"]
    ferry, storm = story_id(data, ids["ferry"][0]), story_id(data, ids["storm"][0])
    assert main([*args, "merge", str(storm), str(ferry)]) == 0
    assert f"story {storm} merged into story {ferry}" in capsys.readouterr().out
    assert main([*args, "show", str(storm)]) == 0
    shown = capsys.readouterr().out
    assert shown.startswith(f"story {storm} was merged into story {ferry}")
    assert f"merged by hand from story {storm}" in shown
    assert "correction " in shown and f"merge story {storm} -> {ferry}" in shown
    leaving = [str(a) for a in ids["storm"]]
    assert main([*args, "split", str(ferry), *leaving]) == 0
    out = capsys.readouterr().out
    new = story_id(data, ids["storm"][0])
    assert out.strip() == f"articles {', '.join(leaving)} left story {ferry} for new story {new}"


def test_unknown_stories_and_bad_splits_are_one_line_errors(
    data_dir: tuple[Path, dict[str, list[int]]], capsys: pytest.CaptureFixture[str]
) -> None:
    data, ids = data_dir
    args = ["--data-dir", str(data), "stories"]
    assert main([*args, "show", "999"]) == 1
    assert capsys.readouterr().err.strip() == "newsloom: store: no story with id 999"
    ferry = story_id(data, ids["ferry"][0])
    assert main([*args, "split", str(ferry), str(ids["storm"][0])]) == 1
    assert "cluster: articles" in capsys.readouterr().err
