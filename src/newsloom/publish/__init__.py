"""newsloom publish stage."""
