"""Use cases: each runs in one transaction and returns a Changes record."""
