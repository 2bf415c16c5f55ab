"""The talk tables (谈心谈话): a talk and the members talked with. Migration 0011 creates them."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from partydesk.core.storage.base import Base, SyncMixin


class Talk(SyncMixin, Base):
    """One talk: when, who talked (a member, or a leader from outside the roster by name), its form
    (domain/talks.TALK_FORMS code), what about, and the follow-up it left."""

    __tablename__ = "talk"

    org_id: Mapped[str] = mapped_column(ForeignKey("organisation.id"), index=True)
    held_on: Mapped[date] = mapped_column(Date, index=True)
    by_member_id: Mapped[str | None] = mapped_column(ForeignKey("member.id"), index=True, nullable=True)
    by_name: Mapped[str] = mapped_column(String(64), default="")  # the talker's name as recorded
    form: Mapped[str] = mapped_column(String(32), default="individual")
    topic: Mapped[str] = mapped_column(String(200), default="")
    content: Mapped[str] = mapped_column(Text, default="")
    follow_up: Mapped[str] = mapped_column(Text, default="")
    follow_up_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    follow_up_done: Mapped[bool] = mapped_column(Boolean, default=False)


class TalkMember(SyncMixin, Base):
    """One member talked with in a talk (谈话对象)."""

    __tablename__ = "talk_member"

    talk_id: Mapped[str] = mapped_column(ForeignKey("talk.id"), index=True)
    member_id: Mapped[str] = mapped_column(ForeignKey("member.id"), index=True)
