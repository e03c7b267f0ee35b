"""newsloom pipeline stage."""
