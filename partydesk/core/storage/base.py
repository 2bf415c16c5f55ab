"""Declarative base and the sync mixin carried by every record that can travel in a sync file.

The mixin's bookkeeping columns (version, change_seq, updated_at, updated_by, owner_site) are filled in
by ``stamping.py`` inside the same flush as the write, so no write path can forget them.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Boolean, DateTime, Integer, MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Base of all tables; constraint names are fixed so Alembic batch migrations can find them."""

    metadata = MetaData(naming_convention=NAMING)


def new_id() -> str:
    """A fresh record id: a random UUID, minted once and never reused."""
    return str(uuid.uuid4())


class SyncMixin:
    """Columns of a record that can travel in a .pdsync file (SYNC.md, DESIGN.md "Storage")."""

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    owner_site: Mapped[str] = mapped_column(String(36))
    version: Mapped[str] = mapped_column(String(64))
    change_seq: Mapped[int] = mapped_column(Integer, index=True)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    updated_by: Mapped[str] = mapped_column(String(64))
    # SHA-256 of the other columns (storage/rowhash.py), so silent damage to the row is found.
    row_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)
