"""Send the daily digest: each user who asked for one gets their new stories by e-mail, once a
day at most (``newsloom users digest``, from cron or a timer).

The stories are the user's (follows, without mutes, as ``/my`` lists them) updated since their
last digest (a day at most), unread ones only. One user's failure is reported and the others go on.
"""

from __future__ import annotations

import smtplib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import newsloom.store.accounts as accounts_db
import newsloom.store.personal as personal_db
from newsloom.accounts.digest import MAX_STORIES, DigestStory, compose
from newsloom.errors import AccountError
from newsloom.settings import Settings
from newsloom.store import Store
from newsloom.web.mystories import personal_stories
from newsloom.web.urls import absolute
from newsloom.web.views import cards_by_ids, load_catalog

DAY = timedelta(days=1)
SMTP_TIMEOUT = 30.0
SmtpFactory = Callable[..., smtplib.SMTP]


@dataclass
class DigestReport:
    sent: int = 0
    skipped: int = 0  # nothing new for them
    errors: list[str] = field(default_factory=list)


def send_digests(
    settings: Settings, store: Store, now: datetime, smtp: SmtpFactory = smtplib.SMTP
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
            picked = personal_stories(conn, user.id, now=now, since=since)
            ids = [c.id for c in picked]
            marks = personal_db.read_marks(conn, user.id, ids)
            versions = personal_db.latest_versions(conn, ids)
            fresh = [i for i in ids if i not in marks or marks[i].version < versions.get(i, 0)]
            cards = cards_by_ids(conn, fresh[:MAX_STORIES], load_catalog(conn))
        if not cards:
            report.skipped += 1
            continue
        stories = [
            DigestStory(c.headline, absolute(settings.site_url, c.path), c.bullets) for c in cards
        ]
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
