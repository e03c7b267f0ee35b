"""The prototypes' vectors kept on disk: read back exactly, never from a changed file or list."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from newsloom.categorize.prior_cache import cached_vectors
from newsloom.cluster.embed import get_embedder

HEADLINES = [
    "Harbour council approves the ferry budget after a long night of debate",
    "Astronomers spot a comet beyond the orbit of Neptune",
]


class CountingEmbed:
    """The product's embedder, counting how often it is asked."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, texts: list[str]) -> np.ndarray:
        self.calls += 1
        return get_embedder().embed(texts)


def _cache_file(directory: Path) -> Path:
    (found,) = directory.glob("prototype-vectors-*.npy")
    return found


def test_a_second_process_reads_the_vectors_instead_of_embedding(tmp_path: Path) -> None:
    embed = CountingEmbed()
    first = cached_vectors(HEADLINES, embed, tmp_path)
    again = cached_vectors(HEADLINES, embed, tmp_path)
    assert embed.calls == 1
    assert again.dtype == np.float32 and again.shape == (2, 384)
    assert np.array_equal(first, again)
    assert np.array_equal(again, get_embedder().embed(HEADLINES))


def test_an_edited_prototype_list_is_embedded_afresh(tmp_path: Path) -> None:
    embed = CountingEmbed()
    cached_vectors(HEADLINES, embed, tmp_path)
    edited = cached_vectors([*HEADLINES, "Riverside Rovers win the cup final"], embed, tmp_path)
    assert embed.calls == 2 and edited.shape == (3, 384)


def test_a_cache_file_changed_on_disk_is_not_trusted(tmp_path: Path) -> None:
    embed = CountingEmbed()
    expected = cached_vectors(HEADLINES, embed, tmp_path)
    stored = _cache_file(tmp_path)
    data = bytearray(stored.read_bytes())
    data[-1] ^= 0xFF  # one flipped byte inside the last vector
    stored.write_bytes(bytes(data))
    assert np.array_equal(cached_vectors(HEADLINES, embed, tmp_path), expected)
    assert embed.calls == 2


def test_an_unwritable_cache_still_gives_the_vectors(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a file where the cache directory would go")
    embed = CountingEmbed()
    vectors = cached_vectors(HEADLINES, embed, blocker / "cache")
    assert vectors.shape == (2, 384) and embed.calls == 1
