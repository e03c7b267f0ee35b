"""newsloom categorize stage."""
