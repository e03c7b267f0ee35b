"""newsloom web stage."""
