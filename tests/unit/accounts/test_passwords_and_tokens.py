"""Password policy, Argon2 hashing with rehash, and tokens."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher

from newsloom.accounts.passwords import (
    check_name,
    check_password,
    hash_password,
    verify_password,
)
from newsloom.accounts.tokens import new_token, same, token_hash
from newsloom.errors import AccountError


def test_argon2id_hash_verifies_the_password_and_nothing_else() -> None:
    stored = hash_password("correct horse battery")
    assert stored.startswith("$argon2id$")
    assert verify_password(stored, "correct horse battery") == (True, None)
    assert verify_password(stored, "correct horse batterY") == (False, None)
    assert verify_password("", "anything at all") == (False, None)
    assert verify_password("not a hash", "anything at all") == (False, None)


def test_a_hash_made_with_old_parameters_is_rehashed_on_login() -> None:
    weak = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1).hash("correct horse battery")
    ok, rehashed = verify_password(weak, "correct horse battery")
    assert ok
    assert rehashed is not None and rehashed != weak
    assert verify_password(rehashed, "correct horse battery") == (True, None)


@pytest.mark.parametrize("bad", ["short", " " * 12, "x" * 1025])
def test_password_policy_refuses(bad: str) -> None:
    with pytest.raises(AccountError, match=r"^accounts: "):
        check_password(bad)


@pytest.mark.parametrize("bad", ["", "-leading", "has space", "a" * 65, "é"])
def test_user_names_are_simple(bad: str) -> None:
    with pytest.raises(AccountError):
        check_name(bad)
    assert check_name("  Alice.B ") == "alice.b"


def test_tokens_are_random_and_stored_hashed() -> None:
    first, second = new_token(), new_token()
    assert first != second and len(first) >= 43
    assert token_hash(first) != first and len(token_hash(first)) == 64
    assert same(first, first) and not same(first, second)
