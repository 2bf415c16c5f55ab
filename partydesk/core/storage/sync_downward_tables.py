"""What downward packages carry besides receipts (SYNC.md): corrections and key updates. Migration 0015.

None of these rows travels as a record, so they carry no sync mixin.

- ``sync_correction``: a record owned by another site and changed here. ``direction`` ``out``: the committee
  corrected a branch's record; ``base_version`` is the owner's version the correction replaced (None for a
  record made here on the owner's behalf, such as an event of the owner's member). ``in``: a correction from
  our parent applied here; ``base_version`` is then the parent's version we took, named in our next upward
  package so the parent sees that our later edit was made on top of its correction.
- ``sync_key_notice``: something about our own keys each peer must hear (``update``: a new key pair signed
  with the old one; ``revoke``: an old key of ours no longer to be trusted), sent in every package to that
  peer from channel number ``from_seq`` on until one of those packages is acknowledged.
- ``sync_key_revocation``: why and when a peer's key was revoked here, and by whom.
- ``sync_refusal`` (migration 0022): a record an import refused. ``out``: a record of the peer's we refused,
  told to the peer in every package to it from channel number ``from_seq`` on until one is acknowledged
  (``state`` ``refused``, or ``cleared`` once a later version or copy of it was taken); ``in``: a record of
  ours the peer told us it refused (``refused``: sent again in each package to it) or has since taken
  (``cleared``), as of ``changed_at``, the peer's time of deciding.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from partydesk.core.storage.base import Base


class SyncCorrection(Base):
    """A correction made here (``out``) or received from the parent and applied (``in``)."""

    __tablename__ = "sync_correction"

    direction: Mapped[str] = mapped_column(String(3), primary_key=True)  # out | in
    record_type: Mapped[str] = mapped_column(String(32), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    owner_site: Mapped[str] = mapped_column(String(36), index=True)
    base_version: Mapped[str | None] = mapped_column(String(64), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class SyncKeyNotice(Base):
    """A key update or revocation of ours that one peer has yet to acknowledge."""

    __tablename__ = "sync_key_notice"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    action: Mapped[str] = mapped_column(String(8))  # update | revoke
    key_id: Mapped[str] = mapped_column(String(32))  # the new key (update) or the revoked one (revoke)
    signed_by: Mapped[str] = mapped_column(String(32))  # the key whose signature vouches for it
    peer_site: Mapped[str] = mapped_column(String(36), index=True)
    from_seq: Mapped[int] = mapped_column(Integer)  # packages to the peer from this channel number carry it
    body: Mapped[str] = mapped_column(String(2000))  # the signed notice as it travels (canonical JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class SyncKeyRevocation(Base):
    """Why a peer's key was revoked here."""

    __tablename__ = "sync_key_revocation"

    key_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    site_id: Mapped[str] = mapped_column(String(36), index=True)
    reason: Mapped[str] = mapped_column(String(500))
    source: Mapped[str] = mapped_column(String(8))  # here (revoked by a person) | notice (announced by its owner)
    revoked_at: Mapped[datetime] = mapped_column(DateTime)
    revoked_by: Mapped[str] = mapped_column(String(64))


class SyncRefusal(Base):
    """A record refused by an import: ours at a peer (``in``), or a peer's here (``out``)."""

    __tablename__ = "sync_refusal"

    direction: Mapped[str] = mapped_column(String(3), primary_key=True)  # out | in
    peer_site: Mapped[str] = mapped_column(String(36), primary_key=True)
    record_type: Mapped[str] = mapped_column(String(40), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    version: Mapped[str] = mapped_column(String(80))  # the version refused
    reason: Mapped[str] = mapped_column(String(500))
    state: Mapped[str] = mapped_column(String(8))  # refused | cleared
    from_seq: Mapped[int] = mapped_column(Integer)  # out: packages to the peer from this number carry it
    changed_at: Mapped[datetime] = mapped_column(DateTime)  # UTC, at the office that refused
