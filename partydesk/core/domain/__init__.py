"""Domain types, code tables, validation and calculation rules (plain Python)."""
