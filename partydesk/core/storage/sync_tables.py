"""The exchange's own bookkeeping (SYNC.md): registered sites and their keys, packages in and out, conflicts.

None of these rows travels in a package, so they carry no sync mixin. Migration 0013 creates them.

- ``sync_peer``: a site this one exchanges with (a branch registered at its committee, or the committee
  pinned at a branch), with the relation (``child``: it reports to us; ``parent``: we report to it).
- ``sync_peer_key``: each signing/encryption key pair a peer has had; a revoked key signs nothing new.
- ``sync_package``: every package written (``out``) or read (``in``): the import ledger and the outbox. Its
  state moves written → acknowledged (out) or is imported / rejected (in); ``gap`` notes a missing
  prerequisite.
- ``sync_conflict``: an incoming version that met a local change; both versions kept until a person decides.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from partydesk.core.storage.base import Base


class SyncPeer(Base):
    """A registered site: who it is and how it relates to this one."""

    __tablename__ = "sync_peer"

    site_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    org_code: Mapped[str] = mapped_column(String(32), index=True)
    org_name: Mapped[str] = mapped_column(String(200))
    relation: Mapped[str] = mapped_column(String(8))  # child | parent
    registered_at: Mapped[datetime] = mapped_column(DateTime)
    registered_by: Mapped[str] = mapped_column(String(64))
    # Highest change_seq of ours the peer has acknowledged: the next upward export starts above it.
    acked_seq: Mapped[int] = mapped_column(Integer, default=0)
    next_channel_seq: Mapped[int] = mapped_column(Integer, default=1)  # ours, towards the peer


class SyncPeerKey(Base):
    """One key pair of a peer (public halves), pinned at registration or by a signed key update."""

    __tablename__ = "sync_peer_key"

    key_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    site_id: Mapped[str] = mapped_column(String(36), index=True)
    signing_public: Mapped[str] = mapped_column(String(64))  # base64 of the raw 32 bytes
    encryption_public: Mapped[str] = mapped_column(String(64))
    added_at: Mapped[datetime] = mapped_column(DateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class SyncPackage(Base):
    """One package in or out: the import ledger and the outbox."""

    __tablename__ = "sync_package"
    __table_args__ = (UniqueConstraint("direction", "peer_site", "channel_seq"),)

    package_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    direction: Mapped[str] = mapped_column(String(3))  # in | out
    kind: Mapped[str] = mapped_column(String(10))  # upward | downward | snapshot | receipt
    peer_site: Mapped[str] = mapped_column(String(36), index=True)
    channel_seq: Mapped[int] = mapped_column(Integer)
    covers_to: Mapped[int] = mapped_column(Integer, default=0)  # sender's change_seq the package reaches
    created_at: Mapped[datetime] = mapped_column(DateTime)  # as the sender wrote it (UTC)
    handled_at: Mapped[datetime] = mapped_column(DateTime)  # written or imported here (UTC)
    handled_by: Mapped[str] = mapped_column(String(64))
    file_name: Mapped[str] = mapped_column(String(200))
    state: Mapped[str] = mapped_column(String(12))  # written | acknowledged | imported
    gap: Mapped[str] = mapped_column(Text, default="")  # a missing prerequisite, in words
    counts: Mapped[str] = mapped_column(Text, default="{}")  # JSON: new/updated/unchanged/conflict/rejected
    acked: Mapped[int] = mapped_column(Integer, default=0)  # in: a receipt for it went back; out: it came back
    # The sender's audit trail head the package named ("seq:hash"; "" when it named none): our copy of it.
    audit_head: Mapped[str] = mapped_column(Text, default="", server_default="")


class SyncConflict(Base):
    """An incoming version kept beside the local one until someone decides (SYNC.md "Conflicts")."""

    __tablename__ = "sync_conflict"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    record_type: Mapped[str] = mapped_column(String(32))
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    package_id: Mapped[str] = mapped_column(String(36))
    local_version: Mapped[str] = mapped_column(String(64))
    incoming: Mapped[str] = mapped_column(Text)  # the incoming record, canonical JSON
    reason: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    resolution: Mapped[str] = mapped_column(String(16), default="")  # kept_local | took_incoming | superseded


class SyncRejection(Base):
    """A package refused at import: what the file was, who sent it (when its manifest could be read), why.

    Written in its own transaction after the refusal, so the records stay untouched; it holds nothing from
    the payload and no personal data. Migration 0016 creates it.
    """

    __tablename__ = "sync_rejection"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    file_name: Mapped[str] = mapped_column(String(260))
    file_size: Mapped[int] = mapped_column(Integer, default=0)
    org_code: Mapped[str] = mapped_column(String(32), default="")  # the sender's, from the manifest
    site_id: Mapped[str] = mapped_column(String(36), default="")
    reason: Mapped[str] = mapped_column(String(32))  # the rejection code (bad_signature, damaged, …)
    message: Mapped[str] = mapped_column(Text)  # the Chinese message shown
    rejected_at: Mapped[datetime] = mapped_column(DateTime, index=True)  # UTC
    rejected_by: Mapped[str] = mapped_column(String(64))
