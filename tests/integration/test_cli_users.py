"""newsloom users add|list|passwd|api-password|remove, against a real store."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import newsloom.store.accounts as accounts_db
from newsloom.accounts.passwords import verify_password
from newsloom.cli import main
from newsloom.settings import Settings
from newsloom.store import Store


def _stdin(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(text))


def _hash(data_dir: Path, name: str, *, api: bool = False) -> str:
    store = Store.open(Settings(data_dir=data_dir))
    try:
        with store.read() as conn:
            found = accounts_db.password_hash_of(conn, name, api=api)
    finally:
        store.close()
    assert found is not None
    return found[1]


def test_users_round_trip(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = ["--data-dir", str(tmp_path)]
    _stdin(monkeypatch, "first password here\n")
    assert main([*data, "users", "add", "Alice", "--admin", "--password-stdin"]) == 0
    _stdin(monkeypatch, "second password\n")
    assert main([*data, "users", "add", "bob", "--password-stdin"]) == 0
    capsys.readouterr()
    assert main([*data, "users", "list"]) == 0
    rows = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    assert [r[:3] for r in rows] == [["alice", "admin", "-"], ["bob", "user", "-"]]
    assert verify_password(_hash(tmp_path, "alice"), "first password here")[0]

    _stdin(monkeypatch, "a brand new password\n")
    assert main([*data, "users", "passwd", "alice", "--password-stdin"]) == 0
    assert verify_password(_hash(tmp_path, "alice"), "a brand new password")[0]

    capsys.readouterr()
    assert main([*data, "users", "api-password", "bob"]) == 0
    secret = capsys.readouterr().out.strip()
    assert verify_password(_hash(tmp_path, "bob", api=True), secret)[0]
    assert not verify_password(_hash(tmp_path, "bob"), secret)[0]  # the login one is another

    assert main([*data, "users", "remove", "bob"]) == 0
    capsys.readouterr()
    assert main([*data, "users", "list"]) == 0
    assert "bob" not in capsys.readouterr().out


def test_users_errors_are_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = ["--data-dir", str(tmp_path)]
    _stdin(monkeypatch, "short\n")
    assert main([*data, "users", "add", "carol", "--password-stdin"]) == 1
    assert capsys.readouterr().err.startswith("newsloom: accounts: a password needs")
    _stdin(monkeypatch, "long enough password\n")
    assert main([*data, "users", "add", "carol", "--password-stdin"]) == 0
    _stdin(monkeypatch, "long enough password\n")
    assert main([*data, "users", "add", "carol", "--password-stdin"]) == 1
    assert "already exists" in capsys.readouterr().err
    assert main([*data, "users", "remove", "nobody"]) == 1
    assert "accounts: no user" in capsys.readouterr().err
    _stdin(monkeypatch, "long enough password\n")
    assert main([*data, "users", "add", "bad name!", "--password-stdin"]) == 1
