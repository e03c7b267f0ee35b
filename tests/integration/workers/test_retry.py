"""Which database errors the store retries: a server going away yes, wrong settings no."""

from __future__ import annotations

import psycopg
import pytest
from psycopg import errors as pg_errors
from sqlalchemy.exc import IntegrityError, OperationalError

from newsloom.errors import StoreError
from newsloom.store.engine import connection_lost


def _wrapped(orig: Exception, kind: type[Exception] = OperationalError) -> StoreError:
    """What a store function raises: StoreError from SQLAlchemy's error from the driver's."""
    try:
        try:
            raise kind("SELECT 1", {}, orig)  # type: ignore[call-arg]
        except Exception as exc:
            raise StoreError(f"store: read failed: {exc}") from exc
    except StoreError as store_error:
        return store_error


@pytest.mark.parametrize(
    "orig",
    [
        pg_errors.AdminShutdown("terminating connection due to administrator command"),
        pg_errors.CannotConnectNow("the database system is starting up"),
        pg_errors.SerializationFailure("could not serialize access"),
        pg_errors.DeadlockDetected("deadlock detected"),
        psycopg.OperationalError("connection failed: Connection refused"),
        psycopg.OperationalError("server closed the connection unexpectedly"),
    ],
)
def test_lost_connections_and_concurrency_rollbacks_are_retried(orig: Exception) -> None:
    assert connection_lost(_wrapped(orig))


@pytest.mark.parametrize(
    "orig",
    [
        psycopg.OperationalError('FATAL:  password authentication failed for user "newsloom"'),
        psycopg.OperationalError('FATAL:  database "newsloom" does not exist'),
        pg_errors.QueryCanceled("canceling statement due to statement timeout"),
    ],
)
def test_wrong_settings_and_cancelled_statements_are_not(orig: Exception) -> None:
    assert not connection_lost(_wrapped(orig))


def test_constraint_violations_are_not() -> None:
    duplicate = pg_errors.UniqueViolation("duplicate key value")
    assert not connection_lost(_wrapped(duplicate, IntegrityError))
    assert not connection_lost(StoreError("store: no source with id 3"))
