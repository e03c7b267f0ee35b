"""newsloom extract stage."""
