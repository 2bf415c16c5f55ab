"""The tables of the current schema. Every change here needs a migration in ``migrations/versions``."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from partydesk.core.storage.base import Base, SyncMixin


class Site(Base):
    """This installation (one row): its identity, role and the sync counters that must never go back."""

    __tablename__ = "site"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    site_id: Mapped[str] = mapped_column(String(36))
    role: Mapped[str] = mapped_column(String(16))  # "branch" | "committee"
    organisation_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    change_seq: Mapped[int] = mapped_column(Integer, default=0)
    hlc_last: Mapped[str] = mapped_column(String(64), default="")


class Organisation(SyncMixin, Base):
    """A Party organisation (党组织): this branch, its committee, or a branch under a committee."""

    __tablename__ = "organisation"

    code: Mapped[str] = mapped_column(String(32), index=True)
    name: Mapped[str] = mapped_column(String(200))
    org_type: Mapped[str] = mapped_column(String(32))
    parent_id: Mapped[str | None] = mapped_column(ForeignKey("organisation.id"), nullable=True)
    secretary: Mapped[str] = mapped_column(String(64), default="")
    contact: Mapped[str] = mapped_column(String(64), default="")
    phone: Mapped[str] = mapped_column(String(32), default="")
    term_start: Mapped[date | None] = mapped_column(Date, nullable=True)
    term_end: Mapped[date | None] = mapped_column(Date, nullable=True)


class Rule(Base):
    """One editable domain number (house rule 7); ``default_value`` keeps the national default."""

    __tablename__ = "rule"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[int] = mapped_column(Integer)
    default_value: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    updated_by: Mapped[str] = mapped_column(String(64), default="")
    note: Mapped[str] = mapped_column(Text, default="")
