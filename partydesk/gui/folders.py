"""Where a file dialog opens when the user has not chosen a folder yet: the Documents folder, never the
folder the program happens to run in (on an office PC, its install folder)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths


def documents_folder() -> Path:
    """The user's Documents folder (home when the system names none)."""
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or Path.home())
