"""Graceful shutdown: SIGTERM or SIGINT asks the running refresh to stop at a safe point.

The first signal sets a flag. The refresh then claims no more sources, finishes (and records)
the sources it is fetching, gives back the leases of those it had not started, and stops the
story step between two transactions, so nothing is half-written and the next run resumes from
the store. A second signal stops at once (KeyboardInterrupt): open transactions roll back.
"""

from __future__ import annotations

import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType

Progress = Callable[[str, int, int], None]

_requested = threading.Event()


class ShutdownRequested(Exception):
    """Raised between two transactions of a long step once a shutdown was asked for."""


def request() -> None:
    _requested.set()


def requested() -> bool:
    return _requested.is_set()


def reset() -> None:
    """Forget a past request (a new run in the same process, tests)."""
    _requested.clear()


def raise_if_requested() -> None:
    if _requested.is_set():
        raise ShutdownRequested("shutdown: stopping between two transactions")


def checkpoint(progress: Progress) -> Progress:
    """``progress`` that first stops the step if a shutdown was asked for. The pipeline reports
    progress after each committed transaction, so that is a safe place to stop."""

    def tick(phase: str, done: int, total: int) -> None:
        raise_if_requested()
        progress(phase, done, total)

    return tick


@contextmanager
def graceful_signals() -> Iterator[None]:
    """Within the block, the first SIGTERM/SIGINT requests a shutdown, a second one interrupts.

    Only the main thread can install handlers; elsewhere the block runs with the current ones.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handle(signum: int, frame: FrameType | None) -> None:
        if _requested.is_set():
            raise KeyboardInterrupt
        _requested.set()
        name = signal.Signals(signum).name
        print(
            f"newsloom: {name}: finishing the work in flight (again to stop now)", file=sys.stderr
        )

    previous = {sig: signal.signal(sig, handle) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
