"""Whether a process runs, and pool workers that exit with the process that started them: light
enough for the extraction workers' fork server to import (the refresh workers' module, which also
uses ``process_alive``, imports the store)."""

from __future__ import annotations

import os
import select
import threading
import time


def process_alive(pid: int) -> bool:
    """Whether a process of this host runs (or is an unreaped zombie) under ``pid``."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, another user's
        return True
    return True


def exit_with(parent: int) -> None:
    """Pool worker initializer: exit as soon as ``parent`` (the process that started the pool)
    is gone. Each worker holds both ends of the pool's queues and the fork server waits for its
    workers, so after a SIGKILL of the parent they would otherwise wait for work for ever."""
    if os.name == "nt":
        return  # os.kill(pid, 0) would terminate the parent there

    def watch() -> None:
        try:
            handle: int | None = os.pidfd_open(parent)
        except (AttributeError, OSError):  # not Linux 5.3+, or the parent is gone already
            handle = None
        if handle is not None:
            select.select([handle], [], [])  # readable when the process exits
        else:
            while process_alive(parent):
                time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="newsloom-parent-watch", daemon=True).start()
