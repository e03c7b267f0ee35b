"""Whether a process runs: light enough for the extraction workers' fork server to import (the
refresh workers' module, which also uses it, imports the store)."""

from __future__ import annotations

import os


def process_alive(pid: int) -> bool:
    """Whether a process of this host runs (or is an unreaped zombie) under ``pid``."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, another user's
        return True
    return True
