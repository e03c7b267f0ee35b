"""Story importance for ordering front pages and feeds.

The formula, for a story with W weighted distinct outlets and n articles (copies included):

    importance(now) = (coverage + velocity(now)) * decay(now)
    coverage        = ln(1 + W)       W = sum of one weight per distinct outlet (1.0 = ordinary)
    velocity(now)   = ln(1 + v)       v = articles per hour over the last 6 h before ``now``
    decay(now)      = 0.5 ** (hours since the last article / 12)

The store keeps each story's importance *as of its last article* (``stored_importance``: decay 1,
velocity of the hours that led up to it). Pages and feeds rank at request time by
``current_importance(stored, last_updated, now) = stored * decay(now)``. Because the decay is
exponential, that order is the order of ``log2(stored) + hours(last_updated) / 12`` and never
changes while no story changes: the front page does not reshuffle between two refreshes.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, timedelta

VELOCITY_WINDOW = timedelta(hours=6)
HALF_LIFE_HOURS = 12.0
DEFAULT_OUTLET_WEIGHT = 1.0


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
    return (coverage + velocity) * decay(last_updated, now)


def stored_importance(
    *,
    n_outlets: int,
    n_articles: int,
    first_seen: datetime,
    last_updated: datetime,
    outlet_weights: Sequence[float] = (),
) -> float:
    """The importance to store: ``importance`` evaluated at the story's last article (decay 1).

    Readers apply the decay for their own clock with ``current_importance``.
    """
    return importance(
        n_outlets=n_outlets,
        n_articles=n_articles,
        first_seen=first_seen,
        last_updated=last_updated,
        now=last_updated,
        outlet_weights=outlet_weights,
    )


def decay(last_updated: datetime, now: datetime) -> float:
    """0.5 ** (hours since last_updated / 12); 1.0 for a future last_updated."""
    age_hours = max(0.0, (now - last_updated).total_seconds() / 3600.0)
    return 0.5 ** (age_hours / HALF_LIFE_HOURS)


def current_importance(stored: float, last_updated: datetime, now: datetime) -> float:
    """A stored importance decayed to ``now``: what pages and feeds rank by."""
    return max(0.0, stored) * decay(last_updated, now)


def outlet_weights_for(hosts: Iterable[str], configured: Mapping[str, float]) -> tuple[float, ...]:
    """One weight per distinct host, from ``configured`` (host -> weight; 1.0 when absent).

    A configured domain also covers its subdomains: "example.org" weighs "www.example.org" too;
    the longest configured match wins.
    """
    weights: list[float] = []
    for host in dict.fromkeys(h.lower().strip(".") for h in hosts if h):
        weights.append(_weight_of(host, configured))
    return tuple(weights)


def _weight_of(host: str, configured: Mapping[str, float]) -> float:
    labels = host.split(".")
    for start in range(len(labels)):
        found = configured.get(".".join(labels[start:]))
        if found is not None:
            if found < 0:
                raise ValueError(f"rank: outlet weight of {host} must not be negative")
            return float(found)
    return DEFAULT_OUTLET_WEIGHT


def _recent_articles(n: int, first_seen: datetime, last_updated: datetime, now: datetime) -> float:
    """Estimated number of the story's articles published within the velocity window."""
    start, end = min(first_seen, last_updated), max(first_seen, last_updated)
    window_start = now - VELOCITY_WINDOW
    span = (end - start).total_seconds()
    if span <= 0:
        return float(n) if end > window_start else 0.0
    overlap = (min(end, now) - max(start, window_start)).total_seconds()
    return n * max(0.0, overlap) / span


def rank_key(stored: float, last_updated: datetime) -> float:
    """A number that orders stories as ``current_importance`` does at any ``now``.

    log2(stored) + hours(last_updated) / 12 = log2(current_importance(now)) + hours(now) / 12, so
    the order needs no clock and never underflows, however old the stories are. A story whose
    stored importance is 0 (or less) gets -inf and sorts after every other.
    """
    if stored <= 0:
        return -math.inf
    return math.log2(stored) + last_updated.timestamp() / 3600.0 / HALF_LIFE_HOURS
