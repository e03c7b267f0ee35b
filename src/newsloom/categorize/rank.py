"""Story importance for ordering front pages and feeds."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import datetime, timedelta

VELOCITY_WINDOW = timedelta(hours=6)
HALF_LIFE_HOURS = 12.0


def importance(
    *,
    n_outlets: int,
    n_articles: int,
    first_seen: datetime,
    last_updated: datetime,
    now: datetime,
    outlet_weights: Sequence[float] = (),
) -> float:
    """Importance of a story: ``(coverage + velocity) * decay``.

    - coverage = ln(1 + W), where W = sum(outlet_weights) when weights are given (one per distinct
      outlet, 1.0 = an ordinary outlet), else W = n_outlets.
    - velocity = ln(1 + v), where v = articles per hour over the last 6 h. Articles are taken as
      spread evenly over [first_seen, last_updated], so v = n_articles x (share of that span
      inside (now - 6 h, now]) / 6; a span of zero length counts fully when it is in the window.
    - decay = 0.5 ** (hours since last_updated / 12): a half-life of 12 h (no decay if
      last_updated is in the future).

    Example: 3 outlets, 6 articles, first seen 4 h ago, updated now -> coverage ln 4, v = 1/h,
    velocity ln 2, decay 1: importance = ln 8 = 2.0794. The same story 12 h later (nothing new)
    has v = 0 and decay 0.5: importance = ln 4 / 2 = ln 2 = 0.6931.
    """
    if n_outlets < 0 or n_articles < 0:
        raise ValueError("rank: n_outlets and n_articles must not be negative")
    if any(w < 0 for w in outlet_weights):
        raise ValueError("rank: outlet weights must not be negative")
    weight = float(sum(outlet_weights)) if outlet_weights else float(n_outlets)
    coverage = math.log1p(weight)
    velocity = math.log1p(_recent_articles(n_articles, first_seen, last_updated, now) / 6.0)
    age_hours = max(0.0, (now - last_updated).total_seconds() / 3600.0)
    return (coverage + velocity) * 0.5 ** (age_hours / HALF_LIFE_HOURS)


def _recent_articles(n: int, first_seen: datetime, last_updated: datetime, now: datetime) -> float:
    """Estimated number of the story's articles published within the velocity window."""
    start, end = min(first_seen, last_updated), max(first_seen, last_updated)
    window_start = now - VELOCITY_WINDOW
    span = (end - start).total_seconds()
    if span <= 0:
        return float(n) if end > window_start else 0.0
    overlap = (min(end, now) - max(start, window_start)).total_seconds()
    return n * max(0.0, overlap) / span
