"""Exact (content hash) and near (SimHash) text fingerprints."""

from __future__ import annotations

import hashlib
import re
import unicodedata

import numpy as np

NEAR_DUPLICATE_DISTANCE = 3
# Below this many words a SimHash is too noisy to call two texts copies.
MIN_WORDS_FOR_NEAR_DUPLICATE = 50
SHINGLE_WORDS = 3

_MASK64 = (1 << 64) - 1
_WORD = re.compile(r"\w+")
# What normalising keeps: runs of word characters other than the underscore. Every character is
# a word character, whitespace or punctuation, so joining these runs with one space is the text
# with punctuation and underscores made spaces, whitespace collapsed and the ends stripped, in
# one pass instead of two substitutions and a strip (0.30 -> 0.18 ms on a 4.5 KB article).
_KEPT_RUN = re.compile(r"[^\W_]+")


def normalize_text(text: str) -> str:
    """Casefolded NFKC text with punctuation dropped and whitespace collapsed."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(_KEPT_RUN.findall(folded))


def words(text: str) -> list[str]:
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def content_hash(text: str) -> str:
    """sha256 hex of the normalised text (case, spacing and punctuation do not count)."""
    return hashlib.sha256(normalize_text(text).encode("utf-8")).hexdigest()


def simhash(text: str) -> int:
    """64-bit SimHash over word 3-shingles, as a signed int (fits SQL BIGINT); 0 for empty text."""
    tokens = words(text)
    if not tokens:
        return 0
    if len(tokens) < SHINGLE_WORDS:
        shingles = [" ".join(tokens)]
    else:
        # Consecutive SHINGLE_WORDS-word windows; the shorter slices end the zip.
        windows = zip(*(tokens[i:] for i in range(SHINGLE_WORDS)), strict=False)
        shingles = [" ".join(window) for window in windows]
    # Each shingle's 64-bit hash is its 8-byte digest read big-endian; the digests are unpacked
    # to bits all at once (column c holds bit 63 - c) instead of one int and shift per shingle.
    # Repeated shingles weigh more, as in Charikar's weighted SimHash.
    digests = b"".join([_digest64(s.encode("utf-8")) for s in shingles])
    bits = np.unpackbits(np.frombuffer(digests, dtype=np.uint8).reshape(-1, 8), axis=1)
    votes = 2 * bits.sum(axis=0, dtype=np.int64) - len(shingles)
    value = 0
    for column in np.flatnonzero(votes > 0):
        value |= 1 << (63 - int(column))
    return to_signed64(value)


def hamming(a: int, b: int) -> int:
    """Number of differing bits between two 64-bit hashes (signed or unsigned)."""
    return ((a ^ b) & _MASK64).bit_count()


def is_near_duplicate(
    a_hash: int, b_hash: int, max_distance: int = NEAR_DUPLICATE_DISTANCE
) -> bool:
    """True when two SimHashes are within ``max_distance`` bits; 0 (no text) matches nothing."""
    if a_hash == 0 or b_hash == 0:
        return False
    return hamming(a_hash, b_hash) <= max_distance


def to_signed64(value: int) -> int:
    value &= _MASK64
    return value - (1 << 64) if value >= 1 << 63 else value


def _digest64(shingle: bytes) -> bytes:
    return hashlib.blake2b(shingle, digest_size=8).digest()
