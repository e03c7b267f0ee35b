from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from newsloom.batch.runners import LocalRunner, batched, make_runner
from newsloom.errors import ConfigError


def test_batched_keeps_order_and_remainder() -> None:
    assert list(batched(range(7), 3)) == [[0, 1, 2], [3, 4, 5], [6]]
    assert list(batched([], 3)) == []


def test_local_runner_builds_the_worker_once() -> None:
    built: list[int] = []

    def factory() -> Callable[[list[int]], list[int]]:
        built.append(1)
        time.sleep(0.02)  # stands in for loading a model
        return lambda batch: [x * x for x in batch]

    runner = LocalRunner()
    out = list(runner.map_batches(factory, batched(range(5), 2)))
    assert out == [[0, 1], [4, 9], [16]]
    assert built == [1]
    assert runner.startup_seconds >= 0.02


def test_make_runner_local_and_unknown() -> None:
    assert make_runner("local").name == "local"
    with pytest.raises(ConfigError, match=r"^config: unknown runner"):
        make_runner("spark")  # type: ignore[arg-type]
