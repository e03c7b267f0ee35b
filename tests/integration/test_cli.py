"""The newsloom command: sources round trip through OPML, bad input gives a one-line error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsloom.cli import main

EVAL_FIXTURE = (
    Path(__file__).parents[1] / "unit/eval/data/two_events_with_date_only_and_empty_text.jsonl"
)


def test_sources_add_list_export_import(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = ["--data-dir", str(tmp_path / "a")]
    assert main([*data, "init"]) == 0
    assert (
        main([*data, "sources", "add", "https://example.org/feed.xml", "--section", "science"]) == 0
    )
    assert main([*data, "sources", "add", "https://example.org/feed.xml"]) == 0  # idempotent
    capsys.readouterr()
    assert main([*data, "sources", "list"]) == 0
    listed = capsys.readouterr().out.strip().splitlines()
    assert len(listed) == 1 and "science" in listed[0]
    assert main([*data, "sources", "export"]) == 0
    opml = tmp_path / "sources.opml"
    opml.write_text(capsys.readouterr().out)
    other = ["--data-dir", str(tmp_path / "b")]
    assert main([*other, "sources", "import", str(opml)]) == 0
    capsys.readouterr()
    assert main([*other, "sources", "list"]) == 0
    assert "https://example.org/feed.xml" in capsys.readouterr().out


@pytest.mark.parametrize("url", ["ftp://example.org/feed", "not a url", "javascript:alert(1)"])
def test_sources_add_rejects_non_http_urls(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], url: str
) -> None:
    assert main(["--data-dir", str(tmp_path), "sources", "add", url]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("newsloom: parse: only http and https URLs") and "\n" not in err


def test_bad_setting_in_environment_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSLOOM_CONCURRENCY", "lots")
    assert main(["--data-dir", str(tmp_path), "init"]) == 1
    assert "config: invalid settings: concurrency" in capsys.readouterr().err


def test_eval_clustering_over_several_files_prints_each_and_the_macro_average(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    second = tmp_path / "second.jsonl"
    second.write_text(EVAL_FIXTURE.read_text(encoding="utf-8"), encoding="utf-8")
    args = ["--data-dir", str(tmp_path), "eval", "clustering", str(EVAL_FIXTURE), str(second)]
    assert main([*args, "--by-error", "3"]) == 0
    result = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert set(result) == {"files", "macro_average"}
    assert set(result["files"]) == {str(EVAL_FIXTURE), str(second)}
    first, again = result["files"].values()
    assert first["b3_f1"] == again["b3_f1"] == result["macro_average"]["b3_f1"]
    assert first["worst_merges"] == []  # both gold events are recovered apart


def test_eval_clustering_prints_one_json_object(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", str(tmp_path), "eval", "clustering", str(EVAL_FIXTURE)]) == 0
    result = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    for key in (
        "b3_precision",
        "b3_recall",
        "b3_f1",
        "pairwise_f1",
        "ari",
        "nmi",
        "n_docs",
        "n_gold",
        "n_pred",
        "docs_per_second",
    ):
        assert key in result
    assert result["n_docs"] == sum(1 for line in EVAL_FIXTURE.read_text().splitlines() if line)


def test_python_dash_m_runs_the_same_command_line(tmp_path: Path) -> None:
    """``python -m newsloom`` reaches the commands where the script is not on PATH."""
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "newsloom", "--data-dir", str(tmp_path), "sources", "list"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    bad = subprocess.run(
        [sys.executable, "-m", "newsloom", "no-such-command"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert bad.returncode == 2 and "invalid choice" in bad.stderr
