"""Issue 14's command-line cases: every error is one ``newsloom: stage: ...`` line and a non-zero
exit, never a traceback or a hang; sources can be paused, resumed and removed by id."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsloom.cli import main

REPO = Path(__file__).resolve().parents[2]


def _one_line_error(capsys: pytest.CaptureFixture[str], starts: str) -> str:
    err = capsys.readouterr().err.strip()
    assert err.startswith(starts), err
    assert "\n" not in err and "Traceback" not in err
    return err


def test_toml_whose_newsloom_key_is_not_a_table(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    config = tmp_path / "bad.toml"
    config.write_text("newsloom = 5\n")
    assert main(["--config", str(config), "status"]) == 1
    _one_line_error(capsys, "newsloom: config: config file")


def test_config_that_is_a_directory(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["--config", str(tmp_path), "status"]) == 1
    assert "is a directory" in _one_line_error(capsys, "newsloom: config: config file")


def test_config_from_dev_zero_does_not_hang(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["--config", "/dev/zero", "status"]) == 1
    assert "not a regular file" in _one_line_error(capsys, "newsloom: config: config file")


def test_config_that_is_missing(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["--config", str(tmp_path / "nope.toml"), "status"]) == 1
    _one_line_error(capsys, "newsloom: config: config file not found")


def test_allowed_hosts_from_the_environment_as_a_json_list(
    tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from newsloom.settings import Settings

    env = {"NEWSLOOM_ALLOWED_HOSTS": '["127.0.0.1:8080", "feeds.internal"]'}
    assert Settings.load(environ=env).allowed_hosts == ("127.0.0.1:8080", "feeds.internal")
    env = {"NEWSLOOM_ALLOWED_HOSTS": "127.0.0.1:8080, feeds.internal"}
    assert Settings.load(environ=env).allowed_hosts == ("127.0.0.1:8080", "feeds.internal")


def test_database_url_into_a_missing_directory_is_refused(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    missing = tmp_path / "no" / "such" / "dir" / "x.db"
    args = ["--data-dir", str(tmp_path / "data"), "--database-url", f"sqlite:///{missing}"]
    assert main([*args, "status"]) == 1
    assert str(missing.parent) in _one_line_error(capsys, "newsloom: store: no directory")
    assert not missing.parent.exists()


@pytest.mark.parametrize("story", ["99999999999999999999", "0", "-3", "x"])
def test_story_ids_out_of_range_are_a_usage_error(tmp_path: Path, story: str) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--data-dir", str(tmp_path), "stories", "show", story])
    assert exit_.value.code == 2


@pytest.mark.slow  # a real shell pipeline of the CLI
def test_a_listing_piped_into_head_exits_quietly(tmp_path: Path) -> None:
    # More lines than a pipe buffers, so the reader is gone while the listing is still written.
    opml = tmp_path / "many.opml"
    outlines = "".join(f'<outline xmlUrl="https://o{n}.example/feed"/>' for n in range(3000))
    opml.write_text(f"<opml><body>{outlines}</body></opml>")
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    cli = f"{sys.executable} -m newsloom.cli --data-dir {tmp_path}"
    subprocess.run(
        f"{cli} sources import {opml}", shell=True, check=True, capture_output=True, env=env
    )
    for command in ("sources list", "sources export", "status"):
        done = subprocess.run(
            ["bash", "-c", f"{cli} {command} | head -1"],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )
        assert done.stdout.strip(), command
        assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr, done.stderr


def test_sources_add_and_import_check_urls_where_they_enter(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    data = ["--data-dir", str(tmp_path)]
    for url in [
        "http://q.example:99999/feed",
        "http://q.example/a\nb",
        "https://q.example/" + "a" * 3000,
    ]:
        assert main([*data, "sources", "add", url]) == 1
        _one_line_error(capsys, "newsloom: parse: ")
    assert main([*data, "sources", "add", "http://ｑ.example/feed"]) == 0
    assert "http://q.example/feed" in capsys.readouterr().out
    opml = tmp_path / "list.opml"
    opml.write_text(
        '<opml version="2.0"><body><outline text="Bad" xmlUrl="http://q.example:0/f"/>'
        '<outline text="Good" xmlUrl="https://good.example/feed"/></body></opml>'
    )
    assert main([*data, "sources", "import", str(opml)]) == 0
    captured = capsys.readouterr()
    assert "imported 1 sources" in captured.out and "skipped 1" in captured.out
    assert "newsloom: skipped: parse: port 0 is not a port" in captured.err
    deep = tmp_path / "deep.opml"
    deep.write_text("<opml><body>" + '<outline text="f">' * 100_000 + "</body></opml>")
    assert main([*data, "sources", "import", str(deep)]) == 1
    assert "OPML broken" in capsys.readouterr().err


def test_sources_pause_resume_and_remove_by_id(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    data = ["--data-dir", str(tmp_path)]
    assert main([*data, "sources", "add", "https://a.example/feed"]) == 0
    assert main([*data, "sources", "add", "https://b.example/feed"]) == 0
    capsys.readouterr()
    assert main([*data, "sources", "pause", "1", "--reason", "sends garbage"]) == 0
    assert main([*data, "sources", "list"]) == 0
    listing = capsys.readouterr().out.splitlines()
    assert "paused (sends garbage)" in listing[0] + listing[1]
    assert main([*data, "status", "--json"]) == 0
    assert '"sources_paused": 1' in capsys.readouterr().out
    assert main([*data, "sources", "resume", "1"]) == 0
    assert main([*data, "sources", "remove", "2"]) == 0
    capsys.readouterr()
    assert main([*data, "sources", "list"]) == 0
    listing = capsys.readouterr().out
    assert "paused" not in listing and "b.example" not in listing and "a.example" in listing
    assert main([*data, "sources", "remove", "2"]) == 1
    _one_line_error(capsys, "newsloom: store: no source with id 2")
    with pytest.raises(SystemExit):
        main([*data, "sources", "pause", str(2**64)])
