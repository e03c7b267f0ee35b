"""The daily digest, sent to a real SMTP server (aiosmtpd) on 127.0.0.1."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from email import message_from_bytes
from email.message import Message
from functools import partial
from pathlib import Path
from typing import Any

import pytest

import newsloom.store.accounts as accounts_db
import newsloom.store.personal as personal_db
from newsloom.errors import AccountError
from newsloom.pipeline.digest import send_digests
from newsloom.web.mystories import digest_stories
from tests.unit.web.conftest import NOW, Newsroom, build_newsroom
from tests.unit.web.signin import make_user

controller_module = pytest.importorskip("aiosmtpd.controller")
PICK = partial(digest_stories, site_url="https://news.example.org/")


class Inbox:
    def __init__(self) -> None:
        self.messages: list[tuple[list[str], Message]] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append((list(envelope.rcpt_tos), message_from_bytes(envelope.content)))
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def inbox() -> Iterator[tuple[Inbox, int]]:
    box = Inbox()
    port = _free_port()
    controller = controller_module.Controller(box, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield box, port
    finally:
        controller.stop()


@pytest.fixture
def room(tmp_path: Path) -> Iterator[Newsroom]:
    built = build_newsroom(tmp_path)
    yield built
    built.store.close()


def _text(message: Message) -> str:
    parts = [p.get_payload(decode=True) for p in message.walk() if not p.is_multipart()]
    return "\n".join(p.decode("utf-8") for p in parts if isinstance(p, bytes))


def _subscriber(room: Newsroom, name: str, email: str, *, digest: bool = True) -> int:
    user_id = make_user(room.store, name)
    with room.store.write() as conn:
        accounts_db.update_profile(conn, user_id, email=email, digest=digest)
    return user_id


def test_digest_reaches_the_inbox_once_a_day_with_mutes_applied(
    room: Newsroom, inbox: tuple[Inbox, int]
) -> None:
    box, port = inbox
    ada = _subscriber(room, "ada", "ada@example.org")
    _subscriber(room, "bob", "bob@example.org", digest=False)
    _subscriber(room, "cy", "")  # asked, but no address
    with room.store.write() as conn:
        personal_db.add_follow(conn, ada, "category", "science", NOW)
        personal_db.add_follow(conn, ada, "category", "climate", NOW)
        personal_db.add_mute(conn, ada, "keyword", "partner", NOW)
        personal_db.mark_read(conn, ada, [room.dam], NOW)
    settings = room.settings.model_copy(
        update={
            "smtp_host": "127.0.0.1",
            "smtp_port": port,
            "smtp_starttls": False,
            "smtp_from": "news@example.org",
        }
    )
    report = send_digests(settings, room.store, NOW, PICK)
    assert (report.sent, report.errors) == (1, [])
    assert len(box.messages) == 1
    recipients, message = box.messages[0]
    assert recipients == ["ada@example.org"] and message["From"] == "news@example.org"
    body = _text(message)
    assert "Moon race heats up" in body and "https://news.example.org/science/" in body
    assert "third partner" not in body  # muted
    assert "Dam" not in body  # already read
    assert "<script>" not in body
    again = send_digests(settings, room.store, NOW, PICK)
    assert again.sent == 0 and len(box.messages) == 1  # once a day


def test_an_unreachable_server_is_reported_and_retried_next_time(room: Newsroom) -> None:
    _subscriber(room, "dee", "dee@example.org")
    settings = room.settings.model_copy(
        update={"smtp_host": "127.0.0.1", "smtp_port": _free_port(), "smtp_starttls": False}
    )
    report = send_digests(settings, room.store, NOW, PICK)
    assert report.sent == 0 and report.errors and report.errors[0].startswith("accounts: digest")
    with room.store.read() as conn:
        assert [u.name for u, _ in accounts_db.digest_due(conn, NOW)] == ["dee"]


def test_no_smtp_host_is_a_clear_error(room: Newsroom) -> None:
    with pytest.raises(AccountError, match="smtp_host"):
        send_digests(room.settings, room.store, NOW, PICK)
