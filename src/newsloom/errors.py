"""One exception tree. Every message starts with the stage: ``fetch: timed out after 20 s (url)``."""

from __future__ import annotations


class NewsloomError(Exception):
    """Base of every error newsloom raises on purpose."""

    stage = "newsloom"

    def __init__(self, message: str) -> None:
        prefix = f"{self.stage}: "
        super().__init__(message if message.startswith(prefix) else prefix + message)


class ConfigError(NewsloomError):
    stage = "config"


class FetchError(NewsloomError):
    stage = "fetch"


class BlockedURLError(FetchError):
    """The URL resolves to an address that settings do not allow (private, loopback, metadata...)."""


class ParseError(NewsloomError):
    stage = "parse"


class ExtractError(NewsloomError):
    stage = "extract"


class StoreError(NewsloomError):
    stage = "store"


class ClusterError(NewsloomError):
    stage = "cluster"


class SummarizeError(NewsloomError):
    stage = "summarize"


class EvalError(NewsloomError):
    stage = "eval"


class AccountError(NewsloomError):
    """A bad user name, password or token; a refused login."""

    stage = "accounts"


# An unexpected error's text is kept short: it is shown on a source's row and in logs.
MAX_REASON_CHARS = 300


def unexpected(stage: str, exc: BaseException, subject: str) -> str:
    """The one-line message recording an error newsloom did not raise on purpose against the item
    it came from: ``extract: ValueError: Exceeds the limit ... (https://...)``."""
    reason = " ".join(f"{type(exc).__name__}: {exc}".split())
    if len(reason) > MAX_REASON_CHARS:
        reason = reason[: MAX_REASON_CHARS - 1] + "…"
    if len(subject) > 200:
        subject = subject[:199] + "…"
    return f"{stage}: {reason} ({subject})"
