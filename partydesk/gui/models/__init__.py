"""Qt item models over plain Python rows."""
