"""Small HTML fragments built in Python: the ones a page repeats dozens of times.

A Jinja macro call costs about as much as rendering the fragment ten times over, so the fragments
inside loops (times, cited sentences, article links) are filters. Every value is escaped by
``Markup``'s ``%`` formatting; the output is the macros' output, byte for byte.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Protocol
from urllib.parse import urlsplit

from markupsafe import Markup, escape


class _Citation(Protocol):
    @property
    def number(self) -> int: ...

    @property
    def anchor(self) -> str: ...


class _Sentence(Protocol):
    @property
    def text(self) -> str: ...

    @property
    def citations(self) -> tuple[_Citation, ...]: ...


class _Linked(Protocol):
    @property
    def url(self) -> str: ...

    @property
    def title(self) -> str: ...


_TIME = Markup('<time datetime="%s">%s</time>')
# The exact time twice: on hover (title) and for screen readers, which often skip titles.
_RELATIVE = Markup(
    '<time datetime="%s" title="%s">%s<span class="visually-hidden"> (%s)</span></time>'
)
_CITE = Markup(' <a class="cite" href="#%s" aria-label="Source %s">[%s]</a>')
_LINK = Markup('<a href="%s" rel="noopener noreferrer nofollow">%s</a>')


def time_label(moment: datetime) -> str:
    """'3 Jun 2026, 18:00 UTC': absolute, so pages do not depend on when they are viewed."""
    utc = moment.astimezone(UTC)
    return f"{utc.day} {utc:%b %Y, %H:%M} UTC"


def iso_time(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def safe_href(url: str) -> str:
    """The URL if it is http(s), else "": feeds may carry javascript: or data: links."""
    parts = urlsplit(url.strip())
    return url.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else ""


def relative_label(moment: datetime, now: datetime) -> str:
    """'just now', '12 min ago', '3 h ago', '2 days ago'; the date past a week (or if ahead)."""
    seconds = (now - moment).total_seconds()
    if seconds < -60 or seconds >= 7 * 86400:
        utc = moment.astimezone(UTC)
        return f"{utc.day} {utc:%b %Y}"
    if seconds < 60:
        return "just now"
    if seconds < 3600:
        return f"{int(seconds // 60)} min ago"
    if seconds < 86400:
        return f"{int(seconds // 3600)} h ago"
    days = int(seconds // 86400)
    return "yesterday" if days == 1 else f"{days} days ago"


def when(moment: datetime, now: datetime | None = None) -> Markup:
    """``<time datetime="...Z" title="3 Jun 2026, 18:00 UTC">3 h ago</time>``: the age a reader
    wants at a glance, the exact time on hover and for machines. Without ``now``, the exact time.

    Pages are rendered without scripts, so the age is the server's at render time; cached pages
    are at most minutes old."""
    if now is None:
        return _TIME % (iso_time(moment), time_label(moment))
    label = time_label(moment)
    return _RELATIVE % (iso_time(moment), label, relative_label(moment, now), label)


def sentence(item: _Sentence) -> Markup:
    """The statement's text followed by its numbered citation links."""
    cites = [_CITE % (c.anchor, c.number, c.number) for c in item.citations]
    return escape(item.text) + Markup("").join(cites)


def article_link(ref: _Linked) -> Markup:
    """A link to the article (the title alone when its URL is not http(s))."""
    href = safe_href(ref.url)
    return _LINK % (href, ref.title) if href else escape(ref.title)
