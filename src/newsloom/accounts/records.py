"""Records of the personal layer: users, their sessions, follows and mutes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

FollowKind = Literal["category", "source", "search"]
MuteKind = Literal["source", "keyword"]
FOLLOW_KINDS: tuple[FollowKind, ...] = ("category", "source", "search")
MUTE_KINDS: tuple[MuteKind, ...] = ("source", "keyword")


@dataclass(frozen=True)
class User:
    id: int
    name: str
    is_admin: bool
    created: datetime
    email: str = ""
    digest: bool = False  # a daily e-mail of the user's stories
    last_visit: datetime | None = None
    previous_visit: datetime | None = None  # "new since your last visit" counts from here
    has_api_password: bool = False


@dataclass(frozen=True)
class Session:
    """A signed-in browser: the user and this session's CSRF token."""

    user: User
    csrf: str
    expires: datetime


@dataclass(frozen=True)
class Follow:
    id: int
    kind: FollowKind
    value: str  # category slug, source id (as text) or search query


@dataclass(frozen=True)
class Mute:
    id: int
    kind: MuteKind
    value: str  # source id (as text) or a keyword, lower case


@dataclass(frozen=True)
class ReadMark:
    """The summary version a user saw of a story (0: read before any summary existed)."""

    story_id: int
    version: int
