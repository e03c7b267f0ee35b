"""The one way newsloom tries something again: a bounded number of attempts, a wait between them,
and a rule for which failures are worth another try (the rest are raised at once).

The store's connections and transactions and the refresh's story step use it; fetching pages
(``ingest/fetch.py``) retries on HTTP statuses as well as errors and honours Retry-After, so it keeps
its own loop; the LLM client's single retry is the summarize stage's own.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def no_wait(attempt: int) -> float:
    return 0.0


def retrying(
    work: Callable[[], T],
    *,
    attempts: int,
    retry_on: Callable[[Exception], bool],
    exceptions: type[Exception] | tuple[type[Exception], ...] = Exception,
    wait: Callable[[int], float] = no_wait,
    on_retry: Callable[[Exception], None] | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> T:
    """``work()``, run again after an error of ``exceptions`` that ``retry_on`` accepts, at most
    ``attempts`` times in all. ``wait(n)`` is the pause after the n-th failure (from 0);
    ``on_retry`` hears each error that is retried. The last error, or one not worth retrying, is
    raised as it came."""
    for attempt in range(max(1, attempts)):
        try:
            return work()
        except exceptions as exc:
            if attempt + 1 >= attempts or not retry_on(exc):
                raise
            if on_retry is not None:
                on_retry(exc)
            pause = wait(attempt)
            if pause > 0:
                sleep(pause)
    raise AssertionError("unreachable")  # the last attempt returns or raises
