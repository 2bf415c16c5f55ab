"""matplotlib Figure builders (never pyplot)."""
