"""Notices (通知) a committee writes once and sends down to chosen branches, and what travels with them.

- ``notice`` (synced, owned by the committee that wrote it): title, body, the day it was issued, the
  issuing office, an optional deadline. Only the owner edits it; a branch holds a read-only copy.
- ``notice_attachment`` (synced): a file of a notice, kept in the content-addressed attachment store
  (``core/attachments.py``) and carried in packages as ``blobs/<sha256>``.
- ``downward_target`` (local, never synced): which registered child site a committee record (a notice or a
  study material) is addressed to. ``added_seq`` is the site's change counter when the address was added,
  so a record addressed to one more branch later is sent to it even though the record itself is older than
  that branch's watermark.
- ``notice_read`` (local, never synced): when this office first opened a received notice (unread state).
- ``notice_receipt`` (synced, owned by the office that read the notice): the same first opening, and when
  the office marked what the notice asks as done (已办理), as a record its upward packages carry to the
  notice's office, which so sees which branches have read it and which have done it. It names no person:
  the office and the times only.

Migration 0017 creates them, 0021 the receipts.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from partydesk.core.storage.base import Base, SyncMixin


class Notice(SyncMixin, Base):
    """A notice from a committee to its branches (通知)."""

    __tablename__ = "notice"

    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text, default="")
    issued: Mapped[date] = mapped_column(Date, index=True)
    issuer: Mapped[str] = mapped_column(String(200), default="")
    deadline: Mapped[date | None] = mapped_column(Date, nullable=True)


class NoticeAttachment(SyncMixin, Base):
    """A file sent with a notice; the bytes are stored once under their SHA-256."""

    __tablename__ = "notice_attachment"

    notice_id: Mapped[str] = mapped_column(ForeignKey("notice.id"), index=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    name: Mapped[str] = mapped_column(String(255))
    mime: Mapped[str] = mapped_column(String(100), default="")
    size: Mapped[int] = mapped_column(Integer)


class DownwardTarget(Base):
    """A committee record addressed to one child site (local bookkeeping, not synced)."""

    __tablename__ = "downward_target"

    record_type: Mapped[str] = mapped_column(String(32), primary_key=True)  # notice | study_material
    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    site_id: Mapped[str] = mapped_column(String(36), primary_key=True, index=True)
    added_seq: Mapped[int] = mapped_column(Integer)


class NoticeRead(Base):
    """This office opened a received notice (local, not synced)."""

    __tablename__ = "notice_read"

    notice_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    read_at: Mapped[datetime] = mapped_column(DateTime)
    read_by: Mapped[str] = mapped_column(String(64))


class NoticeReceipt(SyncMixin, Base):
    """An office opened a notice it received, and maybe did what it asks: made where it was read, reported up to
    the notice's office."""

    __tablename__ = "notice_receipt"

    notice_id: Mapped[str] = mapped_column(String(36), index=True)  # no foreign key: see the migration
    read_at: Mapped[datetime] = mapped_column(DateTime)
    done_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)  # 已办理, when so marked
