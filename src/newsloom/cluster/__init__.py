"""newsloom cluster stage."""
