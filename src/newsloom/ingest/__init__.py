"""newsloom ingest stage."""
