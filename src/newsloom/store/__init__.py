"""newsloom store stage."""
