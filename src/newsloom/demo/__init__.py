"""newsloom demo stage."""
