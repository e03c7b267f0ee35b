"""Story pictures: validated and re-encoded copies of articles' images (see prepare.py)."""
