"""newsloom: a self-hosted news engine."""

__version__ = "0.1.0"
