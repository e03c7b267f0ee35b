"""Evaluations: score newsloom's stages on labelled data read in place (see ``newsloom eval``)."""
