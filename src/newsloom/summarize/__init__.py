"""newsloom summarize stage."""
