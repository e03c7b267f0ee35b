"""The daily digest e-mail: a user's new and updated stories as text and HTML (no I/O here;
``pipeline/digest.py`` picks the users and sends it)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

from markupsafe import escape

MAX_STORIES = 30


@dataclass(frozen=True)
class DigestStory:
    headline: str
    link: str  # the story page, absolute
    bullets: tuple[str, ...]


def compose(
    *,
    to: str,
    sender: str,
    user_name: str,
    site_title: str,
    site_url: str,
    stories: Sequence[DigestStory],
    now: datetime,
) -> EmailMessage:
    """A multipart (text and HTML) message; every story's text is escaped in the HTML part."""
    shown = list(stories)[:MAX_STORIES]
    message = EmailMessage()
    message["Subject"] = (
        f"{site_title}: {len(shown)} new {'story' if len(shown) == 1 else 'stories'}"
    )
    message["From"] = sender
    message["To"] = to
    message["Date"] = format_datetime(now)
    message["Message-ID"] = make_msgid(domain="newsloom.invalid")
    lines = [f"Hello {user_name},", "", f"Your stories on {site_title} since the last digest:", ""]
    for story in shown:
        lines.append(story.headline)
        lines.extend(f"  - {b}" for b in story.bullets[:3])
        lines.extend([f"  {story.link}", ""])
    lines.append(f"Change what you follow or stop the digest: {site_url.rstrip('/')}/account")
    message.set_content("\n".join(lines))
    items = "".join(
        f'<li><a href="{escape(s.link)}">{escape(s.headline)}</a><ul>'
        + "".join(f"<li>{escape(b)}</li>" for b in s.bullets[:3])
        + "</ul></li>"
        for s in shown
    )
    account = escape(site_url.rstrip("/") + "/account")
    message.add_alternative(
        f"<html><body><p>Hello {escape(user_name)},</p>"
        f"<p>Your stories on {escape(site_title)} since the last digest:</p><ol>{items}</ol>"
        f'<p><a href="{account}">Change what you follow or stop the digest</a></p></body></html>',
        subtype="html",
    )
    return message
