"""Scorers for the extraction stages against gold data outside the repository."""
