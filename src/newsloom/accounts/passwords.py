"""Password policy and Argon2id hashing (argon2-cffi's PasswordHasher, its current defaults)."""

from __future__ import annotations

import re

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from newsloom.errors import AccountError

MIN_PASSWORD = 10
MAX_PASSWORD = 1024  # hashing a megabyte per login try would be a cheap denial of service
NAME = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")

_hasher = PasswordHasher()


def check_name(name: str) -> str:
    """A user name: 1-64 of a-z 0-9 . _ -, starting with a letter or digit; lower-cased."""
    folded = name.strip().lower()
    if not NAME.match(folded):
        raise AccountError(
            "accounts: a user name is 1-64 characters of a-z, 0-9, '.', '_' or '-', "
            "starting with a letter or digit"
        )
    return folded


def check_password(password: str) -> str:
    """The policy: long enough to resist guessing, short enough to hash cheaply."""
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"accounts: a password needs at least {MIN_PASSWORD} characters")
    if len(password) > MAX_PASSWORD:
        raise AccountError(f"accounts: a password may have at most {MAX_PASSWORD} characters")
    if not password.strip():
        raise AccountError("accounts: a password cannot be only spaces")
    return password


def hash_password(password: str) -> str:
    return _hasher.hash(check_password(password))


def verify_password(stored: str, given: str) -> tuple[bool, str | None]:
    """(matches, new hash or None). A new hash is given when the stored one was made with other
    parameters than today's, so that every login moves old hashes to the current cost."""
    if not stored or len(given) > MAX_PASSWORD:
        return False, None
    try:
        _hasher.verify(stored, given)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False, None
    if _hasher.check_needs_rehash(stored):
        return True, _hasher.hash(given)
    return True, None


# A hash to verify against when the user does not exist, so that a wrong name costs the same
# time as a wrong password and does not tell which names exist.
DUMMY_HASH = _hasher.hash("newsloom: no such user, constant-time refusal")
