"""Moving a database file to one migration revision, up or down, as the migration tests do."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import create_engine

from partydesk.core.storage import migrate


def migrate_to(path: Path, revision: str, *, up: bool) -> None:
    """Upgrade (``up``) or downgrade the file at ``path`` to ``revision``, in one transaction."""
    engine = create_engine(f"sqlite:///{path}")
    cfg = migrate.alembic_config()
    try:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            (command.upgrade if up else command.downgrade)(cfg, revision)
    finally:
        engine.dispose()
