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
