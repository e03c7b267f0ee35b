"""The clusterer's story tables: centroid rows for a mat-vec, and key postings for dormant stories.

Active stories (an article within the window) sit in one float32 matrix scanned in full per
article; it stays small enough for the CPU cache at any archive size, because it holds only a
window's worth of stories. Dormant stories, which can outnumber them thirty to one, are found
through the names and title words they share with the article instead, so that scanning them
does not slow every assignment as the archive's tail grows.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

MAX_POSTING = 256  # a key held by more dormant stories than this tells too little to look up
MAX_FOUND = 64  # dormant stories one lookup returns at most, from its most selective keys
STORY_KEYS = 16  # a dormant story is indexed under this many of its most frequent keys


class CentroidRows:
    """Unit centroids by story id in a contiguous matrix; a dropped row is filled by the last."""

    def __init__(self, dimensions: int) -> None:
        self._matrix = np.zeros((64, dimensions), dtype=np.float32)
        self._rows: dict[int, int] = {}  # story id -> row
        self.ids: list[int] = []  # story id of each row

    def __len__(self) -> int:
        return len(self.ids)

    def __contains__(self, story_id: int) -> bool:
        return story_id in self._rows

    def set(self, story_id: int, vector_sum: np.ndarray) -> None:
        row = self._rows.get(story_id)
        if row is None:
            row = len(self.ids)
            if row == len(self._matrix):
                self._matrix = np.vstack([self._matrix, np.zeros_like(self._matrix)])
            self._rows[story_id] = row
            self.ids.append(story_id)
        norm = float(np.linalg.norm(vector_sum))
        self._matrix[row] = vector_sum / norm if norm > 0 else vector_sum

    def drop(self, story_id: int) -> None:
        row = self._rows.pop(story_id, None)
        if row is None:
            return
        last = len(self.ids) - 1
        if row != last:  # move the last row into the hole
            moved = self.ids[last]
            self._matrix[row] = self._matrix[last]
            self.ids[row] = moved
            self._rows[moved] = row
        self.ids.pop()

    def cosines(self, vector: np.ndarray) -> np.ndarray:
        """Cosine of ``vector`` (unit) with every row, in row order."""
        return self._matrix[: len(self.ids)] @ vector

    def cosines_of(self, story_ids: list[int], vector: np.ndarray) -> np.ndarray:
        return self._matrix[[self._rows[s] for s in story_ids]] @ vector


class KeyPostings:
    """key (entity or title term) -> ids of the dormant stories indexed under it."""

    def __init__(self) -> None:
        self._postings: dict[str, set[int]] = {}
        self._keys: dict[int, tuple[str, ...]] = {}

    def add(self, story_id: int, keys: Iterable[str]) -> None:
        self.remove(story_id)
        kept = tuple(keys)
        self._keys[story_id] = kept
        for key in kept:
            self._postings.setdefault(key, set()).add(story_id)

    def remove(self, story_id: int) -> None:
        for key in self._keys.pop(story_id, ()):
            posting = self._postings[key]
            posting.discard(story_id)
            if not posting:
                del self._postings[key]

    def lookup(self, keys: Iterable[str], limit: int = MAX_FOUND) -> list[int]:
        """Ids, ascending, of the stories under ``keys``: the rarest keys first, until ``limit``
        stories are found (a key's whole posting is taken, so a few more may come back)."""
        postings = [p for p in map(self._postings.get, keys) if p and len(p) <= MAX_POSTING]
        postings.sort(key=len)
        found: set[int] = set()
        for posting in postings:
            if len(found) >= limit:
                break
            found |= posting
        return sorted(found)
