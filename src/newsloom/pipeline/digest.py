"""Send the daily digest: each user who asked for one gets their new stories by e-mail, once a
day at most (``newsloom users digest``, from cron or a timer).

``pick`` chooses each user's stories (``web.mystories.digest_stories``: their follows without
their mutes, as ``/my`` lists them, updated since their last digest and unread); the command that
runs this passes it in, so that wiring never imports the web app. One user's failure is reported
and the others go on.
"""

from __future__ import annotations

import smtplib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import Connection

import newsloom.store.accounts as accounts_db
from newsloom.accounts.digest import DigestStory, compose
from newsloom.accounts.records import User
from newsloom.errors import AccountError
from newsloom.settings import Settings
from newsloom.store import Store

DAY = timedelta(days=1)
SMTP_TIMEOUT = 30.0
SmtpFactory = Callable[..., smtplib.SMTP]
# (connection, user, since, now) -> the stories of their digest
StoryPicker = Callable[[Connection, User, datetime, datetime], list[DigestStory]]


@dataclass
class DigestReport:
    sent: int = 0
    skipped: int = 0  # nothing new for them
    errors: list[str] = field(default_factory=list)


def send_digests(
    settings: Settings,
    store: Store,
    now: datetime,
    pick: StoryPicker,
    smtp: SmtpFactory = smtplib.SMTP,
) -> DigestReport:
    if not settings.smtp_host:
        raise AccountError("accounts: the digest needs smtp_host (and smtp_from) in the settings")
    sender = settings.smtp_from or f"newsloom@{settings.smtp_host}"
    report = DigestReport()
    with store.read() as conn:
        due = accounts_db.digest_due(conn, now - DAY + timedelta(minutes=30))
    for user, last in due:
        since = max(last, now - DAY) if last is not None else now - DAY
        with store.read() as conn:
            stories = pick(conn, user, since, now)
        if not stories:
            report.skipped += 1
            continue
        message = compose(
            to=user.email,
            sender=sender,
            user_name=user.name,
            site_title=settings.site_title,
            site_url=settings.site_url,
            stories=stories,
            now=now,
        )
        try:
            with smtp(settings.smtp_host, settings.smtp_port, timeout=SMTP_TIMEOUT) as server:
                if settings.smtp_starttls:
                    server.starttls()
                if settings.smtp_user:
                    server.login(settings.smtp_user, settings.smtp_password)
                server.send_message(message)
        except (OSError, smtplib.SMTPException) as exc:
            report.errors.append(f"accounts: digest for {user.name} not sent: {exc}")
            continue
        with store.write() as conn:
            accounts_db.digest_sent(conn, user.id, now)
        report.sent += 1
    return report
