"""The SQL of search: ``sqlite`` (FTS5), ``postgresql`` (tsvector) and ``common`` (the filters,
ordering and texts both share). Tables and migrations stay in ``store/``."""
