"""A refresh killed with SIGKILL takes its extraction workers and their fork server with it.

Each pool worker holds both ends of the pool's queues, and the fork server lives as long as its
workers, so without a watch on the parent they wait for work for ever (about 170 MB each)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

# Processes killed or signalled, servers restarted: the complete suite (make test) only.
pytestmark = pytest.mark.slow

STARTS_A_POOL = """
import os, sys, time
from newsloom.pipeline.pool import CandidateBuilder
pool = CandidateBuilder(workers=2)._start_pool()
assert pool is not None
print(" ".join(str(pid) for pid in pool._processes), flush=True)
time.sleep(120)
"""


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state not in ("Z", "X")  # an unreaped zombie has exited


def _descendants(pid: int) -> set[int]:
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parents[int(entry.name)] = int(
                    (entry / "stat").read_text().rsplit(")", 1)[1].split()[1]
                )
            except (FileNotFoundError, ProcessLookupError, IndexError, ValueError):
                continue
    found: set[int] = set()
    frontier = {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_sigkilled_parent_leaves_no_pool_worker_or_fork_server(tmp_path: Path) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-c", STARTS_A_POOL], stdout=subprocess.PIPE, cwd=tmp_path, env=os.environ
    )
    assert proc.stdout is not None
    workers = {int(pid) for pid in proc.stdout.readline().split()}
    assert workers
    left_behind = _descendants(proc.pid)
    assert workers <= left_behind and len(left_behind) > len(workers)  # and the fork server
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    deadline = time.monotonic() + 10
    while any(_running(pid) for pid in left_behind) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [pid for pid in left_behind if _running(pid)]
