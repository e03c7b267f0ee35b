"""Turn driver and SQLAlchemy failures into ``StoreError("store: <function>: ...")``."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from sqlalchemy import Connection
from sqlalchemy.exc import SQLAlchemyError

from newsloom.errors import StoreError

P = ParamSpec("P")
R = TypeVar("R")


def store_errors(fn: Callable[P, R]) -> Callable[P, R]:
    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return fn(*args, **kwargs)
        except SQLAlchemyError as exc:
            detail = getattr(exc, "orig", None) or exc
            raise StoreError(f"store: {fn.__name__} failed: {detail}") from exc

    return wrapper


def upsert_dialect(conn: Connection) -> str:
    """``sqlite`` or ``postgresql``: which dialect's INSERT ... ON CONFLICT to build."""
    name = conn.dialect.name
    if name not in ("sqlite", "postgresql"):
        raise StoreError(f"store: unsupported dialect {name}")
    return name
