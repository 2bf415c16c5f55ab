"""The study tables (学习教育): activities, hours credited, certifications and the materials library.

Migration 0007 creates them. An activity is collective (participants) or one member's own course (a
single credit row and an optional evidence file); every credit row is one member's hours of one activity
in one calendar year (an activity spanning years has a row per year), so the yearly ledger is one grouped
sum. ``meeting_id`` is unique: a 党课 or 主题党日 recorded as a meeting is counted as study at most once.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from partydesk.core.storage.base import Base, SyncMixin


class StudyActivity(SyncMixin, Base):
    """One study activity or one member's own course (自学, 网络培训 …)."""

    __tablename__ = "study_activity"
    __table_args__ = (UniqueConstraint("meeting_id"),)

    org_id: Mapped[str] = mapped_column(ForeignKey("organisation.id"), index=True)
    form_code: Mapped[str] = mapped_column(String(16), index=True)
    topic: Mapped[str] = mapped_column(String(200))
    start_on: Mapped[date] = mapped_column(Date, index=True)
    end_on: Mapped[date] = mapped_column(Date)
    organiser: Mapped[str] = mapped_column(String(200), default="")
    hours_tenths: Mapped[int] = mapped_column(Integer)  # 学时 × 10 for one full participant
    basis: Mapped[str] = mapped_column(String(64), default="")  # how the hours were reckoned: "全天×2"
    materials: Mapped[str] = mapped_column(Text, default="")
    individual: Mapped[bool] = mapped_column(Boolean, default=False)
    meeting_id: Mapped[str | None] = mapped_column(ForeignKey("meeting.id"), nullable=True)
    evidence_sha: Mapped[str] = mapped_column(String(64), default="")  # attachments/<sha> (content-addressed)
    evidence_name: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class StudyCredit(SyncMixin, Base):
    """The 学时 (× 10) one member is credited for one activity in one calendar year."""

    __tablename__ = "study_credit"
    __table_args__ = (UniqueConstraint("activity_id", "member_id", "year"),
                      # Covers the yearly ledger's grouped sum, so it never reads the table rows: 68 s -> 2 s
                      # for 2 million credits (tests/perf/bench_study.py).
                      Index("ix_study_credit_ledger", "year", "member_id", "deleted", "tenths", "activity_id"))

    activity_id: Mapped[str] = mapped_column(ForeignKey("study_activity.id"), index=True)
    member_id: Mapped[str] = mapped_column(ForeignKey("member.id"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    tenths: Mapped[int] = mapped_column(Integer)


class Certification(SyncMixin, Base):
    """A member's certification or qualification (技能证书): name, issuer, dates."""

    __tablename__ = "certification"

    member_id: Mapped[str] = mapped_column(ForeignKey("member.id"), index=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    issuer: Mapped[str] = mapped_column(String(200), default="")
    obtained_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    expires_on: Mapped[date | None] = mapped_column(Date, nullable=True, index=True)
    notes: Mapped[str] = mapped_column(Text, default="")


class StudyMaterial(SyncMixin, Base):
    """One item of the materials library (学习资料): a stored file or a link, with title, tags and date."""

    __tablename__ = "study_material"

    title: Mapped[str] = mapped_column(String(200))
    tags: Mapped[str] = mapped_column(String(200), default="")  # space-separated
    dated: Mapped[date | None] = mapped_column(Date, nullable=True, index=True)
    file_sha: Mapped[str] = mapped_column(String(64), default="")
    file_name: Mapped[str] = mapped_column(String(200), default="")
    link: Mapped[str] = mapped_column(String(500), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
