"""Deduplication: pure functions that decide whether two articles are the same.

Precedence when an incoming entry meets the stored articles (the pipeline applies it in this order):

1. **Same canonical URL** (``canonical_url``): the same article, whatever the feed says. Tracking
   parameters, AMP/mobile hosts, default ports, fragments and slash/percent-encoding variants do not
   make a new article.
2. **Same guid from the same source**: the same article even if its URL changed (feeds re-publish
   under new URLs). A guid is only trusted within its source; two outlets may reuse "1234".
3. **Same text**: a copy (wire story re-published by another outlet, or under another URL) if the
   ``content_hash`` is equal, or the ``simhash`` values are within ``NEAR_DUPLICATE_DISTANCE`` bits
   and the text has at least ``MIN_WORDS_FOR_NEAR_DUPLICATE`` words (short texts give noisy
   SimHashes). A copy is stored with ``copy_of`` = the earliest article with that text.
"""

from newsloom.dedup.hashing import (
    MIN_WORDS_FOR_NEAR_DUPLICATE,
    NEAR_DUPLICATE_DISTANCE,
    content_hash,
    hamming,
    is_near_duplicate,
    simhash,
)
from newsloom.dedup.nearcopy import NearCopyIndex, long_enough_for_near_copy
from newsloom.dedup.urls import TRACKING_PARAMS, canonical_url, site_host

__all__ = [
    "MIN_WORDS_FOR_NEAR_DUPLICATE",
    "NEAR_DUPLICATE_DISTANCE",
    "TRACKING_PARAMS",
    "NearCopyIndex",
    "canonical_url",
    "content_hash",
    "hamming",
    "is_near_duplicate",
    "long_enough_for_near_copy",
    "simhash",
    "site_host",
]
