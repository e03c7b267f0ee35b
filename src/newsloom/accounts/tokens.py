"""Secret tokens: sessions, API auth, feed URLs, CSRF. Only their hash is ever stored."""

from __future__ import annotations

import hashlib
import hmac
import secrets

TOKEN_BYTES = 32  # 256 bits: not guessable, whatever the rate of tries


def new_token() -> str:
    """A URL-safe random token (43 characters)."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_hash(token: str) -> str:
    """What the database keeps: a stolen database copy holds no usable session or feed URL.

    SHA-256 without salt is enough here (unlike passwords): the token has 256 random bits."""
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def same(given: str, expected: str) -> bool:
    """Constant-time comparison of two tokens."""
    return hmac.compare_digest(
        given.encode("utf-8", "replace"), expected.encode("utf-8", "replace")
    )
