"""Dates from feeds and pages, always timezone-aware UTC (naive values are taken as UTC)."""

from __future__ import annotations

import re
import time
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from feedparser.datetimes import _parse_date as feedparser_date

# Anything outside this range is a typo or a placeholder ("0001-01-01"), not a publication date.
_EARLIEST = datetime(1990, 1, 1, tzinfo=UTC)
_LATEST = datetime(2200, 1, 1, tzinfo=UTC)


# The longest date format feeds use is about 40 characters; a long string is not a date, and the
# fallback parsers' regular expressions should not be run over it.
MAX_DATE_CHARS = 100


def _plausible(moment: datetime) -> datetime | None:
    try:  # "0001-01-01T00:00:00+14:00" has no UTC equivalent: astimezone overflows
        moment = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
    except OverflowError:
        return None
    return moment if _EARLIEST <= moment < _LATEST else None


def from_struct(value: time.struct_time | None) -> datetime | None:
    """feedparser's ``*_parsed`` values are UTC struct_times."""
    if value is None:
        return None
    try:
        return _plausible(datetime(*value[:6], tzinfo=UTC))
    except (TypeError, ValueError, OverflowError):
        return None


# Day and month names of the languages news feeds most often localise RFC 822 dates in, against
# the spec ("mer, 16 nov 2022 00:38:15 +0100"). Keys are lower-case, without a trailing dot.
_MONTHS = {
    "jan": ("janv", "janvier", "gen", "genn", "gennaio", "ene", "enero", "januar", "jänner"),
    "feb": ("fév", "févr", "fevr", "février", "febbraio", "febrero", "februar", "fev", "fevereiro"),
    "mar": ("mars", "marzo", "mär", "märz", "maerz", "março", "maart"),
    "apr": ("avr", "avril", "aprile", "abr", "abril"),
    "may": ("mai", "mag", "maggio", "mayo", "maio", "mei"),
    "jun": ("juin", "giu", "giugno", "junio", "juni", "junho"),
    "jul": ("juil", "juillet", "lug", "luglio", "julio", "juli", "julho"),
    "aug": ("août", "aout", "ago", "agosto", "augusti"),
    "sep": ("sept", "septembre", "set", "settembre", "septiembre", "setembro"),
    "oct": ("octobre", "ott", "ottobre", "octubre", "okt", "oktober", "out", "outubro"),
    "nov": ("novembre", "noviembre", "november", "novembro"),
    "dec": ("déc", "décembre", "dic", "dicembre", "diciembre", "dez", "dezember", "dezembro"),
}
_MONTH_WORDS = {word: english for english, words in _MONTHS.items() for word in words}
_LEADING_DAY = re.compile(r"^\s*[^\W\d_]{2,12}\.?,\s*")
_WORD = re.compile(r"[^\W\d_]+\.?")


def _english_rfc822(text: str) -> str:
    """``text`` with a leading day name dropped and localised month names made English."""
    text = _LEADING_DAY.sub("", text)

    def month(match: re.Match[str]) -> str:
        word = match.group(0).rstrip(".")
        return _MONTH_WORDS.get(word.lower(), word)

    return _WORD.sub(month, text)


def parse_datetime(value: str | None) -> datetime | None:
    """ISO 8601 / RFC 3339, RFC 822 and the many variants feedparser knows; None when unreadable."""
    if not value or not isinstance(value, str):
        return None
    text = value.strip()
    if len(text) > MAX_DATE_CHARS:
        return None
    try:
        return _plausible(
            datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
        )
    except ValueError:
        pass
    try:
        return _plausible(parsedate_to_datetime(text))
    except (TypeError, ValueError, IndexError):
        pass
    parsed = from_struct(feedparser_date(text))
    if parsed is not None:
        return parsed
    english = _english_rfc822(text)
    if english == text:
        return None
    try:
        return _plausible(parsedate_to_datetime(english))
    except (TypeError, ValueError, IndexError):
        return from_struct(feedparser_date(english))
