"""Shared test fixtures."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def shared_data_dir() -> Path | None:
    """The evaluation sets, read in place: $NEWSLOOM_SHARED_DATA, ../shared/data, /work/shared/data."""
    candidates = [os.environ.get("NEWSLOOM_SHARED_DATA", ""), REPO.parent / "shared" / "data"]
    candidates.append("/work/shared/data")
    for candidate in candidates:
        if candidate and Path(candidate).is_dir():
            return Path(candidate)
    return None


@pytest.fixture(scope="session")
def shared_data() -> Path:
    found = shared_data_dir()
    if found is None:
        pytest.skip("the shared evaluation sets are not on this machine")
    return found
