"""Finding an original's near copy among many: SimHashes split into bands.

Two 64-bit hashes within NEAR_DUPLICATE_DISTANCE bits agree on at least one of
NEAR_DUPLICATE_DISTANCE + 1 bands (pigeonhole), so only hashes sharing a band with the query are
compared: finding near copies costs about the same with 100 or 100,000 recent articles.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime

from newsloom.dedup.hashing import MIN_WORDS_FOR_NEAR_DUPLICATE, NEAR_DUPLICATE_DISTANCE, hamming

SIMHASH_BANDS = NEAR_DUPLICATE_DISTANCE + 1
_BAND_BITS = 64 // SIMHASH_BANDS

# (article id, simhash, published) of the originals published from a given time on.
RowsSince = Callable[[datetime], Iterable[tuple[int, int, datetime]]]


def long_enough_for_near_copy(text: str) -> bool:
    """Whether ``text`` has the words its SimHash needs to mean anything."""
    return len(text.split()) >= MIN_WORDS_FOR_NEAR_DUPLICATE


class NearCopyIndex:
    """Originals' SimHashes by band, loaded once per write phase and kept up to date."""

    def __init__(self) -> None:
        self._since: datetime | None = None
        self._rows: dict[int, tuple[int, datetime]] = {}
        self._bands: list[dict[int, list[int]]] = [{} for _ in range(SIMHASH_BANDS)]

    def cover(self, since: datetime, rows_since: RowsSince) -> None:
        """Make sure every original published from ``since`` on is indexed; ``rows_since``
        reads them (from the store) when the index does not reach back that far yet."""
        if self._since is not None and since >= self._since:
            return
        for article_id, value, published in rows_since(since):
            if article_id not in self._rows:
                self.add(article_id, value, published)
        self._since = since

    def add(self, article_id: int, value: int, published: datetime) -> None:
        self._rows[article_id] = (value, published)
        for band, key in enumerate(_band_keys(value)):
            self._bands[band].setdefault(key, []).append(article_id)

    def nearest(self, value: int, since: datetime) -> int | None:
        """The closest indexed original within NEAR_DUPLICATE_DISTANCE published since ``since``."""
        best = self.closest(value, since)
        return best[1] if best else None

    def closest(self, value: int, since: datetime) -> tuple[int, int] | None:
        """(distance, id) of ``nearest``; ties go to the smaller id."""
        best: tuple[int, int] | None = None
        for band, key in enumerate(_band_keys(value)):
            for other_id in self._bands[band].get(key, ()):
                other, published = self._rows[other_id]
                if published < since:
                    continue
                distance = hamming(value, other)
                if distance <= NEAR_DUPLICATE_DISTANCE and (
                    best is None or (distance, other_id) < best
                ):
                    best = (distance, other_id)
        return best


def _band_keys(value: int) -> list[int]:
    unsigned = value & 0xFFFF_FFFF_FFFF_FFFF
    mask = (1 << _BAND_BITS) - 1
    return [(unsigned >> (band * _BAND_BITS)) & mask for band in range(SIMHASH_BANDS)]
