"""Login rate limits: failures counted per account and per client address over a window.

Counted in the database (``store.accounts``), so the limit holds across every web worker."""

from __future__ import annotations

from datetime import timedelta

WINDOW = timedelta(minutes=15)
PER_ACCOUNT = 5  # wrong passwords for one name, from anywhere
PER_CLIENT = 20  # wrong passwords from one address, whatever the name


def limited(account_failures: int, client_failures: int) -> bool:
    return account_failures >= PER_ACCOUNT or client_failures >= PER_CLIENT
