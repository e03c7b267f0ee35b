"""The evaluation sets' one JSON Lines reader: blank lines skipped, every fault named by line."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsloom.errors import EvalError
from newsloom.eval.jsonl import read_jsonl


def test_rows_come_with_their_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "set.jsonl"
    path.write_text('{"id": 1}\n\n   \n{"id": 2, "x": null}\n', encoding="utf-8")
    assert read_jsonl(path, required=("id",)) == [
        (f"{path}:1", {"id": 1}),
        (f"{path}:4", {"id": 2, "x": None}),
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"id": 1}\n{"id": \n', r":2 is not JSON"),
        ('{"id": 1}\n[1, 2]\n', r":2 is not a JSON object"),
        ('{"id": 1}\n{"other": 2}\n', r":2 lacks id$"),
        ("\n\n", r"has no items$"),
    ],
)
def test_each_fault_is_an_eval_error_naming_the_line(
    tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "set.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(EvalError, match=r"^eval: .*" + message):
        read_jsonl(path, required=("id",), nonempty="items")


def test_an_empty_file_is_fine_unless_the_set_needs_rows(tmp_path: Path) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_text("", encoding="utf-8")
    assert read_jsonl(path) == []
    with pytest.raises(EvalError, match=r"^eval: cannot read"):
        read_jsonl(tmp_path / "missing.jsonl")
