"""newsloom eval stage."""
