"""File input and output: Excel rosters, documents."""
