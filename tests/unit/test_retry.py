"""The one retry helper: bounded attempts, waits between them, only the failures worth it."""

from __future__ import annotations

import pytest

from newsloom.retry import retrying


class Flaky:
    """Fails with each of ``errors`` in turn, then returns how many calls it took."""

    def __init__(self, *errors: Exception) -> None:
        self.errors = list(errors)
        self.calls = 0

    def __call__(self) -> int:
        self.calls += 1
        if self.errors:
            raise self.errors.pop(0)
        return self.calls


def test_retries_what_retry_on_accepts_waiting_as_told() -> None:
    slept: list[float] = []
    heard: list[str] = []
    work = Flaky(ConnectionError("a"), ConnectionError("b"))
    result = retrying(
        work,
        attempts=3,
        retry_on=lambda exc: isinstance(exc, ConnectionError),
        wait=lambda n: 0.25 * 2**n,
        on_retry=lambda exc: heard.append(str(exc)),
        sleep=slept.append,
    )
    assert (result, slept, heard) == (3, [0.25, 0.5], ["a", "b"])


def test_the_last_error_is_raised_as_it_came() -> None:
    work = Flaky(ConnectionError("a"), ConnectionError("b"), ConnectionError("c"))
    with pytest.raises(ConnectionError, match=r"^b$"):
        retrying(work, attempts=2, retry_on=lambda exc: True, sleep=lambda s: None)
    assert work.calls == 2


def test_an_error_not_worth_retrying_is_raised_at_once() -> None:
    work = Flaky(ValueError("bad settings"))
    with pytest.raises(ValueError):
        retrying(work, attempts=5, retry_on=lambda exc: not isinstance(exc, ValueError))
    assert work.calls == 1


def test_errors_outside_exceptions_pass_through_untouched() -> None:
    work = Flaky(KeyError("k"))
    with pytest.raises(KeyError):
        retrying(work, attempts=5, retry_on=lambda exc: True, exceptions=OSError)
    assert work.calls == 1


def test_one_attempt_means_no_retry() -> None:
    work = Flaky(OSError("once"))
    with pytest.raises(OSError):
        retrying(work, attempts=1, retry_on=lambda exc: True)
    assert work.calls == 1
