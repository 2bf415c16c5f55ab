"""Where things live: the user data dir (platformdirs) and the resources dir (source tree or bundle)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "partydesk"
DB_FILE = "partydesk.db"


def data_dir() -> Path:
    """The per-user data folder (%LOCALAPPDATA%\\partydesk on Windows); PARTYDESK_DATA_DIR overrides it."""
    override = os.environ.get("PARTYDESK_DATA_DIR")
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    """The database file used when no --db is given."""
    return data_dir() / DB_FILE


def backup_dir_for(db_path: Path) -> Path:
    """Backups sit in a ``backups`` folder beside the database they protect."""
    return db_path.resolve().parent / "backups"


def log_dir_for(db_path: Path) -> Path:
    """Logs (without personal data) sit in a ``logs`` folder beside the database."""
    return db_path.resolve().parent / "logs"


def resources_dir() -> Path:
    """``resources/`` in the source tree, or its copy inside a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"
