"""Pages shown in the main window, one at a time."""
