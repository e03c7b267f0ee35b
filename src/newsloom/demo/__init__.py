"""The demo newsroom: fictional outlets' feeds and pages, served on loopback for ``newsloom demo``.

``newsroom`` loads and validates the bundled data (with gold story labels), ``feeds`` and ``pages``
render documents, ``site`` maps paths to them and ``server`` serves them over HTTP.
"""
