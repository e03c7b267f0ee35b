"""Users, sessions, failed logins and the secrets of the API and feed tokens.

Tokens arrive here already hashed (``accounts.tokens.token_hash``): nothing stored is usable as is.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Row, delete, func, insert, select, update

from newsloom.accounts.records import Session, User
from newsloom.errors import AccountError
from newsloom.store._errors import store_errors
from newsloom.store.schema import (
    api_tokens,
    feed_tokens,
    login_attempts,
    sessions,
    users,
)


def _user(row: Row[Any]) -> User:
    return User(
        id=row.id,
        name=row.name,
        is_admin=bool(row.is_admin),
        created=row.created,
        email=row.email,
        digest=bool(row.digest),
        last_visit=row.last_visit,
        previous_visit=row.previous_visit,
        has_api_password=bool(row.api_password_hash),
    )


@store_errors
def add_user(
    conn: Connection, name: str, password_hash: str, *, is_admin: bool, now: datetime
) -> User:
    """A new user; AccountError when the name is taken."""
    if conn.execute(select(users.c.id).where(users.c.name == name)).first() is not None:
        raise AccountError(f"accounts: user {name!r} already exists")
    new_id = conn.execute(
        insert(users)
        .values(
            name=name,
            password_hash=password_hash,
            api_password_hash="",
            is_admin=is_admin,
            email="",
            digest=False,
            created=now,
        )
        .returning(users.c.id)
    ).scalar_one()
    found = get_user(conn, int(new_id))
    assert found is not None
    return found


@store_errors
def get_user(conn: Connection, user_id: int) -> User | None:
    row = conn.execute(select(users).where(users.c.id == user_id)).first()
    return _user(row) if row is not None else None


@store_errors
def user_by_name(conn: Connection, name: str) -> User | None:
    row = conn.execute(select(users).where(users.c.name == name)).first()
    return _user(row) if row is not None else None


@store_errors
def password_hash_of(conn: Connection, name: str, *, api: bool = False) -> tuple[int, str] | None:
    """(user id, the stored hash) of the login password, or the API password with ``api``."""
    column = users.c.api_password_hash if api else users.c.password_hash
    row = conn.execute(select(users.c.id, column).where(users.c.name == name)).first()
    return (int(row[0]), str(row[1])) if row is not None else None


@store_errors
def list_users(conn: Connection) -> list[User]:
    return [_user(r) for r in conn.execute(select(users).order_by(users.c.name)).all()]


@store_errors
def remove_user(conn: Connection, name: str) -> bool:
    """Delete the user and, by cascade, everything of theirs."""
    return conn.execute(delete(users).where(users.c.name == name)).rowcount > 0


@store_errors
def set_password(conn: Connection, user_id: int, password_hash: str, *, api: bool = False) -> bool:
    """A new (or rehashed) password. A new login password ends every session of the user."""
    column = "api_password_hash" if api else "password_hash"
    done = conn.execute(
        update(users).where(users.c.id == user_id).values({column: password_hash})
    ).rowcount
    if api:  # a reader app signed in with the old one must sign in again
        conn.execute(delete(api_tokens).where(api_tokens.c.user_id == user_id))
    else:
        conn.execute(delete(sessions).where(sessions.c.user_id == user_id))
    return done > 0


@store_errors
def rehash_password(conn: Connection, user_id: int, password_hash: str, *, api: bool) -> None:
    """The same password under today's hashing parameters; sessions and tokens stay."""
    column = "api_password_hash" if api else "password_hash"
    conn.execute(update(users).where(users.c.id == user_id).values({column: password_hash}))


@store_errors
def update_profile(conn: Connection, user_id: int, *, email: str, digest: bool) -> None:
    conn.execute(update(users).where(users.c.id == user_id).values(email=email, digest=digest))


@store_errors
def record_visit(conn: Connection, user_id: int, now: datetime, *, gap: Any) -> User | None:
    """Note a visit of the personal page. A visit more than ``gap`` after the last one starts a
    new one: "new since your last visit" then counts from that last visit."""
    row = conn.execute(select(users).where(users.c.id == user_id)).first()
    if row is None:
        return None
    values: dict[str, Any] = {"last_visit": now}
    if row.last_visit is None or now - row.last_visit > gap:
        values["previous_visit"] = row.last_visit
    conn.execute(update(users).where(users.c.id == user_id).values(values))
    return get_user(conn, user_id)


# -- sessions -------------------------------------------------------------------------------------


@store_errors
def add_session(
    conn: Connection, user_id: int, token_hash: str, csrf: str, *, now: datetime, expires: datetime
) -> None:
    conn.execute(delete(sessions).where(sessions.c.expires < now))  # tidy as we go
    conn.execute(
        insert(sessions).values(
            token_hash=token_hash, user_id=user_id, csrf=csrf, created=now, expires=expires
        )
    )


@store_errors
def session_of(conn: Connection, token_hash: str, now: datetime) -> Session | None:
    """The live session with this token hash, with its user; None when unknown or expired."""
    row = conn.execute(
        select(sessions.c.csrf, sessions.c.expires, users)
        .join(users, users.c.id == sessions.c.user_id)
        .where(sessions.c.token_hash == token_hash, sessions.c.expires > now)
    ).first()
    if row is None:
        return None
    return Session(user=_user(row), csrf=row.csrf, expires=row.expires)


@store_errors
def end_session(conn: Connection, token_hash: str) -> None:
    conn.execute(delete(sessions).where(sessions.c.token_hash == token_hash))


@store_errors
def end_sessions_of(conn: Connection, user_id: int) -> None:
    conn.execute(delete(sessions).where(sessions.c.user_id == user_id))


# -- failed logins --------------------------------------------------------------------------------


@store_errors
def record_failure(conn: Connection, account: str, client: str, now: datetime) -> None:
    # Rows older than a day count for nothing: dropped here so the table stays small.
    conn.execute(delete(login_attempts).where(login_attempts.c.at < now - timedelta(days=1)))
    conn.execute(insert(login_attempts).values(account=account[:64], client=client[:64], at=now))


@store_errors
def failures_since(conn: Connection, account: str, client: str, since: datetime) -> tuple[int, int]:
    """(failures for this account name, failures from this client) since ``since``."""
    recent = login_attempts.c.at >= since
    by_account = conn.execute(
        select(func.count()).where(recent, login_attempts.c.account == account[:64])
    ).scalar_one()
    by_client = conn.execute(
        select(func.count()).where(recent, login_attempts.c.client == client[:64])
    ).scalar_one()
    return int(by_account), int(by_client)


@store_errors
def clear_failures(conn: Connection, account: str, before: datetime) -> None:
    """A successful login forgets the account's failures (not the address's); old rows go too."""
    conn.execute(delete(login_attempts).where(login_attempts.c.account == account[:64]))
    conn.execute(delete(login_attempts).where(login_attempts.c.at < before))


# -- API and feed tokens --------------------------------------------------------------------------


@store_errors
def add_api_token(conn: Connection, user_id: int, token_hash: str, now: datetime) -> None:
    conn.execute(insert(api_tokens).values(token_hash=token_hash, user_id=user_id, created=now))


@store_errors
def user_of_api_token(conn: Connection, token_hash: str) -> User | None:
    row = conn.execute(
        select(users)
        .join(api_tokens, api_tokens.c.user_id == users.c.id)
        .where(api_tokens.c.token_hash == token_hash)
    ).first()
    return _user(row) if row is not None else None


@store_errors
def set_feed_token(conn: Connection, user_id: int, token_hash: str, now: datetime) -> None:
    """The user's feed secret; the previous one (and every URL made with it) stops working."""
    conn.execute(delete(feed_tokens).where(feed_tokens.c.user_id == user_id))
    conn.execute(insert(feed_tokens).values(user_id=user_id, token_hash=token_hash, created=now))


@store_errors
def has_feed_token(conn: Connection, user_id: int) -> bool:
    found = conn.execute(select(feed_tokens.c.user_id).where(feed_tokens.c.user_id == user_id))
    return found.first() is not None


@store_errors
def user_of_feed_token(conn: Connection, token_hash: str) -> User | None:
    row = conn.execute(
        select(users)
        .join(feed_tokens, feed_tokens.c.user_id == users.c.id)
        .where(feed_tokens.c.token_hash == token_hash)
    ).first()
    return _user(row) if row is not None else None


# -- the daily digest -------------------------------------------------------------------------------


@store_errors
def digest_due(conn: Connection, before: datetime) -> list[tuple[User, datetime | None]]:
    """(user, when their last digest went) of users who asked for one, have an address, and got
    none since ``before``."""
    query = (
        select(users)
        .where(
            users.c.digest.is_(True),
            users.c.email != "",
            (users.c.digest_sent.is_(None)) | (users.c.digest_sent < before),
        )
        .order_by(users.c.id)
    )
    return [(_user(r), r.digest_sent) for r in conn.execute(query).all()]


@store_errors
def digest_sent(conn: Connection, user_id: int, now: datetime) -> None:
    conn.execute(update(users).where(users.c.id == user_id).values(digest_sent=now))
