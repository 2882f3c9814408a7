"""Extraction: a cleaned article in, its publication date, mentions and measurements out."""
