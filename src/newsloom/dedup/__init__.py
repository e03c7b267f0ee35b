"""newsloom dedup stage."""
