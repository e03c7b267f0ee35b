"""Imported by the extraction workers' fork server (``pipeline/pool.py``) and nowhere else.

Importing it loads what extraction reads on first use (py3langid's model, the public-suffix list
trafilatura's URL helpers parse): a few seconds paid once in the fork server, so every worker forked
from it starts warm instead of paying them again.
"""

from __future__ import annotations

from courlan import extract_domain

from newsloom.extract.metadata import detected_language

_SAMPLE = "The harbour board met on Monday to discuss the repairs to the old quay and the ferry."


def warm_up() -> None:
    detected_language(_SAMPLE)
    extract_domain("https://www.example.com/")


warm_up()
